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
        for piece in pieces:
            if lines and not (piece.kind == kind_before and piece.kind in ("item", "row")):
                lines.append(">")  # a new paragraph, list or table; not a list's next item
            lines += _piece_lines(piece)
            kind_before = piece.kind
        return lines


def _piece_lines(piece: Piece) -> list[str]:
    if piece.kind == "item":
        marker = f"{piece.number}." if piece.number else "-"
        return [f"> {'  ' * (piece.level - 1)}{marker} {escape_text(piece.text)}"]
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
