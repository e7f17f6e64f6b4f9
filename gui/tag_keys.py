"""The keys of the article view: which key applies which tag, and which keys only modify.

Digits 1-9 tag the selection with the tag each key belongs to (kept in the project: see
:mod:`diptych.storage.tag_keys`); held with Ctrl, Alt or Meta they make a shortcut instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

TAG_KEYS = {
    Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5,
    Qt.Key.Key_6: 6, Qt.Key.Key_7: 7, Qt.Key.Key_8: 8, Qt.Key.Key_9: 9,
}  # fmt: skip

# Held with a digit, these make it a shortcut, not a tag key; Shift does not: on layouts
# such as the French AZERTY the digits are typed with Shift.
NOT_A_TAG_KEY = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)

# Pressed alone, these act on nothing shown.
MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta}
)


def tag_digit(event: QKeyEvent) -> int | None:
    """The tag key (1-9) pressed: a key typing a digit 1-9 on the keyboard's layout, with
    or without Shift or the keypad, or a digit key pressed alone; never with Ctrl, Alt or
    Meta, nor Shift with a key typing something else (Shift+1 typing "!"); else None."""
    if event.modifiers() & NOT_A_TAG_KEY:
        return None
    text = event.text()
    if len(text) == 1 and text in "123456789":
        return int(text)
    plain = event.modifiers() in (
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.KeypadModifier,
    )
    return TAG_KEYS.get(Qt.Key(event.key())) if plain else None
