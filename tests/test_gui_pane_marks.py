"""Recolouring a tag repaints each block that holds its passages, once, in the new colour."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import blended, close_to, painted_colors
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.commands import perform
from diptych.gui.highlighter import PassageHighlighter
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import UpdateTag
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

OLD, NEW = "#7CC6F2", "#F7A85C"


@pytest.fixture
def session(qapp: object, tmp_path: Path) -> Iterator[ProjectSession]:
    """A short article whose paragraphs 3 and 6-8 hold overlapping passages of "Trade"
    (and, in paragraph 3, one of "Security")."""
    project = Project.create(tmp_path / "p.diptych")
    lines = [f"Paragraph {n}: the ministry said trade talks would resume soon." for n in range(12)]
    article = project.articles.add(parsed=parse_article("\n".join(lines).encode(), name="a.txt"))
    text = project.articles.get(article_id=article.id).text
    trade = project.tags.add(name="Trade", color=OLD)
    security = project.tags.add(name="Security", color="#9BD67A")
    third, sixth, eighth = (text.index(f"Paragraph {n}:") for n in (3, 6, 8))
    for start, end, tag in (
        (third, third + 40, trade),
        (third + 10, third + 50, trade),
        (third + 15, third + 25, trade),
        (third + 30, third + 45, security),
        (sixth + 5, eighth + 20, trade),
        (sixth + 30, sixth + 45, trade),
    ):
        project.annotations.add(article_id=article.id, start=start, end=end, tag_ids=[tag.id])
    opened = ProjectSession(project, MessageBridge())
    yield opened
    opened.close()


def test_recolouring_a_tag_repaints_its_blocks_once_each_in_the_new_colour(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = session.project.articles.all()[0]
    text = session.project.articles.get(article_id=article.id).text
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_article(article.id)
    assert not pane.is_loading
    base = pane.view.viewport().palette().color(pane.view.viewport().backgroundRole())
    only_trade = text.index("Paragraph 3:") + 1, text.index("Paragraph 3:") + 9
    spanning = text.index("Paragraph 7:"), text.index("Paragraph 7:") + 10

    def most_painted(start: int, end: int) -> QColor:
        colors = painted_colors(pane, start, end)
        assert colors
        return QColor(Counter(c.name() for c in colors).most_common(1)[0][0])

    assert close_to(most_painted(*only_trade), blended(OLD, 170, base))
    repainted: list[int] = []
    original = PassageHighlighter.repaint_blocks

    def counting(highlighter: PassageHighlighter, blocks: range) -> None:
        repainted.extend(blocks)
        original(highlighter, blocks)

    monkeypatch.setattr(PassageHighlighter, "repaint_blocks", counting)
    trade = next(t for t in session.codebook().ordered() if t.name == "Trade")
    assert perform(session, UpdateTag(session, trade.id, color=NEW))
    qtbot.wait(20)
    assert close_to(most_painted(*only_trade), blended(NEW, 170, base))
    assert close_to(most_painted(*spanning), blended(NEW, 170, base))
    blocks = Counter(repainted)
    assert sorted(blocks) == [3, 6, 7, 8]  # the blocks holding Trade's passages, no other
    assert set(blocks.values()) == {1}  # each painted once, however many passages it holds

    repainted.clear()
    session.undo_stack.undo()
    qtbot.wait(20)
    assert close_to(most_painted(*spanning), blended(OLD, 170, base))
    assert sorted(Counter(repainted)) == [3, 6, 7, 8]
    assert set(Counter(repainted).values()) == {1}
