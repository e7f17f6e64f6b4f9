"""Characters Qt reads as paragraph breaks (U+2029, as text copied from some programs
holds) stay inside their paragraph: a passage after one is highlighted like any other."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from gui_support import blended, close_to, painted_colors
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.render import render_article
from diptych.gui.session import ProjectSession
from diptych.gui.theme import render_style
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

COLOR = "#7CC6F2"


@pytest.mark.parametrize("mark", ["\u2029", "\ufdd0", "\ufdd1"])
def test_a_passage_after_a_paragraph_separator_is_highlighted(
    qtbot: QtBot, tmp_path: Path, mark: str
) -> None:
    body = f"The opening words{mark}and then the tagged words come after it.\n\nMore text."
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(body.encode(), name="a.txt"))
    text = project.articles.get(article_id=article.id).text
    tag = project.tags.add(name="Claim", color=COLOR)
    start = text.index("tagged words")
    project.annotations.add(article_id=article.id, start=start, end=start + 12, tag_ids=[tag.id])
    session = ProjectSession(project, MessageBridge())
    try:
        pane = ArticlePane(session)
        qtbot.addWidget(pane)
        pane.resize(900, 500)
        pane.show()
        qtbot.waitExposed(pane)
        pane.show_article(article.id)
        assert not pane.is_loading
        base = pane.view.viewport().palette().color(pane.view.viewport().backgroundRole())
        colors = painted_colors(pane, start, start + 12)
        assert colors
        most = QColor(Counter(c.name() for c in colors).most_common(1)[0][0])
        assert close_to(most, blended(COLOR, 170, base)), most.name()
    finally:
        session.close()


def test_each_paragraph_is_one_qt_block_whatever_its_characters(qapp: object) -> None:
    body = "one\u2029two\ufdd0three\ufdd1four\u2028five\n\nsix"
    content = parse_article(body.encode(), name="a.txt").content
    document, positions = render_article(content, render_style())
    assert document.blockCount() == len(content.blocks) == 2
    assert positions.to_rendered(content.text.index("six")) == content.text.index("six")
