"""Ctrl+Z and Ctrl+Shift+Z in a one-line field (a filter, the search, Find in article) with
nothing of its own to undo or redo are the window's Edit > Undo and Redo: a tagging is
undone with the keyboard still in the Passages filter, where the field kept the keys and
nothing happened. What was typed in the field is undone there first, as in any field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit


class _UndoPassedOn(QObject):
    """Lets the window's Undo and Redo keys through a field with nothing to undo or redo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit)
        ):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if (undo and not watched.isUndoAvailable()) or (redo and not watched.isRedoAvailable()):
                event.ignore()  # not the field's: the window's shortcut takes the key
                return True
        return super().eventFilter(watched, event)


def pass_undo_on(field: QLineEdit) -> None:
    """Give ``field``'s Ctrl+Z and Ctrl+Shift+Z to the window when it has nothing to undo
    or redo itself."""
    field.installEventFilter(_UndoPassedOn(field))
