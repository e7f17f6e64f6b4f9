"""Words typed in a list go on in the list's filter field: the Library's and the Passages
list's. A list's own type-ahead only finds a row by its first letters (typing "truce"
found nothing in "Tariff Truce Holds"); its filter finds every word, anywhere. Backspace
there takes back the filter's last letter, as in the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

# Held with a key, these leave it as it is: the key is typed text all the same.
_TYPING = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.KeypadModifier
    | Qt.KeyboardModifier.GroupSwitchModifier  # AltGr on X11: €, @, [ …
)


def typed_text(event: QKeyEvent) -> str:
    """The text ``event`` types, or "" for a key that is the list's own: Space (which
    chooses a row), the arrows, Enter, and keys held with Ctrl, Alt or Meta."""
    text = event.text()
    if event.modifiers() & ~_TYPING or not text.isprintable() or not text.strip():
        return ""
    return text


def type_into(field: QLineEdit, text: str, *, replace: bool = False) -> None:
    """Go on typing ``text`` at the end of ``field``, with the keyboard in it; with
    ``replace``, type it over the field's words (undone in the field by Ctrl+Z)."""
    field.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if replace:
        field.selectAll()
    else:
        field.end(False)
    field.insert(text)


def erases(event: QKeyEvent) -> bool:
    """True if ``event`` is Backspace (held with nothing but Shift or the keypad's mark),
    which in a list goes on in the filter field as typed letters do."""
    return event.key() == Qt.Key.Key_Backspace and not event.modifiers() & ~_TYPING


def erase_last(field: QLineEdit) -> bool:
    """Take back the last letter of ``field``, the keyboard in it; False if it is empty
    (Backspace is left to the list then)."""
    if not field.text():
        return False
    field.setFocus(Qt.FocusReason.ShortcutFocusReason)
    field.end(False)
    field.backspace()
    return True
