"""Pages saved from Google Docs or a browser, imported with File > Import, show in the
pane as they show in a browser: bold words bold, cells below a cell spanning rows in their
own columns, and a word holding soft hyphens whole, where the Search panel finds it. A
Markdown table's cells beyond its header row show too, lists saved from Word as lists,
and the pages of text from a PDF as paragraphs, without their page breaks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextCursor, QTextListFormat, QTextTable
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_import_saved_pages import (
    GOOGLE_DOCS_PAGE,
    NEWS_PAGE,
    NEWS_SHOWS,
    WORD_LISTS_PAGE,
    WORD_PAGE,
    WORD_SHOWS,
    WORD_TITLED_PAGE,
)
from visible_words import assert_words_in_order

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def import_page(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> ArticlePane:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_args: ([str(path)], ""))
    )
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.actions_.import_articles.trigger()
    [article_id] = imported.args[0]
    qtbot.waitUntil(lambda: window.area.current is window.area.pane_for(article_id))
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.view.toPlainText() != "")
    return pane


def rows_shown(pane: ArticlePane) -> list[list[str]]:
    """The text of each cell of the one table the pane shows, row by row."""
    document = pane.view.document()
    [table] = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]

    def cell(row: int, column: int) -> str:
        found = table.cellAt(row, column)
        cursor = QTextCursor(found.firstCursorPosition())
        cursor.setPosition(found.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    return [[cell(r, c) for c in range(table.columns())] for r in range(table.rows())]


def weight_of(pane: ArticlePane, words: str) -> int:
    text = pane.view.toPlainText()
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(text.index(words) + 1)  # the format of the character before
    return cursor.charFormat().fontWeight()


def test_bold_words_of_a_google_docs_page_show_bold(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Field notes.html"
    path.write_text(GOOGLE_DOCS_PAGE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert weight_of(pane, "Bold words") >= QFont.Weight.Bold
    assert weight_of(pane, "heavy words") >= QFont.Weight.Bold
    assert weight_of(pane, "then plain") < QFont.Weight.Bold
    shown = pane.view.toPlainText()
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(shown.index("the report") + len("the r"))
    assert cursor.charFormat().anchorHref() == "https://example.org/report"


def test_the_levels_of_a_google_docs_list_show(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Plan.html"
    path.write_text(
        '<ul class="c3 lst-kix_list_1-0 start"><li class="c1">Goals</li></ul>'
        '<ul class="c3 lst-kix_list_1-1 start"><li class="c1">Sub goal</li></ul>'
        '<ul class="c3 lst-kix_list_1-0"><li class="c1">Means</li></ul>',
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    document, shown = pane.view.document(), pane.view.toPlainText()

    def indent(words: str) -> int:
        found = document.findBlock(shown.index(words)).textList()
        assert found is not None
        return found.format().indent()

    assert indent("Goals") == indent("Means") < indent("Sub goal")


def test_cells_below_a_cell_spanning_rows_show_in_their_columns(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sales.html"
    path.write_text(
        "<table><tr><th>Region</th><th>Year</th><th>Sales</th></tr>"
        "<tr><td rowspan=2>North</td><td>2023</td><td>10</td></tr>"
        "<tr><td>2024</td><td>12</td></tr></table>",
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    assert rows_shown(pane) == [
        ["Region", "Year", "Sales"],
        ["North", "2023", "10"],
        ["North", "2024", "12"],  # one cell down the two rows, as the page shows it
    ]


def test_a_word_holding_soft_hyphens_shows_whole_and_is_found(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Kanzleramt.html"
    path.write_text(
        "<h1>Im Amt</h1><p>Im Bundes&shy;kanzler&shy;amt tagte man.</p>", encoding="utf-8"
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    assert "Im Bundeskanzleramt tagte man." in pane.view.toPlainText()

    window.actions_.search.trigger()
    assert search_for(qtbot, window.search, "Bundeskanzleramt") == ["Article · Im Amt — 1 match"]


def test_cells_of_a_markdown_table_beyond_its_header_row_show(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tools.md"
    path.write_text("| Tool | Use |\n|---|---|\n| awk | `x|y` |\n| sed | edit |\n", "utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert rows_shown(pane) == [["Tool", "Use", ""], ["awk", "`x", "y`"], ["sed", "edit", ""]]


def test_a_memo_saved_from_word_is_titled_by_its_title_paragraph(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "memo.htm"
    path.write_text(WORD_TITLED_PAGE, encoding="cp1252")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert pane.header.title.full_text() == "Briefing memo: the port dispute"
    first = pane.view.document().firstBlock()
    assert first.text() == "Briefing memo: the port dispute"
    assert first.blockFormat().headingLevel() == 1


def test_a_list_saved_from_word_shows_as_a_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Findings.htm"
    path.write_text(WORD_LISTS_PAGE, encoding="cp1252")
    pane = import_page(qtbot, window, path, monkeypatch)
    document = pane.view.document()
    shown = pane.view.toPlainText()
    assert "·" not in shown

    def list_style(words: str) -> QTextListFormat.Style | None:
        found = document.findBlock(shown.index(words)).textList()
        return None if found is None else found.format().style()

    assert list_style("Prices rose") == list_style("Wages fell") == QTextListFormat.Style.ListDisc
    assert list_style("Count") == list_style("Weigh") == QTextListFormat.Style.ListDecimal
    assert list_style("Then the steps") is None


def test_the_pages_of_a_text_show_as_paragraphs_without_page_breaks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("End of page one.\n\fStart of page two.\fPage three.", encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    document = pane.view.document()
    lines = [document.findBlockByNumber(n).text() for n in range(document.blockCount())]
    assert [line for line in lines if line] == [
        "End of page one.",
        "Start of page two.",
        "Page three.",
    ]


@pytest.mark.parametrize(
    ("name", "page", "shows"),
    [("Report.htm", WORD_PAGE, WORD_SHOWS), ("Talks resume.html", NEWS_PAGE, NEWS_SHOWS)],
)
def test_every_word_of_a_saved_page_shows_in_the_pane(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    page: str,
    shows: str,
) -> None:
    path = tmp_path / name
    path.write_text(page, encoding="cp1252", errors="xmlcharrefreplace")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert_words_in_order(shows, pane.view.toPlainText())
    assert "SECRET" not in pane.view.toPlainText()


def test_code_in_a_table_cell_shows_its_lines(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "calls.html"
    path.write_text(
        "<table><tr><th>Call</th><th>Example</th></tr><tr><td>map</td><td>Use:"
        "<pre>for x in xs:\n    f(x)</pre></td></tr></table>",
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    example = rows_shown(pane)[1][1]
    assert example.replace("\u2028", "\n").replace("\u2029", "\n").split("\n") == [
        "Use:",
        "for x in xs:",
        "    f(x)",
    ]
