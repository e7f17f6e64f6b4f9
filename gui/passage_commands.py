"""The undo commands on passages: tag a new passage, delete one, change its tags, write
its note, attach it to another range of its article."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand

from diptych.gui.commands import SessionCommand, quote_start
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import quoted
from diptych.gui.text_commands import SetText
from diptych.storage.errors import InputError
from diptych.storage.model import Annotation
from diptych.storage.passage_coders import Signing


def note_text(session: ProjectSession, annotation_id: int) -> str:
    """The Undo menu's name for writing a passage's note: the passage named by the start of
    its quote, as its menus name it ("Edit note on passage “The harbour reopened…”"), as
    a memo's step names its article or tag."""
    try:
        quote = session.passage(annotation_id).exact
    except InputError:
        return "Edit note"
    return f"Edit note on passage “{quote_start(quote)}”"


def deletion_text(session: ProjectSession, annotation_id: int) -> str:
    """The Undo menu's name for deleting a passage, named by the start of its quote as the
    other steps on a passage are ("Delete passage “The harbour reopened…”"): the one
    brought back by undo may have been out of sight."""
    try:
        quote = session.passage(annotation_id).exact
    except InputError:
        return "Delete passage"
    return f"Delete passage “{quote_start(quote)}”"


class AddPassage(SessionCommand):
    """Tag a new passage."""

    PUTS_BACK = "redo"

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
        tag_ids = tuple(tag_ids)
        book = session.codebook()
        paths = [book.path(tag_id) for tag_id in tag_ids if tag_id in book]
        # Named by its tags, as adding or removing one is: a wrong key is seen in Edit > Undo.
        super().__init__(
            session, f"Tag passage with {', '.join(map(quoted, paths))}" if paths else "Tag passage"
        )
        self.args = {"article_id": article_id, "start": start, "end": end, "note": note}
        self.place = (article_id, start, end)  # the article, and the text tagged there
        self.tag_ids = tuple(tag_ids)
        self.passage: Annotation | None = None

    def _do(self) -> None:
        self.passage = self.session.add_passage(**self.args, tag_ids=self.tag_ids)  # type: ignore[arg-type]

    def _redo(self) -> None:
        assert self.passage is not None
        self.passage = self.session.restore_passage(self.passage)

    def _passage_shown(self, *, undone: bool) -> int:
        return 0 if undone or self.passage is None else self.passage.id

    def _gone(self, *, undoing: bool) -> str | None:
        return self._passage_gone(self.passage)

    # Undo deletes the passage only as this step (or its redo) left it: one given a note
    # or tags meanwhile, in another window, is kept and the step is dropped.
    def _undo(self) -> None:
        assert self.passage is not None
        self.passage = self.session.delete_passage(self.passage.id, expected=self.passage)


class DeletePassage(SessionCommand):
    """Delete a passage with its tags and note."""

    PUTS_BACK = "undo"

    def __init__(self, session: ProjectSession, annotation_id: int) -> None:
        super().__init__(session, deletion_text(session, annotation_id))
        self.annotation_id = annotation_id
        self.passage: Annotation | None = None
        self.restored: Annotation | None = None  # the passage as undo put it back

    def _do(self) -> None:
        self.passage = self.session.delete_passage(self.annotation_id)

    # Redo deletes the passage only as undo left it: one given a note or tags meanwhile,
    # in another window, is kept and the step is dropped.
    def _redo(self) -> None:
        self.passage = self.session.delete_passage(self.annotation_id, expected=self.restored)

    def _undo(self) -> None:
        assert self.passage is not None
        self.restored = self.session.restore_passage(self.passage)

    def _passage_shown(self, *, undone: bool) -> int:
        return self.annotation_id if undone else 0

    def _gone(self, *, undoing: bool) -> str | None:
        return self._passage_gone(self.passage)


class DeletePassages(SessionCommand):
    """Delete several passages with their tags and notes, as one step."""

    PUTS_BACK = "undo"

    def __init__(self, session: ProjectSession, annotation_ids: Iterable[int]) -> None:
        self.annotation_ids = tuple(annotation_ids)
        super().__init__(session, f"Delete {len(self.annotation_ids)} passages")
        self.passages: list[Annotation] = []
        self.restored: list[Annotation] = []  # the passages as undo put them back

    def _do(self) -> None:
        self.passages = self.session.delete_passages(self.annotation_ids)

    # Redo deletes the passages only as undo left them: one given a note or tags
    # meanwhile, in another window, keeps them all and the step is dropped.
    def _redo(self) -> None:
        self.passages = self.session.delete_passages(self.annotation_ids, expected=self.restored)

    def _undo(self) -> None:
        self.restored = self.session.restore_passages(self.passages)

    def _passage_shown(self, *, undone: bool) -> int:
        return self.annotation_ids[0] if undone and self.annotation_ids else 0

    def _gone(self, *, undoing: bool) -> str | None:
        return next(filter(None, map(self._passage_gone, self.passages)), None)


class ChangeTagsOfPassages(SessionCommand):
    """Put one tag on several passages, or take it off them, as one step."""

    def __init__(
        self,
        session: ProjectSession,
        annotation_ids: Iterable[int],
        tag_id: int,
        *,
        remove: bool = False,
    ) -> None:
        self.annotation_ids = tuple(annotation_ids)
        self.tag_id, self.remove = tag_id, remove
        book = session.codebook()
        name = quoted(book.path(tag_id)) if tag_id in book else "a tag"
        count = len(self.annotation_ids)
        super().__init__(
            session,
            f"Remove {name} from {count} passages"
            if remove
            else f"Tag {count} passages with {name}",
        )
        # Each passage's tags this step put on and took off: only those are taken back.
        self.changes: dict[int, tuple[set[int], set[int]]] = {}
        self.passages: list[Annotation] = []
        self.before: dict[int, str] = {}  # when each was last changed, before and after
        self.after: dict[int, str] = {}

    def _do(self) -> None:
        tag = {self.tag_id}
        for annotation_id in self.annotation_ids:
            passage = self.session.passage(annotation_id)
            if (self.tag_id in passage.tag_ids) == self.remove:
                self.changes[annotation_id] = (set(), tag) if self.remove else (tag, set())
                self.before[annotation_id] = passage.updated_at
        if not self.changes:
            return
        self.passages = self.session.change_tags_of(self.changes)
        self.after = {p.id: p.updated_at for p in self.passages}

    # Undo and redo take off and put back only the tag on the passages this step changed,
    # leaving what another window changed on them meanwhile; a passage deleted meanwhile
    # makes the step fail (and say so) rather than change the others alone. Their times
    # of change go back too.
    def _redo(self) -> None:
        self.passages = self.session.change_tags_of(self.changes, self.after)

    def _undo(self) -> None:
        undone = {i: (removed, added) for i, (added, removed) in self.changes.items()}
        self.passages = self.session.change_tags_of(undone, self.before)

    def _gone(self, *, undoing: bool) -> str | None:
        return next(filter(None, map(self._passage_gone, self.passages)), None)


class SetPassageTags(SessionCommand):
    """Change which tags a passage carries."""

    def __init__(
        self, session: ProjectSession, annotation_id: int, tag_ids: Iterable[int], text: str = ""
    ) -> None:
        super().__init__(session, text or "Change passage tags")
        self.annotation_id = annotation_id
        self.new = tuple(tag_ids)
        self.added: set[int] = set()
        self.removed: set[int] = set()
        self.passage: Annotation | None = None  # as this step left it
        self.times = ("", "")  # when the passage was last changed before and after it

    def _do(self) -> None:
        before = self.session.passage(self.annotation_id)
        old = set(before.tag_ids)
        self.passage = self.session.set_passage_tags(self.annotation_id, self.new)
        self.added, self.removed = set(self.new) - old, old - set(self.new)
        self.times = (before.updated_at, self.passage.updated_at)

    # Undo and redo take off and put back only the tags this step changed, so that tags
    # another window (or an import) put on or took off meanwhile stay as they are; a tag
    # deleted meanwhile does not make the whole step fail (and leave the stack). The
    # passage's time of change goes back too: undone, it reads as it did before.
    def _redo(self) -> None:
        self.passage = self.session.change_passage_tags(
            self.annotation_id, add=self.added, remove=self.removed, updated_at=self.times[1]
        )

    def _undo(self) -> None:
        self.passage = self.session.change_passage_tags(
            self.annotation_id, add=self.removed, remove=self.added, updated_at=self.times[0]
        )

    def _passage_shown(self, *, undone: bool) -> int:
        return self.annotation_id

    def _gone(self, *, undoing: bool) -> str | None:
        return self._passage_gone(self.passage)


class SetPassageNote(SetText):
    """Write a passage's note (Markdown)."""

    MERGE_ID = 1001
    WHAT = "note"

    def __init__(
        self, session: ProjectSession, annotation_id: int, note: str, sitting: int = 0
    ) -> None:
        super().__init__(session, note_text(session, annotation_id), annotation_id, note, sitting)
        self.annotation_id = annotation_id
        self.passage: Annotation | None = None  # as this step left it
        self.times = ("", "")  # when the passage was last changed before and after it

    def mergeWith(self, other: QUndoCommand) -> bool:
        merged = super().mergeWith(other)
        if merged and isinstance(other, SetPassageNote):
            self.times = (self.times[0], other.times[1])  # the sitting's last word
        return merged

    def _do(self) -> None:
        before = self.session.passage(self.annotation_id).updated_at
        super()._do()
        self.times = (before, self.passage.updated_at if self.passage else "")

    # Undone, the passage's time of change goes back with its note; redone, it comes again.
    def _redo(self) -> None:
        self._write(self.new, expected=self.old, updated_at=self.times[1])

    def _undo(self) -> None:
        self._write(self.old, expected=self.new, updated_at=self.times[0])

    def _read(self) -> str:
        return self.session.passage(self.annotation_id).note

    def _write(self, text: str, expected: str | None = None, updated_at: str | None = None) -> None:
        self.passage = self.session.set_passage_note(
            self.annotation_id, text, expected=expected, updated_at=updated_at or None
        )

    def _passage_shown(self, *, undone: bool) -> int:
        return self.annotation_id

    def _gone(self, *, undoing: bool) -> str | None:
        return self._passage_gone(self.passage)


class ReattachPassage(SessionCommand):
    """Anchor a passage (an orphan, or one made longer or shorter) to a new range of its
    article; ``text`` names the undo step."""

    def __init__(
        self,
        session: ProjectSession,
        annotation_id: int,
        start: int,
        end: int,
        text: str = "Re-attach passage",
    ) -> None:
        super().__init__(session, text)
        self.annotation_id = annotation_id
        self.range = (start, end)
        self.before: Annotation | None = None
        self.after: Annotation | None = None

    def _do(self) -> None:
        self.before = self.session.passage(self.annotation_id)
        self.after = self.session.reattach_passage(self.annotation_id, *self.range)

    # Undo and redo move the passage only from where this step (or its undo) left it: a
    # place given meanwhile, in another window, is kept and the step is dropped.
    def _redo(self) -> None:
        self.after = self.session.reattach_passage(
            self.annotation_id, *self.range, expected=self.before
        )

    def _undo(self) -> None:
        assert self.before is not None
        self.before = self.session.put_back_anchor(self.before, expected=self.after)

    def _passage_shown(self, *, undone: bool) -> int:
        return self.annotation_id

    def _gone(self, *, undoing: bool) -> str | None:
        return self._passage_gone(self.after if undoing else self.before)


class SignPassages(SessionCommand):
    """Sign passages with another coder's name (the coder's own, changed), as one step."""

    def __init__(self, session: ProjectSession, annotation_ids: Iterable[int], name: str) -> None:
        self.annotation_ids = tuple(annotation_ids)
        self.name = name
        count = len(self.annotation_ids)
        super().__init__(session, f"Sign {count} passage{'' if count == 1 else 's'} “{name}”")
        self.signing: Signing | None = None

    def _do(self) -> None:
        self.signing = self.session.sign_passages(self.annotation_ids, self.name)

    def _redo(self) -> None:  # the coder it added comes back the same
        self.signing = self.session.sign_passages(
            self.annotation_ids, self.name, again=self.signing
        )

    def _undo(self) -> None:
        if self.signing is not None:
            self.session.unsign_passages(self.signing)
