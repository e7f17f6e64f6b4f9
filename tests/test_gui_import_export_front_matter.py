"""A Markdown file's front matter (Jekyll, Hugo, Obsidian, pandoc) is shown as its lines,
in a code block, not as one big heading ("title: … date: … tags: …") at the top of the
article; its words are kept, and the article is titled from it or its own heading."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.document import BlockKind

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
