"""Deleting a tag or merging it into another, and the :class:`TagRemoval` that records it
all for undo. Deleted, its sub-tags go up a level and its memo goes with it (the question
asked first says so; undo brings it back); merged, its passages, sub-tags and memo go to
the target, with a line saying which tag the memo and the description came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from diptych.storage.connection import Database
from diptych.storage.errors import ChangedMeanwhileError, refuse_if_another
from diptych.storage.model import Memo, MemoKind, Tag, TagRemoval
from diptych.storage.tag_checks import crowded, known_tag, namesake
from diptych.storage.tag_keys import KeyEdit

if TYPE_CHECKING:
    from diptych.storage.project import Project


def remove_tag(
    project: Project,
    *,
    tag_id: int,
    into: int | None,
    keys: KeyEdit,
    remade: Mapping[int, Memo] | None = None,
) -> TagRemoval:
    """Delete the tag ``tag_id`` (``into`` None: its sub-tags move up one level) or merge it
    into the tag ``into`` (its passages, sub-tags and memo go there; its key too, in
    ``keys``, if the target has none); what it changed.

    A sub-tag meeting a namesake is merged into it in turn, or, when deleting, refused
    (InputError). ``remade``: the memos a first merge made for targets that had none, by
    target (redo, see :func:`remade_memos`), made again as they were.
    """
    with project.transaction():
        db = project.db
        codebook = project.tags.codebook()
        tag = known_tag(codebook, tag_id)
        new_parent = into if into is not None else tag.parent_id
        links = _links(db, tag_id)
        added = _copy_links(db, tag_id, into) if into is not None else []
        memos = project.memos.for_tag(tag_id=tag_id)
        target_memos, merged_memo, made = (
            _merge_memo(project, memos, into, tag, remade or {})
            if into is not None
            else (None, "", None)
        )
        db.execute("DELETE FROM memos WHERE tag_id = ?", [tag_id])
        db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [tag_id])
        # The tag is going: its name makes way for a sub-tag that has the same one.
        db.execute("UPDATE tags SET name = uuid WHERE id = ?", [tag_id])
        key = keys.free(tag.uuid)
        target = codebook[into].uuid if into is not None else None
        key_to_target = False
        if key is not None and target is not None and keys.key_of(target) is None:
            keys.give(key, target)
            key_to_target = True
        moved: list[Tag] = []
        folded: list[TagRemoval] = []
        for child in codebook.children(tag_id):
            other = namesake(db, name=child.name, parent_id=new_parent, other_than=tag_id)
            if other is None:
                moved.append(child)
            elif into is not None:
                folded.append(
                    remove_tag(project, tag_id=child.id, into=other.id, keys=keys, remade=remade)
                )
            else:
                raise crowded(codebook, tag, child, other)
        if into is None and moved:
            shifted = _put_in_place(db, codebook.children(tag.parent_id), tag, moved)
        else:
            _append(db, moved, parent_id=new_parent)
            shifted = []
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
        made_memo=made,
        key=key,
        key_to_target=key_to_target,
        shifted_siblings=tuple(shifted),
    )


def refuse_if_worked_on(removal: TagRemoval, expected: TagRemoval | None) -> None:
    """Raise :class:`ChangedMeanwhileError` if ``removal`` took more than ``expected`` did
    (None: nothing): a passage's tag, a sub-tag, a memo's text; or, with ``expected``, a
    tag no longer as ``expected.tag`` has it (renamed, recoloured, described or moved)."""
    if expected is not None:
        refuse_if_edited(removal.tag, expected.tag)
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


def refuse_if_edited(
    tag: Tag, expected: Tag, advice: str = "Delete it by hand if it should go."
) -> None:
    """Raise :class:`ChangedMeanwhileError` naming what was changed in ``tag`` (as it is now)
    since it read as ``expected``; ``advice``: what the user can do instead. Another tag
    with its number (a backup restored since) is refused as such, not as an edit."""
    refuse_if_another(tag.uuid, expected.uuid, f"the tag {expected.name!r}")
    changes = [
        f"renamed (it was {expected.name!r})" if tag.name != expected.name else "",
        "given another colour" if tag.color != expected.color else "",
        "given another description" if tag.description != expected.description else "",
        "moved in the codebook" if tag.parent_id != expected.parent_id else "",
    ]
    said = [change for change in changes if change]
    if said:
        what = ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0]
        raise ChangedMeanwhileError(
            f"the tag {tag.name!r} was {what} since, perhaps in another window, so it was"
            " kept rather than lose that change",
            advice=advice,
        )


def remade_memos(removal: TagRemoval) -> dict[int, Memo]:
    """The memos a merge made for targets that had none (``removal`` and the sub-tags it
    folded), by target: for :func:`remove_tag` to make them again as they were."""
    made: dict[int, Memo] = {}
    if removal.made_memo is not None and removal.merged_into is not None:
        made[removal.merged_into] = removal.made_memo
    for folded in removal.folded:
        made.update(remade_memos(folded))
    return made


def _merge_memo(
    project: Project, memos: list[Memo], into: int, merged_tag: Tag, remade: Mapping[int, Memo]
) -> tuple[tuple[Memo, ...] | None, str, Memo | None]:
    """Add the merged tag's memo, with its description, to the target's memo (the notes go
    where its passages go); the target's memo as it was, the text it has now and the memo
    made for it if it had none and no memo was merged (else None), or None, "" and None if
    it was left alone. Added to a memo already there, or with a description,
    they follow a line naming the tag they came from: "*From the tag “Econ”, merged here.*"

    A target without a memo takes the merged tag's memo itself, with its id and uuid:
    merging again after an undo (redo) then gives the target the same memo, not a new
    one each time. A merged tag with a description and no memo gives the target one that
    says it (a description the target has too is not repeated).
    """
    written = [m for m in memos if m.text.strip()]
    description = merged_tag.description.strip()
    if description == project.tags.get(tag_id=into).description.strip():
        description = ""
    if not written and not description:
        return None, "", None
    texts = [m.text.lstrip("\n").rstrip() for m in written]
    before = tuple(project.memos.for_tag(tag_id=into))
    kept = [m.text.lstrip("\n").rstrip() for m in before if m.text.strip()]
    if kept or description:
        said = [f"*From the tag “{merged_tag.name}”, merged here.*"]
        said += [f"Its description: {description}"] if description else []
        texts = said + texts
    merged = "\n\n".join(kept + texts)
    if not before and written:
        project.db.execute(
            "UPDATE memos SET tag_id = ?, text = ?, updated_at = ? WHERE id = ?",
            [into, merged, project.now(), written[0].id],
        )
        return before, merged, None
    if not before and into in remade:  # redo: the memo the first merge made
        project.memos.restore(memo=replace(remade[into], text=merged))
    else:
        project.memos.set(kind=MemoKind.TAG, target_id=into, text=merged)
    made = None if before else project.memos.get(kind=MemoKind.TAG, target_id=into)
    return before, merged, made


def _copy_links(db: Database, tag_id: int, into: int) -> list[tuple[int, int]]:
    """Put ``into`` on the passages of ``tag_id``; the links that are new."""
    rows = db.execute(
        "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?"
        " EXCEPT SELECT annotation_id FROM annotation_tags WHERE tag_id = ?",
        [tag_id, into],
    )
    added = [(int(annotation_id), into) for (annotation_id,) in rows]
    db.conn.executemany("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", added)
    return added


def _append(db: Database, tags: list[Tag], *, parent_id: int | None) -> None:
    """Move ``tags`` after the last child of ``parent_id``, leaving its children as they are."""
    first = db.execute(
        "SELECT ifnull(max(sort_order), -1) + 1 FROM tags WHERE parent_id IS ?", [parent_id]
    ).fetchone()[0]
    db.conn.executemany(
        "UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ?",
        [(parent_id, first + i, tag.id) for i, tag in enumerate(tags)],
    )


def _put_in_place(db: Database, siblings: list[Tag], tag: Tag, moved: list[Tag]) -> list[Tag]:
    """Move the sub-tags ``moved`` of the deleted ``tag`` into its place among its
    ``siblings`` (in codebook order, ``tag`` among them), rather than after the last:
    the codebook reads as it did, less the tag. The siblings renumbered, as they were."""
    at = [t.id for t in siblings].index(tag.id)
    others = [t for t in siblings if t.id != tag.id]
    order = [*others[:at], *moved, *others[at:]]
    db.conn.executemany(
        "UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ?",
        [(tag.parent_id, i, t.id) for i, t in enumerate(order)],
    )
    return [t for t in others if t.sort_order != order.index(t)]


def _links(db: Database, tag_id: int) -> list[tuple[int, int]]:
    """The (passage, tag) links of the tag ``tag_id``."""
    rows = db.execute(
        "SELECT annotation_id, tag_id FROM annotation_tags WHERE tag_id = ?", [tag_id]
    ).fetchall()
    return [(int(a), int(t)) for a, t in rows]
