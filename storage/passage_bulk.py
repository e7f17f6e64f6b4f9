"""Many passages deleted or re-tagged at once (thousands selected in the Passages list),
and read back, in a few statements for all of them rather than several for each, in one
transaction: all or none. Each passage is checked as :meth:`AnnotationStore.delete` and
:meth:`AnnotationStore.change_tags` check one, and the first refused, in the order given,
is named as they name it. What is kept beside the passages follows as it does for one:
their tags and marks to check go with them (the schema's cascades), and the search
index with their rows (its triggers, in one statement: see
:mod:`~diptych.storage.bulk_rows`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from diptych.storage.bulk_rows import IDS, PAIRS, delete_rows, listed, paired, update_rows
from diptych.storage.errors import InputError, refuse_if_another, refuse_if_changed
from diptych.storage.model import Annotation
from diptych.storage.passage_anchors import refuse_if_reanchored
from diptych.storage.passage_rows import SELECT_PASSAGES, passage_of
from diptych.storage.wording import shortened

if TYPE_CHECKING:
    from diptych.storage.project import Project


def read_passages(project: Project, annotation_ids: Iterable[int]) -> dict[int, Annotation]:
    """The passages of ``annotation_ids`` still in the project, by id, in one query."""
    rows = project.db.execute(SELECT_PASSAGES + f" WHERE a.id IN {IDS}", [listed(annotation_ids)])
    return {passage.id: passage for passage in map(passage_of, rows.fetchall())}


def delete_passages(
    project: Project, *, annotation_ids: Sequence[int], expected: Mapping[int, Annotation]
) -> list[Annotation]:
    """Delete passages, all or none; returns each as it was, in the order given.

    Refused, before anything is deleted, if one of them is gone (:class:`InputError`), or
    if one with an ``expected`` (undo and redo: the passage as the step left it) is no
    longer so: another passage with its number (made after a restore from backup), one
    re-attached, or given another note or other tags, or signed with another coder's
    name, meanwhile, in another window (tags deleted since do not count)
    (:class:`~diptych.storage.errors.ChangedMeanwhileError`): that work is kept.
    """
    if not annotation_ids:
        return []
    with project.transaction():
        now = read_passages(project, annotation_ids)
        tags = _existing_tags(project, (t for a in expected.values() for t in a.tag_ids))
        seen: set[int] = set()
        for annotation_id in annotation_ids:
            before = now.get(annotation_id)
            if before is None or annotation_id in seen:  # a second time: gone by then
                raise InputError(f"there is no passage {annotation_id}")
            seen.add(annotation_id)
            wanted = expected.get(annotation_id)
            if wanted is not None:
                _refuse_if_changed(before, wanted, tags)
        delete_rows(project.db, table="annotations", column="id", values=annotation_ids)
    return [now[annotation_id] for annotation_id in annotation_ids]


def _refuse_if_changed(before: Annotation, expected: Annotation, tags: set[int]) -> None:
    """Refuse to delete ``before`` if it is no longer ``expected`` (``tags``: those still
    tags), as :meth:`AnnotationStore.delete` does."""
    refuse_if_another(before.uuid, expected.uuid, f"the passage {shortened(expected.exact)!r}")
    refuse_if_reanchored(before.exact, before.is_orphan, expected)
    refuse_if_changed(
        (before.note, list(before.tag_ids), before.coder),
        (expected.note, sorted({t for t in expected.tag_ids if t in tags}), expected.coder),
        "the passage (its note, tags or coder's name)",
        advice="Delete the passage by hand if it should go.",
    )


def change_tags(
    project: Project,
    *,
    changes: Mapping[int, tuple[Iterable[int], Iterable[int]]],
    times: Mapping[int, str],
) -> list[Annotation]:
    """Put tags on passages and take others off, leaving their other tags as they are,
    all or none; returns the passages as they are then, in the order given.

    ``changes``: each passage's id, the tags to put on and those to take off (a tag in
    both is put on); tags deleted meanwhile (in another window) are left out. ``times``:
    the time each was last changed, put back (undo and redo); the others are changed now.
    Refused, before anything is changed, if a passage is gone (the first, in order).
    """
    if not changes:
        return []
    with project.transaction():
        db = project.db
        rows = db.execute(f"SELECT id FROM annotations WHERE id IN {IDS}", [listed(changes)])
        there = {annotation_id for (annotation_id,) in rows}
        for annotation_id in changes:
            if annotation_id not in there:
                raise InputError(f"there is no passage {annotation_id}")
        now = project.now()
        stamps = [(i, times.get(i) or now) for i in changes]
        update_rows(db, table="annotations", columns=("updated_at",), rows=stamps)
        wanted = {i: set(add) for i, (add, _remove) in changes.items()}
        tags = _existing_tags(project, (t for added in wanted.values() for t in added))
        off = [(i, t) for i, (_add, remove) in changes.items() for t in set(remove) - wanted[i]]
        on = [(i, t) for i, added in wanted.items() for t in added if t in tags]
        db.execute(
            f"DELETE FROM annotation_tags WHERE (annotation_id, tag_id) IN {PAIRS}", [paired(off)]
        )
        db.execute(
            f"INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT * FROM {PAIRS}",
            [paired(on)],
        )
        changed = read_passages(project, changes)
    return [changed[annotation_id] for annotation_id in changes]


def _existing_tags(project: Project, tag_ids: Iterable[int]) -> set[int]:
    """Those of ``tag_ids`` that are still tags (not deleted, in another window)."""
    rows = project.db.execute(f"SELECT id FROM tags WHERE id IN {IDS}", [listed(tag_ids)])
    return {int(tag_id) for (tag_id,) in rows}
