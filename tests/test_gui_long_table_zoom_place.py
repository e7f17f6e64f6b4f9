"""Zooming or resizing a pane in the middle of a long table keeps the row at the top where
it was, the rest of the table is laid out in the end (the scroll bar reaches its end) and
the passages keep their colours."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractSlider
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ROWS = 2_000


def table_article(rows: int) -> bytes:
    lines = ["# Prices", "", "Prices by key, as listed.", ""]
    lines += ["| Key | Value | Note |", "|---|---|---|"]
    lines += [f"| key {i} | {i * 7} | note on row {i} of the list |" for i in range(rows)]
    return "\n".join([*lines, "", "Closing words."]).encode()


@pytest.fixture
def pane(qtbot: QtBot, tmp_path: Path) -> Iterator[ArticlePane]:
    """A pane showing, fully built, a report holding a table of :data:`ROWS` rows, with
    a passage on row 1,200."""
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(table_article(ROWS), name="p.md"))
    text = project.articles.get(article_id=article.id).text
    tag = project.tags.add(name="Prices", color="#7CC6F2")
    start = text.index("note on row 1200 ")
    project.annotations.add(article_id=article.id, start=start, end=start + 16, tag_ids=[tag.id])
    session = ProjectSession(project, MessageBridge())
    shown = ArticlePane(session)
    qtbot.addWidget(shown)
    shown.resize(820, 700)
    shown.show()
    with qtbot.waitSignal(shown.loaded, timeout=60_000):
        shown.show_article(article.id)
    yield shown
    session.close()


def row_at_top(pane: ArticlePane) -> int:
    """The row whose line is at the top of the view, where the layout puts it."""
    view = pane.view
    document = view.document()
    for row in range(ROWS):
        cursor = QTextCursor(document)
        cursor.setPosition(view.positions.to_rendered(row_offset(pane, row)))
        rect = view.cursorRect(cursor)
        if rect.bottom() > 0:
            return row
    raise AssertionError("no row on the screen")


def row_offset(pane: ArticlePane, row: int) -> int:
    text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
    found = re.search(rf"key {row}\b", text)
    assert found is not None
    return found.start()


def scroll_to_row(qtbot: QtBot, pane: ArticlePane, row: int) -> None:
    pane.scroll_to_offset(row_offset(pane, row))
    qtbot.wait(20)
    assert row_at_top(pane) == row


def fully_laid_out(pane: ArticlePane) -> bool:
    """Whether the scroll bar's range is that of the whole document, laid out."""
    view = pane.view
    bar = view.verticalScrollBar()
    layout = view.document().documentLayout()
    return not view.layout_pacer.is_pacing() and bar.maximum() == round(
        layout.documentSize().height() - view.viewport().height()
    )


@pytest.mark.parametrize("step", [1, -1])
def test_zooming_keeps_the_row_at_the_top(qtbot: QtBot, pane: ArticlePane, step: int) -> None:
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(step)
    qtbot.waitUntil(lambda: pane.view.pending_place() is None, timeout=30_000)
    assert row_at_top(pane) == 1_000
    qtbot.waitUntil(lambda: not pane.view.layout_pacer.is_pacing(), timeout=30_000)
    assert row_at_top(pane) == 1_000


def test_a_narrower_and_a_wider_pane_keep_the_row_at_the_top(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    scroll_to_row(qtbot, pane, 1_000)
    pane.resize(640, 700)
    qtbot.waitUntil(lambda: pane.view.pending_place() is None, timeout=30_000)
    assert row_at_top(pane) == 1_000
    pane.resize(820, 700)
    qtbot.waitUntil(lambda: pane.view.pending_place() is None, timeout=30_000)
    assert row_at_top(pane) == 1_000


def test_the_place_holds_through_steps_taken_before_it_is_back(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    """Zoomed, made narrower and zoomed again at once, as keys held down or a divider
    dragged do, the row at the top is still the one the reader was at."""
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(1)
    pane.resize(700, 700)
    assert pane.reading_place() == row_offset(pane, 1_000)  # not the top of the article
    pane.set_zoom_step(1)
    qtbot.waitUntil(lambda: pane.view.pending_place() is None, timeout=30_000)
    assert row_at_top(pane) == 1_000


def test_the_rest_is_laid_out_in_the_end(qtbot: QtBot, pane: ArticlePane) -> None:
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(1)
    assert pane.view.layout_pacer.is_pacing()  # laid out only down to the row at first
    qtbot.waitUntil(lambda: fully_laid_out(pane), timeout=30_000)
    pane.resize(700, 700)
    qtbot.waitUntil(lambda: fully_laid_out(pane), timeout=30_000)
    bar = pane.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert "Closing words." in pane.view.document().lastBlock().text()


def test_a_zoomed_passage_keeps_its_colour(qtbot: QtBot, pane: ArticlePane) -> None:
    document = pane.view.document()
    block = document.findBlock(pane.view.positions.to_rendered(row_offset(pane, 1_200)))
    cell = block.next().next()  # the row's note
    assert cell.layout().formats()
    pane.set_zoom_step(1)
    qtbot.waitUntil(lambda: not pane.view.layout_pacer.is_pacing(), timeout=30_000)
    assert "note on row 1200" in cell.text()
    assert [f.format.background().color().name() for f in cell.layout().formats()]


def test_the_view_shows_again_whatever_comes_before_the_place_is_back(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    """The view keeps its last picture only while the text is laid out down to the place
    pending: a new layout without a place, or another document, shows it again."""
    view = pane.view
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(1)
    assert view.pending_place() is not None
    assert not view.viewport().updatesEnabled()
    view.relaid_out(None, lambda: None)
    assert view.pending_place() is None
    assert view.viewport().updatesEnabled()
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(1)
    assert view.pending_place() is not None
    pane.show_article(pane.article_id or 0)
    assert view.pending_place() is None
    assert view.viewport().updatesEnabled()


def test_a_click_before_the_place_is_back_acts_on_the_text_shown(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    """While the text is laid out down to the row kept, the view shows its last picture
    but is scrolled to the top: a click puts the row back first, so that the caret lands
    on the row clicked, not at the top of the article."""
    view = pane.view
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(1)
    assert view.pending_place() is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(60, 12))
    assert view.pending_place() is None
    assert view.viewport().updatesEnabled()
    assert row_at_top(pane) == 1_000
    caret = view.positions.to_display(view.textCursor().position())
    assert row_offset(pane, 1_000) <= caret < row_offset(pane, 1_003)
    qtbot.waitUntil(lambda: fully_laid_out(pane), timeout=30_000)
    assert row_at_top(pane) == 1_000


def test_a_key_puts_the_place_back_but_not_ctrl_held_for_zooming(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    view = pane.view
    scroll_to_row(qtbot, pane, 1_000)
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_rendered(row_offset(pane, 1_001)))
    view.setTextCursor(cursor)  # the caret on the second row in view
    pane.set_zoom_step(1)
    qtbot.keyPress(view, Qt.Key.Key_Control)  # Ctrl, for the wheel: still being laid out
    assert view.pending_place() is not None
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.pending_place() is None
    assert row_at_top(pane) == 1_000


def test_using_the_scroll_bar_puts_the_place_back_first(qtbot: QtBot, pane: ArticlePane) -> None:
    view = pane.view
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(1)
    bar = view.verticalScrollBar()
    bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    assert view.pending_place() is None
    assert row_at_top(pane) in (1_000, 1_001)  # one step down from the row kept


def test_a_jump_before_the_place_is_back_is_not_undone(qtbot: QtBot, pane: ArticlePane) -> None:
    """F8, a search result or the find bar scroll the view elsewhere while the row kept
    waits for the text to be laid out: the row is then not put back over the jump."""
    view = pane.view
    scroll_to_row(qtbot, pane, 1_000)
    pane.set_zoom_step(1)
    assert view.pending_place() is not None
    pane.scroll_to_offset(row_offset(pane, 200))
    assert view.pending_place() is None and view.viewport().updatesEnabled()
    qtbot.waitUntil(lambda: fully_laid_out(pane), timeout=30_000)
    assert row_at_top(pane) == 200
