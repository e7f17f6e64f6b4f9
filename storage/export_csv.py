"""CSV table of passages: one row per passage and tag, for spreadsheets.

The file is UTF-8 with a byte order mark, so that Excel reads accents, CJK and emoji
correctly, with CRLF line ends and the csv module's quoting: fields holding commas,
quotes or newlines are quoted, quotes doubled. The columns are :data:`COLUMNS`. (The
command line leaves the mark out of a table it writes into a pipe or a terminal, for
``cut``, ``head`` and csvkit, which would read it as part of the first column's name.)

A passage with several tags gives one row per tag (its ``tag path`` differs); an untagged
passage gives one row with an empty tag path. Rows follow the export's grouping: by tag
in codebook order (untagged passages last), or by article and position.

Orphans (passages no longer found in their article's current text) keep their quote and
note, but their ``start``, ``end`` and ``section`` are left empty: the offsets point
nowhere. The column ``status`` says ``orphan`` for them (``anchored`` for the others),
so that a reader sees why and can filter them out or in.

The ``uuid`` column is the passage's; the last, ``article uuid``, tells apart articles of
the same title (two outlets' copies of one wire story), which the ``article`` column
alone would merge in a pivot table. It comes last so that the columns before it keep the
places they had in files exported before it was added, as do ``article address`` and
``to check`` after it. ``to check`` says, for a passage that an update of its article
found only approximately and that the analyst has not checked since, why and since which
update ("found approximately by the update of 2026-03-01T10:00:00Z"); it is empty for
the others.

Control characters but tab and line ends (:data:`CSV_CONTROLS`: a NUL, an escape, a C1
control, pasted with a note) become U+FFFD, as in the Markdown and HTML exports: a
spreadsheet cannot save them in its own (XML) files, and a reader that drops them could
find a formula behind one.

Spreadsheet formula injection is neutralised: a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be run as a formula by Excel or LibreOffice, so
it gets a leading apostrophe (``'=SUM(A1)``), which spreadsheets show as text. This is
OWASP's advice (and ASVS 1.2.10's list) for CSV meant for spreadsheets, and the file is
meant for them (hence the byte order mark and CRLF). The apostrophe is then part of the
value for programs reading the file as plain CSV (R, pandas): it is added only before
those characters, never elsewhere, so such a reader can take it off again, and the JSON
export holds every value untouched.

A cell longer than a spreadsheet cell holds (:data:`CELL_LIMIT`, 32,767 UTF-16 code
units, as Excel counts them: an emoji is two) is cut to fit, ending with a marker that
says how much is missing and where the whole text is. Excel does not cut such a cell
itself when it opens the file: it spills the rest into the rows below, so every column
after it is shifted and the table is wrong from there on, silently. Keeping the table
whole is worth more than the end of one long note or quote, which the Markdown, HTML and
JSON exports hold in full; the export's notes (:attr:`ExportData.notes`, which File >
Export shows when it is done) name the rows cut, so that nothing is shortened unseen.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from diptych.storage.control_characters import CSV_CONTROLS, replaced
from diptych.storage.exporting import ExportData, ExportPassage, Progress, ProgressMeter
from diptych.storage.offsets import utf16_length
from diptych.storage.passage_checks import check_said

COLUMNS = (
    "article", "section", "start", "end", "quote", "tag path",
    "note", "coder", "created", "updated", "uuid", "status", "article uuid",
    "article address", "to check",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
CELL_LIMIT = 32_767
"""The most a spreadsheet cell holds: Excel's limit, in UTF-16 code units."""
CUT_MARKER = (
    " […{count:,} more characters cut here: a spreadsheet cell holds {limit:,}. "
    "The Markdown, HTML and JSON exports hold the whole text.]"
)
_LISTED_ROWS = 10  # rows a note names before "and N more"


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
    cut: list[tuple[int, list[str]]] = []  # (spreadsheet row number, columns cut)
    # A cell of up to half the limit in code points fits whatever they are.
    short = CELL_LIMIT // 2
    for number, row in enumerate(meter.track(rows), start=2):  # row 1 is the header
        cells = [safe_cell(c) for c in _cells(data, *row)]
        if max(map(len, cells)) > short:
            cells, columns = _fit(cells)
            if columns:
                cut.append((number, columns))
        writer.writerow(cells)
    out.flush()
    meter.finish()
    if cut:
        data.notes.append(cut_note(cut))
    return buffer.getvalue()


def fit_cell(value: str) -> tuple[str, int]:
    """``value`` cut to fit a spreadsheet cell, with :data:`CUT_MARKER` at its end, and
    the number of characters (code points) cut; ``(value, 0)`` if it fits.

    The cut falls between code points (never inside an emoji's surrogate pair), after
    the last space near the limit if there is one, so that no word is cut in two.
    """
    if utf16_length(value) <= CELL_LIMIT:
        return value, 0
    # The marker's length depends on the count it shows: reserve room for the largest.
    room = CELL_LIMIT - utf16_length(CUT_MARKER.format(count=len(value), limit=CELL_LIMIT))
    end = min(len(value), room)
    while utf16_length(value[:end]) > room:  # each code point past the BMP takes two units
        end -= (utf16_length(value[:end]) - room + 1) // 2
    space = value.rfind(" ", max(0, end - 200), end)
    if space > 0:
        end = space
    count = len(value) - end
    return value[:end] + CUT_MARKER.format(count=count, limit=CELL_LIMIT), count


def cut_note(cut: list[tuple[int, list[str]]]) -> str:
    """The sentence telling the user which rows hold a cell cut short."""
    listed = "; ".join(
        f"row {number} ({', '.join(columns)})" for number, columns in cut[:_LISTED_ROWS]
    )
    more = f"; and {len(cut) - _LISTED_ROWS:,} more rows" if len(cut) > _LISTED_ROWS else ""
    rows = "1 row holds" if len(cut) == 1 else f"{len(cut):,} rows hold"
    return (
        f"{rows} a text longer than a spreadsheet cell holds ({CELL_LIMIT:,} characters), "
        f"cut short in the CSV file so that Excel keeps the table's columns in line: "
        f"{listed}{more}. Each ends with “[…N more characters cut here…]”; the Markdown, "
        "HTML and JSON exports hold the whole text."
    )


def _fit(cells: list[str]) -> tuple[list[str], list[str]]:
    """The cells with any too long for a spreadsheet cut to fit, and the columns cut."""
    fitted, columns = [], []
    for column, cell in zip(COLUMNS, cells, strict=True):
        value, count = fit_cell(cell)
        fitted.append(value)
        if count:
            columns.append(column)
    return fitted, columns


def safe_cell(value: str) -> str:
    """``value`` as the CSV export writes it: its control characters (but tab and line
    ends) as U+FFFD, and a leading apostrophe if a spreadsheet would run it as a formula."""
    value = replaced(value, CSV_CONTROLS)
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
        passage.article.uuid,
        passage.article.source_url,
        check_said(a.check),
    ]
