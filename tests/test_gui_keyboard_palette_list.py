"""Ctrl+T from the Passages list or the Passage panel tags the passage chosen there, never
text left selected in an article, nor a passage the list does not show."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article
IN_THE_LIST = "Select a passage in the list first."


def saved(window: MainWindow) -> dict[int, tuple[int, ...]]:
    return {p.id: p.tag_ids for p in window.session.project.annotations.query()}


def test_ctrl_t_in_the_list_with_no_passage_chosen_leaves_text_selected_in_an_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    window.coding.select_passage(0)
    select_text(pane, QUOTE)  # left selected there
    before = saved(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_P, CONTROL | SHIFT)
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    assert not table.selectionModel().selectedRows()  # no passage is chosen in the list

    qtbot.keyClick(table, Qt.Key.Key_T, CONTROL)
    assert not window.coding.palette.isVisible()
    assert window.statusBar().currentMessage() == IN_THE_LIST
    assert saved(window) == before and table.hasFocus()


def filter_without(window: MainWindow, chosen: int) -> str:
    """A word of the quotes of two passages or more, not in the ``chosen`` one's."""
    passages = window.session.project.annotations.query()
    left_out = window.session.passage(chosen)
    words = {w for p in passages for w in p.exact.lower().split() if len(w) > 3}
    for word in sorted(words):
        found = [p for p in passages if word in p.exact.lower() or word in p.note.lower()]
        outside = word not in left_out.exact.lower() and word not in left_out.note.lower()
        if outside and len(found) >= 2:
            return word
    raise AssertionError("the sample project has no such word")


def test_ctrl_t_in_the_list_does_not_tag_a_passage_its_filter_hides(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    chosen = window.coding.selected
    assert chosen
    panel = window.passages
    qtbot.keyClick(pane.view, Qt.Key.Key_P, CONTROL | SHIFT)
    qtbot.waitUntil(panel.table.hasFocus)
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, filter_without(window, chosen))
    qtbot.waitUntil(lambda: not panel.model.reading and panel.current_passage() is None)
    before = saved(window)
    # Back in the list (Tab from its filters): a row is current, none highlighted.
    panel.table.setFocus()
    assert not panel.table.selectionModel().selectedRows()
    assert window.coding.selected == chosen

    qtbot.keyClick(panel.table, Qt.Key.Key_T, CONTROL)
    assert not window.coding.palette.isVisible()
    assert window.statusBar().currentMessage() == IN_THE_LIST
    # Down chooses the first match: Ctrl+T then tags that one.
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.current_passage() == window.coding.selected != chosen
    qtbot.keyClick(panel.table, Qt.Key.Key_T, CONTROL)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert window.coding.coding_palette.passage == window.coding.selected
    palette.hide()
    assert saved(window) == before


def test_ctrl_t_in_the_passage_panel_with_no_passage_shown_tags_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    window.coding.select_passage(0)
    select_text(pane, QUOTE)
    before = saved(window)
    window.docks["passage"].show()
    window.editor.setFocus()
    window.editor.focusNextChild()
    qtbot.keyClick(window, Qt.Key.Key_T, CONTROL)
    assert not window.coding.palette.isVisible()
    assert saved(window) == before


def test_f2_in_the_list_does_not_open_the_note_of_a_passage_its_filter_hides(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    chosen = window.coding.selected
    panel = window.passages
    qtbot.keyClick(pane.view, Qt.Key.Key_P, CONTROL | SHIFT)
    qtbot.waitUntil(panel.table.hasFocus)
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, filter_without(window, chosen))
    qtbot.waitUntil(lambda: not panel.model.reading and panel.current_passage() is None)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    assert not window.editor.note.hasFocus()
    assert window.statusBar().currentMessage() == IN_THE_LIST


def test_del_in_the_list_with_no_passage_chosen_deletes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    window.coding.select_passage(0)
    before = saved(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_P, CONTROL | SHIFT)
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    assert not table.selectionModel().selectedRows()  # no passage is chosen in the list
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert saved(window) == before
    assert window.statusBar().currentMessage() == IN_THE_LIST
