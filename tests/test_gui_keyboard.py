"""Moving between passages, notes and panels from the keyboard."""

from __future__ import annotations

import pytest
from gui_support import point_of
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def active(qtbot: QtBot, window: MainWindow) -> ArticlePane:
    """The window active (window shortcuts need it) with the caret at the top of a pane."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    return pane


def in_view(pane: ArticlePane, offset: int) -> bool:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    return pane.view.viewport().rect().contains(pane.view.cursorRect(cursor))


def test_f8_and_shift_f8_select_the_next_and_previous_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = active(qtbot, window)
    assert pane.view.index is not None
    marks = pane.view.index.marks()
    assert len(marks) >= 3

    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == pane.selected_passage == marks[0].annotation_id
    assert window.editor.current_passage() == marks[0].annotation_id
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == marks[2].annotation_id
    assert in_view(pane, marks[2].start)

    qtbot.keyClick(pane.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.coding.selected == pane.selected_passage == marks[1].annotation_id
    assert in_view(pane, marks[1].start)


def test_f8_after_the_last_passage_says_there_is_none(qtbot: QtBot, window: MainWindow) -> None:
    pane = active(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    window.coding.select_passage(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == 0
    assert window.statusBar().currentMessage() == (
        "There is no passage after the cursor in this article."
    )
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert pane.view.index is not None
    assert window.coding.selected == pane.view.index.marks()[-1].annotation_id


def test_f2_writes_the_selected_passages_note_and_esc_saves_it_and_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = active(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    note = window.editor.note
    before = window.session.passage(passage).note

    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClick(note, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(note, " Typed here.")
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # Tab types a tab in a note
    assert note.toPlainText().endswith(" Typed here.\t")

    qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    assert window.session.passage(passage).note == before + " Typed here.\t"
    assert window.coding.selected == passage


def test_f2_with_no_passage_selected_says_how_to_select_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = active(qtbot, window)
    window.coding.select_passage(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    assert pane.view.hasFocus()
    assert window.statusBar().currentMessage() == (
        "Select a passage first: Enter on a highlight, or F8."
    )


@pytest.mark.parametrize(
    ("key", "panel"),
    [(Qt.Key.Key_L, "library"), (Qt.Key.Key_B, "codebook"), (Qt.Key.Key_P, "passages"),
     (Qt.Key.Key_M, "memos")],
)  # fmt: skip
def test_ctrl_shift_keys_show_a_panel_and_move_into_it(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, panel: str
) -> None:
    pane = active(qtbot, window)
    dock = window.docks[panel]
    if panel in ("library", "codebook"):
        dock.hide()  # closed
    window.docks["search"].show()
    window.docks["search"].raise_()  # tabbed in front of the passages and memos
    assert not (dock.isVisible() and not dock.visibleRegion().isEmpty())

    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane.view, key, shift)
    qtbot.waitUntil(lambda: dock.widget().isVisible())
    assert not dock.visibleRegion().isEmpty()  # raised, not behind another tab
    focused = QApplication.focusWidget()
    assert focused is not None and dock.isAncestorOf(focused)


def test_f1_lists_the_keys_for_passages_notes_and_panels(qtbot: QtBot, window: MainWindow) -> None:
    pane = active(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.windowTitle() == "Keyboard shortcuts"
    shown = QTextDocumentFragment.fromHtml(box.text()).toPlainText()
    a = window.actions_
    for action in (a.next_passage, a.previous_passage, a.edit_note, a.search):
        assert action.shortcut().toString() in shown, action.text()
    for panel in ("Library", "Codebook", "Passages", "Memos"):
        assert panel in shown
    assert "Ctrl+Shift+L / B / P / M" in shown and "Esc" in shown and "Tab" in shown
    box.close()


def test_shift_f8_from_a_passage_just_clicked_or_tagged_goes_to_the_one_before(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = active(qtbot, window)
    assert pane.view.index is not None
    marks = pane.view.index.marks()
    # A click in the middle of a highlight selects its passage, the caret inside it.
    point = point_of(pane, (marks[1].start + marks[1].end) // 2)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.coding.selected == marks[1].annotation_id
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.coding.selected == marks[0].annotation_id

    # Tagging selects the new passage, the caret at its end.
    last = marks[-1]
    pane.view.select_range(last.end + 2, last.end + 20)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    new = window.coding.selected
    assert new not in {m.annotation_id for m in marks}
    qtbot.keyClick(pane.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.coding.selected == last.annotation_id
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == new


def scroll_value(pane: ArticlePane) -> int:
    return pane.view.verticalScrollBar().value()


def test_f8_leaves_the_text_in_place_for_a_passage_in_view_and_shows_context_above_others(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1000, 700)
    pane = active(qtbot, window)
    assert pane.view.index is not None
    marks = pane.view.index.marks()
    pane.scroll_to_offset(marks[0].start)  # the first passage on the top line
    bar = pane.view.verticalScrollBar()
    bar.setValue(bar.value() - pane.view.viewport().height() // 3)  # now a third down
    assert in_view(pane, marks[0].start)
    before = scroll_value(pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == marks[0].annotation_id
    assert scroll_value(pane) == before  # already in view: the text does not jump

    far = next(m for m in marks if not in_view(pane, m.start))
    while window.coding.selected != far.annotation_id:
        qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(far.start))
    top = pane.view.cursorRect(cursor).top()
    assert in_view(pane, far.start)
    assert top >= pane.view.viewport().height() // 8  # lines of context above it


def test_f2_in_the_passages_list_writes_the_note_and_esc_comes_back_to_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = active(qtbot, window)
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane.view, Qt.Key.Key_P, shift)
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    passage = window.coding.selected
    assert passage and window.passages.current_passage() == passage
    before = window.session.passage(passage).note

    qtbot.keyClick(table, Qt.Key.Key_F2)
    note = window.editor.note
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClick(note, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(note, " From the list.")
    qtbot.keyClick(note, Qt.Key.Key_Escape)

    qtbot.waitUntil(table.hasFocus)
    assert window.session.passage(passage).note == before + " From the list."
    assert window.passages.current_passage() == passage


def test_f2_in_the_passages_list_with_no_row_selected_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = active(qtbot, window)
    window.coding.select_passage(0)
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane.view, Qt.Key.Key_P, shift)
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    table.clearSelection()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.hasFocus() and not window.editor.note.hasFocus()
    assert window.statusBar().currentMessage() == "Select a passage in the list first."


def test_f1_lists_the_keys_added_for_find_notes_and_menus(qtbot: QtBot, window: MainWindow) -> None:
    pane = active(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    shown = QTextDocumentFragment.fromHtml(box.text()).toPlainText()
    assert "Shift+F3" in shown and "close Find" in shown
    assert "F2 in an article or the passages list" in shown
    assert "Shift+F10 in an article" in shown
    assert "Enter / Shift+Enter in the Library" in shown
    assert "Shift+F10 or Menu in the Library" in shown
    box.close()
