"""The tags on a passage: put on, taken off, and those deleted meanwhile (in another
window) refused or left out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from diptych.storage.errors import InputError

if TYPE_CHECKING:
    from diptych.storage.project import Project


def link_tags(
    project: Project, annotation_id: int, tag_ids: Iterable[int], *, strict: bool = True
) -> None:
    """Put tags on a passage; a tag that is gone is refused, or left out if not
    ``strict`` (a passage put back by undo keeps the tags that still exist)."""
    wanted = sorted(set(tag_ids))
    if not wanted:
        return
    found = existing_tags(project, wanted)
    if len(found) < len(wanted) and strict:  # deleted meanwhile, perhaps in another window
        raise InputError(
            "a tag no longer exists (it was deleted, perhaps in another window)",
            advice="Choose the tags again.",
        )
    project.db.conn.executemany(
        "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
        [(annotation_id, tag_id) for tag_id in sorted(found)],
    )


def clear_tags(project: Project, annotation_id: int) -> None:
    """Take every tag off a passage."""
    project.db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])


def unlink_tags(project: Project, annotation_id: int, tag_ids: Iterable[int]) -> None:
    """Take ``tag_ids`` off a passage, leaving its other tags as they are."""
    dropped = sorted(set(tag_ids))
    if dropped:
        marks = ", ".join("?" * len(dropped))
        project.db.execute(
            f"DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id IN ({marks})",
            [annotation_id, *dropped],
        )


def existing_tags(project: Project, tag_ids: Iterable[int]) -> set[int]:
    """Those of ``tag_ids`` that are still tags (not deleted, in another window)."""
    wanted = sorted(set(tag_ids))
    marks = ", ".join("?" * len(wanted))
    rows = project.db.execute(f"SELECT id FROM tags WHERE id IN ({marks})", wanted)
    return {int(tag_id) for (tag_id,) in rows}
