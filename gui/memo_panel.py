"""Memos: free notes on the whole project and on the article in the current pane.

Saved as you type (after a short pause, and when the field loses focus), each memo edit
is an undoable step; the saves made while the field keeps the focus merge into one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from diptych.gui.article_commands import SetMemo
from diptych.gui.commands import Sittings, perform
from diptych.gui.session import ProjectSession
from diptych.storage.errors import DiptychError
from diptych.storage.model import MemoKind

SAVE_PAUSE_MS = 600


class MemoField(QPlainTextEdit):
    """One memo's text, saved through the undo stack.

    Args:
        session: the open project.
        kind: a project or an article memo.
    """

    def __init__(
        self, session: ProjectSession, kind: MemoKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.target_id: int | None = None
        self._saved = ""
        self._loading = False
        self._sittings = Sittings()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_PAUSE_MS)
        self._timer.timeout.connect(self.save)
        self.textChanged.connect(self.on_text_changed)
        self.installEventFilter(self)

    def show_memo(self, target_id: int | None) -> None:
        """Show the memo of ``target_id`` (after saving the one shown)."""
        self.save()
        self._sittings.end()
        self.target_id = target_id
        self.reload()

    def reload(self) -> None:
        """Read the memo again (after undo, redo or another window's change)."""
        if self.hasFocus() and self.toPlainText() != self._saved:
            return  # the user is typing: keep it
        text = self.session.memo_text(self.kind, self.target_id)
        self._saved = text
        if self.toPlainText() != text:
            self._loading = True
            try:
                self.setPlainText(text)
            finally:
                self._loading = False
        self.setReadOnly(self.session.read_only)

    def on_text_changed(self) -> None:
        """Save after a pause in typing."""
        if not self._loading:
            self._timer.start()

    def save(self) -> None:
        """Save now if the text changed."""
        self._timer.stop()
        text = self.toPlainText()
        if text == self._saved or self.session.read_only or self.session.project.closed:
            return
        if self.kind is MemoKind.ARTICLE and self.target_id is None:
            return
        before, self._saved = self._saved, text
        command = SetMemo(self.session, self.kind, self.target_id, text, self._sittings.current)
        if not perform(self.session, command):
            self._saved = before

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.FocusOut:
            self.save()
            self._sittings.end()
        return super().eventFilter(watched, event)


class MemoPanel(QWidget):
    """The project memo and the current article's memo.

    Args:
        session: the open project.
    """

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.project_memo = MemoField(session, MemoKind.PROJECT, self)
        self.project_memo.setPlaceholderText("Notes on the whole project: aims, decisions, ideas…")
        self.article_label = QLabel("No article open", self)
        self.article_memo = MemoField(session, MemoKind.ARTICLE, self)
        self.article_memo.setPlaceholderText("Notes on this article…")
        self.article_memo.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel("Project memo", self))
        layout.addWidget(self.project_memo, 1)
        layout.addWidget(self.article_label)
        layout.addWidget(self.article_memo, 1)
        self.article_label.setTextFormat(Qt.TextFormat.PlainText)  # titles are never markup
        self.article_label.setWordWrap(True)  # a long title must not widen the dock
        self.project_memo.show_memo(None)
        session.memosChanged.connect(self.on_session_memos_changed)
        session.externalChange.connect(self.on_session_memos_changed)

    def show_article(self, article_id: int | None) -> None:
        """Show the memo of the article in the current pane."""
        self.article_memo.setEnabled(article_id is not None)
        title = ""
        if article_id is not None:
            try:
                title = self.session.project.articles.summary(article_id=article_id).title
            except DiptychError:
                article_id = None
        self.article_label.setText(f"Memo on “{title}”" if title else "No article open")
        self.article_memo.show_memo(article_id)

    def on_session_memos_changed(self) -> None:
        """Follow undo, redo and other windows."""
        self.project_memo.reload()
        self.article_memo.reload()

    def save(self) -> None:
        """Save whatever is being typed (before undo, or closing)."""
        self.project_memo.save()
        self.article_memo.save()
