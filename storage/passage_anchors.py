"""Where a passage is in its article's text: a range checked and anchored, a passage
anchored again or made an orphan, put back where it was, found again by its quote after
the text changed, and the refusal of a step of undo when the passage was re-attached
meanwhile (in another window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diptych.storage.anchoring import reanchor
from diptych.storage.anchors import Anchor, make_anchor
from diptych.storage.errors import InputError, refuse_if_changed
from diptych.storage.model import Annotation, AnnotationStatus

if TYPE_CHECKING:
    from diptych.storage.project import Project


def anchor_range(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``[start, end)`` of ``text``; InputError if that is no passage of it."""
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


def apply_anchor(project: Project, *, annotation_id: int, anchor: Anchor | None) -> None:
    """Record where a passage was found again; None makes it an orphan."""
    db = project.db
    if anchor is None:
        db.execute("UPDATE annotations SET status = 'orphan' WHERE id = ?", [annotation_id])
        return
    db.execute(
        "UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?,"
        " suffix = ?, status = 'anchored' WHERE id = ?",
        [anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix, annotation_id],
    )


def restore_anchor(project: Project, *, annotation: Annotation) -> None:
    """Put a passage back where ``annotation`` says it was (undoing a re-anchoring)."""
    a = annotation
    project.db.execute(
        "UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?, suffix = ?,"
        " status = ? WHERE id = ?",
        [a.start, a.end, a.exact, a.prefix, a.suffix, a.status.value, a.id],
    )


def find_again(project: Project, a: Annotation) -> None:
    """Find a passage put back (by undo or redo) in its article's text again, by its
    quote, if another window replaced the text since: its offsets were taken on the
    text as it was, and would point at other words of the new one."""
    if a.is_orphan:
        return
    there = words_there(project, a)
    if there is None or there == a.exact:
        return
    (text,) = project.db.execute(
        "SELECT display_text FROM articles WHERE id = ?", [a.article_id]
    ).fetchone()
    find_again_in(project, a, text)


def words_there(project: Project, a: Annotation) -> str | None:
    """The words of ``a``'s article where ``a`` was (its offsets); None if the article is
    gone."""
    row = project.db.execute(
        "SELECT substr(display_text, ?, ?) FROM articles WHERE id = ?",
        [a.start + 1, a.end - a.start, a.article_id],
    ).fetchone()
    return None if row is None else str(row[0])


def find_again_in(project: Project, a: Annotation, text: str) -> None:
    """:func:`find_again` with the article's display ``text`` at hand: the passage is
    found again by its quote if its words are not where it was."""
    if not a.is_orphan and text[a.start : a.end] != a.exact:
        found = reanchor(Anchor(a.start, a.end, a.exact, a.prefix, a.suffix), text)
        apply_anchor(project, annotation_id=a.id, anchor=found.anchor)


def refuse_if_moved(project: Project, annotation_id: int, expected: Annotation) -> None:
    """Raise :class:`ChangedMeanwhileError` if the passage was re-attached since
    ``expected`` (read inside the caller's transaction): it quotes other words, or an
    orphan was anchored. A passage only moved along with its words, or orphaned, by a
    new version of its article's text passes: undo finds it again in that text."""
    row = project.db.execute(
        "SELECT exact, status FROM annotations WHERE id = ?", [annotation_id]
    ).fetchone()
    if row is None:
        raise InputError(f"there is no passage {annotation_id}")
    refuse_if_reanchored(row[0], row[1] == AnnotationStatus.ORPHAN.value, expected)


def refuse_if_reanchored(exact: str, is_orphan: bool, expected: Annotation) -> None:
    """Raise :class:`ChangedMeanwhileError` if a passage that now quotes ``exact`` (and is
    orphaned or not) was re-attached since ``expected``: see
    :func:`refuse_if_moved`."""
    refuse_if_changed(
        (exact, expected.is_orphan and not is_orphan),
        (expected.exact, False),
        "the passage's place in its article",
        advice="Re-attach it by hand if it should be elsewhere.",
    )
