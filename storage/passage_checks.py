"""The passages to check: those an update of their article found only approximately
(their words changed), marked until the analyst has looked at them.

An update marks them, with its time and what each quoted before; the mark goes when the
analyst fits or re-attaches the passage, marks it checked, or deletes it (with it), and
comes back with whatever undo puts back: the update undone, "Mark as checked" undone, a
passage deleted or re-attached put back as it was. Undoing "Mark as checked" or a deletion
puts the mark back only if the update that made it still stands: the article still reads,
where the passage was, what it quoted then (see :func:`mark_stands`); an update undone
since, perhaps in another window, moved nothing the analyst has to look at.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from diptych.storage.anchoring import AnchorMethod, Reanchored
from diptych.storage.model import Annotation, CheckReason, PassageCheck
from diptych.storage.passage_anchors import words_there

if TYPE_CHECKING:
    from diptych.storage.project import Project


def needs_a_look(result: Reanchored) -> bool:
    """True if an update that found a passage so reports it as worth a look: found only
    approximately, and not where it was."""
    return result.method is AnchorMethod.FUZZY and not result.in_place and bool(result.anchor)


def mark_after_update(
    project: Project, passages: Sequence[Annotation], results: Sequence[Reanchored]
) -> None:
    """Mark the ``passages`` (as they were before the update) that ``results`` found only
    approximately; an orphan's mark goes (the Orphans tab lists it). A passage marked by
    an earlier update and not looked at since keeps what it quoted then."""
    since = project.now()
    for passage, result in zip(passages, results, strict=True):
        if needs_a_look(result):
            quoted = passage.check.quoted if passage.check is not None else passage.exact
            check = PassageCheck(CheckReason.APPROXIMATE.value, since, quoted)
            put_back_check(project, annotation_id=passage.id, check=check)
        elif result.method is AnchorMethod.ORPHAN and passage.check is not None:
            put_back_check(project, annotation_id=passage.id, check=None)


def put_back_check(project: Project, *, annotation_id: int, check: PassageCheck | None) -> None:
    """Give a passage ``check`` as its mark (None: none), if the passage is there."""
    db = project.db
    db.execute("DELETE FROM passages_to_check WHERE annotation_id = ?", [annotation_id])
    if check is not None:
        db.execute(
            "INSERT INTO passages_to_check (annotation_id, reason, since, quoted)"
            " SELECT id, ?, ?, ? FROM annotations WHERE id = ?",
            [check.reason, check.since, check.quoted, annotation_id],
        )


def mark_stands(project: Project, passage: Annotation) -> bool:
    """True if the mark ``passage`` had (as it was when its mark was taken off) still holds:
    its article reads, where it was, what it quoted then, so the text the update that
    marked it wrote is still there (not undone, nor replaced since)."""
    if passage.is_orphan:
        return False  # an orphan bears no mark
    return words_there(project, passage) == passage.exact


def put_back_standing_check(project: Project, passage: Annotation) -> bool:
    """Undo taking off the mark of ``passage`` (as it was then), if it still holds (see
    :func:`mark_stands`); False if the mark was left off for that reason."""
    if passage.check is not None and not mark_stands(project, passage):
        return False
    put_back_check(project, annotation_id=passage.id, check=passage.check)
    return True


def put_back_checks_of(project: Project, passages: Iterable[Annotation]) -> None:
    """Give passages just put back their marks as they were (those with one that still
    holds: see :func:`mark_stands`), in one statement for all of them."""
    project.db.conn.executemany(
        "INSERT OR REPLACE INTO passages_to_check (annotation_id, reason, since, quoted)"
        " VALUES (?, ?, ?, ?)",
        [
            (p.id, p.check.reason, p.check.since, p.check.quoted)
            for p in passages
            if p.check and mark_stands(project, p)
        ],
    )


def clear_checks(project: Project, *, annotation_ids: Iterable[int]) -> None:
    """The passages were looked at: their marks go."""
    project.db.conn.executemany(
        "DELETE FROM passages_to_check WHERE annotation_id = ?", [(i,) for i in annotation_ids]
    )


def check_said(check: PassageCheck | None) -> str:
    """Why a passage is to be checked, and since which update, as the CSV export and
    ``diptych annotations`` say it ("" for a passage not to check)."""
    if check is None:
        return ""
    why = "found approximately" if check.reason == CheckReason.APPROXIMATE else check.reason
    return f"{why} by the update of {check.since}"
