"""Ctrl+Z and Ctrl+Shift+Z in a filter, the search or Find with nothing typed there to undo
are Edit > Undo and Redo, where the field kept the keys and nothing happened; what was
typed in the field is undone there first."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.field_undo import pass_undo_on
from diptych.gui.main_window import MainWindow

CONTROL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _fields(window: MainWindow) -> dict[str, QLineEdit]:
    return {
        "passages": window.passages.search,
        "library": window.library.filter,
        "search": window.search.field,
    }


def _tagged(qtbot: QtBot, window: MainWindow) -> int:
    """Tag some words with the first tag's key; how many passages the project then has."""
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "middle powers")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    return len(window.session.project.annotations.query())


@pytest.mark.parametrize("name", ["passages", "library", "search"])
def test_undo_and_redo_from_an_empty_field(qtbot: QtBot, window: MainWindow, name: str) -> None:
    count = _tagged(qtbot, window)
    field = _fields(window)[name]
    window.docks[name].raise_()  # its tab in front
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Z, CONTROL)
    assert len(window.session.project.annotations.query()) == count - 1
    qtbot.keyClick(field, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert len(window.session.project.annotations.query()) == count
    assert field.hasFocus()  # the keyboard stays where it was


def test_what_was_typed_in_the_field_is_undone_there_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    count = _tagged(qtbot, window)
    pane = window.area.current
    qtbot.keyClick(pane.view, Qt.Key.Key_F, CONTROL)
    field = pane.find_bar.field
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "korea")
    qtbot.keyClick(field, Qt.Key.Key_Z, CONTROL)
    assert field.text() != "korea"  # the field's own undo
    assert len(window.session.project.annotations.query()) == count
    while field.isUndoAvailable():
        qtbot.keyClick(field, Qt.Key.Key_Z, CONTROL)
    assert len(window.session.project.annotations.query()) == count
    qtbot.keyClick(field, Qt.Key.Key_Z, CONTROL)  # nothing left in the field
    assert len(window.session.project.annotations.query()) == count - 1


def test_undo_from_the_passage_note_with_nothing_typed_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    count = _tagged(qtbot, window)
    note = window.editor.note
    assert window.editor.current_passage() is not None  # the passage just tagged
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
    assert len(window.session.project.annotations.query()) == count - 1
    # The passage gone, the keyboard is back in the article, on its text selected again.
    pane = window.area.current
    assert pane is not None and window.focusWidget() is pane.view
    assert pane.view.textCursor().selectedText() == "middle powers"
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert len(window.session.project.annotations.query()) == count


def test_a_note_typed_is_undone_in_its_field_first(qtbot: QtBot, window: MainWindow) -> None:
    count = _tagged(qtbot, window)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, "Check")
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
    assert note.toPlainText() != "Check"
    while note.document().isUndoAvailable():
        qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)
    assert note.toPlainText() == ""
    assert len(window.session.project.annotations.query()) == count
    qtbot.keyClick(note, Qt.Key.Key_Z, CONTROL)  # then the tagging
    assert len(window.session.project.annotations.query()) == count - 1


def test_undo_from_an_empty_memo(qtbot: QtBot, window: MainWindow) -> None:
    count = _tagged(qtbot, window)
    window.docks["memos"].raise_()
    memo = window.memos.article_memo
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    qtbot.keyClick(memo, Qt.Key.Key_Z, CONTROL)
    assert len(window.session.project.annotations.query()) == count - 1
    assert memo.hasFocus()


class _Field(QLineEdit):
    """A line field that notes the events it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def event(self, event: QEvent) -> bool:
        self.seen.append(event.type())
        return super().event(event)


def test_a_field_never_claims_ctrl_e_which_is_export(qtbot: QtBot) -> None:
    # Desktops with Emacs-style keys give a line field Ctrl+E as "end of line": the field
    # then claims the key before the window's shortcut. It never sees it.
    field = _Field()
    qtbot.addWidget(field)
    pass_undo_on(field)
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_E, CONTROL, "e")
    override.ignore()
    QApplication.sendEvent(field, override)
    assert QEvent.Type.ShortcutOverride not in field.seen and not override.isAccepted()
    other = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A, CONTROL, "a")
    QApplication.sendEvent(field, other)
    assert QEvent.Type.ShortcutOverride in field.seen  # its own keys stay its own


@pytest.mark.parametrize("name", ["passages", "library", "search"])
def test_ctrl_e_in_a_field_opens_the_export(qtbot: QtBot, window: MainWindow, name: str) -> None:
    field = _fields(window)[name]
    window.docks[name].raise_()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_E, CONTROL)
    shown = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(shown) == 1
    shown[0].reject()
