"""A table cell spanning columns or rows is shown merged, as the page shows it: a header
over the two columns it heads, a total row across all of them; the article's text, and
the passages in it, stay where they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QTextCursor, QTextDocument, QTextTable
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page, rows_shown

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.document import BlockKind
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

PAGE = """<html><head><title>Exports</title></head><body><h1>Exports</h1>
<p>Grain shipped, by region.</p>
<table>
<tr><th rowspan="2">Region</th><th colspan="2">Exports</th></tr>
<tr><th>2022</th><th>2023</th></tr>
<tr><th>North</th><td>1</td><td>2</td></tr>
<tr><td colspan="3">Total row spanning all</td></tr>
</table>
<p>After the table.</p></body></html>
"""


def tables_of(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def spans(table: QTextTable) -> list[list[tuple[int, int]]]:
    """Each grid place's (rows, columns) spanned by the cell holding it."""
    return [
        [(table.cellAt(r, c).rowSpan(), table.cellAt(r, c).columnSpan()) for c in range(3)]
        for r in range(table.rows())
    ]


def test_spanning_cells_are_merged_and_passages_stay_on_their_words(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "exports.html"
    path.write_text(PAGE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    assert text == (
        "Exports\nGrain shipped, by region.\n"
        "Region\tExports\n2022\t2023\nNorth\t1\t2\nTotal row spanning all\nAfter the table."
    )
    [table] = tables_of(pane.view.document())
    assert spans(table) == [
        [(2, 1), (1, 2), (1, 2)],
        [(2, 1), (1, 1), (1, 1)],
        [(1, 1), (1, 1), (1, 1)],
        [(1, 3), (1, 3), (1, 3)],
    ]
    assert rows_shown(pane) == [
        ["Region", "Exports", "Exports"],
        ["Region", "2022", "2023"],
        ["North", "1", "2"],
        ["Total row spanning all"] * 3,
    ]
    total = table.cellAt(3, 0)
    layout = pane.view.document().findBlock(total.firstPosition()).layout()
    assert layout is not None and layout.lineCount() == 1  # across the table, not squeezed
    window.activateWindow()
    start, end = select_text(pane, "row spanning")
    assert pane.view.textCursor().selectedText() == "row spanning"
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.current_passage() is not None)
    passage = window.session.passage(editor.current_passage() or 0)
    assert (passage.exact, passage.start, passage.end) == ("row spanning", start, end)
    assert start == text.index("Total row spanning all") + len("Total ")
    for words in ("2023", "North", "After the table"):  # the cells after it, and the text
        at = text.index(words)
        pane.view.select_range(at, at + len(words))
        assert pane.view.textCursor().selectedText() == words


WIDE_TOTAL = b"""<html><body><h1>Exports</h1><table>
<tr><th>Region</th><th>2022</th><th>2023</th></tr>
<tr><th>North</th><td>1</td><td>2</td></tr>
<tr><td colspan="3">Total of the exports of every region over two years, by sea and rail</td></tr>
</table></body></html>"""


def open_in_pane(qtbot: QtBot, tmp_path: Path, page: bytes) -> tuple[Project, ArticlePane]:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(page, name="page.html"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(820, 900)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    return project, pane


def test_a_long_cell_across_the_columns_leaves_them_their_own_widths(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The total's text wraps across the three columns; it does not widen the first one
    (the figures' columns were squeezed to the pane's edge)."""
    project, pane = open_in_pane(qtbot, tmp_path, WIDE_TOTAL)
    document = pane.view.document()
    [table] = tables_of(document)
    layout = document.documentLayout()
    left = [
        layout.blockBoundingRect(document.findBlock(table.cellAt(1, c).firstPosition())).x()
        for c in range(3)
    ]
    widths = [left[1] - left[0], left[2] - left[1]]
    assert max(widths) < 2 * min(widths)
    project.close()


ROWS = 400


def long_page() -> bytes:
    """A long table with a subtotal row across its columns every 25 rows, a cell spanning
    two rows, and one spanning three from the last row of the first piece into the next."""
    rows = []
    for i in range(ROWS):
        if i % 25 == 24:
            rows.append(f'<tr><td colspan="3">Subtotal {i}, rows above</td></tr>')
        elif i == 10:
            rows.append('<tr><td rowspan="2">pair</td><td>b10</td><td>c10</td></tr>')
        elif i == 49:
            rows.append('<tr><td rowspan="3">three</td><td>b49</td><td>c49</td></tr>')
        elif i in (11, 50, 51):
            rows.append(f"<tr><td>b{i}</td><td>c{i}</td></tr>")
        else:
            rows.append(f"<tr><td>a{i}</td><td>b{i}</td><td>c{i}</td></tr>")
    table = "<table>" + "".join(rows) + "</table>"
    return f"<html><body><h1>Ledger</h1><p>By row.</p>{table}<p>End.</p></body></html>".encode()


def test_a_long_table_in_pieces_merges_its_spanning_cells_in_each_piece(
    qtbot: QtBot, tmp_path: Path
) -> None:
    parsed = parse_article(long_page(), name="ledger.html")
    project, pane = open_in_pane(qtbot, tmp_path, long_page())
    document = pane.view.document()
    pieces = tables_of(document)
    assert len(pieces) > 2
    text, positions = parsed.content.text, pane.view.positions
    merged = []
    for piece in pieces:
        for row in range(piece.rows()):
            cell = piece.cellAt(row, 0)
            if cell.row() == row and (cell.rowSpan(), cell.columnSpan()) != (1, 1):
                words = document.findBlock(cell.firstPosition()).text()
                merged.append((words, cell.rowSpan(), cell.columnSpan()))
    subtotals = [(f"Subtotal {i}, rows above", 1, 3) for i in range(24, ROWS, 25)]
    # "three" reaches only to its piece's last row: the next piece is a table of its own.
    assert merged == [("pair", 2, 1), *subtotals]
    for block in parsed.content.blocks:
        if block.kind is BlockKind.CELL:
            cursor = QTextCursor(document)
            cursor.setPosition(positions.to_rendered(block.start))
            cursor.setPosition(positions.to_rendered(block.end), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == text[block.start : block.end]
    # The first column is as wide as its own words ("a398"), not the subtotals'.
    subtotal = QFontMetricsF(document.defaultFont()).horizontalAdvance("Subtotal")
    assert pieces[0].format().columnWidthConstraints()[0].rawValue() < subtotal
    project.close()
