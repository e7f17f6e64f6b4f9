"""CSV table of passages: one row per passage and tag, for spreadsheets.

The file is UTF-8 with a byte order mark, so that Excel reads accents, CJK and emoji
correctly, with CRLF line ends and the csv module's quoting: fields holding commas,
quotes or newlines are quoted, quotes doubled. The columns are :data:`COLUMNS`.

A passage with several tags gives one row per tag (its ``tag path`` differs); an untagged
passage gives one row with an empty tag path. Rows follow the export's grouping: by tag
in codebook order (untagged passages last), or by article and position.

Orphans (passages no longer found in their article's current text) keep their quote and
note, but their ``start``, ``end`` and ``section`` are left empty: the offsets point
nowhere. The last column, ``status``, says ``orphan`` for them (``anchored`` for the
others), so that a reader sees why and can filter them out or in.

Spreadsheet formula injection is neutralised: a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be run as a formula by Excel or LibreOffice, so it
gets a leading apostrophe (``'=SUM(A1)``), which spreadsheets show as text. The
apostrophe is then part of the value for programs reading the file as plain CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from diptych.storage.exporting import ExportData, ExportPassage, Progress, ProgressMeter

COLUMNS = (
    "article", "section", "start", "end", "quote", "tag path",
    "note", "coder", "created", "updated", "uuid", "status",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def export_csv(data: ExportData, progress: Progress | None = None) -> bytes:
    """The passages as UTF-8 CSV with a byte order mark.

    Raises:
        ExportCancelled: ``progress`` returned False.
    """
    rows = list(_rows(data))
    meter = ProgressMeter(progress, len(rows))
    buffer = io.BytesIO()
    # Encoded as the rows are written: the table as one string would take up to four
    # bytes a character (one emoji in a quote is enough), twice over.
    out = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    first = _FORMULA_FIRST
    for row in meter.track(rows):
        writer.writerow([("'" + c if c[:1] in first else c) for c in _cells(data, *row)])
    out.flush()
    meter.finish()
    return buffer.getvalue()


def safe_cell(value: str) -> str:
    """``value`` with a leading apostrophe if a spreadsheet would run it as a formula."""
    return "'" + value if value[:1] in _FORMULA_FIRST else value


def _rows(data: ExportData) -> Iterator[tuple[ExportPassage, int | None]]:
    """(passage, tag id) pairs in export order; tag id None for an untagged passage."""
    if data.options.group_by == "tag":
        for group in data.tag_groups():
            for passage in group.passages:
                yield passage, group.tag.id if group.tag is not None else None
        return
    for passage in data.passages:
        if not passage.tag_ids:
            yield passage, None
        for tag_id in passage.tag_ids:
            yield passage, tag_id


def _cells(data: ExportData, passage: ExportPassage, tag_id: int | None) -> list[str]:
    a = passage.annotation
    orphan = a.is_orphan
    return [
        passage.article.title,
        passage.section,
        "" if orphan else str(a.start),
        "" if orphan else str(a.end),
        a.exact,
        data.tag_path(tag_id) if tag_id is not None else "",
        a.note,
        a.coder,
        a.created_at,
        a.updated_at,
        a.uuid,
        a.status.value,
    ]
