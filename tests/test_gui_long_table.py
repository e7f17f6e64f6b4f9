"""A long table is put in as a run of tables of about 150 cells, one right after the
other, so that Qt never lays out (and the window never waits for) thousands of rows at
once; it still reads as one table: every row in order, the columns lined up, no gap, and
passages, selections and positions exactly where they were."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from gui_support import blended, close_to, painted_colors
from PySide6.QtGui import QColor, QTextCursor, QTextDocument, QTextLength, QTextTable
from pytestqt.qtbot import QtBot

from diptych.gui import table_positions
from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.render import render_article
from diptych.gui.render_tables import LONG_TABLE, PIECE_CELLS
from diptych.gui.session import ProjectSession
from diptych.gui.table_positions import across_cells
from diptych.gui.theme import render_style
from diptych.storage.document import ArticleText, BlockKind
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ROWS = 3_000


def table_article(rows: int) -> bytes:
    lines = ["# Prices", "", "Prices by key, as listed.", ""]
    lines += ["| Key | Value | Note |", "|---|---|---|"]
    lines += [f"| key {i} | {i * 7} | note on row {i} of the list |" for i in range(rows)]
    return "\n".join([*lines, "", "Closing words."]).encode()


def tables_of(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = QTextCursor(cell.firstCursorPosition())
    cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def render(rows: int) -> tuple[ArticleText, QTextDocument]:
    content = parse_article(table_article(rows), name="prices.md").content
    document, _ = render_article(content, render_style())
    return content, document


def test_a_long_table_goes_in_as_pieces_holding_every_row_in_order(qapp: object) -> None:
    content, document = render(ROWS)
    tables = tables_of(document)
    assert len(tables) > 1
    assert all(t.rows() * t.columns() <= PIECE_CELLS for t in tables)
    assert sum(t.rows() for t in tables) == ROWS + 1  # the header row once
    cells = [content.text[b.start : b.end] for b in content.blocks if b.kind is BlockKind.CELL]
    shown = [
        cell_text(t, row, column)
        for t in tables
        for row in range(t.rows())
        for column in range(t.columns())
    ]
    assert shown == cells
    assert shown[-3:] == [
        f"key {ROWS - 1}",
        str((ROWS - 1) * 7),
        f"note on row {ROWS - 1} of the list",
    ]
    assert "Closing words." in document.toPlainText()


def test_the_pieces_touch_and_share_their_columns(qapp: object) -> None:
    _content, document = render(ROWS)
    tables = tables_of(document)
    for before, after in itertools.pairwise(tables):
        assert after.firstPosition() == before.lastPosition() + 2  # only the frame marks
        assert before.format().bottomMargin() == 0 and after.format().topMargin() < 0
    widths = {
        tuple((w.type(), w.rawValue()) for w in t.format().columnWidthConstraints()) for t in tables
    }
    assert len(widths) == 1
    (columns,) = widths
    fixed, percent = QTextLength.Type.FixedLength, QTextLength.Type.PercentageLength
    # The keys and figures as wide as their widest, in pixels; the notes take the rest.
    assert [kind for kind, _ in columns] == [fixed, fixed, percent]
    assert columns[0][1] > columns[1][1] > 0  # "key 12" is wider than "84"
    assert columns[2][1] == 100


def test_a_short_table_stays_one_table(qapp: object) -> None:
    _content, document = render(20)
    tables = tables_of(document)
    assert [(t.rows(), t.columns()) for t in tables] == [(21, 3)]
    widths = tables[0].format().columnWidthConstraints()
    assert all(w.type() == QTextLength.Type.VariableLength for w in widths)


def test_a_short_table_and_a_long_one_are_two_tables(qapp: object) -> None:
    def render_both(between: int) -> QTextDocument:
        """A short table, ``between`` paragraphs, then a long table."""
        lines = ["Opening words " * 8, "", "| A | B |", "|---|---|", "| a | b |", ""]
        lines += [f"Paragraph {i}.\n" for i in range(between)]
        lines += ["| Key | Value | Note |", "|---|---|---|"]
        lines += [f"| key {i} | {i * 7} | note {i} |" for i in range(300)]
        content = parse_article("\n".join(lines).encode(), name="t.md").content
        return render_article(content, render_style())[0]

    document = render_both(0)
    first = tables_of(document)
    # The long table named by its first cell's block, the same number as the short
    # table's position in the document: still another table.
    between = first[0].firstPosition() - first[1].format().property(LONG_TABLE)
    document = render_both(between)
    short, *pieces = tables_of(document)
    assert pieces[0].format().property(LONG_TABLE) == short.firstPosition()
    into = pieces[1].cellAt(1, 0).firstPosition()
    assert across_cells(
        document, short.cellAt(0, 0).firstPosition(), short.cellAt(1, 1).firstPosition()
    )
    assert across_cells(document, pieces[0].cellAt(1, 0).firstPosition(), into)
    # From one table into the other, or into the text: Qt would take both whole.
    assert across_cells(document, short.cellAt(0, 1).firstPosition(), into)
    assert across_cells(document, 0, into)
    assert not across_cells(document, 0, 2)  # in the text: Qt's own selection


def test_a_range_in_one_cell_is_told_without_asking_for_its_table(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked of each of up to 5,000 found words as they are drawn."""
    _content, document = render(ROWS)
    asked: list[int] = []
    cell_of = table_positions._cell_of
    monkeypatch.setattr(table_positions, "_cell_of", lambda d, p: asked.append(p) or cell_of(d, p))
    piece = tables_of(document)[3]
    note = piece.cellAt(1, 2)
    assert not across_cells(document, note.firstPosition(), note.lastPosition())
    assert asked == []
    assert across_cells(document, note.firstPosition(), piece.cellAt(2, 0).firstPosition())


def open_in_pane(qtbot: QtBot, tmp_path: Path) -> tuple[Project, ArticlePane, int, str]:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(table_article(ROWS), name="p.md"))
    text = project.articles.get(article_id=article.id).text
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(820, 900)
    pane.show()
    return project, pane, article.id, text


def test_a_passage_in_a_late_row_is_painted_on_its_words(qtbot: QtBot, tmp_path: Path) -> None:
    project, pane, article_id, text = open_in_pane(qtbot, tmp_path)
    tag = project.tags.add(name="Prices", color="#7CC6F2")
    start = text.index(f"note on row {ROWS - 10} ")
    end = start + len(f"note on row {ROWS - 10}")
    project.annotations.add(article_id=article_id, start=start, end=end, tag_ids=[tag.id])
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article_id)
    document = pane.view.document()
    positions = pane.view.positions
    cursor = QTextCursor(document)
    cursor.setPosition(positions.to_rendered(start))
    cursor.setPosition(positions.to_rendered(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == text[start:end]
    assert cursor.currentTable() is not None and cursor.currentTable() is not tables_of(document)[0]
    pane.go_to_offset(start)
    qtbot.wait(50)
    base = pane.view.viewport().palette().color(pane.view.viewport().backgroundRole())
    colors = painted_colors(pane, start, end)
    assert colors
    most = QColor(Counter(c.name() for c in colors).most_common(1)[0][0])
    assert close_to(most, blended("#7CC6F2", 170, base))
    before = painted_colors(pane, start - 4, start - 1)  # "| " and the figure's cell: not marked
    assert not any(close_to(c, blended("#7CC6F2", 170, base)) for c in before)
    project.close()


def test_columns_line_up_and_rows_follow_on_across_pieces(qtbot: QtBot, tmp_path: Path) -> None:
    project, pane, article_id, text = open_in_pane(qtbot, tmp_path)
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article_id)
    document = pane.view.document()
    layout = document.documentLayout()
    tables = tables_of(document)

    def cell_box(table: QTextTable, row: int, column: int) -> tuple[float, float, float]:
        box = layout.blockBoundingRect(
            document.findBlock(table.cellAt(row, column).firstPosition())
        )
        return box.x(), box.top(), box.bottom()

    first, late = tables[0], tables[len(tables) // 2]
    for column in range(3):
        assert abs(cell_box(first, 0, column)[0] - cell_box(late, 0, column)[0]) < 0.5
    for before, after in itertools.pairwise(tables[:4]):
        last_row = before.rows() - 1
        gap = cell_box(after, 0, 0)[1] - cell_box(before, last_row, 0)[2]
        row_gap = cell_box(before, 1, 0)[1] - cell_box(before, 0, 0)[2]
        assert abs(gap - row_gap) < 0.5  # one row to the next, as inside a piece
    # A search finds a late cell, and selecting it gives back its words.
    late_words = f"note on row {ROWS - 1} of the list"
    start = text.index(late_words)
    pane.view.select_range(start, start + len(late_words))
    assert pane.view.selection() == (start, start + len(late_words))
    assert pane.view.textCursor().selectedText() == late_words
    project.close()


def test_an_article_with_a_long_table_grows_in_the_view(qtbot: QtBot, tmp_path: Path) -> None:
    """Its first screen is shown at once and the rest goes into that same document (no
    document swapped in whole, which Qt would then lay out in ever longer steps); what the
    reader selected meanwhile stays selected."""
    project, pane, article_id, text = open_in_pane(qtbot, tmp_path)
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article_id)
        assert pane.is_loading
        shown = pane.view.document()
        assert len(tables_of(shown)) <= 2  # the first screen only
        words = "Prices by key"
        start = text.index(words)
        pane.view.select_range(start, start + len(words))
    assert not pane.is_loading
    assert pane.view.document() is shown
    assert sum(t.rows() for t in tables_of(shown)) == ROWS + 1
    assert pane.view.selection() == (start, start + len(words))
    assert pane.view.textCursor().selectedText() == words
    assert len(pane.view.positions) == len(
        project.articles.get(article_id=article_id).content.blocks
    )
    project.close()
