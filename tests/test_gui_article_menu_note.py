"""A passage's menu in an article offers Edit note with its key, as the Passages list's
menu does: chosen, or F2 pressed while the menu is open, the keyboard goes into the
passage's note (Esc comes back to the article); Del pressed while it is open deletes the
passage."""

from __future__ import annotations

from gui_support import keyboard_in, point_of, shown_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def _passage_menu(qtbot: QtBot, pane: ArticlePane, passage_id: int) -> QMenu:
    passage = pane.session.passage(passage_id)
    viewport = pane.view.viewport()
    point = point_of(pane, passage.start + 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_f2_in_a_passages_menu_writes_its_note_and_del_deletes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    passage_id = min(
        (p for p in window.session.article_passages(pane.article_id or 0) if not p.is_orphan),
        key=lambda p: p.start,
    ).id
    menu = _passage_menu(qtbot, pane, passage_id)
    keys = {
        shown_text(a.text()): a.shortcut().toString() for a in menu.actions() if not a.isSeparator()
    }
    assert keys["Edit note"] == "F2" and keys["Delete passage"] == "Del"

    qtbot.keyClick(menu, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    window.activateWindow()  # the test platform leaves the window inactive after a menu
    qtbot.waitUntil(window.editor.note.hasFocus)
    assert window.editor.current_passage() == passage_id
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)

    qtbot.keyClick(_passage_menu(qtbot, pane, passage_id), Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert passage_id not in {p.id for p in window.session.project.annotations.query()}
    assert window.session.undo_stack.undoText().startswith("Delete passage “")
