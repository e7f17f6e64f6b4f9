"""A Markdown file's front matter (Jekyll, Hugo, Obsidian, pandoc) is shown as its lines,
in a code block, not as one big heading ("title: … date: … tags: …") at the top of the
article; its words are kept, and the article is titled from it or its own heading. Its
lines wrap in a narrow pane, where code keeps its lines whole."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.document import BlockKind
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

POST = """---
title: Harbour reopens
date: 2024-05-01
tags: [shipping, ports]
---

The port reopened on **Monday**.
"""


def test_front_matter_is_shown_as_its_lines_not_as_a_heading(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    post = tmp_path / "harbour.md"
    post.write_text(POST, encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([post])
    article_id = imported.args[0][0]
    article = window.session.project.articles.get(article_id=article_id)
    assert article.title == "Harbour reopens"
    assert article.text.startswith("title: Harbour reopens\ndate: 2024-05-01\ntags: [")
    kinds = [block.kind for block in article.content.blocks]
    assert kinds == [BlockKind.CODE, BlockKind.PARAGRAPH]

    pane = next(p for p in window.area.panes() if p.article_id == article_id)
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=10_000)
    document = pane.view.document()
    headings = [
        document.findBlockByNumber(n).text()
        for n in range(document.blockCount())
        if document.findBlockByNumber(n).blockFormat().headingLevel()
    ]
    assert headings == []
    assert "The port reopened on Monday." in document.toPlainText()


def test_a_thematic_break_at_the_top_is_no_front_matter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("---\n\nTalks resumed.\n\n---\n\nMore talks.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([notes])
    article = window.session.project.articles.get(article_id=imported.args[0][0])
    assert article.text == "Talks resumed.\nMore talks."
    assert BlockKind.CODE not in [block.kind for block in article.content.blocks]


def test_front_matter_wraps_in_a_narrow_pane_and_code_keeps_its_lines(
    qtbot: QtBot, tmp_path: Path
) -> None:
    title = "A very long title of a post about the harbour that reopened after the storm"
    source = (
        f"---\ntitle: {title}\ndate: 2024-05-01\n---\n\n"
        "The port reopened.\n\n```\nsome_code = call(with_a, very_long, list_of, arguments)\n```\n"
    )
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(source.encode(), name="post.md"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(300, 700)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    qtbot.wait(50)
    document = pane.view.document()
    shown = document.toPlainText()
    front = document.findBlock(shown.index(title))
    code = document.findBlock(shown.index("some_code"))
    room = pane.view.viewport().width()
    assert front.layout().lineCount() > 2  # its two lines, the title wrapped: all in the pane
    assert front.layout().boundingRect().width() <= room
    assert code.layout().lineCount() == 1  # code keeps its line whole
    assert code.layout().boundingRect().width() > room
    project.close()
