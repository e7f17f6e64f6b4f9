"""The codebook's tags: create, rename, recolour, nest, merge, delete and undo those."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from diptych.storage.codebook import PATH_SEPARATOR, Codebook
from diptych.storage.connection import Database
from diptych.storage.errors import ChangedMeanwhileError, InputError, refuse_if_changed
from diptych.storage.model import Memo, MemoKind, Tag, TagRemoval
from diptych.storage.palette import next_color, normalize_color

if TYPE_CHECKING:
    from diptych.storage.project import Project

_COLUMNS = "id, uuid, name, color, parent_id, description, sort_order, created_at"


class TagStore:
    """The tags of one project."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def all(self) -> list[Tag]:
        """Every tag, in no particular order (use :meth:`codebook` for the tree)."""
        with self._project.reading() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM tags ORDER BY id").fetchall()
        return [Tag(*row) for row in rows]

    def codebook(self) -> Codebook:
        """The tags as a tree."""
        return Codebook(self.all())

    def get(self, *, tag_id: int) -> Tag:
        """One tag; InputError if there is none with that id."""
        with self._project.reading() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM tags WHERE id = ?", [tag_id]).fetchone()
        if row is None:
            raise InputError(f"there is no tag {tag_id}")
        return Tag(*row)

    def find(self, *, name: str) -> Tag | None:
        """The tag called ``name`` (or with that path); InputError if ambiguous."""
        codebook = self.codebook()
        matches = codebook.find(name)
        if len(matches) > 1:
            paths = ", ".join(codebook.path(t.id) for t in matches)
            raise InputError(
                f"several tags are called {name!r} ({paths})", advice="Give the full path."
            )
        return matches[0] if matches else None

    def ensure(self, *, name: str, color: str | None = None) -> tuple[Tag, bool]:
        """The tag called ``name``, created at the top level if missing; and whether it was."""
        found = self.find(name=name)
        if found is not None:
            return found, False
        return self.add(name=name, color=color), True

    def add(
        self,
        *,
        name: str,
        color: str | None = None,
        parent_id: int | None = None,
        description: str = "",
        uuid: str | None = None,
    ) -> Tag:
        """Create a tag; its colour defaults to the first unused palette colour."""
        from diptych.storage.project import new_uuid

        name = clean_tag_name(name)
        with self._project.transaction():
            db = self._project.db
            if parent_id is not None and not _exists(db, "tags", parent_id):
                raise InputError(
                    "the parent tag no longer exists (it was deleted, perhaps in another window)",
                    advice="Choose another parent.",
                )
            if color is None:
                used = [row[0] for row in db.execute("SELECT color FROM tags")]
                color = next_color(used)
            order = db.execute(
                "SELECT ifnull(max(sort_order), -1) + 1 FROM tags WHERE parent_id IS ?",
                [parent_id],
            ).fetchone()[0]
            values = [uuid or new_uuid(), name, normalize_color(color), parent_id]
            values += [description, order, self._project.now()]
            cursor = self._insert(
                "INSERT INTO tags (uuid, name, color, parent_id, description, sort_order,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                values,
                name,
            )
        return self.get(tag_id=int(cursor.lastrowid or 0))

    def _insert(self, sql: str, values: Sequence[object], name: str) -> sqlite3.Cursor:
        try:
            return self._project.db.execute(sql, values)
        except sqlite3.IntegrityError as exc:
            if "tags" in str(exc) or "UNIQUE" in str(exc):
                raise InputError(
                    f"a tag called {name!r} already exists there", advice="Choose another name."
                ) from exc
            raise

    def update(
        self,
        *,
        tag_id: int,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
        expected: Mapping[str, str] | None = None,
    ) -> Tag:
        """Rename, recolour or describe a tag; arguments left as None are unchanged.

        With ``expected`` (undo and redo: field name to value), only if those fields still
        read so: a name, colour or description given meanwhile, in another window, is
        refused rather than thrown away.
        """
        with self._project.transaction():
            tag = self.get(tag_id=tag_id)  # under the write lock: as it is now
            for field, value in (expected or {}).items():
                refuse_if_changed(getattr(tag, field), value, f"the tag's {field}")
            # A name kept as it is passes even if it breaks today's rules (a '/' from an old
            # file).
            new_name = tag.name if name is None or name == tag.name else clean_tag_name(name)
            new_color = normalize_color(color) if color is not None else tag.color
            new_description = description if description is not None else tag.description
            self._insert(
                "UPDATE tags SET name = ?, color = ?, description = ? WHERE id = ?",
                [new_name, new_color, new_description, tag_id],
                new_name,
            )
        return self.get(tag_id=tag_id)

    def move(
        self,
        *,
        tag_id: int,
        parent_id: int | None,
        position: int | None = None,
        expected: Mapping[str, int | None] | None = None,
    ) -> Tag:
        """Nest a tag under ``parent_id`` (None: top level) at ``position`` among siblings.

        With ``expected`` (redo: ``{"parent_id": ...}``, where undo left the tag), only if
        the tag is still there: one moved meanwhile, in another window, stays where it is.

        Raises:
            InputError: there is no such tag or parent, the parent is the tag itself or one
                of its sub-tags, or a tag of the same name is already there. Nothing changed.
            ChangedMeanwhileError: the tag was moved since. Nothing changed.
        """
        with self._project.transaction():
            codebook = self.codebook()
            tag = _known(codebook, tag_id)
            _refuse_if_moved(tag, expected)
            if parent_id is not None:
                _known(codebook, parent_id)
            if parent_id == tag_id or parent_id in {t.id for t in codebook.descendants(tag_id)}:
                raise InputError("a tag cannot be nested inside itself or its own sub-tags")
            namesake = self._namesake(name=tag.name, parent_id=parent_id, other_than=tag_id)
            if namesake is not None:
                raise InputError(
                    f"a tag called {namesake.name!r} already exists {_where(codebook, parent_id)}",
                    advice=f"Rename one of them first, or merge {tag.name!r} into the other.",
                )
            siblings = [t for t in codebook.children(parent_id) if t.id != tag_id]
            position = len(siblings) if position is None else max(0, min(position, len(siblings)))
            siblings.insert(position, tag)
            self._project.db.execute(
                "UPDATE tags SET parent_id = ? WHERE id = ?", [parent_id, tag_id]
            )
            self._project.db.conn.executemany(
                "UPDATE tags SET sort_order = ? WHERE id = ?",
                [(order, sibling.id) for order, sibling in enumerate(siblings)],
            )
        return self.get(tag_id=tag_id)

    def restore_places(
        self,
        *,
        tag: Tag,
        others: Sequence[Tag],
        expected: Mapping[str, int | None] | None = None,
    ) -> Tag:
        """Undo :meth:`move`: ``tag`` back under its parent at its sort order, and the
        others it renumbered back at theirs (those still under the same parent: a tag
        moved elsewhere since, in another window, stays there; a parent deleted since
        leaves the tag at the top level). Returns the tag as it now is.

        With ``expected`` (``{"parent_id": ...}``, where the move left the tag), only if the
        tag is still there. A tag moved meanwhile, or whose old parent was moved inside it
        meanwhile (in another window), stays where it is: :class:`ChangedMeanwhileError`.
        """
        with self._project.transaction():
            codebook = self.codebook()
            _refuse_if_moved(_known(codebook, tag.id), expected)
            parent_id, order = self._place_of(tag)
            if parent_id is not None and parent_id in {t.id for t in codebook.descendants(tag.id)}:
                raise ChangedMeanwhileError(
                    f"the tag {codebook.path(parent_id)!r} was moved inside"
                    f" {codebook.path(tag.id)!r} since, perhaps in another window, so"
                    f" {tag.name!r} cannot go back inside it",
                    advice="Move the tags by hand if they should be nested otherwise.",
                )
            self._insert(
                "UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ?",
                [parent_id, order, tag.id],
                tag.name,
            )
            self._project.db.conn.executemany(
                "UPDATE tags SET sort_order = ? WHERE id = ? AND parent_id IS ?",
                [(other.sort_order, other.id, other.parent_id) for other in others],
            )
        return self.get(tag_id=tag.id)

    def _place_of(self, tag: Tag) -> tuple[int | None, int]:
        """Where ``tag`` goes back to: its parent and sort order as recorded, or the end of
        the top level if the parent was deleted since (in another window)."""
        db = self._project.db
        if tag.parent_id is None or _exists(db, "tags", tag.parent_id):
            return tag.parent_id, tag.sort_order
        row = db.execute("SELECT ifnull(max(sort_order), -1) + 1 FROM tags WHERE parent_id IS NULL")
        return None, int(row.fetchone()[0])

    def _namesake(self, *, name: str, parent_id: int | None, other_than: int) -> Tag | None:
        """The tag under ``parent_id`` whose name the file counts as the same as ``name``."""
        # The same comparison as the unique index tags_sibling_name (NOCASE folds ASCII only).
        row = self._project.db.execute(
            f"SELECT {_COLUMNS} FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0)"
            " AND name = ? COLLATE NOCASE AND id != ?",
            [parent_id, name, other_than],
        ).fetchone()
        return Tag(*row) if row is not None else None

    def usage(self) -> dict[int, int]:
        """Number of passages carrying each tag (tags never used are absent)."""
        with self._project.reading() as db:
            rows = db.execute(
                "SELECT tag_id, count(*) FROM annotation_tags GROUP BY tag_id"
            ).fetchall()
        return {int(tag_id): int(count) for tag_id, count in rows}

    def delete(
        self, *, tag_id: int, unused_only: bool = False, expected: TagRemoval | None = None
    ) -> TagRemoval:
        """Delete a tag; its sub-tags move up one level and its passages lose it.

        Raises:
            InputError: a sub-tag would move up beside a tag of the same name; nothing changed.
            ChangedMeanwhileError: the tag was put on passages, or given sub-tags or a memo,
                since (in another window), beyond what ``expected`` (redoing a deletion:
                what the first deletion took) or, with ``unused_only`` (undoing the tag's
                creation), nothing, says; nothing changed.
        """
        with self._project.transaction():
            removal = self._remove(tag_id=tag_id, into=None)
            if unused_only or expected is not None:
                _refuse_if_worked_on(removal, expected)
        return removal

    def merge(self, *, source_id: int, target_id: int) -> TagRemoval:
        """Merge ``source`` into ``target``: its passages and sub-tags move to the target.

        A sub-tag whose name the target already has among its own sub-tags is merged into
        that one in turn, so that "Econ/Trade" merged along with "Econ" into "Economy"
        joins "Economy/Trade".
        """
        with self._project.transaction():
            codebook = self.codebook()
            _known(codebook, source_id)
            _known(codebook, target_id)
            if source_id == target_id:
                raise InputError("a tag cannot be merged into itself")
            if target_id in {t.id for t in codebook.descendants(source_id)}:
                raise InputError("a tag cannot be merged into one of its own sub-tags")
            return self._remove(tag_id=source_id, into=target_id)

    def _remove(self, *, tag_id: int, into: int | None) -> TagRemoval:
        with self._project.transaction():
            db = self._project.db
            codebook = self.codebook()
            tag = _known(codebook, tag_id)
            new_parent = into if into is not None else tag.parent_id
            links = _links(db, "tag_id = ?", [tag_id])
            added = self._copy_links(tag_id, into) if into is not None else []
            memos = self._project.memos.for_tag(tag_id=tag_id)
            target_memos = self._merge_memo(memos, into) if into is not None else None
            merged_memo = self._tag_memo(into) if target_memos is not None else ""
            db.execute("DELETE FROM memos WHERE tag_id = ?", [tag_id])
            db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [tag_id])
            # The tag is going: its name makes way for a sub-tag that has the same one.
            db.execute("UPDATE tags SET name = uuid WHERE id = ?", [tag_id])
            moved: list[Tag] = []
            folded: list[TagRemoval] = []
            for child in codebook.children(tag_id):
                namesake = self._namesake(name=child.name, parent_id=new_parent, other_than=tag_id)
                if namesake is None:
                    moved.append(child)
                elif into is not None:
                    folded.append(self._remove(tag_id=child.id, into=namesake.id))
                else:
                    raise _crowded(codebook, tag, child, namesake)
            self._append(moved, parent_id=new_parent)
            db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        return TagRemoval(
            tag=tag,
            links=tuple(links),
            moved_children=tuple(moved),
            memos=tuple(memos),
            merged_into=into,
            added_links=tuple(added),
            folded=tuple(folded),
            target_memos=target_memos,
            target_memo_text=merged_memo,
        )

    def _tag_memo(self, tag_id: int | None) -> str:
        memo = self._project.memos.get(kind=MemoKind.TAG, target_id=tag_id)
        return memo.text if memo else ""

    def _merge_memo(self, memos: list[Memo], into: int) -> tuple[Memo, ...] | None:
        """Add the merged tag's memo to the target's (the notes go where its passages go);
        the target's memo as it was, or None if it was left alone.

        A target without a memo takes the merged tag's memo itself, with its id and uuid:
        merging again after an undo (redo) then gives the target the same memo, not a new
        one each time.
        """
        written = [m for m in memos if m.text.strip()]
        if not written:
            return None
        texts = [m.text.lstrip("\n").rstrip() for m in written]
        before = tuple(self._project.memos.for_tag(tag_id=into))
        if not before:
            self._project.db.execute(
                "UPDATE memos SET tag_id = ?, text = ?, updated_at = ? WHERE id = ?",
                [into, "\n\n".join(texts), self._project.now(), written[0].id],
            )
            return before
        kept = [m.text.lstrip("\n").rstrip() for m in before if m.text.strip()]
        self._project.memos.set(kind=MemoKind.TAG, target_id=into, text="\n\n".join(kept + texts))
        return before

    def _copy_links(self, tag_id: int, into: int) -> list[tuple[int, int]]:
        """Put ``into`` on the passages of ``tag_id``; the links that are new."""
        db = self._project.db
        rows = db.execute(
            "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?"
            " EXCEPT SELECT annotation_id FROM annotation_tags WHERE tag_id = ?",
            [tag_id, into],
        )
        added = [(int(annotation_id), into) for (annotation_id,) in rows]
        db.conn.executemany(
            "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", added
        )
        return added

    def _append(self, tags: list[Tag], *, parent_id: int | None) -> None:
        """Move ``tags`` after the last child of ``parent_id``, leaving its children as they are."""
        first = self._project.db.execute(
            "SELECT ifnull(max(sort_order), -1) + 1 FROM tags WHERE parent_id IS ?", [parent_id]
        ).fetchone()[0]
        self._project.db.conn.executemany(
            "UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ?",
            [(parent_id, first + i, tag.id) for i, tag in enumerate(tags)],
        )

    def restore(self, *, removal: TagRemoval) -> Tag:
        """Undo :meth:`delete` or :meth:`merge`: same tag id, links, sub-tags and memos
        (less the passages deleted since, in another window; a tag whose parent was
        deleted since comes back at the top level).

        What another window did since to the target of a merge stays: a passage it took
        the target off does not get the merged tag back, and a target's memo it wrote is
        not thrown away (:class:`ChangedMeanwhileError`: nothing is undone).
        """
        t = removal.tag
        with self._project.transaction():
            db = self._project.db
            links = self._links_to_restore(removal)
            parent_id, order = self._place_of(t)
            # Under a stand-in name until its sub-tags are back: one of them may have its name.
            db.execute(
                f"INSERT INTO tags ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [t.id, t.uuid, t.uuid, t.color, parent_id, t.description, order, t.created_at],
            )
            db.conn.executemany(
                "DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?",
                removal.added_links,
            )
            # Passages deleted since (in another window) are not tagged again.
            db.conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)"
                " SELECT ?, ? WHERE EXISTS (SELECT 1 FROM annotations WHERE id = ?)",
                [(annotation_id, tag_id, annotation_id) for annotation_id, tag_id in links],
            )
            self._take_back_children(removal, parent_id)
            into = removal.merged_into
            if removal.target_memos is not None and into is not None and _exists(db, "tags", into):
                db.execute("DELETE FROM memos WHERE kind = 'tag' AND tag_id = ?", [into])
                for memo in removal.target_memos:
                    self._project.memos.restore(memo=memo)
            for folded in removal.folded:
                self.restore(removal=folded)
            for memo in removal.memos:
                self._project.memos.restore(memo=memo)
            name = self._free_name(t.name, parent_id=parent_id, tag_id=t.id)
            db.execute("UPDATE tags SET name = ? WHERE id = ?", [name, t.id])
        return self.get(tag_id=t.id)

    def _take_back_children(self, removal: TagRemoval, parent_id: int | None) -> None:
        """Put the sub-tags the removal moved back under the tag brought back (under
        ``parent_id``): those still where the removal put them. One moved since, in
        another window, stays there, as does one the tag's new parent is now inside."""
        db = self._project.db
        left_under = (
            removal.merged_into if removal.merged_into is not None else removal.tag.parent_id
        )
        above: set[int] = set()  # parent_id and the tags it is inside
        while parent_id is not None and parent_id not in above:
            above.add(parent_id)
            row = db.execute("SELECT parent_id FROM tags WHERE id = ?", [parent_id]).fetchone()
            parent_id = row[0] if row else None
        db.conn.executemany(
            "UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ? AND parent_id IS ?",
            [
                (child.parent_id, child.sort_order, child.id, left_under)
                for child in removal.moved_children
                if child.id not in above
            ],
        )

    def _links_to_restore(self, removal: TagRemoval) -> list[tuple[int, int]]:
        """The links :meth:`restore` puts back: for a merge into a tag still there, only on
        the passages that still carry the target; refused if the target's memo was written
        since the merge."""
        into = removal.merged_into
        if into is None or not _exists(self._project.db, "tags", into):
            return list(removal.links)
        if removal.target_memos is not None:
            name = self.codebook().path(into)
            refuse_if_changed(
                self._tag_memo(into),
                removal.target_memo_text,
                f"the memo of the tag {name!r}",
                advice=f"The merge stays; edit the memo of {name!r} by hand if need be.",
            )
        rows = self._project.db.execute(
            "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", [into]
        )
        carried = {int(annotation_id) for (annotation_id,) in rows}
        return [(a, tag_id) for a, tag_id in removal.links if a in carried]

    def _free_name(self, name: str, *, parent_id: int | None, tag_id: int) -> str:
        """``name``, or ``name (2)``, ``name (3)``... if a tag of that name was added
        beside it since (in another window): a tag brought back keeps its passages under
        a name of its own rather than not coming back at all."""
        wanted, number = name, 1
        while self._namesake(name=wanted, parent_id=parent_id, other_than=tag_id) is not None:
            number += 1
            wanted = f"{name} ({number})"
        return wanted


def _refuse_if_moved(tag: Tag, expected: Mapping[str, int | None] | None) -> None:
    """Raise :class:`ChangedMeanwhileError` unless ``tag`` is under the parent ``expected``
    names (if it names one)."""
    if expected is not None and "parent_id" in expected:
        refuse_if_changed(
            tag.parent_id,
            expected["parent_id"],
            f"the place of the tag {tag.name!r} in the codebook",
            advice="Move it by hand if it should be elsewhere.",
        )


def _refuse_if_worked_on(removal: TagRemoval, expected: TagRemoval | None) -> None:
    """Raise :class:`ChangedMeanwhileError` if ``removal`` took more than ``expected`` did
    (None: nothing): a passage's tag, a sub-tag, a memo's text."""
    links = set(expected.links) if expected else set()
    children = {t.id for t in expected.moved_children} if expected else set()
    texts = {m.id: m.text for m in expected.memos} if expected else {}
    if (
        not set(removal.links) <= links
        or not {t.id for t in removal.moved_children} <= children
        or any(m.text != texts.get(m.id, "") for m in removal.memos)
    ):
        raise ChangedMeanwhileError(
            f"the tag {removal.tag.name!r} was put on passages, or given sub-tags or a"
            " memo, since, perhaps in another window, so it was kept rather than lose"
            " that work",
            advice="Delete it by hand if it should go.",
        )


def _exists(db: Database, table: str, row_id: int) -> bool:
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None


def _known(codebook: Codebook, tag_id: int) -> Tag:
    tag = codebook.get(tag_id)
    if tag is None:
        raise InputError(f"there is no tag {tag_id}")
    return tag


def _where(codebook: Codebook, parent_id: int | None) -> str:
    return "at the top level" if parent_id is None else f"under {codebook.path(parent_id)!r}"


def _crowded(codebook: Codebook, tag: Tag, child: Tag, namesake: Tag) -> InputError:
    """Why ``tag`` cannot be deleted: ``child`` would move up beside its ``namesake``."""
    return InputError(
        f"deleting {tag.name!r} would move its sub-tag {child.name!r} up"
        f" {_where(codebook, tag.parent_id)}, where a tag called {namesake.name!r} already is",
        advice=f"Rename one of them first, or merge {codebook.path(child.id)!r} into the other.",
    )


def _links(db: Database, where: str, params: list[object]) -> list[tuple[int, int]]:
    rows = db.execute(
        f"SELECT annotation_id, tag_id FROM annotation_tags WHERE {where}", params
    ).fetchall()
    return [(int(a), int(t)) for a, t in rows]


def clean_tag_name(name: str) -> str:
    """``name`` as a tag is named (spaces collapsed); InputError saying why if it cannot be."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError("a tag name cannot be empty")
    if len(cleaned) > 200:
        raise InputError("a tag name can be at most 200 characters long")
    if PATH_SEPARATOR in cleaned:
        raise InputError(
            f"a tag name cannot contain {PATH_SEPARATOR!r} ({cleaned!r}): it separates a tag"
            " from its parent in tag paths such as Economy/Trade",
            advice="Use another character, such as '-', or choose a parent to nest the tag.",
        )
    return cleaned
