"""The digit key beside a tag: which of keys 1-9 applies it, drawn at the right of its row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from diptych.gui.contrast import hint_color
from diptych.storage.codebook import Codebook

KEY_PADDING = 6


def tag_key(codebook: Codebook, tag_id: int) -> int | None:
    """The digit key that applies a tag (as the project keeps it), or None."""
    return codebook.key(tag_id)


def key_color(palette: QPalette, *, selected: bool) -> QColor:
    """The colour of a tag's key: quieter than its name, yet reading at 4.5:1 on the row
    (the system's placeholder grey does not; :func:`~diptych.gui.contrast.hint_color`)."""
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return hint_color(palette, QPalette.ColorRole.Base, QPalette.ColorRole.Text)


class TagKeyDelegate(QStyledItemDelegate):
    """Shows a tag's digit key at the right of its row: each of keys 1-9 applies the tag
    it belongs to, and nothing else on the screen said which tag that is.

    Args:
        key_of: the key of the tag at a model index, or None.
        parent: the owning view.
    """

    def __init__(
        self, key_of: Callable[[QModelIndex | QPersistentModelIndex], int | None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.key_of = key_of

    def trailing(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """Text kept whole at the right of the name, left of the key (none here)."""
        return ""

    def _key_room(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.horizontalAdvance("9") + 2 * KEY_PADDING

    def _trailing_room(self, option: QStyleOptionViewItem, text: str) -> int:
        return option.fontMetrics.horizontalAdvance(text) + KEY_PADDING if text else 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        room = self._key_room(item) + self._trailing_room(item, self.trailing(index))
        return super().sizeHint(option, index) + QSize(room, 0)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        key, trailing = self.key_of(index), self.trailing(index)
        if key is None and not trailing:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The row's background across its whole width; its name (elided) short of the
        # trailing text and the key, which keep their places: counts and keys line up.
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, item, painter, widget)
        whole = QRect(item.rect)
        key_room = self._key_room(item)
        item.rect = whole.adjusted(0, 0, -key_room - self._trailing_room(item, trailing), 0)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        painter.save()
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if trailing:
            text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(item.palette.color(text))
            painter.drawText(whole.adjusted(0, 0, -key_room, 0), align, trailing)
        if key is not None:
            painter.setPen(key_color(item.palette, selected=selected))
            painter.drawText(whole.adjusted(0, 0, -KEY_PADDING, 0), align, str(key))
        painter.restore()
