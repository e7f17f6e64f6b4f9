"""Cells of a list or table whose text is right-to-left (an Arabic or Hebrew quote, title
or note) are laid out right to left: aligned right, and cut short at their end, the "…"
on their left, where a reader of the script stops. In a left-to-right table Qt laid them
out left to right: the "…" stood on the right, beside their first word, and a figure at
their end ("بنسبة 5%") was split from its sign and put at the far left.

Where a row's check box or colour must stay on the left (the export's lists, a filter's
entries), the text is isolated instead (:func:`in_line`): laid out right to left in its
own place, left of the row as every other row's text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from diptych.storage.control_characters import RIGHT_TO_LEFT, isolated, right_to_left

__all__ = ["BidiCellDelegate", "in_line", "right_to_left"]


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
