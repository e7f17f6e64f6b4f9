"""Memos: free notes on the whole project, on the article in the current pane, and on the
tag selected in the codebook (or whose memo a search found).

Saved as you type (after a short pause, and when the field loses focus), each memo edit
is an undoable step; the saves made while the field keeps the focus merge into one. A
memo is Markdown, as a passage's note is, and reads rendered with Preview as a note does.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.article_commands import SetMemo
from diptych.gui.autosave import AutosaveText
from diptych.gui.note_html import NoteBrowser
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import tool_button
from diptych.storage.errors import DiptychError, InputError
from diptych.storage.model import MemoKind


class MemoField(AutosaveText):
    """One memo's text, saved through the undo stack.

    Args:
        session: the open project.
        kind: a project, an article or a tag memo.
    """

    def __init__(
        self, session: ProjectSession, kind: MemoKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.kind = kind
        self.target_id: int | None = None
        # Tab goes on to the next field, as in every field but a passage's note (whose Esc
        # goes back): without it, nothing but a shortcut left a memo from the keyboard.
        self.setTabChangesFocus(True)

    def show_memo(self, target_id: int | None) -> None:
        """Show the memo of ``target_id`` (after saving the one shown)."""
        self.target_id = target_id
        kind, session = self.kind, self.session

        def command(text: str, sitting: int) -> SetMemo:
            return SetMemo(session, kind, target_id, text, sitting)

        def read() -> str:
            return session.memo_text(kind, target_id)

        # No article (or tag): nothing to save the memo on.
        unsaved = kind is not MemoKind.PROJECT and target_id is None
        self.begin(read, None if unsaved else command, partial(self.removed, target_id))
        self.setReadOnly(self.session.read_only)

    def removed(self, target_id: int | None) -> tuple[str, str] | None:
        """If the article or tag ``target_id`` whose memo is typed was removed meanwhile (in
        another window), what to say as what was typed is given back (there is nothing left
        to save it on), and the message's title."""
        if not self.target_gone(target_id):
            return None
        return (
            f"The {self.kind} whose memo was being typed was removed in another window, so the"
            " memo could not be saved.",
            "Memo not saved",
        )

    def target_gone(self, target_id: int | None) -> bool:
        """True if the article or tag ``target_id`` is no longer in the project."""
        if self.kind is MemoKind.PROJECT or target_id is None:
            return False
        project = self.session.project
        try:
            if self.kind is MemoKind.ARTICLE:
                project.articles.summary(article_id=target_id)
            else:
                project.tags.get(tag_id=target_id)
        except InputError:  # not there; a file that cannot be read now says nothing yet
            return True
        return False

    def show_range(self, start: int, end: int) -> None:
        """Select [start, end) of the memo (what a search found), scrolled into view; the
        caret at the end of it. Nothing for a place outside the memo."""
        if not 0 <= start <= end <= len(self.toPlainText()):
            return
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def reload(self) -> None:
        """Read the memo again (after undo, redo or another window's change)."""
        self.follow(self.session.memo_text(self.kind, self.target_id))
        self.setReadOnly(self.session.read_only)


class MemoPreview(QWidget):
    """A memo's field, or the memo rendered, switched by a Preview / Edit button beside
    its heading (as a passage's note is).

    Args:
        field: the memo's field.
        heading: the label above it.
        what: the memo, as its button is heard ("project memo"): two buttons both read
            as "Preview" did not say which memo each one showed.
    """

    def __init__(self, field: MemoField, heading: QLabel, parent: QWidget, what: str) -> None:
        super().__init__(parent)
        self.field = field
        self.what = what
        self.browser = NoteBrowser(field.session.messages, self)
        self.button = tool_button(self, "Preview", "Show the memo as it reads")
        self.button.setCheckable(True)
        self.button.setAccessibleName(f"Preview the {what}")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(field)
        self.stack.addWidget(self.browser)
        # Three memos (the tag's shown beside the others) at a text field's usual minimum
        # would make the window taller than a laptop's screen: two lines each is enough.
        frame = 2 * field.frameWidth() + 2 * round(field.document().documentMargin())
        self.stack.setMinimumHeight(2 * field.fontMetrics().lineSpacing() + frame)
        # Above that, the memos share the panel's height evenly, not by a field's hint.
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        row = QHBoxLayout()
        row.addWidget(heading, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        self.button.toggled.connect(self.on_button_toggled)

    def on_button_toggled(self, checked: bool) -> None:
        """Show the memo rendered (saved first) or the field again. Previewing, the field
        passes the keyboard to the preview: Ctrl+Shift+M then reaches what is seen."""
        if checked:
            self.field.save()
        # None takes the proxy away (PySide's stubs do not say so).
        self.field.setFocusProxy(self.browser if checked else None)  # type: ignore[arg-type]
        self.refresh()
        self.stack.setCurrentIndex(1 if checked else 0)
        self.button.setText("Edit" if checked else "Preview")
        self.button.setAccessibleName(f"{'Edit' if checked else 'Preview'} the {self.what}")
        self.button.setToolTip("Write the memo again" if checked else "Show the memo as it reads")

    def refresh(self) -> None:
        """Render the memo again (another memo shown, undo, another window's change)."""
        if self.button.isChecked():
            self.browser.show_note(self.field.toPlainText())
            # Named after the memo shown, as its field is (the article's changes).
            self.browser.setAccessibleName(f"{self.field.accessibleName()}, as it reads")

    def set_usable(self, enabled: bool) -> None:
        """No article open: neither the memo nor its preview can be used."""
        self.field.setEnabled(enabled)
        self.button.setEnabled(enabled)
        self.browser.setEnabled(enabled)


class MemoPanel(QWidget):
    """The project memo and the current article's memo; below them, the memo of the tag
    selected in the codebook (or whose memo a search found), hidden while no tag is.

    Args:
        session: the open project.

    Signals:
        memoLeft(): Esc was pressed in a memo (it is saved): go back to the reading.
    """

    memoLeft = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.project_memo = MemoField(session, MemoKind.PROJECT, self)
        self.project_memo.setPlaceholderText("Notes on the whole project: aims, decisions, ideas…")
        self.project_memo.setAccessibleName("Project memo")
        self.article_label = QLabel("No article open", self)
        self.article_memo = MemoField(session, MemoKind.ARTICLE, self)
        self.article_memo.setPlaceholderText("Notes on this article…")
        self._show_title(None)
        self.project_preview = MemoPreview(
            self.project_memo, QLabel("Project memo", self), self, "project memo"
        )
        self.article_preview = MemoPreview(
            self.article_memo, self.article_label, self, "article memo"
        )
        self.article_preview.set_usable(False)
        self.tag_label = QLabel(self)
        self.tag_label.setTextFormat(Qt.TextFormat.PlainText)  # names are never markup
        self.tag_label.setWordWrap(True)
        self.tag_memo = MemoField(session, MemoKind.TAG, self)
        self.tag_memo.setPlaceholderText("Notes on this tag…")
        self.tag_preview = MemoPreview(self.tag_memo, self.tag_label, self, "tag memo")
        self.tag_preview.hide()  # until a tag is selected
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.project_preview, 1)
        layout.addWidget(self.article_preview, 1)
        layout.addWidget(self.tag_preview, 1)
        self.article_label.setTextFormat(Qt.TextFormat.PlainText)  # titles are never markup
        self.article_label.setWordWrap(True)  # a long title must not widen the dock
        self.project_memo.show_memo(None)
        self.project_memo.left.connect(self.memoLeft)
        self.article_memo.left.connect(self.memoLeft)
        self.tag_memo.left.connect(self.memoLeft)
        session.memosChanged.connect(self.on_session_memos_changed)
        # Another window's change to the tags comes as tagsChanged too, after externalChange.
        session.externalChange.connect(self.on_session_memos_changed)
        session.articlesChanged.connect(self.on_session_articles_changed)
        session.tagsChanged.connect(self.on_session_tags_changed)

    def show_article(self, article_id: int | None) -> None:
        """Show the memo of the article in the current pane."""
        self.article_preview.set_usable(article_id is not None)
        title = self._title(article_id)
        self._show_title(title)
        self.article_memo.show_memo(article_id if title is not None else None)
        self.article_preview.refresh()

    def show_memo(self, kind: MemoKind, target_id: int | None) -> MemoField | None:
        """Show the memo on the project, an article or a tag (as a search found it), and
        return its field; None if its article or tag is gone. An article's memo is the
        current pane's: the article is opened first (None if it is not)."""
        if kind is MemoKind.PROJECT:
            return self.project_memo
        if kind is MemoKind.ARTICLE:  # shown once its article is the current pane's
            return self.article_memo if self.article_memo.target_id == target_id else None
        self.show_tag(target_id)
        return self.tag_memo if self.tag_memo.target_id == target_id else None

    def show_tag(self, tag_id: int | None) -> None:
        """Show the memo of a tag below the others: the tag selected in the codebook, or
        whose memo a search found (none: the tag's memo is put away)."""
        name = self._tag_name(tag_id)
        if name is not None and tag_id == self.tag_memo.target_id:  # selected again
            self.tag_preview.show()
            self._show_tag_name(name)
            return
        self.tag_memo.show_memo(tag_id if name is not None else None)
        self.tag_preview.setVisible(name is not None)
        self._show_tag_name(name)

    def _show_tag_name(self, name: str | None) -> None:
        if name is not None:
            self.tag_label.setText(f"Memo on tag “{name}”")
            self.tag_memo.setAccessibleName(f"Memo on tag “{name}”")
            self.tag_preview.refresh()  # its name too

    def _tag_name(self, tag_id: int | None) -> str | None:
        """The tag's name (None if there is no tag, or it is gone)."""
        if tag_id is None:
            return None
        try:
            return self.session.project.tags.get(tag_id=tag_id).name
        except DiptychError:
            return None

    def on_session_tags_changed(self) -> None:
        """A tag renamed: its memo's heading says its name now; a tag deleted (its memo
        with it): its memo is put away."""
        if self.tag_memo.target_id is None:
            return
        name = self._tag_name(self.tag_memo.target_id)
        if name is None:  # saving first gives back what was typed, with nothing to save it on
            self.show_tag(None)
        else:
            self._show_tag_name(name)

    def _title(self, article_id: int | None) -> str | None:
        """The article's title (None if there is no article, or it is gone)."""
        if article_id is None:
            return None
        try:
            return self.session.project.articles.summary(article_id=article_id).title
        except DiptychError:
            return None

    def _show_title(self, title: str | None) -> None:
        self.article_label.setText(f"Memo on “{title}”" if title else "No article open")
        self.article_memo.setAccessibleName(
            f"Memo on “{title}”" if title else "Article memo (no article open)"
        )

    def on_session_articles_changed(self) -> None:
        """An article was renamed (or its rename undone): the heading says its title now.
        The memo being typed is left as it is."""
        title = self._title(self.article_memo.target_id)
        if title is not None:
            self._show_title(title)
            self.article_preview.refresh()  # its name too

    def on_session_memos_changed(self) -> None:
        """Follow undo, redo and other windows."""
        for field in self.fields():
            field.reload()
        for preview in (self.project_preview, self.article_preview, self.tag_preview):
            preview.refresh()

    def fields(self) -> tuple[MemoField, ...]:
        """The project memo's field, the article memo's and the tag memo's."""
        return self.project_memo, self.article_memo, self.tag_memo

    def save(self) -> None:
        """Save whatever is being typed (before undo, or closing)."""
        for field in self.fields():
            field.save()
