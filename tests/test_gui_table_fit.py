"""A short table's columns are fitted to its pane: no word is broken inside, whatever the
pane's width or zoom. Qt's own widths broke "Region" and "2019" over two lines in a pane
that had room for them, and stacked a column's letters one a line in a narrow one; a table
whose words do not fit now makes the pane scroll sideways instead. A long word (a German
compound) is whole too; a web address breaks after its slashes, as Qt breaks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument, QTextLength, QTextTable
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.render import render_article
from diptych.gui.render_tables import LONGEST_WORD
from diptych.gui.session import ProjectSession
from diptych.gui.table_fit import column_widths, fit_short_tables
from diptych.gui.theme import render_style
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TABLES = """# Tables

| Aspect | Before Visit | Post-Visit Outlook |
|---|---|---|
| Trade Relations | Ambiguous with restrictions | Commitment to expansion |
| Diplomatic Communication | Limited and cautious | Open and strategic |

| Region | 2019 | 2020 | 2021 | 2022 | Change |
|---|---|---|---|---|---|
| North | 4.1 | 6.3 | 5.2 | 4.8 | +0.7 |
| South-East Coastal | 3.9 | 7.1 | 6.0 | 5.1 | +1.2 |

| Term | Definition |
|---|---|
| Symbolic restart | A diplomatic reset in which both sides signal willingness to resume \
dialogue without settling the disputes that led to the pause, often marked by a summit. |
| Hedging | Keeping options open between two powers. |
| Source | https://example.org/reports/2024/regional-security-outlook-annex |
| Arbeitslosenversicherungsbeitragssatz | The unemployment insurance contribution rate. |
"""


def tables_of(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def broken_words(document: QTextDocument, table: QTextTable) -> list[str]:
    """The words of ``table`` that a line of their cell ends inside (a word longer than
    LONGEST_WORD characters may break)."""
    broken = []
    for row in range(table.rows()):
        for column in range(table.columns()):
            block = document.findBlock(table.cellAt(row, column).firstPosition())
            text, layout = block.text(), block.layout()
            for index in range(layout.lineCount() - 1):
                line = layout.lineAt(index)
                end = line.textStart() + line.textLength()
                if text[end - 1].isspace() or text[end].isspace():
                    continue
                start = text.rfind(" ", 0, end) + 1
                stop = text.find(" ", end)
                word = text[start : stop if stop >= 0 else len(text)]
                if len(word) <= LONGEST_WORD and "-" not in word:
                    broken.append(word)
    return broken


def rendered() -> QTextDocument:
    content = parse_article(TABLES.encode(), name="tables.md").content
    document, _ = render_article(content, render_style())
    return document


def test_widths_share_the_room_as_a_browser_would() -> None:
    least, most = [30.0, 50.0, 20.0], [60.0, 250.0, 20.0]
    roomy = column_widths(least, most, 600)
    assert sum(roomy) == pytest.approx(600, abs=3)
    assert all(w >= m + 11 - 1 for w, m in zip(roomy, most, strict=True))
    tight = column_widths(least, most, 50)  # narrower than the words: no word is squeezed
    assert tight == [41, 61, 31]
    between = column_widths(least, most, 250)
    assert sum(between) == pytest.approx(250, abs=3)
    assert between[2] == 31  # nothing more to show on one line: no more room
    assert between[1] - 61 > between[0] - 41  # the longer text is given more of the rest


@pytest.mark.parametrize("width", [160, 240, 330, 420, 560, 760])
def test_no_word_of_a_short_table_is_broken_at_any_width(qapp: object, width: int) -> None:
    document = rendered()
    document.setTextWidth(width)
    fit_short_tables(document, width)
    document.documentLayout().documentSize()
    tables = tables_of(document)
    assert len(tables) == 3
    for table in tables:
        constraints = table.format().columnWidthConstraints()
        assert len({c.type() for c in constraints}) == 1
        assert constraints[0].type() in (
            QTextLength.Type.FixedLength,
            QTextLength.Type.PercentageLength,
        )
        assert broken_words(document, table) == []


def test_dragging_a_panes_edge_keeps_every_word_whole_and_seldom_lays_tables_out_again(
    qapp: object,
) -> None:
    document = rendered()
    tables = tables_of(document)
    widths = [*range(900, 150, -9), *range(150, 900, 9)]
    changed = 0
    for width in widths:
        before = [t.format().columnWidthConstraints() for t in tables]
        document.setTextWidth(width)
        fit_short_tables(document, width)
        document.documentLayout().documentSize()
        after = [t.format().columnWidthConstraints() for t in tables]
        changed += sum(
            [(c.type(), c.rawValue()) for c in b] != [(c.type(), c.rawValue()) for c in a]
            for b, a in zip(before, after, strict=True)
        )
        for table in tables:
            assert broken_words(document, table) == [], width
            shared = table.format().columnWidthConstraints()[0].type()
            if shared == QTextLength.Type.PercentageLength:  # the words fit: no wider
                fitted = document.documentLayout().frameBoundingRect(table).width()
                assert fitted <= width - 2 * document.documentMargin() + 1, width
    assert changed < len(widths) * len(tables) / 5  # given again at a few steps only


def test_qt_alone_broke_words_that_had_room(qapp: object) -> None:
    """What the fitting is for: at this width, Qt's own widths break a word of the first
    table, and the fitted ones do not while the table still fits the text's width."""
    width = 400
    document = rendered()
    document.setTextWidth(width)
    document.documentLayout().documentSize()
    assert broken_words(document, tables_of(document)[0])
    fit_short_tables(document, width)
    document.documentLayout().documentSize()
    first = tables_of(document)[0]
    assert broken_words(document, first) == []
    # no wider than Qt makes a table spanning the text's width
    assert document.documentLayout().frameBoundingRect(first).width() <= (
        width - 2 * document.documentMargin()
    )


def pane_on_tables(qtbot: QtBot, tmp_path: Path, width: int) -> tuple[ArticlePane, Project]:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(TABLES.encode(), name="t.md"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(width, 700)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    qtbot.wait(50)
    return pane, project


def table_at(pane: ArticlePane, word: str) -> QTextTable:
    document = pane.view.document()
    cursor = QTextCursor(document)
    cursor.setPosition(document.toPlainText().index(word))
    table = cursor.currentTable()
    assert table is not None
    return table


def test_a_narrow_pane_scrolls_sideways_to_its_table_and_a_wide_one_does_not(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pane, project = pane_on_tables(qtbot, tmp_path, 230)
    view = pane.view
    document = view.document()
    region = table_at(pane, "Region")
    assert broken_words(document, region) == []
    scroll = view.horizontalScrollBar()
    assert scroll.maximum() > 0  # the figures' columns are wider than the pane together
    pane.resize(900, 700)
    qtbot.waitUntil(lambda: scroll.maximum() == 0)
    for word in ("Aspect", "Region", "Term"):
        table = table_at(pane, word)
        assert broken_words(document, table) == []
        assert document.documentLayout().frameBoundingRect(table).right() <= (
            view.viewport().width()
        )
    project.close()


def test_zooming_keeps_the_words_of_a_table_whole(qtbot: QtBot, tmp_path: Path) -> None:
    pane, project = pane_on_tables(qtbot, tmp_path, 420)
    document = pane.view.document()
    before = [c.rawValue() for c in table_at(pane, "Region").format().columnWidthConstraints()]
    pane.set_zoom(200)
    qtbot.waitUntil(lambda: pane.view.document().defaultFont().pointSizeF() > 0)
    qtbot.wait(50)
    region = table_at(pane, "Region")
    after = [c.rawValue() for c in region.format().columnWidthConstraints()]
    assert after != before  # given again for the bigger letters
    assert broken_words(document, region) == []
    project.close()
