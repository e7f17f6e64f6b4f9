"""The passage editor's page for one passage: its article's title, its quote, the orphan
warning, its tags as chips, its note (written or previewed) and who updated it when."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.autosave import AutosaveText
from diptych.gui.elided_label import ElidedLabel
from diptych.gui.note_html import NoteBrowser
from diptych.gui.passage_meta import PassageMetaRow
from diptych.gui.read_only import read_only_tip, unwritable_text
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import TagChipRow, preview_button
from diptych.gui.theme import is_dark

ORPHAN_STATUS = (
    "Orphan: {said}. Select the text it belongs to in the article, then choose "
    "“Re-attach to selection”."
)


class PassageEditorPage(QWidget):
    """The widgets of the passage editor, laid out; the editor fills and wires them.

    Args:
        session: the open project.
        parent: the passage editor.

    Signals:
        left(): Esc was pressed on one of its buttons (a tag's ×, Add tag…, Preview,
            Delete) or in the note as previewed: back to where the user was, as from the
            note (which says so itself, having saved what was typed).
    """

    left = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = ElidedLabel(self, lines=1)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.quote = ElidedLabel(self, lines=4)
        self.quote.setObjectName("passageQuote")
        self.status = QLabel("", self, wordWrap=True)
        self.tint_status()
        self.reattach_button = QPushButton("Re-attach to selection", self)
        self.chips = TagChipRow(self)
        self.add_tag_button = self.chips.add_button
        self.preview_button = preview_button(self, "Show the note as it reads")
        self.note = AutosaveText(session, self)
        self.note.setPlaceholderText("Write a note (Markdown)…")
        self.note.setAccessibleName("Note on the passage")  # the placeholder goes when typing
        self.preview = NoteBrowser(session.messages, self)
        self.preview.setAccessibleName("Note on the passage, as it reads")
        self.note_pages = QStackedWidget(self)
        self.note_pages.addWidget(self.note)
        self.note_pages.addWidget(self.preview)
        self.foot = PassageMetaRow(self)
        self.meta, self.delete_button = self.foot.meta, self.foot.delete_button
        self._lay_out(parent)
        if session.read_only:  # the editor greys the buttons and makes the note read-only
            unwritable_text(self.note, "note")
            for button in (self.reattach_button, self.add_tag_button, self.delete_button):
                button.setToolTip(read_only_tip(button.toolTip() or button.text()))

    def _lay_out(self, editor: QWidget) -> None:
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel("<b>Note</b>", self))
        note_row.addStretch(1)
        note_row.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        for widget in (self.title, self.quote, self.status, self.reattach_button, self.chips):
            layout.addWidget(widget)
        layout.addLayout(note_row)
        layout.addWidget(self.note_pages, 1)
        # Room for a few lines of note however short the dock: the panel scrolls instead.
        self.note_pages.setMinimumHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
        layout.addWidget(self.foot)
        self.reattach_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc, which its buttons leave to it: back out of the panel (after Shift+Tab from
        the note and Space on a tag's ×, the keyboard was left on Add tag…)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.left.emit()
            return
        super().keyPressEvent(event)

    def tint_status(self) -> None:
        """The orphan warning in a red that reads on the current appearance."""
        self.status.setStyleSheet(f"color: {'#FF8A80' if is_dark() else '#B3261E'};")
