"""A table cell keeps how many columns and rows it spans (``colspan``, ``rowspan``), so that
the pane can merge the cells a page merges; articles stored before read as spanning one."""

from __future__ import annotations

import json

from diptych.storage.document import (
    BlockKind,
    blocks_from_json,
    blocks_to_json,
    check_layout,
)
from diptych.storage.import_html import parse_html
from diptych.storage.import_markdown import parse_markdown

TABLE = (
    "<table><tr><th rowspan=2>Region<th colspan=2>Exports"
    "<tr><th>2022<th>2023<tr><th>North<td>1<td>2"
    "<tr><td colspan=3>Total row spanning all</table>"
)
CELLS = [
    ("Region", 0, 0, 1, 2),
    ("Exports", 0, 1, 2, 1),
    ("2022", 1, 1, 1, 1),
    ("2023", 1, 2, 1, 1),
    ("North", 2, 0, 1, 1),
    ("1", 2, 1, 1, 1),
    ("2", 2, 2, 1, 1),
    ("Total row spanning all", 3, 0, 3, 1),
]


def cells(text: str, blocks: tuple) -> list[tuple[str, int, int, int, int]]:
    return [
        (text[b.start : b.end], b.row, b.col, b.colspan, b.rowspan)
        for b in blocks
        if b.kind is BlockKind.CELL
    ]


def test_a_cell_keeps_its_column_and_row_span() -> None:
    article = parse_html(TABLE)
    check_layout(article)
    assert cells(article.text, article.blocks) == CELLS
    assert article.text == "Region\tExports\n2022\t2023\nNorth\t1\t2\nTotal row spanning all"


def test_a_tables_spans_in_a_markdown_article_are_kept() -> None:
    article = parse_markdown(f"Exports by region\n\n{TABLE}\n")
    assert cells(article.text, article.blocks) == CELLS


def test_spans_are_stored_and_read_back() -> None:
    blocks = parse_html(TABLE).blocks
    stored = blocks_to_json(blocks)
    assert blocks_from_json(stored) == blocks
    assert json.loads(stored)["cs"][1] == 2


def test_an_article_stored_before_spans_were_kept_reads_as_spanning_one() -> None:
    stored = json.loads(blocks_to_json(parse_html(TABLE).blocks))
    del stored["cs"], stored["rs"]
    older = blocks_from_json(json.dumps(stored))
    assert {(b.colspan, b.rowspan) for b in older} == {(1, 1)}
    oldest = '[{"k": "cell", "s": 0, "e": 6, "t": [0, 0, 0, 1]}]'
    assert [(b.colspan, b.rowspan) for b in blocks_from_json(oldest)] == [(1, 1)]


def test_a_table_without_spans_stores_no_span_columns() -> None:
    stored = json.loads(blocks_to_json(parse_html("<table><tr><td>a<td>b</table>").blocks))
    assert "cs" not in stored and "rs" not in stored
