"""Cells of a list or table whose text is right-to-left (an Arabic or Hebrew quote, title
or note) are laid out right to left: aligned right, and cut short at their end, the "…"
on their left, where a reader of the script stops. In a left-to-right table Qt laid them
out left to right: the "…" stood on the right, beside their first word, and a figure at
their end ("بنسبة 5%") was split from its sign and put at the far left.

Where a row's check box or colour must stay on the left (the export's lists, a filter's
entries), the text is isolated instead (:func:`in_line`): laid out right to left in its
own place, left of the row as every other row's text."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from diptych.storage.control_characters import RIGHT_TO_LEFT, isolated, right_to_left

__all__ = ["BidiCellDelegate", "in_line", "quoted_in_place", "right_to_left"]


_QUOTED = re.compile("“([^“”]*)”")


def quoted_in_place(text: str) -> str:
    """``text`` with each right-to-left name it quotes (“…”: an Arabic title in a message)
    laid out right to left in its own place: in the sentence's left-to-right line, a
    figure at the title's end was split from its sign ("بنسبة 5%" read "5 … بنسبة%")."""
    if not RIGHT_TO_LEFT.search(text):
        return text
    return _QUOTED.sub(lambda m: f"“{isolated(m[1], keep_controls=True)}”", text)


def in_line(text: str) -> str:
    """``text`` as a row of a left-to-right list shows it: right-to-left text laid out
    right to left in its own place (between U+2068 and U+2069), after the spaces that
    indent it (a sub-tag's)."""
    if not RIGHT_TO_LEFT.search(text):
        return text
    words = text.lstrip()
    return text[: len(text) - len(words)] + isolated(words)


class BidiCellDelegate(QStyledItemDelegate):
    """Draws each cell in the direction of its own text."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.text and right_to_left(option.text):
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = (
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # leading: right
            )
