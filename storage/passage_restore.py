"""Passages put back by undo and redo, many at once: a deleted passage, the passages of an
article removed, or the thousands of codings of an import brought back, each exactly as
it was (same id, uuid, tags, note, coder, times), less the tags deleted since (in another
window); taken away again, many at once, as a step left them, in
:mod:`~diptych.storage.passage_bulk`. The rows go in a few
statements for all of them, not several for each (:mod:`~diptych.storage.bulk_rows`), so
that bringing back a big import keeps the window waiting for a moment, not for seconds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from diptych.storage.bulk_rows import IDS, PAIRS, insert_rows, listed, paired, update_rows
from diptych.storage.errors import InputError, refuse_if_back, refuse_if_changed
from diptych.storage.model import Annotation
from diptych.storage.passage_anchors import find_again_in
from diptych.storage.passage_checks import put_back_checks_of
from diptych.storage.passage_rows import PASSAGE_COLUMNS
from diptych.storage.wording import shortened

if TYPE_CHECKING:
    from diptych.storage.project import Project


def restore_passages(
    project: Project, *, passages: Sequence[Annotation], texts: Mapping[int, str] | None = None
) -> None:
    """Put deleted passages back (see the module's docstring), all or none.

    Refused, before anything is written, if one of them is in the project again (by its
    uuid: :func:`refuse_if_back`) or its article is gone; the first such passage, in the
    order given, is named. A passage whose article's text was replaced since (in another
    window) is found again in the new text by its quote.

    Args:
        project: the project.
        passages: the passages, as they were deleted.
        texts: the display texts of their articles, by article id, where the caller has
            them at hand (articles it has just put back); the others are read.
    """
    if not passages:
        return
    with project.transaction():
        db = project.db
        _refuse_if_not_free(project, passages)
        rows = [_row(a) for a in passages]
        insert_rows(db, table="annotations", columns=PASSAGE_COLUMNS, rows=rows)
        _link_tags(project, passages)
        put_back_checks_of(project, passages)
        coders = list(dict.fromkeys(a.coder for a in passages if a.coder))
        _remember_coders(project, coders)
        _find_again(project, passages, texts or {})


def change_passages(project: Project, *, changes: Sequence[tuple[Annotation, Annotation]]) -> None:
    """Change passages a step changed from ``now`` (as each should still be) to ``wanted``,
    all or none: the note (refused if written on meanwhile, in another window), the tags
    that differ (tags another window put on or took off meanwhile stay as they are, tags
    deleted are left out) and the time it was last changed, ``wanted``'s. Refused, before
    anything is changed, if a passage is gone or its note was written on (the first, in
    the order given)."""
    if not changes:
        return
    with project.transaction():
        db = project.db
        ids = listed(now.id for now, _wanted in changes)
        rows = db.execute(f"SELECT id, note FROM annotations WHERE id IN {IDS}", [ids])
        notes = dict(rows.fetchall())
        for now, wanted in changes:
            if now.id not in notes:
                raise InputError(f"there is no passage {now.id}")
            if now.note != wanted.note:
                refuse_if_changed(notes[now.id], now.note, "the passage's note")
        written = [(now.id, wanted.note) for now, wanted in changes if now.note != wanted.note]
        update_rows(db, table="annotations", columns=("note",), rows=written)
        times = [(now.id, wanted.updated_at or project.now()) for now, wanted in changes]
        update_rows(db, table="annotations", columns=("updated_at",), rows=times)
        _change_tags(project, changes)


def _change_tags(project: Project, changes: Sequence[tuple[Annotation, Annotation]]) -> None:
    """Take off each passage the tags ``now`` has and ``wanted`` has not, and put on those
    ``wanted`` has and ``now`` has not, that are still tags."""
    tags = _found(
        project,
        "SELECT id FROM tags WHERE id IN {ids}",
        (t for now, wanted in changes for t in set(wanted.tag_ids) - set(now.tag_ids)),
    )
    off, on = [], []
    for now, wanted in changes:
        before, after = set(now.tag_ids), set(wanted.tag_ids)
        off += [(now.id, tag_id) for tag_id in sorted(before - after)]
        on += [(now.id, tag_id) for tag_id in sorted(after - before) if tag_id in tags]
    db = project.db.conn
    db.executemany("DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?", off)
    db.executemany(
        "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", on
    )


def _row(a: Annotation) -> tuple[object, ...]:
    return (a.id, a.uuid, a.article_id, a.start, a.end, a.exact, a.prefix, a.suffix,
            a.note, a.coder, a.created_at, a.updated_at, a.status.value)  # fmt: skip


def _found(project: Project, sql: str, values: Iterable[object]) -> set[object]:
    """The values of ``values`` that ``sql`` finds (``... IN {ids}``), in one statement."""
    rows = project.db.execute(sql.format(ids=IDS), [listed(values)])
    return {value for (value,) in rows}


def _refuse_if_not_free(project: Project, passages: Sequence[Annotation]) -> None:
    """Refuse if a passage is back already or its article is gone (the first, in order)."""
    back = _found(
        project, "SELECT uuid FROM annotations WHERE uuid IN {ids}", (a.uuid for a in passages)
    )
    there = _found(
        project, "SELECT id FROM articles WHERE id IN {ids}", (a.article_id for a in passages)
    )
    for a in passages:
        refuse_if_back(a.uuid in back, f"the passage {shortened(a.exact)!r}")
        if a.article_id not in there:
            raise InputError(
                "the passage's article was removed, perhaps in another window, so the"
                " passage could not be put back",
                advice="Undo the removal of the article in the window that removed it.",
            )


def _link_tags(project: Project, passages: Sequence[Annotation]) -> None:
    """Put back the passages' tags that are still tags (not deleted, in another window)."""
    tags = _found(
        project,
        "SELECT id FROM tags WHERE id IN {ids}",
        (tag_id for a in passages for tag_id in a.tag_ids),
    )
    pairs = [(a.id, tag_id) for a in passages for tag_id in a.tag_ids if tag_id in tags]
    project.db.execute(
        f"INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT * FROM {PAIRS}",
        [paired(pairs)],
    )


def _remember_coders(project: Project, names: Sequence[str]) -> None:
    """Name the coders in the project's list of coders, those not in it already."""
    from diptych.storage.project import new_uuid

    project.db.conn.executemany(
        "INSERT OR IGNORE INTO coders (uuid, name) VALUES (?, ?)",
        [(new_uuid(), name) for name in names],
    )


def _find_again(project: Project, passages: Sequence[Annotation], texts: Mapping[int, str]) -> None:
    """Find the passages put back whose words are not where they were in their article's
    text (replaced since, in another window) again, by their quote: their offsets were
    taken on the text as it was, and would point at other words of the new one."""
    read: dict[int, str] = dict(texts)
    for a in passages:
        if a.is_orphan:
            continue
        text = read.get(a.article_id)
        if text is None:
            row = project.db.execute(
                "SELECT display_text FROM articles WHERE id = ?", [a.article_id]
            ).fetchone()
            text = read[a.article_id] = row[0]
        find_again_in(project, a, text)
