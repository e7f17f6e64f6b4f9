"""How a search result is drawn: its kind and title, then the words around the first match
with every match in bold (a terminal shows them in brackets; a list can do better)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from diptych.gui.contrast import two_thirds_of
from diptych.storage.offsets import codepoint_to_utf16

MATCHES_ROLE = Qt.ItemDataRole.UserRole + 2  # [(start, end)] in the item's text
PADDING = 3  # above and below a result's text: the results stand apart
Index = QModelIndex | QPersistentModelIndex


def result_document(
    text: str,
    matches: list[tuple[int, int]],
    option: QStyleOptionViewItem,
    heading: QColor | None = None,
) -> QTextDocument:
    """``text`` laid out in the item's font, wrapped at its width, the ``matches`` bold
    (places in ``text`` as Python counts them, turned into Qt's), and its first line (the
    kind and title of the result) in the colour ``heading`` if given."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(option.font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(wrap)
    document.setPlainText(text)
    cursor = QTextCursor(document)
    if heading is not None:  # what and where the result is, quieter than its words
        muted = QTextCharFormat()
        muted.setForeground(heading)
        # The item's text reaches the delegate with its line break as U+2028 (Qt's display
        # text), a result made by hand with "\n".
        breaks = [i for i in (text.find("\n"), text.find("\u2028")) if i >= 0]
        cursor.setPosition(codepoint_to_utf16(text, min(breaks, default=len(text))))
        cursor.setPosition(0, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(muted)
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    for start, end in matches:
        cursor.setPosition(codepoint_to_utf16(text, start))
        cursor.setPosition(codepoint_to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(bold)
    return document


def muted_text(palette: QPalette) -> QColor:
    """The list's text colour two thirds of the way from its background: set apart from
    the words of a result, and still well readable (the placeholder grey is not, at a
    contrast under 4.5:1)."""
    return two_thirds_of(
        palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    )


class SearchResultDelegate(QStyledItemDelegate):
    """Draws a result's text itself, its matches bold; everything else (selection, focus,
    hover) is the style's, as for any list item."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._view = parent

    def _item(self, option: QStyleOptionViewItem, index: Index) -> QStyleOptionViewItem:
        """The option for the result at ``index``: its text, font, state and palette."""
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        return item

    def _document(
        self, item: QStyleOptionViewItem, index: Index, heading: QColor | None = None
    ) -> QTextDocument:
        """The result's text laid out at the width it wraps at (``item``: see _item)."""
        document = result_document(item.text, index.data(MATCHES_ROLE) or [], item, heading)
        document.setTextWidth(max(1, self._text_width(item)))
        return document

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        """The width the text wraps at: the item's, else the list's (when sizing)."""
        style = option.widget.style() if option.widget is not None else self._view.style()
        width = option.rect.width()
        if width <= 0 and hasattr(self._view, "viewport"):
            width = self._view.viewport().width()
            option.rect.setWidth(width)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        return text.width() - 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = self._item(option, index)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        # Selected, the heading keeps the selection's text colour: a muted one may not
        # read on the highlight.
        muted = None if selected else muted_text(item.palette)
        document = self._document(item, index, muted)
        text = item.text
        item.text = ""  # the style draws the background, selection and focus only
        widget = item.widget
        style = widget.style() if widget is not None else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        item.text = text
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = item.palette
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        painter.translate(area.left() + 2, area.top() + PADDING)
        context.clip = QRectF(0, 0, area.width(), area.height())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """As tall as the result's text wrapped at the list's width, and no wider than the
        list (its text's width on one line made the list scroll sideways)."""
        hint = super().sizeHint(option, index)
        document = self._document(self._item(option, index), index)
        width = hint.width()
        if hasattr(self._view, "viewport"):
            width = min(width, self._view.viewport().width())
        return QSize(width, round(document.size().height()) + 2 * PADDING)
