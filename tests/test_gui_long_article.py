"""A long article opens in steps: first screen at once, the rest built detached, swapped in."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from gui_support import blended, close_to, painted_colors
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from diptych.gui.article_loader import SYNC_CHARS
from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def long_article(paragraphs: int) -> bytes:
    lines = []
    for number in range(paragraphs):
        if number % 40 == 0:
            lines.append(f"Section {number // 40} of the report")
        lines.append(f"Paragraph {number}: " + "the ministry said trade talks would resume. " * 6)
    return "\n".join(lines).encode()


def test_long_article_shows_at_once_then_swaps_with_every_highlight(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(long_article(1200), name="long.txt"))
    text = project.articles.get(article_id=article.id).text
    assert len(text) > SYNC_CHARS  # takes the long path
    tag = project.tags.add(name="Trade", color="#7CC6F2")
    near_end = text.index("Paragraph 1150:")
    passage = project.annotations.add(
        article_id=article.id, start=near_end, end=near_end + 14, tag_ids=[tag.id]
    )
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.resize(700, 800)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=20_000):
        pane.show_article(article.id)
        assert pane.is_loading  # the first screen is up while the rest is built
        assert pane.view.document().blockCount() < 200
    assert not pane.is_loading
    assert pane.view.document().toPlainText().count("Paragraph ") == 1200
    pane.go_to_offset(passage.start)
    qtbot.wait(50)
    base = pane.view.viewport().palette().color(pane.view.viewport().backgroundRole())
    colors = painted_colors(pane, passage.start, passage.end)
    assert colors
    most = QColor(Counter(c.name() for c in colors).most_common(1)[0][0])
    assert close_to(most, blended("#7CC6F2", 170, base))
    project.close()


def test_closing_a_pane_while_it_opens_a_long_article_is_harmless(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(long_article(2000), name="long.txt"))
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    pane.show()
    pane.show_article(article.id)
    assert pane.is_loading
    pane.deleteLater()  # queued slices must not run against a deleted pane
    qtbot.wait(300)  # pytest-qt fails the test on any exception raised in a slot meanwhile
    project.close()


def test_a_very_long_article_is_read_in_the_background(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.gui.article_loader as article_loader

    monkeypatch.setattr(article_loader, "BACKGROUND_CHARS", 10_000)  # as if it were 2 MB
    project = Project.create(tmp_path / "p.diptych")
    first = project.articles.add(parsed=parse_article(long_article(300), name="one.txt"))
    second = project.articles.add(parsed=parse_article(long_article(310), name="two.txt"))
    project.forget_cached()
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_article(first.id)
    assert pane.is_loading and pane.article_id == first.id
    assert not project.articles.is_cached(article_id=first.id)  # not read on this thread
    pane.show_article(second.id)  # asked for another before the first arrived
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    assert pane.article_id == second.id
    assert "Paragraph 309:" in pane.view.document().toPlainText()
    assert project.articles.is_cached(article_id=second.id)
    session.close()


def test_nothing_can_be_tagged_against_the_old_text_while_a_long_article_is_read(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.gui.article_loader as article_loader

    monkeypatch.setattr(article_loader, "BACKGROUND_CHARS", 10_000)
    project = Project.create(tmp_path / "p.diptych")
    short = project.articles.add(parsed=parse_article(b"A short one.\nTwo lines.\n", name="s.txt"))
    long = project.articles.add(parsed=parse_article(long_article(300), name="long.txt"))
    project.forget_cached()
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_article(short.id)
    pane.view.selectAll()
    assert pane.selection() is not None
    pane.show_article(long.id)  # read in the background
    assert pane.is_loading
    pane.view.selectAll()
    assert pane.selection() is None  # the old text is gone from the view meanwhile
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    documents = pane.loader.findChildren(QTextDocument)
    assert len(documents) <= 2  # no documents of abandoned loads kept alive
    session.close()


def test_a_jump_waiting_for_a_load_runs_once_only(qtbot: QtBot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    first = project.articles.add(parsed=parse_article(long_article(400), name="a.txt"))
    second = project.articles.add(parsed=parse_article(long_article(410), name="b.txt"))
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.show()
    runs: list[int] = []
    pane.show_article(first.id)
    assert pane.is_loading
    pane.when_loaded(lambda: runs.append(1))
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    pane.show_article(second.id)  # another article in the same pane
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    assert runs == [1]
    pane.when_loaded(lambda: runs.append(2))  # already loaded: at once
    assert runs == [1, 2]
    session.close()


def test_the_margin_of_a_long_article_just_swapped_in_finds_the_first_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Just after the whole article replaces its first screen, Qt is still laying it out in
    the background: what the margin asks (the offsets at the top and the bottom of the
    view) must still be the first screen's, not how far that layout has got, nor found
    by laying the whole text out at once."""
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(long_article(3000), name="long.txt"))
    text = project.articles.get(article_id=article.id).text
    tag = project.tags.add(name="Trade", color="#7CC6F2")
    marked = [text.index(f"Paragraph {n}:") for n in (0, 1500, 2990)]
    ids = [
        project.annotations.add(
            article_id=article.id, start=start, end=start + 12, tag_ids=[tag.id]
        ).id
        for start in marked
    ]
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    pane.show()
    seen: dict[str, object] = {}

    def on_loaded() -> None:  # the moment the whole article is in the view
        view = pane.view
        seen["top"] = view.offset_at(QPoint(0, 0))
        seen["bottom"] = view.offset_at(QPoint(0, view.viewport().height()))
        seen["marks"] = sorted(mark.annotation_id for mark in pane.margin.visible_marks())

    pane.loaded.connect(on_loaded)
    with qtbot.waitSignal(pane.loaded, timeout=20_000):
        pane.show_article(article.id)
    assert seen["top"] == 0
    assert 0 < seen["bottom"] < 3000  # the first screen: a few paragraphs, not the text
    assert seen["marks"] == ids[:1]
    inside = QTextCursor(pane.view.document())
    inside.setPosition(pane.view.positions.to_rendered(marked[0] + 3))
    assert pane.view.passage_at(pane.view.cursorRect(inside).center()) == ids[0]
    assert pane.view.passage_at(QPoint(30, pane.view.viewport().height() - 5)) == 0
    project.close()
