"""The passages panel's own widgets: its table and its filter lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from diptych.gui.note_html import text_to_html
from diptych.gui.tag_model import color_icon

ComboItem = tuple[str, object, str | None]  # text, data, colour


class PassageTable(QTableView):
    """The table of passages; it knows whether the user moved its current row.

    The current row also moves when the model removes, filters out or resets rows (after an
    undo, say); only keys and clicks choose a passage.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moved_by_user = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.moved_by_user = True
        try:
            super().keyPressEvent(event)
        finally:
            self.moved_by_user = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.moved_by_user = True
        try:
            super().mousePressEvent(event)
        finally:
            self.moved_by_user = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.moved_by_user = True
        try:
            super().mouseMoveEvent(event)
        finally:
            self.moved_by_user = False


class FilterCombo(QComboBox):
    """A filter's list: "All ..." first, then the items; keeps the choice when refilled.

    Args:
        tip: what choosing an item shows.
    """

    def __init__(self, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(tip)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self._items: Sequence[ComboItem] | None = None

    def refill(self, everything: str, items: Sequence[ComboItem]) -> bool:
        """Replace the entries, keeping the choice if it still exists.

        Returns:
            False if the entries were these already.
        """
        if self._items == items:
            return False
        self._items = items
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(everything, None)
        for text, data, color in items:
            if color:
                self.addItem(color_icon(color), text, data)
            else:
                self.addItem(text, data)
            # As HTML: a plain tooltip that looks like markup would be rendered as markup.
            self.setItemData(
                self.count() - 1, text_to_html(text.strip()), Qt.ItemDataRole.ToolTipRole
            )
        position = self.findData(chosen) if chosen is not None else 0
        self.setCurrentIndex(max(position, 0))
        self.blockSignals(False)
        if self.currentData() != chosen:
            self.currentIndexChanged.emit(self.currentIndex())
        return True
