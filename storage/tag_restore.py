"""Undoing tag edits: a deleted or merged tag brought back, a moved one put back in its place,
keeping what another window did meanwhile (or refusing, rather than throw it away)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from diptych.storage.codebook import Codebook, sibling_order
from diptych.storage.errors import ChangedMeanwhileError, refuse_if_back, refuse_if_changed
from diptych.storage.model import MemoKind, Tag, TagRemoval
from diptych.storage.tag_checks import (
    TAG_COLUMNS,
    free_name,
    known_tag,
    tag_exists,
    where,
    write_named,
)
from diptych.storage.tag_keys import KeyEdit, keeping_keys

if TYPE_CHECKING:
    from diptych.storage.project import Project


def restore_removal(project: Project, *, removal: TagRemoval) -> Tag:
    """Undo :func:`~diptych.storage.tag_removal.remove_tag` (see :meth:`TagStore.restore`)."""
    with project.transaction(), keeping_keys(project.db) as keys:
        return _restore(project, removal, keys)


def _restore(project: Project, removal: TagRemoval, keys: KeyEdit) -> Tag:
    """See :func:`restore_removal`; the tag takes back its key in ``keys`` if no other tag
    has it (the target of a merge that took it gives it back)."""
    t = removal.tag
    with project.transaction():
        db = project.db
        back = db.execute("SELECT 1 FROM tags WHERE uuid = ?", [t.uuid]).fetchone()
        refuse_if_back(back is not None, f"the tag {t.name!r}")
        into = removal.merged_into
        target = into if into is not None and tag_exists(db, into) else None  # still there
        links = _links_to_restore(project, removal, target)
        parent_id, order = _place_of(project, t)
        # Under a stand-in name until its sub-tags are back: one of them may have its name.
        db.execute(
            f"INSERT INTO tags ({TAG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
        _take_back_children(project, removal, parent_id)
        # The siblings renumbered to make room for its sub-tags, those still beside it.
        db.conn.executemany(
            "UPDATE tags SET sort_order = ? WHERE id = ? AND parent_id IS ?",
            [(s.sort_order, s.id, s.parent_id) for s in removal.shifted_siblings],
        )
        if removal.target_memos is not None and target is not None:
            db.execute("DELETE FROM memos WHERE kind = 'tag' AND tag_id = ?", [target])
            for memo in removal.target_memos:
                project.memos.restore(memo=memo)
        for folded in removal.folded:
            _restore(project, folded, keys)
        for memo in removal.memos:
            project.memos.restore(memo=memo)
        name = free_name(db, t.name, parent_id=parent_id, tag_id=t.id)
        db.execute("UPDATE tags SET name = ? WHERE id = ?", [name, t.id])
        _take_back_key(project, removal, target, keys)
    return project.tags.get(tag_id=t.id)


def _take_back_key(
    project: Project, removal: TagRemoval, target: int | None, keys: KeyEdit
) -> None:
    """Give the tag brought back the key it had, if no tag has it now, or the target of
    the merge (still there) that took it does."""
    if removal.key is None:
        return
    holder = keys.holder(removal.key)
    if holder is not None and removal.key_to_target and target is not None:
        row = project.db.execute("SELECT uuid FROM tags WHERE id = ?", [target]).fetchone()
        if row is not None and row[0] == holder:
            holder = None
    if holder is None:
        keys.give(removal.key, removal.tag.uuid)


def restore_tag_places(
    project: Project,
    *,
    tag: Tag,
    others: Sequence[Tag],
    expected: Mapping[str, int | None] | None = None,
) -> Tag:
    """Undo :meth:`TagStore.move` (see :meth:`TagStore.restore_places`).

    With a ``"position"`` in ``expected`` (the tag's place among ``others`` under its
    parent, as the step left it), only if the tags ``others`` names are still in the order
    the step left them in, where the tag is and where it goes: an order given meanwhile
    (in another window) is not written over.
    """
    with project.transaction(), keeping_keys(project.db):  # the keys stay where they are
        codebook = project.tags.codebook()
        refuse_if_moved(known_tag(codebook, tag.id), expected)
        parent_id, order = _place_of(project, tag)
        if parent_id is not None and parent_id in {t.id for t in codebook.descendants(tag.id)}:
            raise ChangedMeanwhileError(
                f"the tag {codebook.path(parent_id)!r} was moved inside"
                f" {codebook.path(tag.id)!r} since, perhaps in another window, so"
                f" {tag.name!r} cannot go back inside it",
                advice="Move the tags by hand if they should be nested otherwise.",
            )
        if expected is not None and expected.get("position") is not None:
            _refuse_if_reordered(codebook, tag, others, expected)
        write_named(
            project.db,
            "UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ?",
            [parent_id, order, tag.id],
            tag.name,
        )
        project.db.conn.executemany(
            "UPDATE tags SET sort_order = ? WHERE id = ? AND parent_id IS ?",
            [(other.sort_order, other.id, other.parent_id) for other in others],
        )
    return project.tags.get(tag_id=tag.id)


def refuse_if_moved(tag: Tag, expected: Mapping[str, int | None] | None) -> None:
    """Raise :class:`ChangedMeanwhileError` unless ``tag`` is under the parent ``expected``
    names (if it names one)."""
    if expected is not None and "parent_id" in expected:
        refuse_if_changed(
            tag.parent_id,
            expected["parent_id"],
            f"the place of the tag {tag.name!r} in the codebook",
            advice="Move it by hand if it should be elsewhere.",
        )


def _refuse_if_reordered(
    codebook: Codebook, tag: Tag, others: Sequence[Tag], expected: Mapping[str, int | None]
) -> None:
    """Raise :class:`ChangedMeanwhileError` unless the tags under the tag's parent now
    (``expected["parent_id"]``) and under the one it goes back to are in the order the step
    left them in: ``others`` in their order, the tag at ``expected["position"]`` among
    them (see :func:`_in_order`)."""
    now_under = expected["parent_id"]
    for parent_id in dict.fromkeys([now_under, tag.parent_id]):
        left = [t.id for t in sorted(others, key=sibling_order) if t.parent_id == parent_id]
        if parent_id == now_under:
            left.insert(expected["position"] or 0, tag.id)
        if not _in_order(left, [t.id for t in codebook.children(parent_id)]):
            raise ChangedMeanwhileError(
                f"the order of the tags {where(codebook, parent_id)} was changed since,"
                " perhaps in another window, so it was left as it is rather than lose that"
                " change",
                advice="Move the tags by hand if they should be in another order.",
            )


def _in_order(left: list[int], present: list[int]) -> bool:
    """True if those of the tags ``left`` (ids, in the order a step left them) still
    ``present`` (ids, in codebook order) are in that order: a tag gone since, or added or
    moved there since, is no change of their order."""
    known, there = set(left), set(present)
    return [i for i in present if i in known] == [i for i in left if i in there]


def _place_of(project: Project, tag: Tag) -> tuple[int | None, int]:
    """Where ``tag`` goes back to: its parent and sort order as recorded, or the end of
    the top level if the parent was deleted since (in another window)."""
    db = project.db
    if tag.parent_id is None or tag_exists(db, tag.parent_id):
        return tag.parent_id, tag.sort_order
    row = db.execute("SELECT ifnull(max(sort_order), -1) + 1 FROM tags WHERE parent_id IS NULL")
    return None, int(row.fetchone()[0])


def _take_back_children(project: Project, removal: TagRemoval, parent_id: int | None) -> None:
    """Put the sub-tags the removal moved back under the tag brought back (under
    ``parent_id``): those still where the removal put them. One moved since, in
    another window, stays there, as does one the tag's new parent is now inside."""
    db = project.db
    left_under = removal.merged_into if removal.merged_into is not None else removal.tag.parent_id
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


def _links_to_restore(
    project: Project, removal: TagRemoval, into: int | None
) -> list[tuple[int, int]]:
    """The links :func:`restore_removal` puts back: for a merge into a tag still there
    (``into``), only on the passages that still carry the target; refused if the target's
    memo was written since the merge."""
    if into is None:
        return list(removal.links)
    if removal.target_memos is not None:
        name = project.tags.codebook().path(into)
        refuse_if_changed(
            _tag_memo(project, into),
            removal.target_memo_text,
            f"the memo of the tag {name!r}",
            advice=f"The merge stays; edit the memo of {name!r} by hand if need be.",
        )
    rows = project.db.execute("SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", [into])
    carried = {int(annotation_id) for (annotation_id,) in rows}
    return [(a, tag_id) for a, tag_id in removal.links if a in carried]


def _tag_memo(project: Project, tag_id: int) -> str:
    """The text of the tag's memo ("" if it has none)."""
    memo = project.memos.get(kind=MemoKind.TAG, target_id=tag_id)
    return memo.text if memo else ""
