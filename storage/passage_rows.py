"""A passage as stored: the columns read and written, a row read as an
:class:`~diptych.storage.model.Annotation`, and every passage of a project file read
through a connection of its own, for a worker thread."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diptych.storage.database import reader
from diptych.storage.model import Annotation, AnnotationStatus, PassageCheck
from diptych.storage.sqlite_errors import translate_errors

SELECT_PASSAGES = """
    SELECT a.id, a.uuid, a.article_id, a.start_pos, a.end_pos, a.exact, a.prefix, a.suffix,
           a.note, a.coder, a.created_at, a.updated_at, a.status,
           (SELECT group_concat(t.tag_id) FROM annotation_tags t WHERE t.annotation_id = a.id),
           c.reason, c.since, c.quoted
    FROM annotations a LEFT JOIN passages_to_check c ON c.annotation_id = a.id
"""
PASSAGE_COLUMNS = (
    "id", "uuid", "article_id", "start_pos", "end_pos", "exact", "prefix", "suffix", "note",
    "coder", "created_at", "updated_at", "status",
)  # fmt: skip
INSERT_PASSAGE = (
    f"INSERT INTO annotations ({', '.join(PASSAGE_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in PASSAGE_COLUMNS)})"
)


_STATUS = {status.value: status for status in AnnotationStatus}  # a lookup, not an enum call


def passage_of(row: Sequence[Any]) -> Annotation:
    """The passage a row of :data:`SELECT_PASSAGES` holds."""
    tags = row[13]
    tag_ids = tuple(sorted(map(int, tags.split(",")))) if tags else ()
    check = PassageCheck(row[14], row[15], row[16]) if row[14] is not None else None
    return Annotation(*row[:12], status=_STATUS[row[12]], tag_ids=tag_ids, check=check)  # type: ignore[misc]


def load_passages(path: Path) -> list[Annotation]:
    """Every passage of the project file at ``path``, by article in library order, then in
    text order: read through a connection of its own, for a worker thread."""
    conn = reader(path)
    try:
        with translate_errors(path):
            rows = conn.execute(
                SELECT_PASSAGES + " JOIN articles r ON r.id = a.article_id"
                " ORDER BY r.sort_order, r.id, a.start_pos, a.id"
            ).fetchall()
            return [passage_of(row) for row in rows]
    finally:
        conn.close()
