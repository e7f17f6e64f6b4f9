"""Annotations (passages): add, tag, note, delete and undo those. A passage's row is read
in :mod:`~diptych.storage.passage_rows`; where it is in its article's text is kept in
:mod:`~diptych.storage.passage_anchors`; its tags are put on and taken off in
:mod:`~diptych.storage.passage_tags`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diptych.storage.anchors import Anchor
from diptych.storage.errors import InputError, refuse_if_another, refuse_if_changed
from diptych.storage.model import Annotation, AnnotationStatus, Coder
from diptych.storage.passage_anchors import (
    anchor_range,
    apply_anchor,
    find_again,
    refuse_if_moved,
    refuse_if_reanchored,
    restore_anchor,
)
from diptych.storage.passage_checks import (
    clear_checks,
    put_back_check,
    put_back_standing_check,
)
from diptych.storage.passage_rows import INSERT_PASSAGE, SELECT_PASSAGES, passage_of
from diptych.storage.passage_tags import clear_tags, existing_tags, link_tags, unlink_tags
from diptych.storage.wording import shortened

if TYPE_CHECKING:
    from diptych.storage.project import Project


@dataclass(frozen=True, slots=True)
class NewAnnotation:
    """A passage to add in bulk (imports); offsets are code points into the display text."""

    article_id: int
    start: int
    end: int
    tag_ids: tuple[int, ...] = ()
    note: str = ""
    coder: str = ""
    uuid: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    lost: Anchor | None = None
    """Set for a passage whose words the article's text no longer has (coded in another
    version of it): added as an orphan with this quote and context, to re-attach."""


class AnnotationStore:
    """The annotations of one project."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def add(
        self,
        *,
        article_id: int,
        start: int,
        end: int,
        tag_ids: Iterable[int] = (),
        note: str = "",
        coder: str = "",
        uuid: str | None = None,
    ) -> Annotation:
        """Anchor a new passage on ``[start, end)`` of the article's display text."""
        item = NewAnnotation(article_id, start, end, tuple(tag_ids), note, coder, uuid)
        return self.get(annotation_id=self.add_many(items=[item])[0])

    def add_many(self, *, items: Sequence[NewAnnotation]) -> list[int]:
        """Add several passages in one transaction; returns their ids."""
        from diptych.storage.project import new_uuid

        now = self._project.now()
        ids = []
        with self._project.transaction():
            db = self._project.db
            for item in items:
                status = AnnotationStatus.ANCHORED if item.lost is None else AnnotationStatus.ORPHAN
                anchor = item.lost or self._anchored(item)
                values = [None, item.uuid or new_uuid(), item.article_id, anchor.start, anchor.end]
                values += [anchor.exact, anchor.prefix, anchor.suffix, item.note, item.coder]
                values += [item.created_at or now, item.updated_at or item.created_at or now]
                cursor = db.execute(INSERT_PASSAGE, [*values, status.value])
                annotation_id = int(cursor.lastrowid or 0)
                link_tags(self._project, annotation_id, item.tag_ids)
                self._remember_coder(item.coder)
                ids.append(annotation_id)
        return ids

    def _anchored(self, item: NewAnnotation) -> Anchor:
        """Where ``item`` is in its article's text, checked against the text the file holds."""
        text = self._project.articles.get(article_id=item.article_id).text
        anchor = anchor_range(text, item.start, item.end)
        self._project.articles.confirm_text(article_id=item.article_id, anchor=anchor)
        return anchor

    def _remember_coder(self, name: str) -> None:
        from diptych.storage.project import new_uuid

        if name:
            self._project.db.execute(
                "INSERT OR IGNORE INTO coders (uuid, name) VALUES (?, ?)", [new_uuid(), name]
            )

    def get(self, *, annotation_id: int) -> Annotation:
        """One passage; InputError if there is none with that id."""
        with self._project.reading() as db:
            row = db.execute(SELECT_PASSAGES + " WHERE a.id = ?", [annotation_id]).fetchone()
        if row is None:
            raise InputError(f"there is no passage {annotation_id}")
        return passage_of(row)

    def find_uuid(self, *, uuid: str) -> Annotation | None:
        """The passage with ``uuid``, if any."""
        with self._project.reading() as db:
            row = db.execute(SELECT_PASSAGES + " WHERE a.uuid = ?", [uuid]).fetchone()
        return passage_of(row) if row else None

    def query(
        self,
        *,
        article_id: int | None = None,
        tag_id: int | None = None,
        coder: str | None = None,
        status: AnnotationStatus | None = None,
    ) -> list[Annotation]:
        """Passages matching every given filter, in article then text order."""
        where, params = [], []
        for clause, value in (
            ("a.article_id = ?", article_id),
            ("a.coder = ?", coder),
            ("a.status = ?", status.value if status else None),
            ("a.id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?)", tag_id),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = SELECT_PASSAGES + (" WHERE " + " AND ".join(where) if where else "")
        with self._project.reading() as db:
            rows = db.execute(sql + " ORDER BY a.article_id, a.start_pos, a.id", params)
            return [passage_of(row) for row in rows.fetchall()]

    def count(self) -> int:
        """Number of passages in the project."""
        with self._project.reading() as db:
            return int(db.execute("SELECT count(*) FROM annotations").fetchone()[0])

    def set_tags(
        self, *, annotation_id: int, tag_ids: Iterable[int], strict: bool = True
    ) -> Annotation:
        """Replace the passage's tags; a tag deleted meanwhile (in another window) is
        refused, or left out if not ``strict`` (undo and redo: the tags that remain)."""
        with self._project.transaction():
            self._touch(annotation_id)  # first: a passage deleted meanwhile is named
            clear_tags(self._project, annotation_id)
            link_tags(self._project, annotation_id, tag_ids, strict=strict)
        return self.get(annotation_id=annotation_id)

    def change_tags(
        self,
        *,
        annotation_id: int,
        add: Iterable[int] = (),
        remove: Iterable[int] = (),
        updated_at: str | None = None,
    ) -> Annotation:
        """Take ``remove`` off the passage's tags and put ``add`` on, leaving its other tags
        as they are: undo and redo of a change of tags keep what another window (or an
        import) changed on the passage meanwhile. Tags deleted meanwhile are left out.
        ``updated_at``: the time the passage was last changed, put back (undo and redo),
        instead of now."""
        added = set(add)
        with self._project.transaction():
            self._touch(annotation_id, updated_at)
            unlink_tags(self._project, annotation_id, set(remove) - added)
            link_tags(self._project, annotation_id, added, strict=False)
        return self.get(annotation_id=annotation_id)

    def set_note(
        self,
        *,
        annotation_id: int,
        note: str,
        expected: str | None = None,
        updated_at: str | None = None,
    ) -> Annotation:
        """Replace the passage's note (Markdown). With ``expected`` (undo and redo), only if
        the note still reads so: a note written meanwhile, in another window or by an
        import, is refused rather than thrown away. ``updated_at``: the time the passage
        was last changed, put back (undo and redo), instead of now."""
        with self._project.transaction():
            self._touch(annotation_id, updated_at)  # first: a passage deleted meanwhile is named
            if expected is not None:
                row = self._project.db.execute(
                    "SELECT note FROM annotations WHERE id = ?", [annotation_id]
                ).fetchone()
                refuse_if_changed(row[0], expected, "the passage's note")
            self._project.db.execute(
                "UPDATE annotations SET note = ? WHERE id = ?", [note, annotation_id]
            )
        return self.get(annotation_id=annotation_id)

    def _touch(self, annotation_id: int, updated_at: str | None = None) -> None:
        cursor = self._project.db.execute(
            "UPDATE annotations SET updated_at = ? WHERE id = ?",
            [updated_at or self._project.now(), annotation_id],
        )
        if not cursor.rowcount:
            raise InputError(f"there is no passage {annotation_id}")

    def delete(self, *, annotation_id: int, expected: Annotation | None = None) -> Annotation:
        """Delete a passage; returns it as it was, for :meth:`restore`.

        With ``expected`` (undo and redo: the passage as the step left it), only if it is
        still so: a passage given another note or other tags meanwhile, re-attached, or
        signed with another coder's name, in another window, is refused rather than deleted
        with that work (tags deleted since do not count).
        """
        with self._project.transaction():
            before = self.get(annotation_id=annotation_id)  # under the write lock
            if expected is not None:
                what = f"the passage {shortened(expected.exact)!r}"
                refuse_if_another(before.uuid, expected.uuid, what)
                refuse_if_reanchored(before.exact, before.is_orphan, expected)
                left = sorted(existing_tags(self._project, expected.tag_ids))
                refuse_if_changed(
                    (before.note, list(before.tag_ids), before.coder),
                    (expected.note, left, expected.coder),
                    "the passage (its note, tags or coder's name)",
                    advice="Delete the passage by hand if it should go.",
                )
            self._project.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return before

    def delete_many(self, *, expected: Sequence[Annotation]) -> None:
        """Delete passages as :meth:`delete` with ``expected`` does, all in one go (undoing
        a big import). See :func:`~diptych.storage.passage_bulk.delete_passages`."""
        self.delete_listed(annotation_ids=[a.id for a in expected], expected=expected)

    def delete_listed(
        self, *, annotation_ids: Sequence[int], expected: Iterable[Annotation] = ()
    ) -> list[Annotation]:
        """Delete passages as :meth:`delete` does, each with its ``expected`` if it has one
        there, all or none, in a few statements for all of them (thousands selected in the
        Passages list); returns them as they were, in the order given. See
        :func:`~diptych.storage.passage_bulk.delete_passages`."""
        from diptych.storage.passage_bulk import delete_passages  # with the first of them

        known = {a.id: a for a in expected}
        return delete_passages(self._project, annotation_ids=annotation_ids, expected=known)

    def change_tags_listed(
        self,
        *,
        changes: Mapping[int, tuple[Iterable[int], Iterable[int]]],
        times: Mapping[int, str] | None = None,
    ) -> list[Annotation]:
        """Change the tags of passages as :meth:`change_tags` does, each by its own tags to
        put on and take off (``changes``) and with its ``times`` entry as ``updated_at``,
        all or none, in a few statements for all of them; returns the passages as they are
        then, in the order given. See :func:`~diptych.storage.passage_bulk.change_tags`."""
        from diptych.storage.passage_bulk import change_tags  # with the first of them

        return change_tags(self._project, changes=changes, times=times or {})

    def get_many(self, *, annotation_ids: Iterable[int]) -> dict[int, Annotation]:
        """The passages of ``annotation_ids`` still in the project, by id, in one query."""
        from diptych.storage.passage_bulk import read_passages  # with the first of them

        with self._project.reading():
            return read_passages(self._project, annotation_ids)

    def change_many(self, *, changes: Sequence[tuple[Annotation, Annotation]]) -> None:
        """Change passages from ``now`` to ``wanted`` (each pair), as :meth:`set_note` and
        :meth:`change_tags` undo and redo them, all in one go (undoing a big import). See
        :func:`~diptych.storage.passage_restore.change_passages`."""
        from diptych.storage.passage_restore import change_passages  # undo and redo only

        change_passages(self._project, changes=changes)

    def restore(self, *, annotation: Annotation) -> Annotation:
        """Put a deleted passage back exactly as it was (same id, uuid, tags, times), less
        the tags deleted since (in another window): undoing a deletion never fails for
        want of a tag."""
        self.restore_many(annotations=[annotation])
        return self.get(annotation_id=annotation.id)

    def restore_many(
        self, *, annotations: Sequence[Annotation], texts: Mapping[int, str] | None = None
    ) -> None:
        """Put deleted passages back as :meth:`restore` does, all in one go (redoing a big
        import); ``texts``: their articles' display texts, where the caller has them.
        See :func:`~diptych.storage.passage_restore.restore_passages`."""
        from diptych.storage.passage_restore import restore_passages  # undo and redo only

        restore_passages(self._project, passages=annotations, texts=texts)

    def apply_anchor(self, *, annotation_id: int, anchor: Anchor | None) -> None:
        """Record where a passage was found again; None makes it an orphan."""
        apply_anchor(self._project, annotation_id=annotation_id, anchor=anchor)

    def restore_anchor(self, *, annotation: Annotation) -> None:
        """Put a passage back where ``annotation`` says it was (undoing a re-anchoring)."""
        restore_anchor(self._project, annotation=annotation)

    def put_back_anchor(
        self, *, annotation: Annotation, expected: Annotation | None = None
    ) -> Annotation:
        """Undo :meth:`reattach`: the anchor, status, time and mark to check (see
        :mod:`~diptych.storage.passage_checks`) as ``annotation`` had them, in one
        transaction. With ``expected`` (the passage as the re-attaching left it),
        only if the passage is still there: one re-attached meanwhile, in another window,
        is refused rather than moved back."""
        with self._project.transaction():
            if expected is not None:
                refuse_if_moved(self._project, annotation.id, expected)
            self.restore_anchor(annotation=annotation)
            self._project.db.execute(
                "UPDATE annotations SET updated_at = ? WHERE id = ?",
                [annotation.updated_at, annotation.id],
            )
            put_back_check(self._project, annotation_id=annotation.id, check=annotation.check)
            find_again(self._project, annotation)
        return self.get(annotation_id=annotation.id)

    def reattach(
        self, *, annotation_id: int, start: int, end: int, expected: Annotation | None = None
    ) -> Annotation:
        """Anchor an orphan (or any passage) to a new range of its article: looked at, it
        is no longer to be checked. With ``expected`` (redo: the passage as undo left it),
        only if the passage is still there: one re-attached meanwhile, in another window,
        is refused rather than moved."""
        current = self.get(annotation_id=annotation_id)
        text = self._project.articles.get(article_id=current.article_id).text
        anchor = anchor_range(text, start, end)
        with self._project.transaction():
            if expected is not None:
                refuse_if_moved(self._project, annotation_id, expected)
            self._project.articles.confirm_text(article_id=current.article_id, anchor=anchor)
            self.apply_anchor(annotation_id=annotation_id, anchor=anchor)
            clear_checks(self._project, annotation_ids=[annotation_id])
            self._touch(annotation_id)
        return self.get(annotation_id=annotation_id)

    def mark_checked(self, *, annotation_ids: Iterable[int]) -> list[Annotation]:
        """The passages were looked at since an update found them only approximately:
        their marks go. Returns those that had one, as they were, for
        :meth:`put_back_checks`."""
        with self._project.transaction():
            marked = [p for i in annotation_ids if (p := self._found(i)) and p.check]
            clear_checks(self._project, annotation_ids=[p.id for p in marked])
        return marked

    def put_back_checks(self, *, passages: Iterable[Annotation]) -> list[Annotation]:
        """Undo :meth:`mark_checked`: each passage (still there) marked as it was, if the
        update that marked it still stands and the passage was not moved since (see
        :func:`~diptych.storage.passage_checks.mark_stands`). Returns those whose marks
        were left off for that reason."""
        left_off = []
        with self._project.transaction():
            for p in passages:
                now = self._found(p.id)
                moved = now is not None and (now.start, now.end, now.exact) != (
                    p.start,
                    p.end,
                    p.exact,
                )
                if moved or not put_back_standing_check(self._project, p):
                    left_off.append(p)
        return left_off

    def _found(self, annotation_id: int) -> Annotation | None:
        row = self._project.db.execute(SELECT_PASSAGES + " WHERE a.id = ?", [annotation_id])
        found = row.fetchone()
        return passage_of(found) if found else None

    def coders(self) -> list[Coder]:
        """Everyone who coded a passage in this project."""
        with self._project.reading() as db:
            rows = db.execute("SELECT id, uuid, name FROM coders ORDER BY name").fetchall()
        return [Coder(*row) for row in rows]
