# A passage's text as the lines of a Markdown block quote: list items quoted as list items
# (bullets, numbers and nesting kept), table cells as a table's rows, a heading as a
# heading, each paragraph as a quoted paragraph, where the passage spans several blocks
# (see :mod:`diptych.storage.quote_shapes`); otherwise paragraph by paragraph, one per line.

from __future__ import annotations

import re

from diptych.storage.export_markdown_text import escape_cell, escape_text
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
        items = _ListItems()
        for at, piece in enumerate(pieces):
            next_one = piece.kind == kind_before and piece.kind in ("item", "row")
            if lines and not (next_one and not piece.first_row):
                lines.append(">")  # a new paragraph, list or table; not a list's next item
                items = _ListItems()
            if piece.kind == "item":
                lines += items.lines(piece)
            elif piece.kind == "row":
                lines += _row_lines(piece, _table_width(pieces, at))
            else:
                lines += _piece_lines(piece)
            kind_before = piece.kind
        return lines


class _ListItems:
    """The quoted items of one list, each nested one indented to start under its parent's
    words, as CommonMark nests it: 2 spaces under "- ", 3 under "1. ", 4 under "10. ".
    Fewer read as a list of their own after the parent's."""

    def __init__(self) -> None:
        # The items a next one may nest under: (level, where its words start, numbered).
        self._parents: list[tuple[int, int, bool]] = []

    def lines(self, piece: Piece) -> list[str]:
        """The lines of the list item ``piece``: the item, after a blank line when it
        begins a list numbered from other than 1 after other items (next to their words,
        it would read as more of them)."""
        numbered = piece.number > 0
        follows = bool(self._parents)  # the quote's first item begins after a blank line
        sibling: bool | None = None  # the item before at its level: numbered or not
        while self._parents and self._parents[-1][0] >= piece.level:
            level, _, sibling_numbered = self._parents.pop()
            if level == piece.level:
                sibling = sibling_numbered
        indent = self._parents[-1][1] if self._parents else 0  # a quote's first: no parent
        marker = f"{piece.number}." if numbered else "-"
        self._parents.append((piece.level, indent + len(marker) + 1, numbered))
        line = f"> {' ' * indent}{marker} {escape_text(piece.text)}"
        begins_a_list = follows and sibling != numbered
        return [">", line] if begins_a_list and piece.number > 1 else [line]


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
