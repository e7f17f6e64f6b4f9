"""Tables from web pages render with the columns and rows that hold cells, whatever the page
claims: colspan="1000" or empty rows neither squeeze the text away nor stall the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument, QTextTable

from diptych.gui.render import MAX_TABLE_COLUMNS, render_article
from diptych.gui.theme import render_style
from diptych.storage.document import ArticleText, Block, BlockKind
from diptych.storage.import_html import parse_html
from diptych.storage.import_text import parse_text


def tables(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def cell_text(table: QTextTable, row: int, col: int) -> str:
    cell = table.cellAt(row, col)
    cursor = QTextCursor(cell.firstCursorPosition())
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@pytest.mark.parametrize(
    ("page", "grid"),
    [
        (  # a title row spanning "everything", as old layout tables do: across the three
            '<table><tr><td colspan="1000">Results<tr><td>a<td>b<td>c</table>',
            [["Results", "Results", "Results"], ["a", "b", "c"]],
        ),
        (  # a span that other rows fill keeps the columns aligned
            "<table><tr><th colspan=2>wide<th>c<tr><td>1<td>2<td>3</table>",
            [["wide", "wide", "c"], ["1", "2", "3"]],
        ),
        ("<table><tr><tr></tr><tr><td>x<td>y<tr></table>", [["x", "y"]]),
    ],
)
def test_a_table_has_the_rows_and_columns_its_cells_fill(
    qapp: object, page: str, grid: list[list[str]]
) -> None:
    content = parse_html(page)
    document, positions = render_article(content, render_style())
    (table,) = tables(document)
    assert (table.rows(), table.columns()) == (len(grid), len(grid[0]))
    shown = [[cell_text(table, r, c) for c in range(table.columns())] for r in range(table.rows())]
    assert shown == grid
    for block in content.blocks:  # every cell's text where the position map says
        cursor = QTextCursor(document)
        cursor.setPosition(positions.to_rendered(block.start))
        cursor.setPosition(positions.to_rendered(block.end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == content.text[block.start : block.end]


def test_a_small_page_claiming_fifty_thousand_columns_renders_a_row_of_cells(
    qapp: object,
) -> None:
    page = "<table><tr>" + '<td colspan="1000">x' * 50 + "</table>"
    document, _ = render_article(parse_html(page), render_style())
    (table,) = tables(document)
    assert (table.rows(), table.columns()) == (1, 50)


@pytest.mark.parametrize("columns", [MAX_TABLE_COLUMNS + 1, 20_000])
def test_a_table_wider_than_any_screen_shows_its_cells_as_paragraphs(
    qapp: object, columns: int
) -> None:
    content = parse_text("Prices\n\n|" + "".join(f"c{n}|" for n in range(columns)))
    document, positions = render_article(content, render_style())
    assert not tables(document)
    assert document.blockCount() == columns + 1
    for block in content.blocks:
        cursor = QTextCursor(document)
        cursor.setPosition(positions.to_rendered(block.start))
        cursor.setPosition(positions.to_rendered(block.end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == content.text[block.start : block.end]


def test_a_table_as_wide_as_a_screen_stays_a_table(qapp: object) -> None:
    content = parse_text("|" + "".join(f"c{n}|" for n in range(MAX_TABLE_COLUMNS)))
    document, _ = render_article(content, render_style())
    (table,) = tables(document)
    assert table.columns() == MAX_TABLE_COLUMNS


def test_a_list_nested_hundreds_deep_stays_on_the_screen(qapp: object) -> None:
    page = "<ul><li>level " * 300 + "deepest item"
    content = parse_html(page)
    assert max(b.level for b in content.blocks) == 300
    document, _ = render_article(content, render_style())
    document.setTextWidth(800)
    assert document.size().width() <= 800  # no text pushed thousands of pixels aside
    assert document.toPlainText().endswith("level deepest item")


def test_list_levels_and_numbers_beyond_what_qt_holds_still_render(qapp: object) -> None:
    text = "one two"
    blocks = (
        Block(BlockKind.ITEM, 0, 3, level=2**40, number=0),
        Block(BlockKind.ITEM, 4, 7, level=1, number=2**40),
    )
    document, _ = render_article(ArticleText(text, blocks), render_style())
    assert document.toPlainText() == "one\ntwo"
