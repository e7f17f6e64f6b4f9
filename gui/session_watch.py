"""Keeping an open project in step with the file when another window or program changes it.

The file is polled for commits made through other connections; when there are, every view
is told to read again, and a pane re-reads its article only if the text it shows changed.

The same poll folds the write-ahead log into the project file once it has been left alone
for a whole interval, and so does the window losing the focus to another program: a copy
of the project file alone (to share or archive it, or by a folder kept in sync) then holds
every change made so far, not only those that happened to be folded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication

from diptych.gui.messages import MessageBridge
from diptych.gui.session_core import SessionCore
from diptych.storage.errors import ArticleChangedError, DiptychError
from diptych.storage.model import ArticleSummary
from diptych.storage.project import Project

WATCH_INTERVAL_MS = 1500
# What says, without reading it, that an article's text may have changed: its updated_at
# (a rename changes it too) and its length. CHANGED stands for a text known to be new.
TextStamp = tuple[str, int]
CHANGED: TextStamp = ("", -1)
# Who changed the file outside the undo stack: an import of this window (REFI-QDA files,
# through its own connection), or another window or program (seen by the watch).
BY_IMPORT = "by an import"
ELSEWHERE = "elsewhere"


def text_stamp(article: ArticleSummary) -> TextStamp:
    """The stamp of an article as listed."""
    return article.updated_at, article.characters


class FileWatch(SessionCore):
    """The session's watch on its file, and the stamps of the article texts shown.

    Takes the arguments of :class:`~diptych.gui.session_core.SessionCore`.
    """

    def __init__(
        self,
        project: Project,
        messages: MessageBridge,
        *,
        coder: str = "",
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(project, messages, coder=coder, pool=pool, parent=parent)
        self._data_version = project.data_version()
        self._following = False  # the views are being told of another window's change
        self._changed_by: list[str] = []  # BY_IMPORT or ELSEWHERE, for each change seen
        self._text_stamps = {a.id: text_stamp(a) for a in self.articles()}
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.on_watch_timeout)
        self._log_stamp = self._folded_stamp = project.log_stamp()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self.on_application_state_changed)

    def changed_by_worker(self, *, articles_only: bool = False) -> None:
        """A worker of this window (an import) committed through its own connection: show
        what it changed, and do not take its commit for another program's (which would
        reload everything once more at the next look at the file).

        Args:
            articles_only: it only added articles; nothing else is to be read again.
        """
        self._data_version = self.project.data_version()
        if not articles_only:  # articles added by an import step, on the undo stack
            self._changed_by.append(BY_IMPORT)
        if articles_only:
            self.project.forget_cached()
            for article in self.project.articles.all():  # the new ones, as they are now
                self._text_stamps.setdefault(article.id, text_stamp(article))
            self._forget_passages(None)  # a new article may take a removed one's id
            self.articlesChanged.emit()
        else:
            self.reload_all()

    @contextlib.contextmanager
    def _current_on_refusal(self) -> Iterator[None]:
        """A passage refused because its article's text was replaced in another window since
        it was shown: the views show the text as it is now at once, not after the next poll.
        """
        try:
            yield
        except ArticleChangedError as exc:
            self._text_stamps[exc.article_id] = CHANGED
            if not self._reload_if_changed_elsewhere():  # which says so with the rest
                summary = self.project.articles.summary(article_id=exc.article_id)
                for article_id in self._changed_texts([summary]):
                    with self._telling_views([article_id]):
                        self.articleTextChanged.emit(article_id)
            raise

    @property
    def changes_seen(self) -> int:
        """How many changes made outside the undo stack were seen so far (a mark for
        :meth:`changed_since`)."""
        return len(self._changed_by)

    def changed_since(self, mark: int) -> str | None:
        """Who made the changes seen since ``mark`` (:attr:`changes_seen` then), as an
        undo refused because of them says it, when this window knows: "by an import" when
        its own imports made them all, "by an import or in another window" when another
        window or program changed the file too; None when no import of this window did
        (another window's or program's: an undo's refusal says who may have)."""
        who = set(self._changed_by[mark:])
        if BY_IMPORT not in who:
            return None
        return BY_IMPORT if who == {BY_IMPORT} else f"{BY_IMPORT} or in another window"

    @property
    def following_elsewhere(self) -> bool:
        """True only while the views are being told of a change another window or program
        made to the file: a text they are given then comes from there, not from this
        window's undo or redo."""
        return self._following

    def watch(self, enabled: bool = True) -> None:
        """Poll the file for changes made by another window or program."""
        self._watch.start() if enabled else self._watch.stop()

    def on_watch_timeout(self) -> None:
        """Reload everything if another connection committed to the file; fold the log
        into the file once nothing was written to it since the last look."""
        self._reload_if_changed_elsewhere()
        stamp = self.project.log_stamp()
        quiet = stamp == self._log_stamp
        self._log_stamp = stamp
        if quiet and stamp != self._folded_stamp:
            self.fold_log()

    def on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        """Another program has the focus (a file manager, to copy the project, say)."""
        if state != Qt.ApplicationState.ApplicationActive:
            self.fold_log()

    def fold_log(self) -> None:
        """Fold the write-ahead log into the project file now, as far as readers allow (a
        reader holding part of it back, or a failure, leaves it to the next try)."""
        if self.project.closed or self.project.read_only:
            return
        stamp = self.project.log_stamp()
        with contextlib.suppress(DiptychError):  # the watch reports a file gone wrong
            if self.project.fold_log():
                self._folded_stamp = stamp

    def show_changes_from_elsewhere(self) -> None:
        """Show at once what another connection committed (a step was refused because of
        it), not at the next poll."""
        self._reload_if_changed_elsewhere()

    def _reload_if_changed_elsewhere(self) -> bool:
        """Reload everything if another connection committed to the file; True if it did."""
        try:
            version = self.project.data_version()
        except DiptychError as exc:
            self._watch.stop()
            self.messages.known_error(exc)
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self._changed_by.append(ELSEWHERE)
        self._following = True
        try:
            self.externalChange.emit()
            self.reload_all()
        finally:
            self._following = False
        return True

    def reload_all(self) -> None:
        """Forget caches and tell every view to re-read (after changes made elsewhere); a
        pane re-reads its article only if the text changed, not for a new title."""
        texts = self._changed_texts(self.project.articles.all())
        self.project.forget_cached()
        self._codebook = None
        with self._telling_views(None):
            self.articlesChanged.emit()
            self.tagsChanged.emit()
            for article_id in texts:
                self.articleTextChanged.emit(article_id)
            self.allPassagesChanged.emit()
            self.memosChanged.emit()  # an import's or another window's memos shown at once

    def _changed_texts(self, articles: Iterable[ArticleSummary]) -> list[int]:
        """The articles whose text is not the one shown any more; their stamps updated.

        A stamp that differs may be a mere rename: the text is then compared with the one
        read (for articles with a new date or length only, so seldom read).
        """
        changed = []
        for article in articles:
            stamp = text_stamp(article)
            known = self._text_stamps.get(article.id, stamp)  # a new article: not shown yet
            if known != stamp:
                reread = self.project.articles.text_changed_since_read(article_id=article.id)
                if reread or known == CHANGED:
                    changed.append(article.id)
            self._text_stamps[article.id] = stamp
        return changed
