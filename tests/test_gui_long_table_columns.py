"""The columns of a long table have fixed shares of the width: each gets at least the room
of its longest word (its header's included), so that in a narrow pane a figure or a
header is never broken over two lines; the long text takes the rest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextTable
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

COUNTRIES = ["France", "Peru", "Chile", "Spain", "Italy"]


def figures_article(rows: int = 300) -> bytes:
    lines = ["# Figures", "", "| Id | Value | Note | Country |", "|---|---|---|---|"]
    lines += [
        f"| {i} | {60329670 + i * 7919} | a note on the semiconductor supply of row {i}, "
        f"with some words more to wrap | {COUNTRIES[i % len(COUNTRIES)]} |"
        for i in range(1, rows + 1)
    ]
    return "\n".join([*lines, "", "Closing words."]).encode()


def line_counts(table: QTextTable, column: int) -> list[int]:
    counts = []
    for row in range(table.rows()):
        cursor = QTextCursor(table.cellAt(row, column).firstCursorPosition())
        counts.append(cursor.block().layout().lineCount())
    return counts


def test_figures_and_headers_of_a_long_table_keep_to_one_line_in_a_narrow_pane(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(figures_article(), name="f.md"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(480, 900)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    qtbot.wait(50)
    document = pane.view.document()
    cursor = QTextCursor(document)
    cursor.setPosition(document.toPlainText().index("Id"))
    table = cursor.currentTable()
    assert table is not None and table.rows() < 300  # a piece of a long table
    # Id, Value, Country (one word each, their headers in row 0): on one line; the
    # notes wrap.
    for column in (0, 1, 3):
        assert set(line_counts(table, column)) == {1}, column
    assert max(line_counts(table, 2)) > 1
    project.close()


def test_the_columns_fit_the_rows_far_down_a_long_table_too(qtbot: QtBot, tmp_path: Path) -> None:
    """The columns are sized from rows of the whole table, not only its first ones: "key
    1999" is wider than any of the first two hundred keys, and was broken over two lines."""
    lines = ["# Keys", "", "| Key | Note |", "|---|---|"]
    lines += [f"| key {i} | a note on row {i} of the list, to wrap |" for i in range(2_000)]
    project = Project.create(tmp_path / "p.diptych")
    parsed = parse_article("\n".join([*lines, "", "Closing words."]).encode(), name="k.md")
    article = project.articles.add(parsed=parsed)
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(480, 900)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=60_000):
        pane.show_article(article.id)
    document = pane.view.document()
    qtbot.waitUntil(lambda: "Closing words." in document.lastBlock().text(), timeout=60_000)
    cursor = QTextCursor(document)
    cursor.setPosition(document.toPlainText().index("key 1999"))
    table = cursor.currentTable()
    assert table is not None and table.rows() < 2_000  # a piece, at the end of the table
    document.documentLayout().blockBoundingRect(document.lastBlock())  # laid out
    assert set(line_counts(table, 0)) == {1}
    project.close()
