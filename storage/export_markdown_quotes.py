# A passage's text as the lines of a Markdown block quote: list items quoted as list items
# (bullets, numbers, letters and nesting kept), table cells as a table's rows, a heading as a
# heading, each paragraph as a quoted paragraph, where the passage spans several blocks
# (see :mod:`diptych.storage.quote_shapes`); otherwise paragraph by paragraph, one per line.

from __future__ import annotations

import re
from typing import NamedTuple

from diptych.storage.document import DECIMAL, NO_MARKER
from diptych.storage.export_markdown_text import escape_cell, escape_text
from diptych.storage.item_markers import is_numbered, item_label
from diptych.storage.model import Annotation, Article
from diptych.storage.quote_shapes import Piece, QuoteShapes


class MarkdownQuotes:
    """The block quotes of one export's passages."""

    def __init__(self) -> None:
        self._shapes = QuoteShapes()

    def lines(self, passage: Annotation, article: Article) -> list[str]:
        """The block quote's lines for ``passage`` of ``article`` (without the citation)."""
        pieces = self._shapes.pieces(passage, article)
        if pieces is None:
            return _paragraphs(passage.exact)
        lines: list[str] = []
        kind_before = ""
        items = _ListItems(pieces)
        for at, piece in enumerate(pieces):
            next_one = piece.kind == kind_before and piece.kind in ("item", "row")
            if lines and not (next_one and not piece.first_row):
                lines.append(">")  # a new paragraph, list or table; not a list's next item
                items = _ListItems(pieces)
            if piece.kind == "item":
                lines += items.lines(at)
            elif piece.kind == "row":
                lines += _row_lines(piece, _table_width(pieces, at))
            else:
                lines += _piece_lines(piece)
            kind_before = piece.kind
        return lines


_LARGEST_NUMBER = 999_999_999  # CommonMark's list numbers have at most 9 digits


class _Item(NamedTuple):
    """A quoted item a next one may nest under or follow."""

    level: int
    kind: tuple[bool, str]  # numbered or not, and its marker
    number: int
    delimiter: str  # after its number: "." or ")"; "-" for a bullet, "" for an item as text
    content: int  # where the words of an item nested under it start


class _ListItems:
    """The quoted items of one run of a quote's list items, as a CommonMark reader
    numbers and nests them: each shows the number, letter or numeral it shows in the
    window, under the item it is nested in.

    A nested item is indented to start under its parent's words, as CommonMark nests it:
    2 spaces under "- ", 3 under "1. ", 4 under "10. "; fewer read as a list of their own
    after the parent's. CommonMark numbers a list's items on from its first, so a list
    that counts down, or in letters or roman numerals, or from a number below 0, is
    written as lines of text each starting with its marker, escaped ("2\\.", "III\\."),
    a paragraph each. A list that starts where another of the same kind ends (the next of
    two lists, or a parent's next item after a quote that began in its nested list) would
    be read as more of it, renumbered: its numbers are followed by ")" instead of ".", as
    CommonMark starts a new list where the delimiter changes (a blank line does not)."""

    def __init__(self, pieces: list[Piece]) -> None:
        self._pieces = pieces
        self._parents: list[_Item] = []  # the items a next one may nest under
        self._open: dict[int, str] = {}  # where a list starts: its items' delimiter
        self._text_before = False  # the line before is an item written as text

    def lines(self, at: int) -> list[str]:
        """The lines of the list item ``pieces[at]``, after a blank line where it must be
        set apart from the line before."""
        piece = self._pieces[at]
        first = not self._parents
        sibling = None  # the item before at its level
        while self._parents and self._parents[-1].level >= piece.level:
            popped = self._parents.pop()
            sibling = popped if popped.level == piece.level else sibling
        indent = self._parents[-1].content if self._parents else 0  # a quote's first: 0
        kind = (is_numbered(piece.number, piece.marker), piece.marker)
        goes_on = sibling is not None and sibling.kind == kind and _follows(sibling, piece)
        if goes_on and sibling is not None:
            delimiter = sibling.delimiter  # the same list goes on
        elif not _listable(self._pieces, at):
            delimiter = ""  # as text
        elif kind[0]:
            delimiter = ")" if self._open.get(indent) == "." else "."
        else:
            delimiter = "-"
        late = kind[0] and piece.number != 1 and not goes_on
        blank = not first and (not delimiter or self._text_before or late)
        self._text_before = not delimiter
        if not delimiter:
            line = _text_line(piece, indent)
            self._open = {column: mark for column, mark in self._open.items() if column < indent}
            self._parents.append(_Item(piece.level, kind, piece.number, "", indent))
        else:
            marker = f"{piece.number}{delimiter}" if kind[0] else "-"
            line = f"> {' ' * indent}{marker} {escape_text(piece.text)}"
            self._open = {column: mark for column, mark in self._open.items() if column <= indent}
            self._open[indent] = delimiter
            content = indent + len(marker) + 1
            self._parents.append(_Item(piece.level, kind, piece.number, delimiter, content))
        return [">", line] if blank else [line]


def _text_line(piece: Piece, indent: int) -> str:
    """A list item as a line of text: its marker as the window shows it, escaped to read
    as written ("III\\. Roman three"), or its words alone where it shows none."""
    words = escape_text(piece.text)
    if not is_numbered(piece.number, piece.marker) or piece.marker == NO_MARKER:
        return f"> {' ' * indent}{words}"
    marker = item_label(piece.number, piece.marker)[:-1] + "\\."
    return f"> {' ' * indent}{marker} {words}"


def _follows(sibling: _Item, piece: Piece) -> bool:
    """True if ``piece`` reads as the next item of ``sibling``'s list (of its kind)."""
    numbered, marker = sibling.kind
    if not numbered or not sibling.delimiter or marker != DECIMAL:
        return True  # a bullet; items written as text; an item from before markers were kept
    return piece.number == sibling.number + 1


def _listable(pieces: list[Piece], at: int) -> bool:
    """True if the list item ``pieces[at]`` and the items after it at its level (of its
    kind) can be a CommonMark list that numbers them as the window does: bullets, and
    numbers in digits from 0 up that only grow (a gap starts a list of its own)."""
    first = pieces[at]
    if first.marker == NO_MARKER:
        return False
    if not is_numbered(first.number, first.marker) or first.marker == "":
        return True  # a bullet, or an item from before markers were kept: counting on
    number = first.number
    for piece in pieces[at:]:
        if piece.kind != "item" or piece.level < first.level:
            break
        if piece.level > first.level:
            continue
        if piece.marker != first.marker:
            break
        if piece.marker != DECIMAL or not 0 <= piece.number <= _LARGEST_NUMBER:
            return False
        if piece is not first and piece.number <= number:
            return False  # counting down, or the same number again
        number = piece.number
    return True


def _piece_lines(piece: Piece) -> list[str]:
    if piece.kind == "heading":
        return [f"> {'#' * piece.level} {escape_text(piece.text)}"]
    if piece.kind == "code":
        return _code_lines(piece.text)
    return _paragraphs(piece.text)


def _code_lines(text: str) -> list[str]:
    """Preformatted lines (a program's code, a poem's layout) as a fenced code block in the
    quote: their spaces and line breaks as they are, nothing in them read as markup. The
    fence is longer than any run of backticks the lines hold."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"> {fence}", *(f"> {line}".rstrip() for line in text.split("\n")), f"> {fence}"]


def _table_width(pieces: list[Piece], at: int) -> int:
    """The most cells of the rows of the table whose first quoted row is ``pieces[at]``
    (0 for its next rows): its header's, which a row of more cells would be cut to."""
    if not pieces[at].first_row:
        return 0
    width = len(pieces[at].cells)
    for piece in pieces[at + 1 :]:
        if piece.kind != "row" or piece.first_row:
            break
        width = max(width, len(piece.cells))
    return width


def _row_lines(piece: Piece, width: int) -> list[str]:
    """A table row's line; before a table's first quoted row, the header Markdown's tables
    must begin with, and the line that marks it. That is the row itself when it is the
    table's header; otherwise an empty one, not to show a row of the table's body, in
    bold, as its header (nor the header's words, which are not quoted)."""
    line = _row_line(piece.cells)
    if not piece.first_row:
        return [line]
    rule = "> |" + "---|" * width
    if piece.header:
        return [_row_line(piece.cells + ("",) * (width - len(piece.cells))), rule]
    return [_row_line(("",) * width), rule, line]


def _row_line(cells: tuple[str, ...]) -> str:
    # A cell is escaped as a cell, not as a line: "-1.9" stays as written, its bars escaped.
    return "> | " + " | ".join(escape_cell(cell) or " " for cell in cells) + " |"


def _paragraphs(exact: str) -> list[str]:
    """The text as quoted paragraphs, one per line of it."""
    lines: list[str] = []
    for line in exact.split("\n"):
        if not line.strip():
            continue
        if lines:
            lines.append(">")
        lines.append("> " + escape_text(line))
    return lines
