"""The small widgets of the passage editor: tag chips, a flow layout and elided labels.

A :class:`TagChip` shows one tag of a passage in its colour with a × to take it off; a
:class:`TagChipRow` holds a passage's chips and the button that adds a tag, in a
:class:`FlowLayout` that wraps them onto new lines like words; an :class:`ElidedLabel`
shows plain text in at most a few lines, the last one elided, with the whole text as
its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from diptych.gui.note_html import text_to_html
from diptych.gui.tag_colors import color_name
from diptych.storage.codebook import Codebook
from diptych.storage.model import Tag


def tool_button(parent: QWidget, text: str, tip: str) -> QToolButton:
    """A small button with a tooltip."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    return button


class TagChip(QFrame):
    """A tag on a passage: its colour and name, and a × that takes it off.

    Args:
        tag: the tag.
        path: the tag's path in the codebook (shown as the tooltip).
        parent: the owning widget.
        whole_path: show the path rather than the name (a name other tags share).

    Signals:
        removeClicked(int): the × was clicked; the tag's id.
    """

    removeClicked = Signal(int)

    def __init__(
        self, tag: Tag, path: str, parent: QWidget | None = None, *, whole_path: bool = False
    ) -> None:
        super().__init__(parent)
        self.tag_id = tag.id
        self.setObjectName("tagChip")
        color = QColor(tag.color)
        ink = "#1B1B1B" if color.lightnessF() > 0.5 else "#FFFFFF"
        # The × reached with Tab is ringed in the chip's ink (Space then takes the tag off):
        # without a border of its own it showed no focus at all. The ring is there unseen
        # when the × has no focus, so that the chip keeps its size.
        self.setStyleSheet(
            f"#tagChip {{ background: {color.name()}; border: 1px solid "
            f"{color.darker(135).name()}; border-radius: 9px; }}"
            f" #tagChip QLabel {{ color: {ink}; background: transparent;"
            " border: none; padding: 0px; }"
            f" #tagChip QToolButton {{ color: {ink}; background: transparent;"
            " border: 1px solid transparent; border-radius: 3px; padding: 0px; }"
            f" #tagChip QToolButton:focus {{ border-color: {ink}; }}"
        )
        self.setToolTip(text_to_html(path))
        self.setAccessibleName(f"Tag {path}, {color_name(tag.color)}")
        self.label = ChipName(path if whole_path else tag.name, self)
        self.remove_button = tool_button(self, "×", text_to_html(f"Remove the tag {path}"))
        # Read as "multiplication sign" otherwise; the tooltip is HTML, the name plain.
        self.remove_button.setAccessibleName(f"Remove the tag {path}")
        self.remove_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 5, 1)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)

    def set_removable(self, removable: bool) -> None:
        """Show or hide the ×."""
        self.remove_button.setVisible(removable)

    def on_remove_button_clicked(self) -> None:
        """Ask for the tag to be removed."""
        self.removeClicked.emit(self.tag_id)


class ChipName(QLabel):
    """A chip's tag name, elided to the room there is: a long name (a sentence, as some
    codebooks have) widened the Passage panel to its length, squeezing the articles.
    Its size hint is the whole name, so that the chip takes it where there is room."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = name
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(name)

    def full_text(self) -> str:
        """The name before eliding."""
        return self._full

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(width + 1, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        shortest = self.fontMetrics().horizontalAdvance(self._full[:3] + "…")
        return QSize(min(shortest, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        metrics = self.fontMetrics()
        shown = metrics.elidedText(
            self._full, Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        if shown != self.text():
            self.setText(shown)


class TagChipRow(QWidget):
    """A passage's tags as chips in codebook order, then a button to add a tag.

    Args:
        parent: the owning widget.

    Signals:
        removeClicked(int): the × of a chip was clicked; its tag's id.
    """

    removeClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing=4)
        self.add_button = tool_button(self, "Add tag…", "Add a tag to this passage (Ctrl+T)")
        self.flow.addWidget(self.add_button)
        self._shown: tuple[tuple[int, ...], Codebook] | None = None

    def show_tags(self, tag_ids: tuple[int, ...], book: Codebook, *, removable: bool) -> None:
        """Show a chip for each of ``tag_ids`` in ``book``, with a × if ``removable``."""
        if self._shown == (tag_ids, book):
            return  # only the note changed: keep the chips rather than rebuild them
        self._shown = (tag_ids, book)
        while (item := self.flow.takeAt(0)) is not None:
            widget = item.widget()
            if isinstance(widget, TagChip):
                widget.hide()
                widget.deleteLater()
        # New chips join the window's tab order at its end, past every other panel: they go
        # back in where they are seen, each × before the next and the last before Add tag….
        before = _tab_stop_before(self.add_button)
        shared = shared_names(book)
        for tag in book.ordered():
            if tag.id in tag_ids:
                whole = tag.name.casefold() in shared
                chip = TagChip(tag, book.path(tag.id), self, whole_path=whole)
                chip.removeClicked.connect(self.removeClicked)
                chip.set_removable(removable)
                self.flow.addWidget(chip)
                chip.show()
                QWidget.setTabOrder(before, chip.remove_button)
                before = chip.remove_button
        self.flow.addWidget(self.add_button)
        self.add_button.show()


def shared_names(book: Codebook) -> set[str]:
    """The names (casefolded) that more than one tag of ``book`` has, under different
    parents (``Economy/Other``, ``Politics/Other``): their chips show the whole path, as
    two chips both reading "Other" could not be told apart but by their colours."""
    seen: set[str] = set()
    shared: set[str] = set()
    for tag in book.ordered():
        name = tag.name.casefold()
        (shared if name in seen else seen).add(name)
    return shared


def _tab_stop_before(widget: QWidget) -> QWidget:
    """The widget Tab stops at before ``widget`` (Qt orders only those), else ``widget``."""
    before = widget.previousInFocusChain()
    while before is not None and before is not widget:
        if before.focusPolicy().value & Qt.FocusPolicy.TabFocus.value:
            return before
        before = before.previousInFocusChain()
    return widget


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping onto new lines like words.

    Args:
        parent: the widget laid out.
        spacing: pixels between items, across and down.
        fill: widen the items of each line, equally, to fill it (a row of filters that
            stacks up in a narrow panel); else each keeps its preferred width.
    """

    def __init__(
        self, parent: QWidget | None = None, *, spacing: int = 4, fill: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._fill = fill
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal if self._fill else Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        if not self._fill:
            return self.minimumSize()
        # All on one line, where there is room for it.
        visible = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in visible)
        width += self.spacing() * max(len(visible) - 1, 0)
        height = max((item.sizeHint().height() for item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (if ``move``); returns the height they need."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y, gap = area.y(), self.spacing()
        for line in self._lines(area.width()):
            widths = [width for _item, width in line]
            if self._fill:
                spare = area.width() - sum(widths) - gap * (len(line) - 1)
                widths = [
                    w + spare // len(line) + (i < spare % len(line)) for i, w in enumerate(widths)
                ]
            height = max(item.sizeHint().height() for item, _width in line)
            if move:
                x = area.x()
                for (item, _width), width in zip(line, widths, strict=True):
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, item.sizeHint().height())))
                    x += width + gap
            y += height + gap
        return max(y - gap, area.y()) - rect.y() + margins.bottom()

    def _lines(self, room: int) -> list[list[tuple[QLayoutItem, int]]]:
        """The items in lines no wider than ``room``, each with its width."""
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used, gap = 0, self.spacing()
        for item in self._items:
            # Never wider than a line: an item that would be (a chip with a long name)
            # takes a line of its own, and shortens to it.
            width = max(min(item.sizeHint().width(), room), item.minimumSize().width())
            if lines[-1] and used + gap + width > room:
                lines.append([])
                used = 0
            used += width + (gap if lines[-1] else 0)
            lines[-1].append((item, width))
        return [line for line in lines if line]


class ElidedLabel(QLabel):
    """Plain text wrapped to at most a few lines, the last one elided; in full as tooltip.

    Args:
        parent: the owning widget.
        lines: the most lines to show.
    """

    def __init__(self, parent: QWidget | None = None, *, lines: int = 1) -> None:
        super().__init__(parent)
        self._full = ""
        self._lines = lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Lines are wrapped to the contents' width: with a border (the passage quote's
        # colour bar) QLabel would otherwise indent the text by half an "x" and cut off
        # the end of the longest lines.
        self.setIndent(0)

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided to fit."""
        self._full = text
        self.setToolTip(text_to_html(text) if text else "")
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 40)
        shown = elide_lines(self._full, self.font(), width, self._lines)
        if shown != self.text():
            self.setText(shown)


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` wrapped at ``width`` pixels into at most ``lines`` lines, the last elided."""
    flat = text.replace("\n", "\u2028")  # a line separator: QTextLayout breaks there
    units = flat.encode("utf-16-le")  # QTextLayout counts UTF-16 code units

    def part(start: int, end: int) -> str:
        return units[2 * start : 2 * end].decode("utf-16-le", errors="ignore")

    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    shown: list[str] = []
    total = len(units) // 2
    layout.beginLayout()
    while len(shown) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, end = line.textStart(), line.textStart() + line.textLength()
        if len(shown) == lines - 1 and end < total:
            rest = part(start, total).replace("\u2028", " ")
            metrics = QFontMetrics(font)
            shown.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        else:
            shown.append(part(start, end).rstrip("\u2028 "))
    layout.endLayout()
    return "\n".join(shown)
