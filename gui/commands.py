"""Every user edit as a QUndoCommand on the session's one undo stack.

A command is applied once through :func:`perform`, which reports a known error instead of
pushing a command that did not happen; after that, ``redo()`` and ``undo()`` replay it
through the session, which saves to the project file and tells the views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from diptych.gui.session import ProjectSession
from diptych.storage.articles import ArticleRemoval
from diptych.storage.errors import DiptychError
from diptych.storage.model import Annotation, ArticleSummary, ReanchorReport, Tag, TagRemoval

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle

NOTE_MERGE_ID = 1001


def perform(session: ProjectSession, command: SessionCommand) -> bool:
    """Apply ``command`` and push it on the undo stack; False (and a message) if it failed."""
    try:
        command.apply()
    except DiptychError as exc:
        session.messages.known_error(exc)
        return False
    session.undo_stack.push(command)
    return True


class SessionCommand(QUndoCommand):
    """Base: the first ``redo()`` (from ``push``) is skipped because :meth:`apply` did it.

    Errors while undoing or redoing (file locked, disk full) are reported and the command is
    dropped from the stack rather than leaving the stack out of step with the file.
    """

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._applied_once = False

    def apply(self) -> None:
        """Do the action for the first time (may raise a known error)."""
        self._do()
        self._applied_once = True

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except DiptychError as exc:
            self.session.messages.known_error(exc, "Undo/redo failed")
            self.setObsolete(True)

    def _do(self) -> None:
        raise NotImplementedError

    def _redo(self) -> None:
        self._do()

    def _undo(self) -> None:
        raise NotImplementedError


class AddPassage(SessionCommand):
    """Tag a new passage."""

    def __init__(
        self,
        session: ProjectSession,
        *,
        article_id: int,
        start: int,
        end: int,
        tag_ids: Iterable[int],
        note: str = "",
    ) -> None:
        super().__init__(session, "Tag passage")
        self.args = {"article_id": article_id, "start": start, "end": end, "note": note}
        self.tag_ids = tuple(tag_ids)
        self.passage: Annotation | None = None

    def _do(self) -> None:
        self.passage = self.session.add_passage(**self.args, tag_ids=self.tag_ids)  # type: ignore[arg-type]

    def _redo(self) -> None:
        assert self.passage is not None
        self.passage = self.session.restore_passage(self.passage)

    def _undo(self) -> None:
        assert self.passage is not None
        self.passage = self.session.delete_passage(self.passage.id)


class DeletePassage(SessionCommand):
    """Delete a passage with its tags and note."""

    def __init__(self, session: ProjectSession, annotation_id: int) -> None:
        super().__init__(session, "Delete passage")
        self.annotation_id = annotation_id
        self.passage: Annotation | None = None

    def _do(self) -> None:
        self.passage = self.session.delete_passage(self.annotation_id)

    def _undo(self) -> None:
        assert self.passage is not None
        self.session.restore_passage(self.passage)


class SetPassageTags(SessionCommand):
    """Change which tags a passage carries."""

    def __init__(
        self, session: ProjectSession, annotation_id: int, tag_ids: Iterable[int], text: str = ""
    ) -> None:
        super().__init__(session, text or "Change passage tags")
        self.annotation_id = annotation_id
        self.new = tuple(tag_ids)
        self.old: tuple[int, ...] = ()

    def _do(self) -> None:
        self.old = self.session.passage(self.annotation_id).tag_ids
        self.session.set_passage_tags(self.annotation_id, self.new)

    def _undo(self) -> None:
        self.session.set_passage_tags(self.annotation_id, self.old)


class SetPassageNote(SessionCommand):
    """Write a passage's note; consecutive edits of one note merge into one undo step."""

    def __init__(self, session: ProjectSession, annotation_id: int, note: str) -> None:
        super().__init__(session, "Edit note")
        self.annotation_id = annotation_id
        self.new = note
        self.old = ""

    def id(self) -> int:
        return NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetPassageNote) or other.annotation_id != self.annotation_id:
            return False
        self.new = other.new
        return True

    def _do(self) -> None:
        self.old = self.session.passage(self.annotation_id).note
        self.session.set_passage_note(self.annotation_id, self.new)

    def _undo(self) -> None:
        self.session.set_passage_note(self.annotation_id, self.old)


class ReattachPassage(SessionCommand):
    """Anchor an orphaned passage to a new range of its article."""

    def __init__(self, session: ProjectSession, annotation_id: int, start: int, end: int) -> None:
        super().__init__(session, "Re-attach passage")
        self.annotation_id = annotation_id
        self.range = (start, end)
        self.before: Annotation | None = None

    def _do(self) -> None:
        self.before = self.session.passage(self.annotation_id)
        self.session.reattach_passage(self.annotation_id, *self.range)

    def _undo(self) -> None:
        assert self.before is not None
        self.session.delete_passage(self.annotation_id)
        self.session.restore_passage(self.before)


class AddTag(SessionCommand):
    """Create a tag."""

    def __init__(
        self,
        session: ProjectSession,
        *,
        name: str,
        color: str | None = None,
        parent_id: int | None = None,
        description: str = "",
    ) -> None:
        super().__init__(session, f"New tag {name}")
        self.args = {
            "name": name,
            "color": color,
            "parent_id": parent_id,
            "description": description,
        }
        self.tag: Tag | None = None
        self.removal: TagRemoval | None = None

    def _do(self) -> None:
        self.tag = self.session.add_tag(**self.args)  # type: ignore[arg-type]

    def _redo(self) -> None:
        assert self.removal is not None
        self.tag = self.session.restore_tag(self.removal)

    def _undo(self) -> None:
        assert self.tag is not None
        self.removal = self.session.delete_tag(self.tag.id)


class UpdateTag(SessionCommand):
    """Rename, recolour or describe a tag."""

    def __init__(
        self,
        session: ProjectSession,
        tag_id: int,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> None:
        super().__init__(session, "Edit tag")
        self.tag_id = tag_id
        self.new = {"name": name, "color": color, "description": description}
        self.old: dict[str, str | None] = {}

    def _do(self) -> None:
        tag = self.session.codebook()[self.tag_id]
        self.old = {"name": tag.name, "color": tag.color, "description": tag.description}
        self.session.update_tag(self.tag_id, **self.new)

    def _undo(self) -> None:
        self.session.update_tag(self.tag_id, **self.old)


class MoveTag(SessionCommand):
    """Nest a tag under another, or move it among its siblings."""

    def __init__(
        self,
        session: ProjectSession,
        tag_id: int,
        parent_id: int | None,
        position: int | None = None,
    ) -> None:
        super().__init__(session, "Move tag")
        self.tag_id = tag_id
        self.target = (parent_id, position)
        self.origin: tuple[int | None, int] = (None, 0)

    def _do(self) -> None:
        codebook = self.session.codebook()
        tag = codebook[self.tag_id]
        siblings = [t.id for t in codebook.children(tag.parent_id)]
        self.origin = (tag.parent_id, siblings.index(self.tag_id))
        self.session.move_tag(self.tag_id, *self.target)

    def _undo(self) -> None:
        self.session.move_tag(self.tag_id, *self.origin)


class DeleteTag(SessionCommand):
    """Delete a tag: its passages lose it, its sub-tags move up."""

    def __init__(self, session: ProjectSession, tag_id: int) -> None:
        super().__init__(session, "Delete tag")
        self.tag_id = tag_id
        self.removal: TagRemoval | None = None

    def _do(self) -> None:
        self.removal = self.session.delete_tag(self.tag_id)

    def _undo(self) -> None:
        assert self.removal is not None
        self.session.restore_tag(self.removal)


class MergeTags(SessionCommand):
    """Merge a tag into another."""

    def __init__(self, session: ProjectSession, source_id: int, target_id: int) -> None:
        super().__init__(session, "Merge tags")
        self.ids = (source_id, target_id)
        self.removal: TagRemoval | None = None

    def _do(self) -> None:
        self.removal = self.session.merge_tags(*self.ids)

    def _undo(self) -> None:
        assert self.removal is not None
        self.session.restore_tag(self.removal)


class ImportArticles(SessionCommand):
    """Add imported articles to the project.

    Args:
        session: the open project.
        parsed: the articles to add, or () with ``added`` for articles an import worker
            already added through its own connection (the step then only records them).
        added: articles already in the project.
    """

    def __init__(
        self,
        session: ProjectSession,
        parsed: Sequence[ParsedArticle] = (),
        *,
        added: Sequence[ArticleSummary] = (),
    ) -> None:
        super().__init__(session, f"Import {len(parsed) or len(added)} article(s)")
        self.parsed = list(parsed)
        self.added: list[ArticleSummary] = list(added)
        self.removals: list[ArticleRemoval] = []

    def _do(self) -> None:
        if self.parsed:
            self.added = self.session.add_articles(self.parsed)
        else:
            self.session.articles_added_elsewhere()

    def _redo(self) -> None:
        for removal in reversed(self.removals):
            self.session.restore_article(removal)

    def _undo(self) -> None:
        self.removals = [self.session.remove_article(a.id) for a in self.added]


class RemoveArticle(SessionCommand):
    """Remove an article and its passages."""

    def __init__(self, session: ProjectSession, article_id: int) -> None:
        super().__init__(session, "Remove article")
        self.article_id = article_id
        self.removal: ArticleRemoval | None = None

    def _do(self) -> None:
        self.removal = self.session.remove_article(self.article_id)

    def _undo(self) -> None:
        assert self.removal is not None
        self.session.restore_article(self.removal)


class RenameArticle(SessionCommand):
    """Give an article a new title."""

    def __init__(self, session: ProjectSession, article_id: int, title: str) -> None:
        super().__init__(session, "Rename article")
        self.article_id = article_id
        self.new = title
        self.old = ""

    def _do(self) -> None:
        self.old = self.session.project.articles.summary(article_id=self.article_id).title
        self.session.rename_article(self.article_id, self.new)

    def _undo(self) -> None:
        self.session.rename_article(self.article_id, self.old)


class ReplaceArticleText(SessionCommand):
    """Update an article from a newer file; its passages are found again or orphaned."""

    def __init__(self, session: ProjectSession, article_id: int, parsed: ParsedArticle) -> None:
        super().__init__(session, "Update article from file")
        self.article_id = article_id
        self.parsed = parsed
        self.report: ReanchorReport | None = None

    def _do(self) -> None:
        self.report = self.session.replace_article_text(self.article_id, self.parsed)

    def _undo(self) -> None:
        assert self.report is not None
        self.session.restore_article_text(self.report)
