"""Ctrl+Z and Ctrl+Shift+Z in a text field (a filter, the search, Find in article, a note,
a memo) with nothing of its own to undo or redo are the window's Edit > Undo and Redo: a
tagging is undone with the keyboard still in the Passages filter or in the passage's note,
where the field kept the keys and nothing happened. What was typed in the field is undone
there first, as in any field: in a note or memo, a pause in typing at a time (see
:class:`~diptych.gui.autosave.AutosaveText`), each undone saved as it is.

Ctrl+E, which desktops with Emacs-style keys give a one-line field as "end of line", is
the window's File > Export there too (End goes to the end of the line): in the Library's
filter, Ctrl+E did nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

_EXPORT = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_E)


class _UndoPassedOn(QObject):
    """Lets the window's Undo and Redo keys through a field with nothing to undo or redo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            can_undo, can_redo = _field_history(watched)
            export = isinstance(watched, QLineEdit) and event.keyCombination() == _EXPORT
            if (undo and not can_undo) or (redo and not can_redo) or export:
                event.ignore()  # not the field's: the window's shortcut takes the key
                return True
        return super().eventFilter(watched, event)


def _field_history(field: QObject) -> tuple[bool, bool]:
    """Whether ``field`` has something of its own to undo, and to redo."""
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable(), field.isRedoAvailable()
    if isinstance(field, QPlainTextEdit):
        document = field.document()
        return document.isUndoAvailable(), document.isRedoAvailable()
    return True, True


def pass_undo_on(field: QLineEdit | QPlainTextEdit) -> None:
    """Give ``field``'s Ctrl+Z and Ctrl+Shift+Z to the window when it has nothing to undo
    or redo itself, and Ctrl+E (Export) always."""
    field.installEventFilter(_UndoPassedOn(field))
