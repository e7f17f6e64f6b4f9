"""A selected passage spanning list items keeps their bullets: its outline, drawn over the
text, hid the bullet of each item it covered from the start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ARTICLE = b"""# Talks

Three points were agreed:

- tariffs on steel are lowered next year
- a working group meets every quarter
- the ministers meet again in spring
"""


def ink_left_of(pane: ArticlePane, offset: int) -> int:
    """Dark pixels in the strip left of the line holding ``offset`` (where a bullet is)."""
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    line = pane.view.cursorRect(cursor)
    image = pane.view.viewport().grab().toImage()
    base = pane.view.palette().base().color().lightness()
    strip = QRect(0, line.top(), max(line.left() - 2, 1), line.height())
    return sum(
        1
        for x in range(strip.left(), strip.right() + 1)
        for y in range(strip.top(), strip.bottom() + 1)
        if abs(QColor(image.pixel(x, y)).lightness() - base) > 60
    )


def test_an_outlined_passage_over_two_list_items_keeps_their_bullets(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(ARTICLE, name="talks.md"))
    text = project.articles.get(article_id=article.id).text
    start, second = text.index("steel"), text.index("a working group")
    tag = project.tags.add(name="Trade", color="#7CC6F2")
    passage = project.annotations.add(
        article_id=article.id, start=start, end=second + 9, tag_ids=[tag.id]
    )
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_article(article.id)
    qtbot.waitUntil(lambda: not pane.is_loading)
    bullet = ink_left_of(pane, second)
    assert bullet > 0  # a bullet there, unless outlined

    pane.select_passage(passage.id)
    assert pane.selected_passage == passage.id
    assert ink_left_of(pane, second) == bullet
    session.close()
