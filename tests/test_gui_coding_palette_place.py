"""The tag palette (Ctrl+T) opens below the selected text, whichever way it was selected:
selected upwards (Shift+Up, Shift+Left), the caret is at its start, and the palette opened
below that first line covered the rest of the text being tagged."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

QUOTE = "delicate choreography of diplomacy across Northeast Asia is undergoing a profound"


@pytest.mark.parametrize("upwards", [False, True])
def test_the_palette_leaves_the_selected_text_in_sight(
    qtbot: QtBot, window: MainWindow, upwards: bool
) -> None:
    window.resize(1400, 900)
    pane = keyboard_in(qtbot, window, 0)
    view = pane.view
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    start = text.index(QUOTE)
    first, last = view.positions.to_rendered(start), view.positions.to_rendered(start + len(QUOTE))
    cursor = QTextCursor(view.document())
    cursor.setPosition(last if upwards else first)
    cursor.setPosition(first if upwards else last, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    end = QTextCursor(view.document())
    end.setPosition(last)
    end_line = view.cursorRect(end)
    beginning = QTextCursor(view.document())
    beginning.setPosition(first)
    assert view.cursorRect(beginning).top() < view.cursorRect(end).top()  # several lines

    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    bottom = view.viewport().mapToGlobal(QPoint(0, end_line.bottom()))
    assert palette.geometry().top() > bottom.y()  # below the last line selected


def test_without_room_below_the_palette_opens_above_the_selected_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    for dock in window.docks.values():  # a window within the small offscreen screen
        dock.close()
    window.resize(760, 740)
    pane = keyboard_in(qtbot, window, 0)
    view = pane.view
    viewport = view.viewport()
    # Words on the last whole line in view: the palette has no room below them.
    cursor = view.cursorForPosition(QPoint(viewport.width() // 3, viewport.height() - 30))
    cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert cursor.hasSelection()
    line = view.cursorRect(cursor)
    top = viewport.mapToGlobal(QPoint(0, line.top())).y()
    screen = window.screen().availableGeometry()
    assert window.frameGeometry().bottom() <= screen.bottom()
    assert top + 320 > window.frameGeometry().bottom()  # no room below for the palette

    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.geometry().bottom() < top  # above the word, which stays in sight


def test_the_palette_is_as_tall_as_the_tags_it_lists(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    row = palette.list.sizeHintForRow(0)
    tags = palette.model.rowCount()
    assert tags == len(window.session.ordered_tags())
    assert palette.list.height() >= tags * row  # every tag in sight
    top, opened = palette.geometry().top(), palette.height()

    qtbot.keyClicks(palette.field, "Summitry")  # one tag
    assert palette.model.rowCount() == 1
    assert palette.list.height() < 4 * row  # no tall empty box over the text
    assert palette.height() < opened and palette.geometry().top() == top
    palette.field.clear()
    assert palette.list.height() >= tags * row  # all of them again, in sight
    assert palette.height() <= opened  # never taller than it opened, where it fitted
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
