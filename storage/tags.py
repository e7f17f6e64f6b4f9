"""The codebook's tags: read, create, rename, recolour, nest, merge, delete and undo those.

The store is the way in; the work behind it lives beside it: a name's rules and namesakes in
:mod:`~diptych.storage.tag_checks`, deleting and merging in :mod:`~diptych.storage.tag_removal`,
undoing in :mod:`~diptych.storage.tag_restore`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from diptych.storage.codebook import PATH_SEPARATOR, Codebook
from diptych.storage.errors import ChangedMeanwhileError, InputError, refuse_if_changed
from diptych.storage.model import Tag, TagRemoval
from diptych.storage.palette import next_color, normalize_color
from diptych.storage.tag_checks import (
    TAG_COLUMNS,
    clean_tag_name,
    known_tag,
    namesake,
    refuse_namesake,
    refuse_too_deep,
    tag_exists,
    tag_level,
    where,
    write_named,
)
from diptych.storage.tag_counts import TagCount, count_tag_passages
from diptych.storage.tag_keys import (
    KeyEdit,
    give_keys,
    keeping_keys,
    keys_by_id,
    stored_keys,
)
from diptych.storage.tag_removal import (
    refuse_if_edited,
    refuse_if_worked_on,
    remade_memos,
    remove_tag,
)
from diptych.storage.tag_restore import refuse_if_moved, restore_removal, restore_tag_places

if TYPE_CHECKING:
    from diptych.storage.project import Project


MERGE_BY_HAND = "Merge it by hand (Tags > Merge tag into…) if it should go."


class TagStore:
    """The tags of one project."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._adding_many: KeyEdit | None = None  # the keys of the tags added at once

    @contextlib.contextmanager
    def adding_many(self) -> Iterator[None]:
        """Add many tags in one transaction (an import), with :meth:`add` alone: the keys
        are read and saved once for all, as adding them one by one gives them (each new tag
        the lowest free key), not once for each tag."""
        with self._project.transaction(), keeping_keys(self._project.db) as keys:
            self._adding_many = keys
            try:
                yield
            finally:
                self._adding_many = None

    @contextlib.contextmanager
    def _adding_keys(self, *, last: bool) -> Iterator[KeyEdit]:
        """The keys :meth:`add` gives a new tag from: those of :meth:`adding_many`, if on."""
        if self._adding_many is not None:
            yield self._adding_many
        else:
            with keeping_keys(self._project.db, adding=True, last=last) as keys:
                yield keys

    def all(self) -> list[Tag]:
        """Every tag, in no particular order (use :meth:`codebook` for the tree)."""
        with self._project.reading() as db:
            rows = db.execute(f"SELECT {TAG_COLUMNS} FROM tags ORDER BY id").fetchall()
        return [Tag(*row) for row in rows]

    def codebook(self) -> Codebook:
        """The tags as a tree, with the keys 1-9 that apply them."""
        with self._project.reading() as db:
            rows = db.execute(f"SELECT {TAG_COLUMNS} FROM tags ORDER BY id").fetchall()
            stored = stored_keys(db)
        tags = [Tag(*row) for row in rows]
        return Codebook(tags, keys=keys_by_id(stored, tags))

    def get(self, *, tag_id: int) -> Tag:
        """One tag; InputError if there is none with that id."""
        with self._project.reading() as db:
            row = db.execute(f"SELECT {TAG_COLUMNS} FROM tags WHERE id = ?", [tag_id]).fetchone()
        if row is None:
            raise InputError(f"there is no tag {tag_id}")
        return Tag(*row)

    def find(self, *, name: str) -> Tag | None:
        """The tag called ``name`` (or with that path); InputError if ambiguous."""
        codebook = self.codebook()
        matches = codebook.find(name)
        if len(matches) > 1:
            paths = ", ".join(repr(full_path(codebook, t)) for t in matches)
            raise InputError(
                f"several tags are called {name!r}: {paths}",
                advice="Give one of these paths ('/' at the start names a top-level tag).",
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
        keyed: bool = True,
    ) -> Tag:
        """Create a tag; its colour defaults to the first unused palette colour. It takes
        the lowest free key 1-9, unless not ``keyed`` (a tag made only to hold the one
        typed under it, "Labour" of "Labour/Wages", which is rarely applied itself)."""
        from diptych.storage.project import new_uuid

        name = clean_tag_name(name)
        # A top-level tag comes last in codebook order: with no keys in the file, its
        # place gives it its key (see KeyEdit), unless it is to have none.
        last = parent_id is None and keyed
        with (
            self._project.transaction(),
            self._adding_keys(last=last) as keys,
        ):
            db = self._project.db
            if parent_id is not None and not tag_exists(db, parent_id):
                raise InputError(
                    "the parent tag no longer exists (it was deleted, perhaps in another window)",
                    advice="Choose another parent.",
                )
            if parent_id is not None:
                parent_level = tag_level(db, parent_id)
                refuse_too_deep(parent_level=parent_level, levels=1, what=f"the tag {name!r}")
            refuse_namesake(db, name=name, parent_id=parent_id, tag_id=0)
            if color is None:
                used = [row[0] for row in db.execute("SELECT color FROM tags")]
                color = next_color(used)
            order = db.execute(
                "SELECT ifnull(max(sort_order), -1) + 1 FROM tags WHERE parent_id IS ?",
                [parent_id],
            ).fetchone()[0]
            uuid = uuid or new_uuid()
            values = [uuid, name, normalize_color(color), parent_id]
            values += [description, order, self._project.now()]
            cursor = write_named(
                db,
                "INSERT INTO tags (uuid, name, color, parent_id, description, sort_order,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                values,
                name,
            )
            if keyed:
                keys.added(uuid)
        return self.get(tag_id=int(cursor.lastrowid or 0))

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
        # Its key stays, whatever its new name's place among siblings of the same sort order.
        keys = keeping_keys(self._project.db) if name is not None else contextlib.nullcontext()
        with self._project.transaction(), keys:
            tag = self.get(tag_id=tag_id)  # under the write lock: as it is now
            for field, value in (expected or {}).items():
                refuse_if_changed(getattr(tag, field), value, f"the tag's {field}")
            # A name kept as it is passes even if it breaks today's rules (a '/' from an old
            # file).
            new_name = tag.name if name is None or name == tag.name else clean_tag_name(name)
            if new_name != tag.name:
                db = self._project.db
                refuse_namesake(db, name=new_name, parent_id=tag.parent_id, tag_id=tag_id)
            new_color = normalize_color(color) if color is not None else tag.color
            new_description = description if description is not None else tag.description
            write_named(
                self._project.db,
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
        with self._project.transaction(), keeping_keys(self._project.db):  # keys stay
            codebook = self.codebook()
            tag = known_tag(codebook, tag_id)
            refuse_if_moved(tag, expected)
            if parent_id is not None:
                known_tag(codebook, parent_id)
            if parent_id == tag_id or parent_id in {t.id for t in codebook.descendants(tag_id)}:
                raise InputError("a tag cannot be nested inside itself or its own sub-tags")
            if parent_id != tag.parent_id:
                refuse_too_deep(
                    parent_level=codebook.level(parent_id) if parent_id is not None else 0,
                    levels=codebook.levels(tag_id),
                    what=f"moving {codebook.path(tag_id)!r} {where(codebook, parent_id)}",
                )
            db = self._project.db
            other = namesake(db, name=tag.name, parent_id=parent_id, other_than=tag_id)
            if other is not None:
                raise InputError(
                    f"a tag called {other.name!r} already exists {where(codebook, parent_id)}",
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

    def set_keys(
        self,
        *,
        keys: Mapping[int, int | None],
        expected: Mapping[int, int | None] | None = None,
    ) -> dict[int, int | None]:
        """Give each of ``keys`` (1-9) to the tag with that id (None: to no tag), in turn;
        a tag given a key loses the one it had.

        With ``expected`` (undo and redo: key to tag id, or None), only if those keys are
        still with those tags: keys given meanwhile, in another window, stay.

        Returns:
            which tag (id, or None) had each key this changed before it: ``keys`` and the
            keys their tags lost (to undo it with).

        Raises:
            InputError: there is no such key or tag. Nothing changed.
            ChangedMeanwhileError: a key of ``expected`` is with another tag. Nothing changed.
        """
        with self._project.transaction(), keeping_keys(self._project.db) as edit:
            return give_keys(edit, self.codebook(), keys=keys, expected=expected)

    def usage(self) -> dict[int, int]:
        """Number of passages carrying each tag (tags never used are absent)."""
        with self._project.reading() as db:
            rows = db.execute(
                "SELECT tag_id, count(*) FROM annotation_tags GROUP BY tag_id"
            ).fetchall()
        return {int(tag_id): int(count) for tag_id, count in rows}

    def usage_with_sub_tags(self, *, codebook: Codebook | None = None) -> dict[int, TagCount]:
        """How many passages each tag's row in the codebook counts: its own, with its
        sub-tags' (each passage once), and how many of those are orphans. Tags on no
        passage, themselves or through a sub-tag, are absent.

        Args:
            codebook: the tags as the file holds them now, if the caller has just read them
                (read here otherwise): they say which tags break a circle of parents.
        """
        if codebook is None:
            codebook = self.codebook()
        with self._project.reading() as db:
            return count_tag_passages(db, codebook=codebook)

    def delete(
        self, *, tag_id: int, unused_only: bool = False, expected: TagRemoval | None = None
    ) -> TagRemoval:
        """Delete a tag; its sub-tags move up one level, its passages lose it and its key
        (if it had one) is free.

        Raises:
            InputError: a sub-tag would move up beside a tag of the same name; nothing changed.
            ChangedMeanwhileError: the tag was put on passages, or given sub-tags or a memo,
                since (in another window), beyond what ``expected`` (redoing a deletion:
                what the first deletion took) or, with ``unused_only`` (undoing the tag's
                creation), nothing, says; nothing changed.
        """
        with self._project.transaction(), keeping_keys(self._project.db) as keys:
            removal = remove_tag(self._project, tag_id=tag_id, into=None, keys=keys)
            if unused_only or expected is not None:
                refuse_if_worked_on(removal, expected)
        return removal

    def merge(
        self,
        *,
        source_id: int,
        target_id: int,
        redoing: TagRemoval | None = None,
        expected: Tag | None = None,
    ) -> TagRemoval:
        """Merge ``source`` into ``target``: its passages and sub-tags move to the target,
        and its key too if the target had none.

        A sub-tag whose name the target already has among its own sub-tags is merged into
        that one in turn, so that "Econ/Trade" merged along with "Econ" into "Economy"
        joins "Economy/Trade". ``redoing``: what the same merge did before it was undone;
        a memo it made for a target that had none is made again as it was. ``expected``
        (redo: the tag as undo put it back): a tag renamed, recoloured, described or moved
        since, in another window, is kept and the merge refused
        (:class:`ChangedMeanwhileError`); so is one given sub-tags since, which the merge
        would move under the other tag.
        """
        with self._project.transaction(), keeping_keys(self._project.db) as keys:
            codebook = self.codebook()
            known_tag(codebook, source_id)
            known_tag(codebook, target_id)
            source = codebook.get(source_id)
            if expected is not None and source is not None:
                refuse_if_edited(source, expected, MERGE_BY_HAND)
                _refuse_if_given_sub_tags(codebook, source, redoing)
            if source_id == target_id:
                raise InputError("a tag cannot be merged into itself")
            if target_id in {t.id for t in codebook.descendants(source_id)}:
                raise InputError("a tag cannot be merged into one of its own sub-tags")
            refuse_too_deep(  # the source's sub-tags go under the target
                parent_level=codebook.level(target_id),
                levels=codebook.levels(source_id) - 1,
                what=f"merging {codebook.path(source_id)!r} into {codebook.path(target_id)!r}",
            )
            remade = remade_memos(redoing) if redoing else None
            return remove_tag(
                self._project, tag_id=source_id, into=target_id, keys=keys, remade=remade
            )

    def restore(self, *, removal: TagRemoval) -> Tag:
        """Undo :meth:`delete` or :meth:`merge`: same tag id, links, sub-tags and memos
        (less the passages deleted since, in another window; a tag whose parent was
        deleted since comes back at the top level).

        What another window did since to the target of a merge stays: a passage it took
        the target off does not get the merged tag back, and a target's memo it wrote is
        not thrown away (:class:`ChangedMeanwhileError`: nothing is undone).
        """
        return restore_removal(self._project, removal=removal)

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
        return restore_tag_places(self._project, tag=tag, others=others, expected=expected)


def _refuse_if_given_sub_tags(codebook: Codebook, source: Tag, redoing: TagRemoval | None) -> None:
    """Refuse redoing a merge of ``source`` if it has sub-tags the merge did not move (made
    or moved under it since, in another window): the merge would move them too."""
    moved: set[int] = set()
    if redoing is not None:
        moved = {t.id for t in redoing.moved_children} | {f.tag.id for f in redoing.folded}
    if any(t.id not in moved for t in codebook.children(source.id)):
        raise ChangedMeanwhileError(
            f"the tag {source.name!r} was given sub-tags since, perhaps in another window,"
            " so it was kept rather than move them",
            advice=MERGE_BY_HAND,
        )


def full_path(codebook: Codebook, tag: Tag) -> str:
    """The path that names ``tag`` alone: a top-level tag's starts with '/'."""
    path = codebook.path(tag.id)  # a '/' in a name is shown as '∕' in paths
    return path if PATH_SEPARATOR in path else PATH_SEPARATOR + path
