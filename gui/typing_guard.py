"""A box that opens while the user is typing: its buttons wait a moment before they answer.

Keys typed on as a box comes up (a note being typed when another window deleted its
passage) went to the box: the next space pressed its OK, and the box, and the text it gave
back, were gone before they could be read. For :data:`GUARD_MS` after it opens, such a box
takes no key and its buttons are greyed; then it answers as any box does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit

GUARD_MS = 1500


def typing_now() -> bool:
    """True if the keyboard is in a field the user can type in."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QPlainTextEdit | QTextEdit | QLineEdit):
        return not focus.isReadOnly()
    return False


class TypingGuard(QObject):
    """Keeps ``box`` from answering keys for ``ms`` milliseconds (owned by the box)."""

    KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)

    def __init__(self, box: QMessageBox, ms: int = GUARD_MS) -> None:
        super().__init__(box)
        self.box = box
        self.watched = [box, *box.findChildren(QObject)]
        for watched in self.watched:
            watched.installEventFilter(self)
        for button in box.buttons():
            button.setEnabled(False)
        QTimer.singleShot(ms, self, self.release)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in self.KEYS

    def release(self) -> None:
        """The box answers keys and clicks again."""
        for watched in self.watched:
            watched.removeEventFilter(self)
        for button in self.box.buttons():
            button.setEnabled(True)
        buttons = self.box.buttons()
        default = self.box.defaultButton() or (buttons[0] if buttons else None)
        if default is not None:
            default.setFocus()
