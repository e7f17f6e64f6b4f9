"""The passage editor: one passage's quote, tags (as removable chips) and Markdown note.

The note saves as the analyst types, after a short pause and when the editor loses
focus; consecutive saves of one note merge into one undo step. The editor follows the
session (undo, redo, other windows) without ever overwriting text being typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QPalette,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.commands import DeletePassage, SetPassageNote, SetPassageTags, perform
from diptych.gui.note_html import NoteBrowser, text_to_html
from diptych.gui.passage_model import local_time
from diptych.gui.session import ProjectSession
from diptych.gui.theme import is_dark
from diptych.storage.codebook import Codebook
from diptych.storage.errors import DiptychError
from diptych.storage.model import Annotation, Tag

SAVE_DELAY_MS = 600
PLACEHOLDER = "Click a highlight to edit its tags and note"
ORPHAN_STATUS = (
    "Orphan: this text is no longer in the article. Select the text it belongs to in the "
    "article, then choose “Re-attach to selection”."
)


class PassageEditor(QWidget):
    """Edit the tags and note of one passage.

    Args:
        session: the open project.
        parent: the owning widget.

    Signals:
        addTagRequested(): the user wants to add a tag (the window opens its tag palette and
            calls :meth:`add_tag`).
        reattachRequested(int): attach this orphan's id to the text selected in its article.
    """

    addTagRequested = Signal()
    reattachRequested = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._passage: Annotation | None = None
        self._saved_note = ""
        self._loading = False
        self._chips_for: tuple[tuple[int, ...], Codebook] | None = None
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.on_save_timer_timeout)
        self.pages = QStackedWidget(self)
        self.placeholder = QLabel(PLACEHOLDER, self, wordWrap=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self._build_editor())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._connect()
        self._show_placeholder()

    # -- building --------------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        page = QWidget(self)
        self.title = ElidedLabel(page, lines=1)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.quote = ElidedLabel(page, lines=4)
        self.quote.setObjectName("passageQuote")
        self.status = QLabel(ORPHAN_STATUS, page, wordWrap=True)
        self.status.setStyleSheet(f"color: {'#FF8A80' if is_dark() else '#B3261E'};")
        self.reattach_button = QPushButton("Re-attach to selection", page)
        self.chips = QWidget(page)
        self.chip_flow = FlowLayout(self.chips, spacing=4)
        self.add_tag_button = tool_button(page, "Add tag…", "Add a tag to this passage (Ctrl+T)")
        self.preview_button = tool_button(page, "Preview", "Show the note as it reads")
        self.preview_button.setCheckable(True)
        self.note = QPlainTextEdit(page)
        self.note.setPlaceholderText("Write a note (Markdown)…")
        self.note.installEventFilter(self)
        self.preview = NoteBrowser(page)
        self.note_pages = QStackedWidget(page)
        self.note_pages.addWidget(self.note)
        self.note_pages.addWidget(self.preview)
        self.meta = ElidedLabel(page, lines=1)
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.delete_button = QPushButton("Delete passage", page)
        self.delete_button.setToolTip("Delete this passage with its tags and note (undoable)")
        return self._lay_out(page)

    def _lay_out(self, page: QWidget) -> QWidget:
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel("<b>Note</b>", page))
        note_row.addStretch(1)
        note_row.addWidget(self.preview_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.meta, 1)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        for widget in (self.title, self.quote, self.status, self.reattach_button, self.chips):
            layout.addWidget(widget)
        layout.addLayout(note_row)
        layout.addWidget(self.note_pages, 1)
        layout.addLayout(bottom)
        self.reattach_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return page

    def _connect(self) -> None:
        self.note.textChanged.connect(self.on_note_text_changed)
        self.preview_button.toggled.connect(self.on_preview_button_toggled)
        self.add_tag_button.clicked.connect(self.on_add_tag_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.reattach_button.clicked.connect(self.on_reattach_button_clicked)
        self.session.passagesChanged.connect(self.on_session_passages_changed)
        self.session.tagsChanged.connect(self.on_session_tags_changed)
        self.session.articlesChanged.connect(self.on_session_articles_changed)

    # -- public ----------------------------------------------------------------------------
    def current_passage(self) -> int | None:
        """The id of the passage shown, or None."""
        return self._passage.id if self._passage else None

    def show_passage(self, annotation_id: int | None) -> None:
        """Show a passage (None: the placeholder); first saves the note being edited."""
        self.save_note()
        if annotation_id is None:
            self._show_placeholder()
            return
        try:
            passage = self.session.passage(annotation_id)
        except DiptychError:
            self._show_placeholder()
            return
        changed = self._passage is None or self._passage.id != passage.id
        self._passage = passage
        self._saved_note = passage.note
        self._refresh(replace_note=True)
        if changed:
            self.preview_button.setChecked(False)
            self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def add_tag(self, tag_id: int) -> None:
        """Add a tag to the shown passage (undoable)."""
        passage = self._passage
        if passage is None or tag_id in passage.tag_ids or tag_id not in self.session.codebook():
            return
        self.save_note()
        name = self.session.codebook()[tag_id].name
        tags = [*passage.tag_ids, tag_id]
        perform(self.session, SetPassageTags(self.session, passage.id, tags, f"Add tag {name}"))

    def remove_tag(self, tag_id: int) -> None:
        """Take a tag off the shown passage (undoable)."""
        passage = self._passage
        if passage is None or tag_id not in passage.tag_ids:
            return
        self.save_note()
        tag = self.session.codebook().get(tag_id)
        text = f"Remove tag {tag.name}" if tag else "Remove tag"
        tags = [t for t in passage.tag_ids if t != tag_id]
        perform(self.session, SetPassageTags(self.session, passage.id, tags, text))

    def save_note(self) -> None:
        """Save the note now if it was edited since it was last saved."""
        self._save_timer.stop()
        passage = self._passage
        text = self.note.toPlainText()
        if passage is None or text == self._saved_note or self.session.read_only:
            return
        before, self._saved_note = self._saved_note, text
        if not perform(self.session, SetPassageNote(self.session, passage.id, text)):
            self._saved_note = before

    # -- showing ---------------------------------------------------------------------------
    def _show_placeholder(self) -> None:
        self._save_timer.stop()
        self._passage = None
        self._saved_note = ""
        self._set_note_text("")
        self.preview_button.setChecked(False)
        self.pages.setCurrentIndex(0)

    def _refresh(self, *, replace_note: bool) -> None:
        passage = self._passage
        assert passage is not None
        try:
            title = self.session.project.articles.summary(article_id=passage.article_id).title
        except DiptychError:
            title = ""
        self.title.set_full_text(title)
        self.quote.set_full_text(passage.exact)
        self._paint_quote_bar(passage)
        self.status.setVisible(passage.is_orphan)
        self.reattach_button.setVisible(passage.is_orphan)
        self._fill_chips(passage)
        if replace_note:
            self._set_note_text(passage.note)
        if self.preview_button.isChecked():
            self.preview.show_note(self.note.toPlainText())
        coder = f"{passage.coder} · " if passage.coder else ""
        self.meta.set_full_text(f"{coder}updated {local_time(passage.updated_at)}")
        writable = not self.session.read_only
        self.note.setReadOnly(not writable)
        for button in (self.add_tag_button, self.delete_button, self.reattach_button):
            button.setEnabled(writable)
        self.pages.setCurrentIndex(1)

    def _paint_quote_bar(self, passage: Annotation) -> None:
        """A bar beside the quote in the colour of its first tag, as in the article."""
        book = self.session.codebook()
        colors = [tag.color for tag in book.ordered() if tag.id in passage.tag_ids]
        bar = QColor(colors[0]).name() if colors else "palette(mid)"
        self.quote.setStyleSheet(
            f"#passageQuote {{ border: 0px; border-left: 4px solid {bar}; padding-left: 6px; }}"
        )

    def _fill_chips(self, passage: Annotation) -> None:
        book = self.session.codebook()
        if self._chips_for and self._chips_for == (passage.tag_ids, book):
            return  # only the note changed: keep the chips rather than rebuild them
        self._chips_for = (passage.tag_ids, book)
        while (item := self.chip_flow.takeAt(0)) is not None:
            widget = item.widget()
            if isinstance(widget, TagChip):
                widget.hide()
                widget.deleteLater()
        for tag in book.ordered():
            if tag.id in passage.tag_ids:
                chip = TagChip(tag, book.path(tag.id), self.chips)
                chip.removeClicked.connect(self.remove_tag)
                chip.set_removable(not self.session.read_only)
                self.chip_flow.addWidget(chip)
                chip.show()
        self.chip_flow.addWidget(self.add_tag_button)
        self.add_tag_button.setParent(self.chips)
        self.add_tag_button.show()

    def _set_note_text(self, text: str) -> None:
        if self.note.toPlainText() == text:
            return
        position = self.note.textCursor().position()
        self._loading = True
        try:
            self.note.setPlainText(text)
        finally:
            self._loading = False
        cursor = self.note.textCursor()
        cursor.setPosition(min(position, len(self.note.toPlainText())))
        self.note.setTextCursor(cursor)

    # -- slots -----------------------------------------------------------------------------
    def on_note_text_changed(self) -> None:
        """Save after a pause in typing."""
        if not self._loading and self._passage is not None:
            self._save_timer.start()

    def on_save_timer_timeout(self) -> None:
        """The pause came: save the note."""
        self.save_note()

    def on_preview_button_toggled(self, checked: bool) -> None:
        """Switch between writing the note and reading it rendered."""
        if checked:
            self.save_note()
            self.preview.show_note(self.note.toPlainText())
        self.note_pages.setCurrentIndex(1 if checked else 0)

    def on_add_tag_button_clicked(self) -> None:
        """Ask the window for a tag."""
        self.addTagRequested.emit()

    def on_delete_button_clicked(self) -> None:
        """Delete the passage (undoable); the editor falls back to the placeholder."""
        if self._passage is None:
            return
        self.save_note()
        if perform(self.session, DeletePassage(self.session, self._passage.id)):
            self.session.messages.info("Passage deleted — Ctrl+Z to undo")

    def on_reattach_button_clicked(self) -> None:
        """Ask the window to attach the orphan to the selected text."""
        if self._passage is not None:
            self.reattachRequested.emit(self._passage.id)

    def on_session_passages_changed(self, article_id: int) -> None:
        """Follow undo, redo and other windows, keeping any note being typed."""
        if self._passage is None or self._passage.article_id != article_id:
            return
        try:
            passage = self.session.passage(self._passage.id)
        except DiptychError:  # deleted
            self._show_placeholder()
            return
        typing = self.note.hasFocus() and self.note.toPlainText() != self._saved_note
        self._passage = passage
        self._saved_note = passage.note
        self._refresh(replace_note=not typing)

    def on_session_tags_changed(self) -> None:
        """Repaint the chips with the tags' new names and colours."""
        if self._passage is not None:
            self._fill_chips(self._passage)
            self._paint_quote_bar(self._passage)

    def on_session_articles_changed(self) -> None:
        """The article may have been renamed."""
        if self._passage is not None:
            self.on_session_passages_changed(self._passage.article_id)

    # -- events ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the note when it loses focus."""
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.save_note()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Save the note when the editor is hidden (dock closed, window closing)."""
        self.save_note()
        super().hideEvent(event)


# -- the pieces ------------------------------------------------------------------------------
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

    Signals:
        removeClicked(int): the × was clicked; the tag's id.
    """

    removeClicked = Signal(int)

    def __init__(self, tag: Tag, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_id = tag.id
        self.setObjectName("tagChip")
        color = QColor(tag.color)
        ink = "#1B1B1B" if color.lightnessF() > 0.5 else "#FFFFFF"
        self.setStyleSheet(
            f"#tagChip {{ background: {color.name()}; border: 1px solid "
            f"{color.darker(135).name()}; border-radius: 9px; }}"
            f" #tagChip QLabel, #tagChip QToolButton {{ color: {ink}; background: transparent;"
            " border: none; padding: 0px; }"
        )
        self.setToolTip(text_to_html(path))
        self.label = QLabel(tag.name, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_button = tool_button(self, "×", text_to_html(f"Remove the tag {path}"))
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


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping onto new lines like words."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
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
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

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
        x, y, line_height, gap = area.x(), area.y(), 0, self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height:
                x, y, line_height = area.x(), y + line_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


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
