"""Memos: free notes on the whole project, on the article in the current pane, and on the
tag selected in the codebook (or whose memo a search found).

Saved as you type (after a short pause, and when the field loses focus), each memo edit
is an undoable step; the saves made while the field keeps the focus merge into one. A
memo is Markdown, as a passage's note is, and reads rendered with Preview as a note does
(each memo's field and preview: :mod:`~diptych.gui.memo_fields`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from diptych.gui.elided_label import ElidedLabel
from diptych.gui.memo_fields import MemoField, MemoPreview
from diptych.gui.read_only import unwritable_text
from diptych.gui.session import ProjectSession
from diptych.gui.vertical_scroll import VerticalScroll
from diptych.storage.control_characters import isolated
from diptych.storage.errors import DiptychError
from diptych.storage.model import MemoKind

# The article memo is the current pane's: other panes may show articles meanwhile.
NO_ARTICLE = "No article in the current pane"


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
        # A title on one line, elided (in full as its tooltip): wrapped in a narrow panel,
        # it took three lines of the memo's height, the first clipped.
        self.article_label = ElidedLabel(self)
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
        self.tag_label = ElidedLabel(self)  # plain text: names are never markup
        self.tag_memo = MemoField(session, MemoKind.TAG, self)
        self.tag_memo.setPlaceholderText("Notes on this tag…")
        if session.read_only:
            for memo in (self.project_memo, self.article_memo, self.tag_memo):
                unwritable_text(memo, "memo")
        self.tag_preview = MemoPreview(self.tag_memo, self.tag_label, self, "tag memo")
        self.tag_preview.hide()  # until a tag is selected
        self._lay_out()
        self.project_memo.show_memo(None)
        self.project_memo.left.connect(self.memoLeft)
        self.article_memo.left.connect(self.memoLeft)
        self.tag_memo.left.connect(self.memoLeft)
        session.memosChanged.connect(self.on_session_memos_changed)
        # Another window's change to the tags comes as tagsChanged too, after externalChange.
        session.externalChange.connect(self.on_session_memos_changed)
        session.articlesChanged.connect(self.on_session_articles_changed)
        session.tagsChanged.connect(self.on_session_tags_changed)

    def _lay_out(self) -> None:
        """The memos one above the other, sharing the panel's height; in a short panel (a
        small screen), at two lines each, scrolled: three memos at that height would
        make the window taller than the screen, and a tag's memo shown would make it grow."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.project_preview, 1)
        layout.addWidget(self.article_preview, 1)
        layout.addWidget(self.tag_preview, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(VerticalScroll(page, self, most=0.2))

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
            self.tag_label.set_full_text(f"Memo on tag “{isolated(name)}”")  # Arabic: in place
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
        self.article_label.set_full_text(  # an Arabic title in its own place in the line
            f"Memo on “{isolated(title)}”" if title else NO_ARTICLE
        )
        self.article_memo.setAccessibleName(
            f"Memo on “{title}”" if title else f"Article memo ({NO_ARTICLE.lower()})"
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

    def try_save(self) -> DiptychError | None:
        """Save whatever is being typed; the first refusal, not said (see
        :meth:`AutosaveText.try_save`)."""
        errors = [field.try_save() for field in self.fields()]
        return next((error for error in errors if error is not None), None)
