"""One memo's field, saved as it is typed through the undo stack, and the memo's Preview:
the field or the memo rendered, switched by a button beside its heading."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from diptych.gui.article_commands import SetMemo
from diptych.gui.autosave import AutosaveText
from diptych.gui.note_html import NoteBrowser
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import preview_button
from diptych.storage.errors import InputError
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
        self.setReadOnly(session.read_only)  # before any memo is shown (the tag's, say)

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
        self.begin(
            read, None if unsaved else command, partial(self.removed, target_id), owner=target_id
        )
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
        if not 0 <= start <= end <= len(self.text()):
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
        self.button = preview_button(self, "Show the memo as it reads")
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
            self.browser.show_note(self.field.text())
            # Named after the memo shown, as its field is (the article's changes).
            self.browser.setAccessibleName(f"{self.field.accessibleName()}, as it reads")

    def set_usable(self, enabled: bool) -> None:
        """No article in the current pane: neither the memo nor its preview can be used."""
        self.field.setEnabled(enabled)
        self.button.setEnabled(enabled)
        self.browser.setEnabled(enabled)
