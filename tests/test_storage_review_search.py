"""Full-text search: a query valid for one kind of hit is not lost for the other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search

TEXT = "Harbour report\n\nThe zebra crossing near the harbour was repainted."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "search.diptych") as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="h.txt"))
        start = project.articles.get(article_id=article.id).text.index("zebra")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 5, note="Striped animal"
        )
        yield project


def test_a_column_filter_on_article_titles_finds_the_article(project: Project) -> None:
    hits = search(project, query="title:harbour")
    assert [(h.kind, h.title) for h in hits] == [("article", "Harbour report")]


def test_a_column_filter_on_passage_notes_finds_the_passage(project: Project) -> None:
    hits = search(project, query="note:striped")
    assert [h.kind for h in hits] == ["passage"]
    assert "[Striped]" in hits[0].snippet


def test_plain_words_and_bad_syntax_still_search_both(project: Project) -> None:
    assert sorted(h.kind for h in search(project, query="zebra")) == ["article", "passage"]
    assert sorted(h.kind for h in search(project, query='zebra "unbalanced')) == []
    assert sorted(h.kind for h in search(project, query="zebra (")) == ["article", "passage"]
