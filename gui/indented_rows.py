"""Tags listed flat (a filter's list, the export's Tags) drawn as the codebook's tree: each
row indented by its depth, its text the tag's name alone.

Spaces put before the name did the indenting: typing a sub-tag's name found nothing (a
list's type-ahead matches the start of the text, the spaces), and a sub-tag chosen in a
narrow box showed its spaces and the start of its name.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

DEPTH_ROLE = Qt.ItemDataRole.UserRole + 2  # a tag's level: 0 at the top
STEP = "    "  # the indent of one level, as wide as four spaces of the list's font


class IndentedRows(QStyledItemDelegate):
    """Draws each row (its check box, colour and name, and its highlight) moved in by the
    row's depth, from the left, or from the right in a right-to-left layout."""

    def indent(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> int:
        """How far in the row at ``index`` is drawn."""
        depth = index.data(DEPTH_ROLE)
        return option.fontMetrics.horizontalAdvance(STEP) * int(depth) if depth else 0

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        indent = self.indent(option, index)
        if not indent:
            return
        if option.direction == Qt.LayoutDirection.RightToLeft:
            option.rect = option.rect.adjusted(0, 0, -indent, 0)
        else:
            option.rect = option.rect.adjusted(indent, 0, 0, 0)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + self.indent(option, index), size.height())
