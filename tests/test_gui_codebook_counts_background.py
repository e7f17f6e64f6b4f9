"""A big project's codebook counts its tags' passages in a worker, off the window's thread.

The threshold is lowered to 0 so that the sample project takes the big projects' path: the
tree shows the tags at once, and each tag's count once the worker has counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import diptych.gui.tag_usage as tag_usage
from diptych.gui.session import ProjectSession
from diptych.gui.tag_model import TagTreeModel
from diptych.storage.errors import DamagedProjectError


@pytest.fixture(autouse=True)
def always_in_background(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tag_usage, "BACKGROUND_COUNT", 0)


def shown(model: TagTreeModel, tag_id: int) -> str:
    return str(model.index_of(tag_id).data())


def busiest(session: ProjectSession) -> tuple[int, int]:
    usage = session.project.tags.usage()
    tag_id = max(usage, key=usage.__getitem__)
    return tag_id, usage[tag_id]


def test_the_tags_show_at_once_and_their_counts_once_counted(
    qtbot: QtBot, session: ProjectSession
) -> None:
    tag_id, count = busiest(session)
    name = session.codebook()[tag_id].name
    model = TagTreeModel(session)
    assert model.counting
    assert shown(model, tag_id) == name  # the tree is there; its count is on its way
    qtbot.waitUntil(lambda: not model.counting)
    assert shown(model, tag_id) == f"{name}  ({count})"


def test_a_small_project_counts_at_once(
    monkeypatch: pytest.MonkeyPatch, session: ProjectSession
) -> None:
    monkeypatch.setattr(tag_usage, "BACKGROUND_COUNT", 10_000)
    tag_id, count = busiest(session)
    model = TagTreeModel(session)
    assert not model.counting
    assert shown(model, tag_id).endswith(f"({count})")


def test_tagging_a_passage_recounts_in_the_worker(qtbot: QtBot, session: ProjectSession) -> None:
    model = TagTreeModel(session)
    qtbot.waitUntil(lambda: not model.counting)
    tag_id, count = busiest(session)
    article_id = session.project.articles.all()[0].id
    session.add_passage(article_id=article_id, start=0, end=12, tag_ids=[tag_id])
    qtbot.waitUntil(lambda: shown(model, tag_id).endswith(f"({count + 1})"))
    assert not model.counting


def test_a_renamed_tag_keeps_its_count_while_the_worker_counts(
    qtbot: QtBot, session: ProjectSession
) -> None:
    model = TagTreeModel(session)
    qtbot.waitUntil(lambda: not model.counting)
    tag_id, count = busiest(session)
    session.update_tag(tag_id, name="Renamed")
    assert model.counting
    assert shown(model, tag_id) == f"Renamed  ({count})"  # never a moment without it
    qtbot.waitUntil(lambda: not model.counting)
    assert shown(model, tag_id) == f"Renamed  ({count})"


def test_a_count_overtaken_by_a_newer_one_is_dropped(qtbot: QtBot, session: ProjectSession) -> None:
    model = TagTreeModel(session)
    qtbot.waitUntil(lambda: not model.counting)
    tag_id, count = busiest(session)
    model._usage_counter.on_usage_timer_timeout()  # a count starts, then the passages change again
    older = model._usage_counter._counts
    model._usage_counter.on_usage_timer_timeout()
    model._usage_counter.on_usage_counted((older, {tag_id: 999}, {}))
    assert shown(model, tag_id).endswith(f"({count})")
    qtbot.waitUntil(lambda: not model.counting)
    assert shown(model, tag_id).endswith(f"({count})")


def test_a_file_the_worker_cannot_read_is_counted_here(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, session: ProjectSession
) -> None:
    def unreadable(path: Path) -> dict[int, int]:
        raise DamagedProjectError(f"{path.name} is damaged.")

    monkeypatch.setattr(tag_usage, "count_tag_usage", unreadable)
    tag_id, count = busiest(session)
    model = TagTreeModel(session)
    qtbot.waitUntil(lambda: not model.counting)
    assert shown(model, tag_id).endswith(f"({count})")


def test_the_model_passes_the_model_tester_while_counting(
    qtmodeltester, qtbot: QtBot, session: ProjectSession
) -> None:
    model = TagTreeModel(session)
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: not model.counting)
    qtmodeltester.check(model, force_py=True)


def test_closing_while_counting_leaves_the_counts_alone(
    qtbot: QtBot, session: ProjectSession
) -> None:
    model = TagTreeModel(session)
    tag_id = busiest(session)[0]
    counts = model._usage_counter._counts
    session.close()
    model._usage_counter.on_usage_counted(
        (counts, {tag_id: 5}, {})
    )  # arriving after the window went
    assert "(5)" not in shown(model, tag_id)
