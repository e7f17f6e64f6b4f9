"""Filtering the Passages list from the keyboard: Ctrl+Shift+P goes to the list, and the
words typed there go into its filter (the filter field was four Shift+Tabs up, past the
tab bar and three lists), Down goes back to the matches and Enter opens one; Esc in the
filter clears it, as in the Library."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE
from diptych.gui.shortcuts_box import SHORTCUTS

SHIFT_CONTROL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def go_to_passages(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_P, SHIFT_CONTROL)
    qtbot.waitUntil(window.passages.table.hasFocus)


def shown_quotes(window: MainWindow) -> list[int]:
    model = window.passages.model
    return [model.index(row, 0).data(PASSAGE_ID_ROLE) for row in range(model.rowCount())]


def test_words_typed_in_the_passages_list_filter_it(qtbot: QtBot, window: MainWindow) -> None:
    go_to_passages(qtbot, window)
    everything = shown_quotes(window)
    qtbot.keyClicks(QApplication.focusWidget(), "cooperation")
    search = window.passages.search
    assert search.text() == "cooperation"
    assert search.hasFocus()
    matches = shown_quotes(window)
    assert matches and len(matches) < len(everything)

    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert window.passages.table.hasFocus()
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Return)
    pane = window.area.current
    assert pane is not None and pane.view.hasFocus()
    assert window.coding.selected == matches[0] == pane.selected_passage


def test_typing_in_the_list_adds_to_the_filter_already_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to_passages(qtbot, window)
    search = window.passages.search
    qtbot.keyClicks(QApplication.focusWidget(), "co")  # a new filter, typed in the list
    assert search.text() == "co" and search.hasFocus()
    qtbot.keyClick(search, Qt.Key.Key_Down)  # back to the matches, not by the list's key
    qtbot.waitUntil(window.passages.table.hasFocus)
    qtbot.keyClicks(window.passages.table, "operation")
    assert search.text() == "cooperation"


def test_keys_of_the_list_still_act_on_it(qtbot: QtBot, window: MainWindow) -> None:
    go_to_passages(qtbot, window)
    table = window.passages.table
    for key in (Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_Space):
        qtbot.keyClick(table, key)
        assert table.hasFocus()
    assert window.passages.search.text() == ""


def test_esc_in_the_passages_filter_clears_it(qtbot: QtBot, window: MainWindow) -> None:
    go_to_passages(qtbot, window)
    everything = shown_quotes(window)
    search = window.passages.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "cooperation")
    assert shown_quotes(window) != everything
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert search.hasFocus()
    assert shown_quotes(window) == everything


def test_the_keys_list_says_typing_in_the_passages_list_filters_it() -> None:
    listed = " ".join(QTextDocumentFragment.fromHtml(SHORTCUTS).toPlainText().split())
    assert "Typing in the Passages list, Esc in its filter" in listed
    assert "Filter the passages by their quote, note, tags or article / clear the filter" in listed


def test_a_character_typed_with_altgr_goes_into_the_filter_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to_passages(qtbot, window)
    altgr = Qt.KeyboardModifier.GroupSwitchModifier  # AltGr, as X11 reports it
    table = window.passages.table
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(table, QKeyEvent(kind, Qt.Key.Key_At, altgr, "@"))
    assert window.passages.search.text() == "@"


def test_backspace_in_the_passages_list_takes_back_the_filters_last_letter(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to_passages(qtbot, window)
    qtbot.keyClicks(QApplication.focusWidget(), "cooperationz")
    search = window.passages.search
    assert not shown_quotes(window)
    window.passages.table.setFocus()
    qtbot.waitUntil(window.passages.table.hasFocus)

    qtbot.keyClick(window.passages.table, Qt.Key.Key_Backspace)
    assert search.text() == "cooperation"
    assert search.hasFocus()
    assert shown_quotes(window)

    search.clear()
    window.passages.table.setFocus()
    qtbot.waitUntil(window.passages.table.hasFocus)
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Backspace)  # nothing to take back
    assert window.passages.table.hasFocus() and search.text() == ""
