"""A passage's tags as chips in the passage editor.

A :class:`TagChip` shows one tag of a passage in its colour with a × to take it off; a
:class:`TagChipRow` holds a passage's chips and the button that adds a tag, in a
:class:`~diptych.gui.flow_layout.FlowLayout` that wraps them onto new lines like words.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from diptych.gui.contrast import ink_on
from diptych.gui.flow_layout import FlowLayout
from diptych.gui.note_html import text_to_html
from diptych.gui.tag_colors import color_name
from diptych.storage.codebook import Codebook, name_key
from diptych.storage.model import Tag


def tool_button(parent: QWidget, text: str, tip: str) -> QToolButton:
    """A small button with a tooltip."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    return button


def give_keyboard(widget: QWidget) -> None:
    """Put the keyboard on ``widget`` with its focus frame drawn, as a key moving the focus
    draws it: Qt draws none after the focus moved otherwise (a popup closed, the widget
    that had it taken away), and moves nothing, nor draws it, if ``widget`` has it already."""
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    widget.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    widget.update()


def preview_button(parent: QWidget, tip: str) -> QToolButton:
    """A checkable "Preview" button, which reads "Edit" while the text is previewed: as wide
    as the wider of the two, so that it stays where it was clicked (sized to each word, it
    shrank and moved right, away from the pointer that was to click it back)."""
    button = tool_button(parent, "Edit", tip)
    width = button.sizeHint().width()
    button.setText("Preview")
    button.setMinimumWidth(max(width, button.sizeHint().width()))
    button.setCheckable(True)
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
        ink = ink_on(color).name()
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
        """Show a chip for each of ``tag_ids`` in ``book``, with a × if ``removable``.

        The keyboard on a chip's × (Space there took its tag off) goes on to the × now in
        its place, or else to Add tag…, its focus frame drawn: left to Qt, it moved as the
        × went, unframed, as if by no key."""
        if self._shown == (tag_ids, book):
            return  # only the note changed: keep the chips rather than rebuild them
        self._shown = (tag_ids, book)
        on_chip = self._chip_with_keyboard()
        chips = self._build_chips(tag_ids, book, removable=removable)
        if on_chip is not None:
            crosses = [chip.remove_button for chip in chips if removable]
            target = crosses[on_chip] if on_chip < len(crosses) else self.add_button
            give_keyboard(target)

    def _chip_with_keyboard(self) -> int | None:
        """The place of the chip whose × has the keyboard, if one has."""
        focus = QApplication.focusWidget()
        chips = [w for w in self._chips() if focus is not None and w.isAncestorOf(focus)]
        return self._chips().index(chips[0]) if chips else None

    def _chips(self) -> list[TagChip]:
        items = (self.flow.itemAt(i) for i in range(self.flow.count()))
        return [w for item in items if item and isinstance(w := item.widget(), TagChip)]

    def _build_chips(
        self, tag_ids: tuple[int, ...], book: Codebook, *, removable: bool
    ) -> list[TagChip]:
        """The chips of ``tag_ids``, in place of those shown."""
        while (item := self.flow.takeAt(0)) is not None:
            widget = item.widget()
            if isinstance(widget, TagChip):
                widget.hide()
                widget.deleteLater()
        # New chips join the window's tab order at its end, past every other panel: they go
        # back in where they are seen, each × before the next and the last before Add tag….
        before = _tab_stop_before(self.add_button)
        shared = shared_names(book)
        chips: list[TagChip] = []
        for tag in book.ordered():
            if tag.id in tag_ids:
                whole = name_key(tag.name) in shared
                chip = TagChip(tag, book.path(tag.id), self, whole_path=whole)
                chip.removeClicked.connect(self.removeClicked)
                chip.set_removable(removable)
                self.flow.addWidget(chip)
                chip.show()
                QWidget.setTabOrder(before, chip.remove_button)
                before = chip.remove_button
                chips.append(chip)
        self.flow.addWidget(self.add_button)
        self.add_button.show()
        return chips


def shared_names(book: Codebook) -> set[str]:
    """The names (compared by :func:`name_key`) that more than one tag of ``book`` has,
    under different parents (``Economy/Other``, ``Politics/Other``): their chips show the
    whole path, as two chips both reading "Other" could not be told apart but by their
    colours."""
    seen: set[str] = set()
    shared: set[str] = set()
    for tag in book.ordered():
        name = name_key(tag.name)
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
