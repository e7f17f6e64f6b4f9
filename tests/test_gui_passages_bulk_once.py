"""Deleting or tagging many passages at once from the Passages list, and undoing or
redoing it, updates the list once, not once per article touched (each recounting every
passage for the other tab's hint) nor once per row removed: with thousands of passages
over a thousand articles the window froze for a minute."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_exchange_undo_bulk import statements
from test_storage_passages_bulk import main

from diptych.gui import dialogs
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_filter import PassageFilter
from diptych.gui.passage_model import BULK_CHANGES
from diptych.gui.session_core import SessionCore
from diptych.storage.annotations import NewAnnotation
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation
from diptych.storage.project import Project

ARTICLES = 30
EACH = 9  # passages of the tag in each article: more than BULK_CHANGES in all
WORDS = " ".join(f"word{i}" for i in range(200))


@pytest.fixture
def tested(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a passage was tested against a filter (one item per test)."""
    tests: list[int] = []
    matcher = PassageFilter.matcher

    def counting(self: PassageFilter, *args: object, **kwargs: object) -> Callable[..., bool]:
        matches = matcher(self, *args, **kwargs)  # type: ignore[arg-type]

        def counted(passage: object) -> bool:
            tests.append(1)
            return matches(passage)  # type: ignore[arg-type]

        return counted

    monkeypatch.setattr(PassageFilter, "matcher", counting)
    return tests


@pytest.fixture
def big(qtbot: QtBot, context: AppContext, sample: Path) -> Iterator[tuple[MainWindow, int]]:
    """The window on the sample project with ARTICLES more articles, EACH passages of a
    tag of their own in each, and the list filtered by that tag; the tag's id."""
    project = Project.open(sample)
    tag_id = project.tags.add(name="Bulk", color="#112233").id
    parsed = [
        parse_article(f"# Article {n}\n\n{WORDS}\n".encode(), name=f"a{n}.md")
        for n in range(ARTICLES)
    ]
    added = project.articles.add_many(parsed=parsed)
    items = [
        NewAnnotation(article_id=a.id, start=20 + 10 * k, end=25 + 10 * k, tag_ids=(tag_id,))
        for a in added
        for k in range(EACH)
    ]
    project.annotations.add_many(items=items)
    window = open_window(qtbot, context, project)
    window.passages.set_tag_filter(tag_id)
    qtbot.waitUntil(lambda: window.passages.model.rowCount() == ARTICLES * EACH)
    yield window, tag_id


def every_row_chosen(qtbot: QtBot, window: MainWindow) -> list[int]:
    """The keyboard in the list, Ctrl+A: the passages selected."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    return window.passages.selection.selected_passages()


class Updates:
    """The list's model resets and rows removed or inserted, counted."""

    def __init__(self, window: MainWindow) -> None:
        self.resets = self.rows = 0
        model = window.passages.model
        model.modelReset.connect(self._reset)
        model.rowsRemoved.connect(self._row)
        model.rowsInserted.connect(self._row)

    def _reset(self) -> None:
        self.resets += 1

    def _row(self, *_where: object) -> None:
        self.rows += 1

    def take(self) -> tuple[int, int]:
        counted = self.resets, self.rows
        self.resets = self.rows = 0
        return counted


def stored(window: MainWindow, tag_id: int) -> int:
    return sum(tag_id in p.tag_ids for p in window.session.project.annotations.query())


def test_deleting_every_passage_listed_and_undoing_it_updates_the_list_once(
    qtbot: QtBot,
    big: tuple[MainWindow, int],
    tested: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, tag_id = big
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args, **_kwargs: True)
    total = window.session.project.annotations.count()
    chosen = every_row_chosen(qtbot, window)
    assert len(chosen) == ARTICLES * EACH > BULK_CHANGES
    updates = Updates(window)
    tested.clear()
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Delete)
    assert stored(window, tag_id) == 0
    assert window.passages.model.rowCount() == 0
    assert updates.take() == (1, 0)  # one reset, no row removed one by one
    assert len(tested) <= 3 * total  # not once per article, nor per row

    for step, rows in ((window.actions_.undo, len(chosen)), (window.actions_.redo, 0)):
        tested.clear()
        step.trigger()
        assert window.passages.model.rowCount() == rows
        assert updates.take() == (1, 0)
        assert len(tested) <= 3 * total


def test_tagging_every_passage_listed_and_undoing_it_updates_the_list_once(
    qtbot: QtBot,
    big: tuple[MainWindow, int],
    tested: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _tag_id = big
    other = window.session.project.tags.add(name="Other", color="#445566").id
    window.session.tagsChanged.emit()
    total = window.session.project.annotations.count()
    chosen = every_row_chosen(qtbot, window)
    updates = Updates(window)
    tested.clear()
    read_one_by_one: list[int] = []
    get = SessionCore.passage

    def getting(session: SessionCore, annotation_id: int) -> Annotation:
        read_one_by_one.append(annotation_id)
        return get(session, annotation_id)

    monkeypatch.setattr(SessionCore, "passage", getting)
    window.passages.tag_passages(chosen, other)  # the list menu's "Tag them all"
    monkeypatch.undo()
    assert stored(window, other) == len(chosen)
    assert updates.take() == (1, 0)
    assert len(tested) <= 3 * total
    assert read_one_by_one == []  # the passages read in one query, not one each
    # Selected again as one range of rows, not one range per row (which took seconds)
    assert window.passages.table.selectionModel().selection().count() == 1
    assert sorted(window.passages.selection.selected_passages()) == sorted(chosen)
    tested.clear()
    window.actions_.undo.trigger()
    assert stored(window, other) == 0
    assert updates.take() == (1, 0)
    assert len(tested) <= 3 * total
    assert window.passages.model.rowCount() == len(chosen)


def test_a_few_passages_of_many_articles_deleted_leave_row_by_row_counted_once(
    qtbot: QtBot,
    big: tuple[MainWindow, int],
    tested: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fewer than BULK_CHANGES: the rows go one by one (the rest keep their place and
    selection), but every passage is not tested again for each row nor each article."""
    window, _tag_id = big
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args, **_kwargs: True)
    total = window.session.project.annotations.count()
    model = window.passages.model
    one_each = [model.passage(row).id for row in range(0, ARTICLES * EACH, EACH)]
    updates = Updates(window)
    tested.clear()
    window.passages.delete_passages(one_each)
    assert model.rowCount() == ARTICLES * (EACH - 1)
    assert updates.take() == (0, ARTICLES)
    assert len(tested) <= 3 * total


def test_deleting_and_tagging_every_passage_listed_takes_a_few_statements_not_some_each(
    qtbot: QtBot, big: tuple[MainWindow, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The passages go, come back and are tagged in a few statements for all of them, each
    still checked as one is (redo: as undo left it): with 5,000 passages of a tag in a
    big project the window held for seconds, one passage at a time."""
    window, _tag_id = big
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args, **_kwargs: True)
    project = window.session.project
    other = project.tags.add(name="Other", color="#445566").id
    window.session.tagsChanged.emit()
    chosen = every_row_chosen(qtbot, window)
    table = window.passages.table
    steps: list[tuple[str, Callable[[], object]]] = [
        ("delete", lambda: qtbot.keyClick(table, Qt.Key.Key_Delete)),
        ("undo", window.actions_.undo.trigger),
        ("redo", window.actions_.redo.trigger),
        ("undo again", window.actions_.undo.trigger),
        ("tag them all", lambda: window.passages.tag_passages(chosen, other)),
        ("undo the tagging", window.actions_.undo.trigger),
    ]
    ran = {name: len(main(statements(project, step))) for name, step in steps}
    assert window.passages.model.rowCount() == len(chosen)
    assert stored(window, other) == 0
    # Beside the step's own few: the views read each article's passages once, and undo
    # each article's text, to find its passages there if another window replaced it
    assert all(count < 2 * ARTICLES + 20 for count in ran.values()), ran
    assert len(chosen) > 4 * ARTICLES  # what several statements a passage would take
