"""A passage gone to from the Passages list stays the selected one in its article, though
other passages (a colleague's on the same words, one overlapping its first character)
cover the caret put at its start: Enter there, F2 and the Passage panel act on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window, point_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TEXT = "Intro line.\n\nThe visit was a symbolic restart of ties.\n\nClosing line.\n"
WORDS = "symbolic restart"


@pytest.fixture
def doubled(qtbot: QtBot, context: AppContext, tmp_path: Path) -> tuple[MainWindow, list[int]]:
    """A window on an article whose words are coded by two coders, each with a note, and
    overlapped at their start by a shorter passage (listed first at that character)."""
    path = tmp_path / "doubled.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="visit.txt"))
        start = project.articles.get(article_id=article.id).text.index(WORDS)
        tag = project.tags.add(name="Framing")

        def add(end: int, note: str = "", coder: str = "") -> int:
            passage = project.annotations.add(
                article_id=article.id, start=start, end=end, tag_ids=[tag.id], note=note,
                coder=coder,
            )  # fmt: skip
            return passage.id

        ids = [
            add(start + len(WORDS), "first note", "Diptych sample"),
            add(start + len(WORDS), "second note", "Ana Souza"),
            add(start + len("symbolic")),
        ]
    window = open_window(qtbot, context, Project.open(path))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.docks["passages"].show()
    return window, ids


def focus(qtbot: QtBot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def click_row(qtbot: QtBot, window: MainWindow, annotation_id: int) -> None:
    """Click the passage's row in the Passages list, as the reader does."""
    table = window.passages.table
    index = window.passages.selection.index_of(annotation_id)
    assert index.isValid()
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: window.area.current is not None and not window.area.current.is_loading)


@pytest.mark.parametrize("which", [0, 1], ids=["first-coder", "second-coder"])
def test_enter_after_a_click_in_the_list_keeps_the_passage_chosen(
    qtbot: QtBot, doubled: tuple[MainWindow, list[int]], which: int
) -> None:
    window, ids = doubled
    chosen = ids[which]
    click_row(qtbot, window, chosen)
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.selected_passage == chosen)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)  # the keyboard went to the article

    assert window.coding.selected == chosen
    assert pane.selected_passage == chosen
    assert window.passages.current_passage() == chosen
    assert window.editor.current_passage() == chosen


def test_f2_after_going_to_a_colleagues_passage_writes_its_note(
    qtbot: QtBot, doubled: tuple[MainWindow, list[int]]
) -> None:
    window, ids = doubled
    first, second, _shorter = ids
    click_row(qtbot, window, second)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    qtbot.keyClicks(window.editor.note, " [ANA-EDIT]")
    window.editor.note.clearFocus()  # saved as the note is left

    notes = window.session.project.annotations
    qtbot.waitUntil(lambda: notes.get(annotation_id=second).note == "second note [ANA-EDIT]")
    assert notes.get(annotation_id=first).note == "first note"


def test_enter_after_going_to_a_search_result_keeps_its_passage(
    qtbot: QtBot, doubled: tuple[MainWindow, list[int]]
) -> None:
    window, ids = doubled
    window.actions_.search.trigger()
    panel = window.search
    qtbot.keyClicks(panel.field, '"second note"')  # the colleague's note alone
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.count() == 1
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.coding.selected == ids[1])
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.selected_passage == ids[1])
    qtbot.keyClick(focus(qtbot), Qt.Key.Key_Return)

    assert window.coding.selected == ids[1]
    assert window.editor.current_passage() == ids[1]


def test_a_click_on_the_outlined_highlight_keeps_it(
    qtbot: QtBot, doubled: tuple[MainWindow, list[int]]
) -> None:
    window, ids = doubled
    click_row(qtbot, window, ids[1])
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.selected_passage == ids[1])
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    point = point_of(pane, text.index(WORDS) + 2)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    assert window.coding.selected == ids[1]
    assert window.editor.current_passage() == ids[1]
