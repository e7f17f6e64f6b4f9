"""Deleting, merging or restoring a tag, or a reload, has the codebook count its tags'
passages once, not once for the changed tags and again for the changed passages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import diptych.gui.tag_usage as tag_usage
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import DeleteTag, MergeTags
from diptych.gui.tag_model import TagTreeModel
from diptych.storage.annotations import NewAnnotation
from diptych.storage.codebook import Codebook
from diptych.storage.model import Tag, TagRemoval
from diptych.storage.tag_counts import TagCount
from diptych.storage.tags import TagStore


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each time the counts are read here, on the window's thread."""
    reads: list[str] = []
    count = TagStore.usage_with_sub_tags

    def spy(store: TagStore, *args: object, **kwargs: object) -> dict[int, TagCount]:
        reads.append("read")
        return count(store, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(TagStore, "usage_with_sub_tags", spy)
    return reads


@pytest.fixture
def counted_in_background(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each time a worker counts (every project counted in the background)."""
    monkeypatch.setattr(tag_usage, "BACKGROUND_COUNT", 0)
    reads: list[Path] = []
    count = tag_usage.count_tag_usage

    def spy(path: Path) -> dict[int, TagCount]:
        reads.append(path)
        return count(path)

    monkeypatch.setattr(tag_usage, "count_tag_usage", spy)
    return reads


def busiest(session: ProjectSession) -> int:
    usage = session.project.tags.usage()
    return max(usage, key=usage.__getitem__)


def settled(qtbot: QtBot, model: TagTreeModel) -> None:
    """Every recount the change asked for has run (and its worker, if any, answered)."""
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not model.counting)


def test_deleting_a_tag_and_undoing_it_count_once_each(
    qtbot: QtBot, session: ProjectSession, counted: list[str]
) -> None:
    model = TagTreeModel(session)
    settled(qtbot, model)
    tag_id = busiest(session)
    counted.clear()
    assert perform(session, DeleteTag(session, tag_id))
    settled(qtbot, model)
    assert len(counted) == 1
    assert model.index_of(tag_id).isValid() is False
    session.undo_stack.undo()
    settled(qtbot, model)
    assert len(counted) == 2
    assert model.count(tag_id) == session.project.tags.usage()[tag_id]


def test_merging_tags_counts_once(
    qtbot: QtBot, session: ProjectSession, counted: list[str]
) -> None:
    model = TagTreeModel(session)
    settled(qtbot, model)
    source = busiest(session)
    target = next(t.id for t in session.project.tags.all() if t.id != source)
    counted.clear()
    assert perform(session, MergeTags(session, source, target))
    settled(qtbot, model)
    assert len(counted) == 1


def test_a_reload_counts_once(qtbot: QtBot, session: ProjectSession, counted: list[str]) -> None:
    model = TagTreeModel(session)
    settled(qtbot, model)
    counted.clear()
    session.reload_all()
    settled(qtbot, model)
    assert len(counted) == 1


def test_passages_changed_alone_are_still_counted(
    qtbot: QtBot, session: ProjectSession, counted: list[str]
) -> None:
    model = TagTreeModel(session)
    settled(qtbot, model)
    tag_id = busiest(session)
    count = model.count(tag_id)
    article = session.project.articles.all()[0].id
    session.project.annotations.add_many(items=[NewAnnotation(article, 0, 5, (tag_id,), "")])
    counted.clear()
    session.allPassagesChanged.emit()
    settled(qtbot, model)
    assert len(counted) == 1
    assert model.count(tag_id) == count + 1


def test_deleting_a_tag_in_a_big_project_asks_one_worker(
    qtbot: QtBot, session: ProjectSession, counted_in_background: list[Path]
) -> None:
    model = TagTreeModel(session)
    settled(qtbot, model)
    counted_in_background.clear()
    assert perform(session, DeleteTag(session, busiest(session)))
    settled(qtbot, model)
    assert counted_in_background == [session.project.path]


def test_deleting_a_tag_reads_the_tags_once_for_the_codebook_and_its_counts(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = TagTreeModel(session)
    settled(qtbot, model)
    tag_id = busiest(session)
    reads: list[str] = []
    read, read_tree, delete = TagStore.all, TagStore.codebook, TagStore.delete

    def spy(store: TagStore) -> list[Tag]:
        reads.append("all")
        return read(store)

    def spy_tree(store: TagStore) -> Codebook:
        reads.append("codebook")
        return read_tree(store)

    def deleted(store: TagStore, **kwargs: Any) -> TagRemoval:
        removal = delete(store, **kwargs)
        reads.clear()  # the deletion's own, in the file; the window's reads follow
        return removal

    monkeypatch.setattr(TagStore, "all", spy)
    monkeypatch.setattr(TagStore, "codebook", spy_tree)
    monkeypatch.setattr(TagStore, "delete", deleted)
    assert perform(session, DeleteTag(session, tag_id))
    settled(qtbot, model)
    assert reads == ["codebook"]  # the tags with their keys, read once
    assert not model.index_of(tag_id).isValid()
