"""A table's columns are as wide as their words need: in a narrow pane, equal shares split
"Communication" across two lines in its column while the next columns held a short word.
The 10,000-row table of tests/test_bad_input_matrix.py opens as fast either way."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QTextDocument, QTextLength, QTextTable

from diptych.gui.render import render_article
from diptych.gui.theme import render_style
from diptych.storage.importing import parse_article

TABLE = "| Channel | Ok | No | Ok |\n|---|---|---|---|\n| Communication | 1 | 2 | 3 |\n"


def table_of(text: str) -> tuple[QTextDocument, QTextTable]:
    content = parse_article(f"Reach\n\n{text}".encode(), name="table.md").content
    document, _ = render_article(content, render_style())
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    return document, tables[0]


def lines_of_cell(document: QTextDocument, table: QTextTable, row: int, col: int) -> int:
    block = document.findBlock(table.cellAt(row, col).firstPosition())
    layout = block.layout()
    assert layout is not None
    return layout.lineCount()


def test_a_long_word_keeps_its_line_in_a_narrow_table(qapp: object) -> None:
    document, table = table_of(TABLE)
    word = document.findBlock(table.cellAt(1, 0).firstPosition()).text()
    assert word == "Communication"
    # Four equal shares of this width are narrower than the word; "Ok" and "No" leave it room.
    word_width = QFontMetricsF(document.defaultFont()).horizontalAdvance(word)
    document.setTextWidth(2.8 * word_width)
    document.documentLayout().documentSize()  # laid out
    assert lines_of_cell(document, table, 1, 0) == 1
    assert lines_of_cell(document, table, 0, 0) == 1


def test_a_table_leaves_its_column_widths_to_the_content(qapp: object) -> None:
    _document, table = table_of(TABLE)
    widths = table.format().columnWidthConstraints()
    assert all(w.type() == QTextLength.Type.VariableLength for w in widths)
