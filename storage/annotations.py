"""Annotations (passages): anchor, tag, note, delete and undo those."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diptych.storage.anchoring import reanchor
from diptych.storage.anchors import Anchor, make_anchor
from diptych.storage.database import reader
from diptych.storage.errors import InputError, refuse_if_changed
from diptych.storage.model import Annotation, AnnotationStatus, Coder
from diptych.storage.sqlite_errors import translate_errors

if TYPE_CHECKING:
    from diptych.storage.project import Project

_SELECT = """
    SELECT a.id, a.uuid, a.article_id, a.start_pos, a.end_pos, a.exact, a.prefix, a.suffix,
           a.note, a.coder, a.created_at, a.updated_at, a.status,
           (SELECT group_concat(t.tag_id) FROM annotation_tags t WHERE t.annotation_id = a.id)
    FROM annotations a
"""
_INSERT = (
    "INSERT INTO annotations (id, uuid, article_id, start_pos, end_pos, exact, prefix, suffix,"
    " note, coder, created_at, updated_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


_STATUS = {status.value: status for status in AnnotationStatus}  # a lookup, not an enum call


def _annotation(row: Sequence[Any]) -> Annotation:
    tags = row[13]
    tag_ids = tuple(sorted(map(int, tags.split(",")))) if tags else ()
    return Annotation(*row[:12], status=_STATUS[row[12]], tag_ids=tag_ids)  # type: ignore[misc]


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
                text = self._project.articles.get(article_id=item.article_id).text
                anchor = _anchor(text, item.start, item.end)
                self._project.articles.confirm_text(article_id=item.article_id, anchor=anchor)
                values = [None, item.uuid or new_uuid(), item.article_id, anchor.start, anchor.end]
                values += [anchor.exact, anchor.prefix, anchor.suffix, item.note, item.coder]
                values += [item.created_at or now, item.updated_at or item.created_at or now]
                cursor = db.execute(_INSERT, [*values, AnnotationStatus.ANCHORED.value])
                annotation_id = int(cursor.lastrowid or 0)
                self._link(annotation_id, item.tag_ids)
                self._remember_coder(item.coder)
                ids.append(annotation_id)
        return ids

    def _link(self, annotation_id: int, tag_ids: Iterable[int], *, strict: bool = True) -> None:
        """Put tags on a passage; a tag that is gone is refused, or left out if not
        ``strict`` (a passage put back by undo keeps the tags that still exist)."""
        wanted = sorted(set(tag_ids))
        if not wanted:
            return
        found = self._existing_tags(wanted)
        if len(found) < len(wanted) and strict:  # deleted meanwhile, perhaps in another window
            raise InputError(
                "a tag no longer exists (it was deleted, perhaps in another window)",
                advice="Choose the tags again.",
            )
        self._project.db.conn.executemany(
            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
            [(annotation_id, tag_id) for tag_id in sorted(found)],
        )

    def _remember_coder(self, name: str) -> None:
        from diptych.storage.project import new_uuid

        if name:
            self._project.db.execute(
                "INSERT OR IGNORE INTO coders (uuid, name) VALUES (?, ?)", [new_uuid(), name]
            )

    def get(self, *, annotation_id: int) -> Annotation:
        """One passage; InputError if there is none with that id."""
        with self._project.reading() as db:
            row = db.execute(_SELECT + " WHERE a.id = ?", [annotation_id]).fetchone()
        if row is None:
            raise InputError(f"there is no passage {annotation_id}")
        return _annotation(row)

    def find_uuid(self, *, uuid: str) -> Annotation | None:
        """The passage with ``uuid``, if any."""
        with self._project.reading() as db:
            row = db.execute(_SELECT + " WHERE a.uuid = ?", [uuid]).fetchone()
        return _annotation(row) if row else None

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
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
        with self._project.reading() as db:
            rows = db.execute(sql + " ORDER BY a.article_id, a.start_pos, a.id", params)
            return [_annotation(row) for row in rows.fetchall()]

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
            self._project.db.execute(
                "DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id]
            )
            self._link(annotation_id, tag_ids, strict=strict)
        return self.get(annotation_id=annotation_id)

    def change_tags(
        self, *, annotation_id: int, add: Iterable[int] = (), remove: Iterable[int] = ()
    ) -> Annotation:
        """Take ``remove`` off the passage's tags and put ``add`` on, leaving its other tags
        as they are: undo and redo of a change of tags keep what another window (or an
        import) changed on the passage meanwhile. Tags deleted meanwhile are left out."""
        added = set(add)
        dropped = sorted(set(remove) - added)
        with self._project.transaction():
            self._touch(annotation_id)
            if dropped:
                marks = ", ".join("?" * len(dropped))
                self._project.db.execute(
                    f"DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id IN ({marks})",
                    [annotation_id, *dropped],
                )
            self._link(annotation_id, added, strict=False)
        return self.get(annotation_id=annotation_id)

    def set_note(self, *, annotation_id: int, note: str, expected: str | None = None) -> Annotation:
        """Replace the passage's note (Markdown). With ``expected`` (undo and redo), only if
        the note still reads so: a note written meanwhile, in another window or by an
        import, is refused rather than thrown away."""
        with self._project.transaction():
            self._touch(annotation_id)  # first: a passage deleted meanwhile is named
            if expected is not None:
                row = self._project.db.execute(
                    "SELECT note FROM annotations WHERE id = ?", [annotation_id]
                ).fetchone()
                refuse_if_changed(row[0], expected, "the passage's note")
            self._project.db.execute(
                "UPDATE annotations SET note = ? WHERE id = ?", [note, annotation_id]
            )
        return self.get(annotation_id=annotation_id)

    def _touch(self, annotation_id: int) -> None:
        cursor = self._project.db.execute(
            "UPDATE annotations SET updated_at = ? WHERE id = ?",
            [self._project.now(), annotation_id],
        )
        if not cursor.rowcount:
            raise InputError(f"there is no passage {annotation_id}")

    def delete(self, *, annotation_id: int, expected: Annotation | None = None) -> Annotation:
        """Delete a passage; returns it as it was, for :meth:`restore`.

        With ``expected`` (undo and redo: the passage as the step left it), only if it is
        still so: a passage given another note or other tags meanwhile, or re-attached, in
        another window, is refused rather than deleted with that work (tags deleted since
        do not count).
        """
        with self._project.transaction():
            before = self.get(annotation_id=annotation_id)  # under the write lock
            if expected is not None:
                _refuse_if_reanchored(before.exact, before.is_orphan, expected)
                left = sorted(self._existing_tags(expected.tag_ids))
                refuse_if_changed(
                    (before.note, list(before.tag_ids)),
                    (expected.note, left),
                    "the passage (its note or tags)",
                    advice="Delete the passage by hand if it should go.",
                )
            self._project.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return before

    def _existing_tags(self, tag_ids: Iterable[int]) -> set[int]:
        """Those of ``tag_ids`` that are still tags (not deleted, in another window)."""
        wanted = sorted(set(tag_ids))
        marks = ", ".join("?" * len(wanted))
        rows = self._project.db.execute(f"SELECT id FROM tags WHERE id IN ({marks})", wanted)
        return {int(tag_id) for (tag_id,) in rows}

    def restore(self, *, annotation: Annotation) -> Annotation:
        """Put a deleted passage back exactly as it was (same id, uuid, tags, times), less
        the tags deleted since (in another window): undoing a deletion never fails for
        want of a tag."""
        a = annotation
        with self._project.transaction():
            gone = self._project.db.execute("SELECT 1 FROM articles WHERE id = ?", [a.article_id])
            if gone.fetchone() is None:
                raise InputError(
                    "the passage's article was removed, perhaps in another window, so the"
                    " passage could not be put back",
                    advice="Undo the removal of the article in the window that removed it.",
                )
            self._project.db.execute(
                _INSERT,
                [a.id, a.uuid, a.article_id, a.start, a.end, a.exact, a.prefix, a.suffix,
                 a.note, a.coder, a.created_at, a.updated_at, a.status.value],
            )  # fmt: skip
            self._link(a.id, a.tag_ids, strict=False)
            self._remember_coder(a.coder)
            self._find_again(a)
        return self.get(annotation_id=a.id)

    def _find_again(self, a: Annotation) -> None:
        """Find a passage put back (by undo or redo) in its article's text again, by its
        quote, if another window replaced the text since: its offsets were taken on the
        text as it was, and would point at other words of the new one."""
        if a.is_orphan:
            return
        db = self._project.db
        row = db.execute(
            "SELECT substr(display_text, ?, ?) FROM articles WHERE id = ?",
            [a.start + 1, a.end - a.start, a.article_id],
        ).fetchone()
        if row is None or row[0] == a.exact:
            return
        (text,) = db.execute(
            "SELECT display_text FROM articles WHERE id = ?", [a.article_id]
        ).fetchone()
        found = reanchor(Anchor(a.start, a.end, a.exact, a.prefix, a.suffix), text)
        self.apply_anchor(annotation_id=a.id, anchor=found.anchor)

    def apply_anchor(self, *, annotation_id: int, anchor: Anchor | None) -> None:
        """Record where a passage was found again; None makes it an orphan."""
        db = self._project.db
        if anchor is None:
            db.execute("UPDATE annotations SET status = 'orphan' WHERE id = ?", [annotation_id])
            return
        db.execute(
            "UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?,"
            " suffix = ?, status = 'anchored' WHERE id = ?",
            [anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix, annotation_id],
        )

    def restore_anchor(self, *, annotation: Annotation) -> None:
        """Put a passage back where ``annotation`` says it was (undoing a re-anchoring)."""
        a = annotation
        self._project.db.execute(
            "UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?, suffix = ?,"
            " status = ? WHERE id = ?",
            [a.start, a.end, a.exact, a.prefix, a.suffix, a.status.value, a.id],
        )

    def put_back_anchor(
        self, *, annotation: Annotation, expected: Annotation | None = None
    ) -> Annotation:
        """Undo :meth:`reattach`: the anchor, status and time as ``annotation`` had them,
        in one transaction. With ``expected`` (the passage as the re-attaching left it),
        only if the passage is still there: one re-attached meanwhile, in another window,
        is refused rather than moved back."""
        with self._project.transaction():
            if expected is not None:
                self._refuse_if_moved(annotation.id, expected)
            self.restore_anchor(annotation=annotation)
            self._project.db.execute(
                "UPDATE annotations SET updated_at = ? WHERE id = ?",
                [annotation.updated_at, annotation.id],
            )
            self._find_again(annotation)
        return self.get(annotation_id=annotation.id)

    def reattach(
        self, *, annotation_id: int, start: int, end: int, expected: Annotation | None = None
    ) -> Annotation:
        """Anchor an orphan (or any passage) to a new range of its article. With
        ``expected`` (redo: the passage as undo left it), only if the passage is still
        there: one re-attached meanwhile, in another window, is refused rather than moved."""
        current = self.get(annotation_id=annotation_id)
        text = self._project.articles.get(article_id=current.article_id).text
        anchor = _anchor(text, start, end)
        with self._project.transaction():
            if expected is not None:
                self._refuse_if_moved(annotation_id, expected)
            self._project.articles.confirm_text(article_id=current.article_id, anchor=anchor)
            self.apply_anchor(annotation_id=annotation_id, anchor=anchor)
            self._touch(annotation_id)
        return self.get(annotation_id=annotation_id)

    def _refuse_if_moved(self, annotation_id: int, expected: Annotation) -> None:
        """Raise :class:`ChangedMeanwhileError` if the passage was re-attached since
        ``expected`` (read inside the caller's transaction): it quotes other words, or an
        orphan was anchored. A passage only moved along with its words, or orphaned, by a
        new version of its article's text passes: undo finds it again in that text."""
        row = self._project.db.execute(
            "SELECT exact, status FROM annotations WHERE id = ?", [annotation_id]
        ).fetchone()
        if row is None:
            raise InputError(f"there is no passage {annotation_id}")
        _refuse_if_reanchored(row[0], row[1] == AnnotationStatus.ORPHAN.value, expected)

    def coders(self) -> list[Coder]:
        """Everyone who coded a passage in this project."""
        with self._project.reading() as db:
            rows = db.execute("SELECT id, uuid, name FROM coders ORDER BY name").fetchall()
        return [Coder(*row) for row in rows]


def _anchor(text: str, start: int, end: int) -> Anchor:
    if end <= start:  # said as it is, whether or not the offsets are in the article
        wrong = "ends before it starts" if end < start else "is empty"
        raise InputError(
            f"the range {start}-{end} {wrong}",
            advice="The start is the offset of the passage's first character, the end the"
            " offset after its last: the end comes after the start.",
        )
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"the range {start}-{end} is outside the article (0-{len(text)})",
            advice="Give offsets in characters of the display text.",
        )
    try:
        return make_anchor(text, start, end)
    except ValueError as exc:
        raise InputError(str(exc)) from exc


def load_passages(path: Path) -> list[Annotation]:
    """Every passage of the project file at ``path``, by article in library order, then in
    text order: read through a connection of its own, for a worker thread."""
    conn = reader(path)
    try:
        with translate_errors(path):
            rows = conn.execute(
                _SELECT + " JOIN articles r ON r.id = a.article_id"
                " ORDER BY r.sort_order, r.id, a.start_pos, a.id"
            ).fetchall()
            return [_annotation(row) for row in rows]
    finally:
        conn.close()


def _refuse_if_reanchored(exact: str, is_orphan: bool, expected: Annotation) -> None:
    """Raise :class:`ChangedMeanwhileError` if a passage that now quotes ``exact`` (and is
    orphaned or not) was re-attached since ``expected``: see
    :meth:`AnnotationStore._refuse_if_moved`."""
    refuse_if_changed(
        (exact, expected.is_orphan and not is_orphan),
        (expected.exact, False),
        "the passage's place in its article",
        advice="Re-attach it by hand if it should be elsewhere.",
    )
