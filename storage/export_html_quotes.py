# A passage's text inside the HTML report's block quote: list items as a list (bullets,
# numbers and nesting kept), table cells as a table's rows, a heading as a bold line (the
# report's own headings are its outline), each paragraph as a paragraph, where the
# passage spans several blocks (see :mod:`diptych.storage.quote_shapes`); otherwise one
# paragraph per line of it.

from __future__ import annotations

import re
from collections.abc import Iterator

from diptych.storage.control_characters import right_to_left
from diptych.storage.document import DECIMAL, NO_MARKER
from diptych.storage.export_html_page import escaped
from diptych.storage.item_markers import is_numbered
from diptych.storage.model import Annotation, Article
from diptych.storage.quote_shapes import Piece, QuoteShapes

_SHORT = 12  # characters: a cell this short is kept on one line, as a word is
# A figure, however long: digits with their signs, separators, units and brackets.
_FIGURE = re.compile(r"[\d\s.,'’+\-−±%‰$€£¥()/:×x~<>=*]+")


class HtmlQuotes:
    """The quotes of one report's passages."""

    def __init__(self) -> None:
        self._shapes = QuoteShapes()

    def html(self, passage: Annotation, article: Article) -> str:
        """What the quote of ``passage`` of ``article`` holds (its paragraphs, lists...)."""
        pieces = self._shapes.pieces(passage, article)
        if pieces is None:
            return _paragraphs(passage.exact)
        return "".join(_runs(pieces))


def _paragraphs(text: str) -> str:
    return "".join(
        f'<p dir="auto">{escaped(line)}</p>' for line in text.split("\n") if line.strip()
    )


def _runs(pieces: list[Piece]) -> Iterator[str]:
    """The pieces as HTML, consecutive items in one list and rows in one table."""
    at = 0
    while at < len(pieces):
        piece = pieces[at]
        if piece.kind == "item":
            end = at
            while (
                end < len(pieces)
                and pieces[end].kind == "item"
                and _list_kind(pieces[end]) == _list_kind(piece)
            ):
                end += 1
            yield _list(pieces[at:end])
            at = end
        elif piece.kind == "row":
            end = at
            while (
                end < len(pieces)
                and pieces[end].kind == "row"
                and (end == at or not pieces[end].first_row)
            ):
                end += 1
            yield _table(pieces[at:end])
            at = end
        elif piece.kind == "heading":
            yield f'<p dir="auto"><strong>{escaped(piece.text)}</strong></p>'
            at += 1
        elif piece.kind == "code":  # its spaces and lines as they are
            yield f"<pre>{escaped(piece.text)}</pre>"
            at += 1
        else:
            yield _paragraphs(piece.text)
            at += 1


def _list_kind(item: Piece) -> tuple[bool, str]:
    """Whether ``item`` is numbered, and how its marker is written: items of one kind
    are one list."""
    return is_numbered(item.number, item.marker), item.marker


def _list(items: list[Piece]) -> str:
    """One list; a nested item is indented by its level (its own list's markers kept).
    Each numbered item carries its number (``value``: in a list counting down, or after
    an item's own number, the next does not follow the one before), written as its
    marker says (``type``: "a", "I"...); a list shown without markers has none."""
    numbered, marker = _list_kind(items[0])
    rows = []
    for item in items:
        value = f' value="{item.number}"' if numbered else ""
        indent = (
            f' style="margin-inline-start: {1.5 * (item.level - 1):g}em"' if item.level > 1 else ""
        )
        rows.append(f'<li dir="auto"{value}{indent}>{escaped(item.text)}</li>')
    if marker == NO_MARKER:
        kind = ' style="list-style-type: none"'
    elif numbered and marker not in ("", DECIMAL):
        kind = f' type="{marker}"'
    else:
        kind = ""
    tag = "ol" if numbered else "ul"
    return f"<{tag}{kind}>{''.join(rows)}</{tag}>"


def _table(rows: list[Piece]) -> str:
    """A table quoted; one whose text starts right to left (a Hebrew or Arabic page's) has
    its first column on the right, as the page showed it."""
    cells = ("<tr>" + "".join(_cell(cell) for cell in row.cells) + "</tr>" for row in rows)
    words = " ".join(cell for row in rows for cell in row.cells)
    direction = ' dir="rtl"' if right_to_left(words) else ""
    return f"<table{direction}>{''.join(cells)}</table>"


def _cell(text: str) -> str:
    """A table cell; a figure's, or a short one's, of class ``fig``, whose words are not
    broken.

    The report lets a word break anywhere rather than run past the page's edge, and a
    table then narrows its columns as if each of their cells could break anywhere:
    "3,895.5" was shown as "3,895" over ".5" even with room to spare. A ``fig`` cell's
    words break only where one would not fit the page (``overflow-wrap: break-word``,
    which a table does not narrow a column for); longer cells of words still wrap.
    """
    if text and (len(text) <= _SHORT or _is_figure(text)):
        return f'<td dir="auto" class="fig">{escaped(text)}</td>'
    return f'<td dir="auto">{escaped(text)}</td>'


def _is_figure(text: str) -> bool:
    return _FIGURE.fullmatch(text) is not None and any(map(str.isdigit, text))
