"""A passage right-clicked in the Passages list (or Shift+F10 there) has a menu, as the
Library's articles and the Codebook's tags do: go to it, write its note, delete it."""

from __future__ import annotations

from collections.abc import Callable

from gui_support import menu_item, shown_texts
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE


def _open_menu(qtbot: QtBot, send: Callable[[], None]) -> QMenu:
    """The menu that ``send`` (a right-click, a key) pops up."""
    send()
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def _right_click(window: MainWindow, row: int) -> None:
    table = window.passages.table
    point: QPoint = table.visualRect(table.model().index(row, 2)).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, table.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(table.viewport(), event)


def _choose(menu: QMenu, text: str) -> None:
    """Choose the entry of ``menu`` that reads ``text``."""
    action = menu_item(menu, text)
    menu.hide()
    action.trigger()


def test_a_right_clicked_passage_goes_to_its_article_or_is_deleted(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.passages.table
    model = table.model()
    row = model.rowCount() - 1
    passage_id = model.index(row, 0).data(PASSAGE_ID_ROLE)
    menu = _open_menu(qtbot, lambda: _right_click(window, row))
    assert shown_texts(menu) == ["Go to passage", "Edit note", "Copy", "", "Delete passage"]
    keys = [a.shortcut().toString() for a in menu.actions() if not a.isSeparator()]
    assert keys == ["", "F2", "Ctrl+C", "Del"]  # Enter chooses the entry the keyboard is on
    assert window.editor.current_passage() == passage_id  # the row right-clicked is chosen
    _choose(menu, "Go to passage")
    qtbot.waitUntil(lambda: window.coding.selection.selected == passage_id)
    assert window.area.current is not None
    assert passage_id in (window.area.current.view.index or ())

    menu = _open_menu(qtbot, lambda: _right_click(window, 0))
    first = model.index(0, 0).data(PASSAGE_ID_ROLE)
    _choose(menu, "Delete passage")
    ids = {p.id for p in window.session.project.annotations.query()}
    assert first not in ids and passage_id in ids


def test_shift_f10_in_the_list_opens_the_menu_of_the_chosen_passage_and_edits_its_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the first row chosen
    passage_id = table.currentIndex().data(PASSAGE_ID_ROLE)
    menu = _open_menu(
        qtbot, lambda: qtbot.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    )
    _choose(menu, "Edit note")
    window.activateWindow()  # the test platform leaves the window inactive after a menu
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == passage_id
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)  # back to the list
    qtbot.waitUntil(table.hasFocus)


def test_f2_and_del_pressed_in_the_open_menu_edit_the_note_and_delete_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the first row chosen
    passage_id = table.currentIndex().data(PASSAGE_ID_ROLE)

    def shift_f10() -> None:
        qtbot.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)

    qtbot.keyClick(_open_menu(qtbot, shift_f10), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    window.activateWindow()  # the test platform leaves the window inactive after a menu
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == passage_id
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)  # back to the list
    qtbot.waitUntil(table.hasFocus)

    qtbot.keyClick(_open_menu(qtbot, shift_f10), Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    ids = {p.id for p in window.session.project.annotations.query()}
    assert passage_id not in ids
    assert window.session.undo_stack.undoText().startswith("Delete passage “")
