"""Tagging with a tag, or tagging a passage, that another window deleted meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.errors import InputError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


@pytest.fixture
def windows(tmp_path: Path) -> Iterator[tuple[Project, Project]]:
    path = tmp_path / "two.diptych"
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(b"Hello world, some text here", name="a.txt"))
    with Project.open(path) as here, Project.open(path) as there:
        yield here, there


def test_a_tag_deleted_in_another_window_is_named_not_the_file(
    windows: tuple[Project, Project],
) -> None:
    here, there = windows
    kept = here.tags.add(name="Kept")
    gone = here.tags.add(name="Gone")
    passage = here.annotations.add(article_id=1, start=0, end=5, tag_ids=[kept.id])
    there.tags.delete(tag_id=gone.id)

    with pytest.raises(InputError, match="tag no longer exists") as refused:
        here.annotations.add(article_id=1, start=6, end=11, tag_ids=[kept.id, gone.id])
    assert "could not be used" not in str(refused.value)
    with pytest.raises(InputError, match="tag no longer exists"):
        here.annotations.set_tags(annotation_id=passage.id, tag_ids=[gone.id])

    assert [p.tag_ids for p in there.annotations.query()] == [(kept.id,)]  # nothing changed


def test_tagging_a_passage_deleted_in_another_window_names_the_passage(
    windows: tuple[Project, Project],
) -> None:
    here, there = windows
    tag = here.tags.add(name="Topic")
    passage = here.annotations.add(article_id=1, start=0, end=5)
    there.annotations.delete(annotation_id=passage.id)
    with pytest.raises(InputError, match=f"there is no passage {passage.id}"):
        here.annotations.set_tags(annotation_id=passage.id, tag_ids=[tag.id])


def test_a_sub_tag_of_a_tag_deleted_in_another_window_is_refused_by_name(
    windows: tuple[Project, Project],
) -> None:
    here, there = windows
    parent = here.tags.add(name="Parent")
    there.tags.delete(tag_id=parent.id)
    with pytest.raises(InputError, match="parent tag no longer exists"):
        here.tags.add(name="Child", parent_id=parent.id)
    assert there.tags.all() == []


def test_a_memo_on_a_tag_or_article_deleted_in_another_window_is_refused_by_name(
    windows: tuple[Project, Project],
) -> None:
    from diptych.storage.model import MemoKind

    here, there = windows
    tag = here.tags.add(name="Topic")
    there.tags.delete(tag_id=tag.id)
    with pytest.raises(InputError, match=f"there is no tag {tag.id}"):
        here.memos.set(kind=MemoKind.TAG, target_id=tag.id, text="Typed")
    there.articles.remove(article_id=1)
    with pytest.raises(InputError, match="there is no article 1"):
        here.memos.set(kind=MemoKind.ARTICLE, target_id=1, text="Typed")
    assert there.memos.all() == []
