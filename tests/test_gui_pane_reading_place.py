"""A long article keeps the reader's place when it is shown again or zoomed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.article_loader import SYNC_BLOCKS
from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def long_article(paragraphs: int) -> bytes:
    lines = [
        f"Paragraph {n}: the ministry said trade talks would resume. " * 3
        for n in range(paragraphs)
    ]
    return "\n".join(lines).encode()


@pytest.fixture
def pane(qtbot: QtBot, tmp_path: Path) -> Iterator[ArticlePane]:
    """A pane showing, fully built, an article long enough to be shown first screen first."""
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(long_article(700), name="long.txt"))
    session = ProjectSession(project, MessageBridge())
    shown = ArticlePane(session)
    qtbot.addWidget(shown)
    shown.resize(600, 500)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_article(article.id)
    assert shown.is_loading  # takes the long path: a first screen, then the rest
    qtbot.waitUntil(lambda: not shown.is_loading, timeout=20_000)
    assert shown.view.document().blockCount() > SYNC_BLOCKS
    yield shown
    session.close()


def top_paragraph(pane: ArticlePane) -> int:
    """The number of the paragraph whose line is at the top of the view."""
    offset = pane.view.offset_at(QPoint(4, 4))
    text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
    found = re.search(r"Paragraph (\d+):", text[text.rfind("Paragraph ", 0, offset + 1) :])
    assert found is not None
    return int(found.group(1))


def scroll_halfway(qtbot: QtBot, pane: ArticlePane) -> int:
    """Scroll to the middle of the article, as the reader would, and say which paragraph
    is at the top."""
    bar = pane.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(10)
    paragraph = top_paragraph(pane)
    assert paragraph > 200
    return paragraph


def test_switching_between_light_and_dark_keeps_the_reading_place(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    paragraph = scroll_halfway(qtbot, pane)
    pane.apply_appearance()
    assert pane.is_loading  # shown again: its first screen, then the rest
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    assert top_paragraph(pane) == paragraph


def test_new_text_of_the_article_is_shown_at_the_same_reading_place(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    paragraph = scroll_halfway(qtbot, pane)
    assert pane.article_id is not None
    pane.session.articleTextChanged.emit(pane.article_id)  # e.g. undoing an update from a file
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    assert top_paragraph(pane) == paragraph


def test_zooming_in_and_out_keeps_the_line_at_the_top(qtbot: QtBot, pane: ArticlePane) -> None:
    paragraph = scroll_halfway(qtbot, pane)
    buttons = {b.text(): b for b in pane.header.findChildren(QToolButton)}
    for _ in range(4):
        qtbot.mouseClick(buttons["+"], Qt.MouseButton.LeftButton)
    assert pane.zoom == 175  # 110%, 125%, 150%, 175%
    assert top_paragraph(pane) == paragraph
    for _ in range(6):
        qtbot.mouseClick(buttons["−"], Qt.MouseButton.LeftButton)
    assert pane.zoom == 80  # back down to 100%, then 90% and 80%
    assert top_paragraph(pane) == paragraph


def test_resizing_the_pane_keeps_the_line_at_the_top(qtbot: QtBot, pane: ArticlePane) -> None:
    """Dragging a divider resizes the pane a pixel at a time: the text wraps again at each
    width, and the paragraph at the top stays there, narrower and wider again."""
    paragraph = scroll_halfway(qtbot, pane)
    place = pane.reading_place()
    for width in [*range(598, 380, -3), *range(380, 900, 7)]:
        pane.resize(width, 500)
        assert top_paragraph(pane) == paragraph, width
    qtbot.wait(50)  # the rest of the text laid out at the new width
    assert top_paragraph(pane) == paragraph
    assert pane.reading_place() <= place < pane.view.offset_at(QPoint(4, 30))
