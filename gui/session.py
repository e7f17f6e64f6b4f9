"""An open project as the window sees it: storage calls plus change signals.

Undo commands call these methods; models and panes listen to the signals. Every method is
one transaction in the project file, saved when it returns. The session is built in
layers, one module each: its signals and cached reads (:mod:`~diptych.gui.session_core`),
the watch for other windows' changes (:mod:`~diptych.gui.session_watch`), and the edits of
passages, tags and articles (:mod:`~diptych.gui.session_passages`,
:mod:`~diptych.gui.session_tags`, :mod:`~diptych.gui.session_articles`).
"""

from __future__ import annotations

from diptych.gui.session_articles import ArticleEdits
from diptych.gui.session_passages import PassageEdits
from diptych.gui.session_tags import TagEdits
from diptych.storage.model import MemoKind


class ProjectSession(PassageEdits, TagEdits, ArticleEdits):
    """An open project with its undo stack.

    Args:
        project: the open project file.
        messages: where errors are reported.
        coder: the name recorded on new passages.
        pool: the thread pool for reading long articles (the application's by default).

    The signals are listed on :class:`~diptych.gui.session_core.SessionCore`.
    """

    def rename_project(self, name: str, *, expected: str | None = None) -> str:
        """Give the project another name (see :meth:`Project.rename` for ``expected``);
        the name as stored."""
        name = self.project.rename(name=name, expected=expected)
        self.projectRenamed.emit()
        return name

    def memo_text(self, kind: MemoKind, target_id: int | None = None) -> str:
        """The text of a memo ("" if none was written)."""
        memo = self.project.memos.get(kind=kind, target_id=target_id)
        return memo.text if memo else ""

    def set_memo(
        self, kind: MemoKind, target_id: int | None, text: str, *, expected: str | None = None
    ) -> None:
        """Write a memo on the project, an article or a tag (see :meth:`MemoStore.set` for
        ``expected``)."""
        self.project.memos.set(kind=kind, target_id=target_id, text=text, expected=expected)
        self.memosChanged.emit()

    def close(self) -> None:
        """Stop watching, let readers finish, and close the project file."""
        self._watch.stop()
        self.workers.close()
        self.project.close()
