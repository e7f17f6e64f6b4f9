"""A passage over many paragraphs is painted, and its undo unpainted, with one layout of
the article: every paragraph it covers in its tag's colour, none beyond it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from gui_support import blended, close_to, keyboard_in, open_window, painted_colors, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextBlock
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

PARAGRAPHS = 300
FIRST, LAST = 3, 249  # the paragraphs tagged


def paragraph(n: int) -> str:
    return f"Paragraph {n}: the ministry said trade talks would resume soon."


@pytest.fixture
def long_window(qtbot: QtBot, context: AppContext, sample: Path) -> tuple[MainWindow, int]:
    """The window on the sample project, with an article of 300 paragraphs added."""
    project = Project.open(sample)
    text = "\n\n".join(paragraph(n) for n in range(PARAGRAPHS))
    article = project.articles.add(parsed=parse_article(text.encode(), name="long.txt"))
    return open_window(qtbot, context, project), article.id


def blocks(pane: ArticlePane) -> list[QTextBlock]:
    found, block = [], pane.view.document().begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def painted(block: QTextBlock) -> set[int]:
    """The characters of ``block`` that carry a passage's format."""
    return {i for r in block.layout().formats() for i in range(r.start, r.start + r.length)}


def most_painted(colors: list[QColor]) -> QColor:
    """The colour behind most of the characters (a glyph's stroke reaches some)."""
    return QColor(Counter(c.name() for c in colors).most_common(1)[0][0])


def test_tagging_many_paragraphs_paints_each_with_one_layout_and_undo_clears_them(
    qtbot: QtBot, long_window: tuple[MainWindow, int]
) -> None:
    window, article_id = long_window
    pane = keyboard_in(qtbot, window, 0)
    pane.show_article(article_id)
    qtbot.waitUntil(lambda: not pane.is_loading)
    text = window.session.project.articles.get(article_id=article_id).text
    start, end = text.index(paragraph(FIRST)), text.index(paragraph(LAST)) + len(paragraph(LAST))
    select_text(pane, text[start:end])
    layouts: list[object] = []
    pane.view.document().documentLayout().update.connect(lambda *rect: layouts.append(rect))

    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    (passage,) = window.session.project.annotations.query(article_id=article_id)
    assert len(layouts) == 1  # not one per paragraph: ~2,000 of them took seconds
    shown = {b.text(): painted(b) for b in blocks(pane) if b.text()}
    for n in range(PARAGRAPHS):
        expected = set(range(len(paragraph(n)))) if FIRST <= n <= LAST else set()
        assert shown[paragraph(n)] == expected, n
    color = window.session.project.tags.get(tag_id=passage.tag_ids[0]).color
    viewport = pane.view.viewport()
    base = viewport.palette().color(viewport.backgroundRole())
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    inside, before = text.index(paragraph(FIRST + 1)), text.index(paragraph(FIRST - 2))
    tagged = painted_colors(pane, inside + 3, inside + 12)  # clear of the outline's edge
    untagged = painted_colors(pane, before + 3, before + 12)
    assert tagged and untagged  # on the screen
    assert close_to(most_painted(tagged), blended(color, 170, base))
    assert close_to(most_painted(untagged), base)

    layouts.clear()
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.annotations.query(article_id=article_id) == []
    assert len(layouts) == 1
    assert all(not b.layout().formats() for b in blocks(pane))
