"""In a pane narrower than its columns' shares allow, each column of a long table keeps at
least the room of its longest word, measured with the article's font: a figure such as
"12,345,678" is never broken over two lines, whatever the pane's width or zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor, QTextTable
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.render import render_article
from diptych.gui.render_tables import CELL_ROOM, fit_long_tables
from diptych.gui.session import ProjectSession
from diptych.gui.theme import render_style
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def numbers_article(rows: int = 300) -> bytes:
    lines = ["# Numbers", "", "| Year | Sales | Costs | Margin | Staff |", "|---|---|---|---|---|"]
    lines += [
        f"| {1900 + i} | {12_345_678 + i * 7919:,} | {9_876_543 + i * 131:,} "
        f"| {1_234_567 + i * 17:,} | {45_678 + i:,} |"
        for i in range(1, rows + 1)
    ]
    return "\n".join([*lines, "", "Closing words."]).encode()


def first_piece(pane: ArticlePane) -> QTextTable:
    document = pane.view.document()
    cursor = QTextCursor(document)
    cursor.setPosition(document.toPlainText().index("Year"))
    table = cursor.currentTable()
    assert table is not None
    return table


def broken_cells(table: QTextTable) -> list[str]:
    broken = []
    for row in range(table.rows()):
        for column in range(table.columns()):
            block = QTextCursor(table.cellAt(row, column).firstCursorPosition()).block()
            if block.layout().lineCount() != 1:
                broken.append(block.text())
    return broken


@pytest.mark.parametrize("width", [300, 220])
def test_no_number_of_a_long_table_is_broken_in_a_narrow_pane(
    qtbot: QtBot, tmp_path: Path, width: int
) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(numbers_article(), name="n.md"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(width, 700)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    qtbot.wait(50)
    table = first_piece(pane)
    assert table.rows() < 300  # a piece of a long table
    assert broken_cells(table) == []
    project.close()


def test_no_number_is_broken_in_a_zoomed_pane(qtbot: QtBot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(numbers_article(), name="n.md"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(300, 700)
    pane.show()
    pane.set_zoom(175)  # the first screen is built in the normal size, then zoomed
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    qtbot.waitUntil(lambda: not pane.loader.growing, timeout=30_000)
    document = pane.view.document()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) > 2
    widths = {tuple(w.rawValue() for w in t.format().columnWidthConstraints()) for t in tables}
    assert len(widths) == 1  # every piece, the first screen's too, lined up
    assert broken_cells(first_piece(pane)) == []
    assert broken_cells(tables[-1]) == []
    project.close()


def test_no_number_is_broken_when_a_loaded_table_is_zoomed(qtbot: QtBot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(numbers_article(), name="n.md"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(300, 700)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    qtbot.waitUntil(lambda: not pane.loader.growing, timeout=30_000)
    pane.set_zoom(175)  # every piece is in: the zoom alone must widen the columns
    qtbot.wait(50)
    document = pane.view.document()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) > 2
    assert broken_cells(first_piece(pane)) == []
    assert broken_cells(tables[-1]) == []
    project.close()


def test_the_widths_follow_the_font_when_zoomed(qapp: object) -> None:
    content = parse_article(numbers_article(), name="n.md").content
    document, _positions = render_article(content, render_style())
    document.setTextWidth(300)
    font = document.defaultFont()
    font.setPointSizeF(font.pointSizeF() * 2)
    document.setDefaultFont(font)
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    before = tables[0].format().columnWidthConstraints()[1].rawValue()
    fit_long_tables(document)
    after = {tuple(w.rawValue() for w in t.format().columnWidthConstraints()) for t in tables}
    assert len(after) == 1
    assert next(iter(after))[1] > 1.8 * before - CELL_ROOM
    assert document.size().width() > 300  # laid out: wider than the pane, scrolled
    assert broken_cells(tables[0]) == [] and broken_cells(tables[-1]) == []
