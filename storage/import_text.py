"""Plain text as scrapers leave it, and verbatim text.

Scraped articles (format ``"text"``) keep one paragraph per line, headings as short lines
(:mod:`diptych.storage.text_guessed_headings`) or as Markdown's ``## `` lines
(:mod:`diptych.storage.text_headings`), ``- `` bullets, ``*emphasis*`` and pipe tables,
some of them broken over several lines. E-mail, wire copy and text saved from PDFs are
hard-wrapped instead: their paragraphs' lines are joined first
(:mod:`diptych.storage.text_lines`). :func:`parse_text` turns that back into structure; the
pipe-table rules are in :class:`PipeTable` at the end of this module.

Verbatim text (format ``"plain"``, used for text whose offsets must not move, such as
REFI-QDA sources) is read by :func:`parse_plain`: one paragraph per line, nothing
interpreted, and the display text is the input itself.
"""

from __future__ import annotations

import re

from diptych.storage.decoding import normalise_newlines
from diptych.storage.document import ArticleText, Block, BlockKind, SpanStyle
from diptych.storage.text_builder import TextBuilder
from diptych.storage.text_guessed_headings import looks_like_heading as looks_like_heading
from diptych.storage.text_headings import marked_heading, reads_marked_headings
from diptych.storage.text_lines import LineKind, read_layout

# `**strong**` and `*emphasis*`: the stars must hug the text and must not touch a word
# character on the outside, so "5 * 3 * 2" and "a*b*c" stay literal. Contents may not
# cross the next marker, which keeps matching linear on lines full of stray stars.
_STRONG = re.compile(r"(?<![\w*])\*\*(?![\s*])((?:[^*]|\*(?!\*))+?)(?<![\s*])\*\*(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?![\s*])([^*]+?)(?<![\s*])\*(?![\w*])")
_ITEM = re.compile(r"([ \t]*)(?:([-*•◦▪])|([1-9]\d{0,2})[.)])[ \t]+(?=\S)")
_RULE = re.compile(r"([-*=])(?:[ \t]*\1){2,}")
_HEADING_MAX_LEVEL = 3

Inline = list[tuple[str, SpanStyle | None]]


def parse_text(text: str) -> ArticleText:
    """Read scraped plain text into display text and blocks.

    Args:
        text: the decoded article.

    Returns:
        The article's display text with headings, list items, table cells and emphasis.
    """
    # A form feed breaks the page (text from PDFs starts each page with one): a line end.
    lines = normalise_newlines(text).replace("\f", "\n").split("\n")
    marked = sum(1 for line in lines if marked_heading(line.strip()))
    marked = marked if reads_marked_headings(lines) else 0
    layout = read_layout(lines, lambda line: _line_kind(line, marked_headings=marked > 0))
    reader = _TextReader(marked_headings=marked, headings_stand_alone=layout.headings_stand_alone)
    for line in layout.lines:
        reader.feed(line.text, alone=line.alone)
    return reader.finish()


def _line_kind(line: str, *, marked_headings: bool) -> LineKind:
    """What a non-blank line is, for joining the lines of a hard-wrapped paragraph."""
    stripped = line.strip()
    if PipeTable.accepts(stripped) or _RULE.fullmatch(stripped):
        return LineKind.OTHER
    if stripped.startswith(">"):
        return LineKind.OTHER  # a mail's quoted line: joined, its marks would run on inside
    if marked_headings and marked_heading(stripped):
        return LineKind.OTHER
    return LineKind.ITEM if _ITEM.match(line) else LineKind.PROSE


def parse_plain(text: str) -> ArticleText:
    """Read text verbatim: every line is a paragraph and the display text is ``text``.

    Blank lines become empty paragraphs (the layout rules allow a block with
    ``start == end``), so that offsets into ``text`` stay valid in the display text.
    """
    blocks = []
    start = 0
    for line in text.split("\n"):
        blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(line)))
        start += len(line) + 1
    return ArticleText(text, tuple(blocks))


def parse_inline(text: str) -> Inline:
    """Split a line into runs of plain, ``*emphasised*`` and ``**strong**`` text."""
    runs: Inline = []
    position = 0
    for match in _STRONG.finditer(text):
        runs.extend(_emphasis_runs(text[position : match.start()]))
        runs.append((_EMPHASIS.sub(r"\1", match.group(1)), SpanStyle.STRONG))
        position = match.end()
    runs.extend(_emphasis_runs(text[position:]))
    return runs


def _emphasis_runs(text: str) -> Inline:
    runs: Inline = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        runs.append((text[position : match.start()], None))
        runs.append((match.group(1), SpanStyle.EMPHASIS))
        position = match.end()
    runs.append((text[position:], None))
    return [run for run in runs if run[0]]


class _TextReader:
    """Reads scraped text line by line into a :class:`TextBuilder`."""

    def __init__(self, *, marked_headings: int = 0, headings_stand_alone: bool = False) -> None:
        # A text that marks its headings ("# Housing", "## Rents") is taken at its word:
        # its other short lines ("By Jane Smith") are not guessed to be headings. One
        # marked line alone ("# Appendix" far down) says nothing of the others.
        self._marked_headings = marked_headings > 0
        self._guess_headings = marked_headings < 2
        # Where blank lines part the paragraphs, a heading stands alone between them.
        self._headings_stand_alone = headings_stand_alone
        self._builder = TextBuilder()
        self._table: PipeTable | None = None
        self._tables = 0
        self._heading_level = 0  # level of the previous line if it was a heading

    def feed(self, line: str, *, alone: bool = True) -> None:
        """Take one line (without its newline); ``alone``: blank lines are around it."""
        stripped = line.strip()
        if not stripped:
            return  # blank lines separate nothing
        if self._table is not None and self._table.accepts(stripped):
            self._table.feed(stripped)
            return
        self._end_table()
        if stripped.startswith("|"):
            self._table = PipeTable()
            self._table.feed(stripped)
        elif _RULE.fullmatch(stripped):
            self._heading_level = 0
        elif item := _ITEM.match(line):
            self._add_item(item, line[item.end() :].rstrip())
        elif self._marked_headings and (heading := marked_heading(stripped)):
            self._builder.begin(BlockKind.HEADING, level=heading.level)
            self._add_runs(parse_inline(heading.text))
            self._heading_level = 0
        else:
            self._add_line(stripped, may_head=alone or not self._headings_stand_alone)

    def finish(self) -> ArticleText:
        """Close everything and return the article."""
        self._end_table()
        return self._builder.build()

    def _add_item(self, item: re.Match[str], text: str) -> None:
        indent = len(item.group(1).expandtabs(4))
        number = int(item.group(3)) if item.group(3) else 0
        self._builder.begin(BlockKind.ITEM, level=min(1 + indent // 2, 6), number=number)
        self._add_runs(parse_inline(text))
        self._heading_level = 0

    def _add_line(self, text: str, *, may_head: bool) -> None:
        runs = parse_inline(text)
        guess = self._guess_headings and may_head
        if guess and looks_like_heading("".join(run for run, _ in runs)):
            level = min(self._heading_level + 1, _HEADING_MAX_LEVEL) if self._heading_level else 2
            self._builder.begin(BlockKind.HEADING, level=level)
            self._heading_level = level
        else:
            self._builder.begin(BlockKind.PARAGRAPH)
            self._heading_level = 0
        self._add_runs(runs)

    def _add_runs(self, runs: Inline) -> None:
        for run, style in runs:
            self._builder.add(run, style)
        self._builder.end()

    def _end_table(self) -> None:
        if self._table is None:
            return
        for rows in self._table.finish():
            self._emit_table(rows)
        self._table = None
        self._heading_level = 0

    def _emit_table(self, rows: list[TableRow]) -> None:
        grid = [row.cells() for row in rows]
        width = max((len(cells) for cells in grid), default=0)
        kept = [c for c in range(width) if any(c < len(r) and r[c].strip() for r in grid)]
        if not kept:
            return
        row_number = 0
        for row, cells in zip(rows, grid, strict=True):
            present = [(col, cells[c]) for col, c in enumerate(kept) if c < len(cells)]
            if not any(text.strip() for _, text in present):
                continue
            for col, text in present:
                self._builder.begin(
                    BlockKind.CELL, table=self._tables, row=row_number, col=col, header=row.header
                )
                self._add_runs(parse_inline(text.strip()))
            row_number += 1
        self._tables += 1


# Pipe tables -------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_SEPARATOR_COLUMN = re.compile(r":?-+:?")


class TableRow:
    """One row of a pipe table, as the text between its pipes ("segments").

    A row may be read from several lines: scrapers break long rows, and the pieces are
    joined back until the row has the table's column count.
    """

    __slots__ = ("header", "segments")

    def __init__(self, line: str) -> None:
        self.segments = line.split("|")
        self.header = False

    def count(self) -> int:
        """Number of cells: the segments less a blank one before the first pipe and
        after the last."""
        segments = self.segments
        lead = 1 if not segments[0].strip() else 0
        trail = 1 if len(segments) > lead and not segments[-1].strip() else 0
        return len(segments) - lead - trail

    def cells(self) -> list[str]:
        """The cells' raw text, left to right."""
        lead = 1 if not self.segments[0].strip() else 0
        return self.segments[lead : lead + self.count()]

    def closed(self, columns: int) -> bool:
        """True once the row ends at a pipe and has at least ``columns`` cells."""
        return not self.segments[-1].strip() and self.count() >= columns

    def join(self, line: str) -> tuple[int, str]:
        """Continue the row with ``line``; returns a mark for :meth:`undo`."""
        mark = (len(self.segments), self.segments[-1])
        parts = line.split("|")
        if line.startswith("|") and not self.segments[-1].strip():
            self.segments[-1:] = parts[1:]  # "a |" then "| b": one boundary, not two
        else:
            self.segments[-1] = f"{self.segments[-1]} {parts[0]}"
            self.segments.extend(parts[1:])
        return mark

    def undo(self, mark: tuple[int, str]) -> None:
        """Take back the last :meth:`join`."""
        length, last = mark
        del self.segments[length - 1 :]
        self.segments.append(last)

    def words(self) -> list[str]:
        """The non-blank cells' text, to recognise a repeated header."""
        return [cell.strip() for cell in self.cells() if cell.strip()]


class PipeTable:
    """Collects the lines of one run of pipe-table lines into one or more tables."""

    def __init__(self) -> None:
        self._tables: list[list[TableRow]] = [[]]
        self._pending: TableRow | None = None
        self._columns = 0  # from the separator line; 0 while unknown

    @staticmethod
    def accepts(line: str) -> bool:
        """True if ``line`` (stripped) can belong to a pipe table being read."""
        return line.startswith("|") or line.endswith("|") or bool(_SEPARATOR.fullmatch(line))

    def feed(self, line: str) -> None:
        """Take one stripped, non-blank table line."""
        if _SEPARATOR.fullmatch(line):
            self._close_row()
            self._separator(len(_SEPARATOR_COLUMN.findall(line)))
        elif not self._continue_row(line):
            self._close_row()
            self._pending = TableRow(line)

    def finish(self) -> list[list[TableRow]]:
        """The tables read, each a list of rows."""
        self._close_row()
        return [rows for rows in self._tables if rows]

    def _continue_row(self, line: str) -> bool:
        row = self._pending
        if row is None:
            return False
        if line.startswith("|"):
            has_text = bool(line.strip("| \t"))
            if row.closed(self._columns) or (has_text and not self._columns):
                return False
        mark = row.join(line)
        if self._columns and row.count() > self._columns:
            row.undo(mark)
            return False
        return True

    def _close_row(self) -> None:
        row, self._pending = self._pending, None
        if row is None:
            return
        rows = self._tables[-1]
        # Only a table's first row can be its header (see _separator).
        if rows and rows[0].header and row.words() and row.words() == rows[0].words():
            row.header = True  # the table starts again, as scrapers repeat them
            self._tables.append([row])
        else:
            rows.append(row)

    def _separator(self, columns: int) -> None:
        rows = self._tables[-1]
        self._columns = columns
        if not rows or rows[-1].header:
            return
        last = rows[-1]
        last.header = True
        if len(rows) > 1:  # the row above a separator starts a new table
            rows.pop()
            self._tables.append([last])
