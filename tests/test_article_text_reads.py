"""Whether the text of an article this project read is still the file's: a new title is no
new text, and another window's new text of the same length is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.article_rows import load_article
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TEXT = b"Alpha beta gamma delta.\n"
SAME_LENGTH = b"Alpha beta GAMMA delta.\n"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(TEXT, name="a.txt"))
    return path


@pytest.fixture
def window(path: Path) -> Iterator[Project]:
    """The project as a window opened it, having read its one article."""
    with Project.open(path) as project:
        project.articles.get(article_id=1)
        yield project


def elsewhere(path: Path, *, title: str | None = None, text: bytes | None = None) -> None:
    with Project.open(path) as other:
        if title is not None:
            other.articles.rename(article_id=1, title=title)
        if text is not None:
            other.articles.replace_text(article_id=1, parsed=parse_article(text, name="a.txt"))


def test_a_rename_elsewhere_is_no_new_text(path: Path, window: Project) -> None:
    elsewhere(path, title="Another title")
    window.forget_cached()  # as a window does on any change elsewhere
    assert not window.articles.text_changed_since_read(article_id=1)
    elsewhere(path, title="A third title")
    assert not window.articles.text_changed_since_read(article_id=1)


def test_a_new_text_of_the_same_length_elsewhere_is_seen(path: Path, window: Project) -> None:
    elsewhere(path, title="Another title", text=SAME_LENGTH)
    window.forget_cached()
    assert window.articles.text_changed_since_read(article_id=1)
    window.articles.get(article_id=1)  # the views read the new text: compared with from now
    assert not window.articles.text_changed_since_read(article_id=1)
    elsewhere(path, text=TEXT)
    assert window.articles.text_changed_since_read(article_id=1)


def test_the_text_first_read_is_compared_with_until_a_change_is_seen(
    path: Path, window: Project
) -> None:
    """A view still shows the text read first, even if the new text was read meanwhile."""
    elsewhere(path, text=SAME_LENGTH)
    window.forget_cached()
    assert "GAMMA" in window.articles.get(article_id=1).text
    assert window.articles.text_changed_since_read(article_id=1)


def test_a_text_read_in_the_background_counts_as_read(path: Path) -> None:
    with Project.open(path) as window:
        assert window.articles.text_changed_since_read(article_id=1)  # nothing read yet
        window.articles.remember(load_article(path, article_id=1))
        elsewhere(path, title="Another title")
        assert not window.articles.text_changed_since_read(article_id=1)


def test_this_project_updating_the_text_leaves_it_to_be_read_again(window: Project) -> None:
    report = window.articles.replace_text(
        article_id=1, parsed=parse_article(SAME_LENGTH, name="a.txt")
    )
    assert window.articles.text_changed_since_read(article_id=1)
    window.articles.get(article_id=1)
    assert report.previous_article is not None
    window.articles.restore_text(article=report.previous_article, passages=report.previous)
    assert window.articles.text_changed_since_read(article_id=1)
