"""Zooming a pane whose article holds a table lays the whole article out again, not only
down to the table: the paragraphs after it can be read, scrolled to and found, and the
scroll bar reaches the end of the article, at every step (in, out, back to normal, the
wheel), with the table first, in the middle, or long (in pieces). So does a narrower pane,
its table given new widths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

PARAGRAPHS = 60
WORDS = (
    "Policy summit negotiation alliance border energy treaty agreement cooperation market "
    "economic analysis trade council strategy sanctions security dialogue minister regional "
)
SHORT_TABLE = [
    "| Country | Measure | Year |",
    "|---|---|---|",
    "| Alpha | Export ban | 2019 |",
    "| Beta | Asset freeze | 2020 |",
]


def long_table(rows: int) -> list[str]:
    lines = ["| Key | Value | Note |", "|---|---|---|"]
    return lines + [f"| key {i} | {i * 7} | note on row {i} of the list |" for i in range(rows)]


def article(table: list[str], before: int) -> bytes:
    """An article of :data:`PARAGRAPHS` paragraphs with ``table`` after the first ``before``."""
    lines = ["# Sanctions and Their Discontents", ""]
    for number in range(1, PARAGRAPHS + 1):
        if number == before + 1:
            lines += [*table, ""]
        lines += [f"Paragraph {number}. {WORDS * 3}", ""]
    return "\n".join(lines).encode()


ARTICLES = {
    "table first": article(SHORT_TABLE, 0),
    "table in the middle": article(SHORT_TABLE, 30),
    "long table first": article(long_table(300), 0),
}


@pytest.fixture(params=sorted(ARTICLES))
def pane(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path) -> Iterator[ArticlePane]:
    """A narrow pane (its table's columns fitted) showing, fully built and laid out, an
    article with a table followed by many paragraphs."""
    shown = open_pane(qtbot, tmp_path, ARTICLES[request.param], 400)
    yield shown
    shown.session.close()


def open_pane(qtbot: QtBot, tmp_path: Path, data: bytes, width: int) -> ArticlePane:
    """A pane ``width`` pixels wide showing the article of ``data``, built and laid out."""
    project = Project.create(tmp_path / "p.diptych")
    article_id = project.articles.add(parsed=parse_article(data, name="a.md")).id
    shown = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(shown)
    shown.resize(width, 490)
    shown.show()
    qtbot.waitExposed(shown)
    with qtbot.waitSignal(shown.loaded, timeout=30_000):
        shown.show_article(article_id)
    qtbot.waitUntil(lambda: laid_out(shown), timeout=30_000)
    return shown


def laid_out(pane: ArticlePane) -> bool:
    """Whether the view is done laying out: no place pending, the scroll bar's range that
    of the document's laid-out height."""
    view = pane.view
    bar = view.verticalScrollBar()
    height = view.document().documentLayout().documentSize().height()
    return (
        view.pending_place() is None
        and not view.layout_pacer.is_pacing()
        and bar.maximum() == round(height - view.viewport().height())
    )


def fresh_height(document: QTextDocument) -> float:
    """The height of ``document`` laid out anew, whole, at its width and font."""
    copy = document.clone()
    copy.setDefaultFont(document.defaultFont())
    copy.setTextWidth(document.textWidth())
    return copy.documentLayout().documentSize().height()


def assert_whole(pane: ArticlePane) -> None:
    """The article is laid out to its end: as tall as a fresh layout of it, its last
    paragraph holding lines at the bottom, the scroll bar reaching there."""
    document = pane.view.document()
    layout = document.documentLayout()
    height = layout.documentSize().height()
    assert height == pytest.approx(fresh_height(document), abs=2)
    last = document.lastBlock()
    assert last.text().startswith(f"Paragraph {PARAGRAPHS}.")
    assert last.layout().lineCount() > 0
    assert layout.blockBoundingRect(last).bottom() == pytest.approx(height, abs=30)
    bar = pane.view.verticalScrollBar()
    assert bar.maximum() == round(height - pane.view.viewport().height())


def paragraph_at_top(pane: ArticlePane) -> str:
    view = pane.view
    cursor = view.cursorForPosition(QPoint(10, 4))
    return cursor.block().text().split(".")[0]


def scroll_to_paragraph(qtbot: QtBot, pane: ArticlePane, number: int) -> None:
    text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
    pane.scroll_to_offset(text.index(f"Paragraph {number}."))
    qtbot.wait(20)
    assert paragraph_at_top(pane) == f"Paragraph {number}"


def test_each_zoom_step_lays_out_the_whole_article(qtbot: QtBot, pane: ArticlePane) -> None:
    scroll_to_paragraph(qtbot, pane, 5)
    for step in (1, 1, -1, -1, -1, 0):
        pane.set_zoom_step(step)
        qtbot.waitUntil(lambda: laid_out(pane), timeout=30_000)
        assert_whole(pane)
        assert paragraph_at_top(pane) == "Paragraph 5"  # the reading place is kept


def test_a_wheel_notch_lays_out_the_whole_article(qtbot: QtBot, pane: ArticlePane) -> None:
    view = pane.view
    scroll_to_paragraph(qtbot, pane, 5)
    centre = QPointF(view.viewport().rect().center())
    notch = QWheelEvent(
        centre,
        view.viewport().mapToGlobal(centre),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), notch)
    assert pane.zoom > 100
    qtbot.waitUntil(lambda: laid_out(pane), timeout=30_000)
    assert_whole(pane)


def test_the_end_of_the_article_can_be_scrolled_to_after_a_zoom(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    scroll_to_paragraph(qtbot, pane, 5)
    pane.set_zoom_step(1)
    qtbot.waitUntil(lambda: laid_out(pane), timeout=30_000)
    view = pane.view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    bottom = view.cursorForPosition(QPoint(10, view.viewport().height() - 40))
    assert bottom.block().text().startswith(f"Paragraph {PARAGRAPHS}.")


@pytest.mark.parametrize("name", ["table first", "table in the middle"])
def test_a_narrow_pane_lays_out_the_whole_article(qtbot: QtBot, tmp_path: Path, name: str) -> None:
    """Opened in a narrow pane, or made narrower, its table given new widths (fixed ones,
    the pane scrolling sideways to it) while the text is being laid out, the whole article
    is laid out."""
    pane = open_pane(qtbot, tmp_path, ARTICLES[name], 300)
    assert_whole(pane)
    for width in (210, 300, 250):
        pane.resize(width, 490)
        qtbot.waitUntil(lambda: laid_out(pane), timeout=30_000)
        assert_whole(pane)
    pane.session.close()
