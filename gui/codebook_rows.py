"""The rows of the Codebook's tag tree: one height for every row, the tag's count of
passages and its digit key kept whole at the right of the name."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from diptych.gui.tag_key_delegate import TagKeyDelegate
from diptych.gui.tag_model import COUNT_ROLE
from diptych.storage.codebook import Codebook

# A line of the interface's own script: a row is at least as tall as it.
LATIN_LETTERS = "Ág"


@lru_cache(maxsize=2)  # a codebook is replaced, never changed: read once per codebook
def letters_beyond_latin(codebook: Codebook) -> str:
    """The letters of the codebook's names outside the Latin alphabets, each once: a
    fallback font for them (Chinese, Devanagari, emoji...) may stand taller than the
    interface font's line."""
    return "".join(sorted({c for tag in codebook.ordered() for c in tag.name if ord(c) > 0x24F}))


class CodebookRowDelegate(TagKeyDelegate):
    """Gives every row of the codebook one height, that of its tallest line (a colour
    swatch and a name of one line, in any of the scripts the codebook's names use): the
    tree then measures one row instead of each (``setUniformRowHeights``).

    Only the scripts the names use are measured: measuring a letter of a script loads a
    fallback font for it, ~30 ms at start-up for a handful of scripts nobody used.
    """

    def __init__(
        self,
        key_of: Callable[[QModelIndex | QPersistentModelIndex], int | None],
        letters: Callable[[], str],
        parent: QWidget,
    ) -> None:
        super().__init__(key_of, parent)
        self._letters = letters
        self._heights: dict[tuple[str, int, str], int] = {}  # by font, swatch size, letters

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The name alone: its count is drawn apart (see :meth:`trailing`)."""
        super().initStyleOption(option, index)
        if index.data(COUNT_ROLE):
            option.text = index.data(Qt.ItemDataRole.EditRole)

    def trailing(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The tag's count of passages (its sub-tags' too, as the Passages panel filtered by
        the tag lists them), kept whole when a narrow Codebook cuts the name."""
        count = index.data(COUNT_ROLE)
        return f"({count})" if count else ""

    def row_height(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> int:
        """The height of a row showing the tallest letters of the names in this row's font."""
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        letters = self._letters()
        key = (item.font.key(), item.decorationSize.height(), letters)
        height = self._heights.get(key)
        if height is None:
            item.text = LATIN_LETTERS + letters
            widget = item.widget
            style = widget.style() if widget is not None else QApplication.style()
            size = style.sizeFromContents(
                QStyle.ContentsType.CT_ItemViewItem, item, QSize(), widget
            )
            height = self._heights[key] = size.height()
        return height

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self.row_height(option, index)))
