"""The passage editor: one passage's quote, tags (as removable chips) and Markdown note.

The note saves as the analyst types (:mod:`diptych.gui.autosave`: after a short pause and
when it loses focus, the saves of one sitting merging into one undo step). The editor
follows the session (undo, redo, other windows) without ever overwriting text being typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.commands import perform, quote_start
from diptych.gui.hint_label import show_as_hint
from diptych.gui.passage_cells import local_time
from diptych.gui.passage_commands import DeletePassage, SetPassageNote
from diptych.gui.passage_editor_page import ORPHAN_STATUS, PassageEditorPage
from diptych.gui.session import ProjectSession
from diptych.gui.vertical_scroll import VerticalScroll
from diptych.storage.errors import DiptychError, InputError
from diptych.storage.model import Annotation, orphan_said

PLACEHOLDER = (
    "Click a highlight to edit its tags and note (from the keyboard: F8 in an article, or"
    " Enter in the Passages list, goes to a passage; F2 there writes its note)"
)


class PassageEditor(QWidget):
    """Edit the tags and note of one passage.

    Args:
        session: the open project.
        parent: the owning widget.

    Signals:
        addTagRequested(int): "Add tag…" was clicked: add a tag to this passage id (the
            window opens its tag palette for it).
        removeTagRequested(int, int): a chip's × was clicked: take tag id (the second
            argument) off passage id (the first).
        reattachRequested(int): attach this orphan's id to the text selected in its article.
        noteLeft(): Esc was pressed in the note (it is saved) or on the panel's buttons,
            or the passage was deleted from the keyboard here: go back to where the user was.

    The editor changes the note itself; tags are added and removed by whoever listens, so
    that every way of tagging is one path with one undo text. The note being typed is
    saved before either request, so that undo takes back the tag change alone.
    """

    addTagRequested = Signal(int)
    removeTagRequested = Signal(int, int)
    reattachRequested = Signal(int)
    noteLeft = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._passage: Annotation | None = None
        self.pages = QStackedWidget(self)
        self.placeholder = QLabel(PLACEHOLDER, self, wordWrap=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        show_as_hint(self.placeholder)
        self.pages.addWidget(self.placeholder)
        editor = self.page_scroll = VerticalScroll(
            self._build_editor(), self, most=0.3, steady=True
        )
        self.pages.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._connect()
        self._show_placeholder()

    # -- building --------------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        page = self._page = PassageEditorPage(self.session, self)
        self.title, self.quote, self.status = page.title, page.quote, page.status
        self.reattach_button, self.chips = page.reattach_button, page.chips
        self.add_tag_button, self.preview_button = page.add_tag_button, page.preview_button
        self.note, self.preview, self.note_pages = page.note, page.preview, page.note_pages
        self.foot, self.meta, self.delete_button = page.foot, page.meta, page.delete_button
        self.note.left.connect(self.noteLeft)  # Esc in the note: saved, and left
        page.left.connect(self.noteLeft)  # Esc on its buttons (the note saved on leaving it)
        return page

    def _connect(self) -> None:
        self.preview_button.toggled.connect(self.on_preview_button_toggled)
        self.add_tag_button.clicked.connect(self.on_add_tag_button_clicked)
        self.chips.removeClicked.connect(self.on_chips_remove_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.reattach_button.clicked.connect(self.on_reattach_button_clicked)
        self.session.passagesChanged.connect(self.on_session_passages_changed)
        self.session.passageUpdated.connect(self.on_session_passage_updated)
        self.session.allPassagesChanged.connect(self.on_session_all_passages_changed)
        self.session.tagsChanged.connect(self.on_session_tags_changed)
        self.session.articlesChanged.connect(self.on_session_articles_changed)

    # -- public ----------------------------------------------------------------------------
    def current_passage(self) -> int | None:
        """The id of the passage shown, or None."""
        return self._passage.id if self._passage else None

    def show_passage(self, annotation_id: int | None) -> None:
        """Show a passage (None: the placeholder); first saves the note being edited (or,
        refused, gives it back: :meth:`AutosaveText.let_go`)."""
        self.note.let_go()
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
        session = self.session

        def command(text: str, sitting: int) -> SetPassageNote:
            return SetPassageNote(session, passage.id, text, sitting)

        # Read after the note was saved.
        self.note.begin(
            lambda: passage.note, command, lambda: self._removed(passage), owner=passage.id
        )
        self._refresh()
        if changed:
            self.preview_button.setChecked(False)
            self.page_scroll.verticalScrollBar().setValue(0)  # its quote and tags first

    def edit_note(self) -> bool:
        """Put the keyboard focus in the note, ready to write; False if no passage is shown."""
        if self._passage is None:
            return False
        self.preview_button.setChecked(False)
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def save_note(self) -> None:
        """Save the note now if it was edited since it was last saved."""
        self.note.save()

    def _removed(self, passage: Annotation) -> tuple[str, str] | None:
        """If ``passage`` was deleted, or its article removed, meanwhile (in another
        window), what to say as the note typed on it is given back (see
        :meth:`AutosaveText.give_back_if_gone`), and the message's title."""
        try:
            self.session.passage(passage.id)
            return None
        except InputError:
            pass
        try:
            self.session.project.articles.summary(article_id=passage.article_id)
            what = f"The passage “{quote_start(passage.exact)}” was deleted"
        except InputError:
            what = f"The article of the passage “{quote_start(passage.exact)}” was removed"
        return (
            f"{what} in another window while its note was being typed, so the note could not"
            " be saved.",
            "Note not saved",
        )

    # -- showing ---------------------------------------------------------------------------
    def _show_placeholder(self) -> None:
        """Show the hint instead of a passage (gone: deleted, undone, its pane closed).
        The keyboard, if it was in the passage's note or on its buttons, goes back to where
        the user was, as Esc there does, rather than be left on the blank panel."""
        focus = QApplication.focusWidget()
        was_here = focus is not None and self.isAncestorOf(focus)
        self._passage = None
        self.note.forget()
        self.preview_button.setChecked(False)
        self.pages.setCurrentIndex(0)
        if was_here:
            self.noteLeft.emit()

    def _refresh(self) -> None:
        passage = self._passage
        assert passage is not None
        try:
            title = self.session.project.articles.summary(article_id=passage.article_id).title
        except DiptychError:
            title = ""
        self.title.set_full_text(title)
        # A table's cells are parted by tabs in the text, which a label draws as nothing:
        # "2024 avgStrike week". Parted by a bar, they read as cells.
        self.quote.set_full_text(passage.exact.replace("\t", " | "))
        self._paint_quote_bar(passage)
        if passage.is_orphan:
            self.status.setText(ORPHAN_STATUS.format(said=orphan_said(self._words_there(passage))))
        self.status.setVisible(passage.is_orphan)
        self.reattach_button.setVisible(passage.is_orphan)
        self._fill_chips(passage)
        if self.preview_button.isChecked():
            self.preview.show_note(self.note.text())
        coder = f"{passage.coder} · " if passage.coder else ""
        # A no-break space: wrapped beside "Delete passage", the time kept with its date.
        when = local_time(passage.updated_at).replace(" ", "\u00a0")
        self.foot.set_text(f"{coder}updated {when}")
        writable = not self.session.read_only
        self.note.setReadOnly(not writable)
        for button in (self.add_tag_button, self.delete_button, self.reattach_button):
            button.setEnabled(writable)
        self.pages.setCurrentIndex(1)

    def _words_there(self, passage: Annotation) -> bool:
        """Whether an orphan's words are still in its article's text."""
        try:
            articles = self.session.project.articles
            return articles.holds_words(article_id=passage.article_id, words=passage.exact)
        except DiptychError:
            return False

    def _paint_quote_bar(self, passage: Annotation) -> None:
        """A bar beside the quote in the colour of its first tag, as in the article."""
        book = self.session.codebook()
        colors = [tag.color for tag in book.ordered() if tag.id in passage.tag_ids]
        bar = QColor(colors[0]).name() if colors else "palette(mid)"
        self.quote.setStyleSheet(
            f"#passageQuote {{ border: 0px; border-left: 4px solid {bar}; padding-left: 6px; }}"
        )

    def _fill_chips(self, passage: Annotation) -> None:
        removable = not self.session.read_only
        self.chips.show_tags(passage.tag_ids, self.session.codebook(), removable=removable)
        # The row's layout is not told that its chips changed: left alone, Add tag… stays
        # where the previous passage's chips put it, under (or hidden by) the new ones.
        self.chips.flow.invalidate()

    # -- slots -----------------------------------------------------------------------------
    def on_preview_button_toggled(self, checked: bool) -> None:
        """Switch between writing the note and reading it rendered. The button names the
        way back ("Edit"): a checked button looks much like an unchecked one in some
        styles, and "Preview" over a note already previewed did not say how to write."""
        if checked:
            self.save_note()
            self.preview.show_note(self.note.text())
        self.note_pages.setCurrentIndex(1 if checked else 0)
        self.preview_button.setText("Edit" if checked else "Preview")
        self.preview_button.setToolTip(
            "Write the note again" if checked else "Show the note as it reads"
        )

    def on_add_tag_button_clicked(self) -> None:
        """Ask the window for a tag to add to the passage shown."""
        if self._passage is not None:
            self.save_note()
            self.addTagRequested.emit(self._passage.id)

    def on_chips_remove_clicked(self, tag_id: int) -> None:
        """Ask for a tag to be taken off the passage shown."""
        if self._passage is not None:
            self.save_note()
            self.removeTagRequested.emit(self._passage.id, tag_id)

    def on_delete_button_clicked(self) -> None:
        """Delete the passage (undoable); the editor falls back to the placeholder, and the
        keyboard, on the button that goes with the passage, goes back to where the user was
        (see :meth:`_show_placeholder`)."""
        if self._passage is None:
            return
        self.save_note()
        if perform(self.session, DeletePassage(self.session, self._passage.id)):
            self.session.messages.info("Passage deleted — Ctrl+Z to undo")

    def on_reattach_button_clicked(self) -> None:
        """Ask the window to attach the orphan to the selected text."""
        if self._passage is not None:
            self.reattachRequested.emit(self._passage.id)

    def on_session_all_passages_changed(self) -> None:
        """Passages of any article may have changed: follow the one shown."""
        if self._passage is not None:
            self.on_session_passages_changed(self._passage.article_id)

    def on_session_passage_updated(self, article_id: int, _annotation_id: int) -> None:
        """One passage changed: its article's passages did."""
        self.on_session_passages_changed(article_id)

    def on_session_passages_changed(self, article_id: int) -> None:
        """Follow undo, redo and other windows, keeping any note being typed."""
        if self._passage is None or self._passage.article_id != article_id:
            return
        try:
            passage = self.session.passage(self._passage.id)
        except DiptychError:  # deleted: by an undo, or in another window
            self._show_placeholder()
            return
        self._passage = passage
        self.note.follow(passage.note)
        self._refresh()

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
    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the system turned dark or light): the warning follows it."""
        if event.type() == QEvent.Type.PaletteChange:
            self._page.tint_status()  # the orphan warning in a red that reads on it
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Save the note when the editor is hidden (dock closed, window closing)."""
        self.save_note()
        super().hideEvent(event)
