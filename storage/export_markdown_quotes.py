# A passage's text as the lines of a Markdown block quote: list items quoted as list items
# (bullets, numbers and nesting kept), table cells as a table's rows, a heading as a
# heading, each paragraph as a quoted paragraph, where the passage spans several blocks
# (see :mod:`diptych.storage.quote_shapes`); otherwise paragraph by paragraph, one per line.

from __future__ import annotations

from diptych.storage.export_markdown_text import escape_text
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
        for piece in pieces:
            if lines and not (piece.kind == kind_before and piece.kind in ("item", "row")):
                lines.append(">")  # a new paragraph, list or table; not a list's next item
                items = _ListItems()
            lines += items.lines(piece) if piece.kind == "item" else _piece_lines(piece)
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
    if piece.kind == "row":
        # Bars in a cell are escaped with the rest; a table's first row is its header, as
        # Markdown's tables have one, followed by the line that marks it.
        line = "> | " + " | ".join(escape_text(cell) or " " for cell in piece.cells) + " |"
        return [line, "> |" + "---|" * len(piece.cells)] if piece.first_row else [line]
    return _paragraphs(piece.text)


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
