"""The search results are laid out once and stay: at some sizes of the panel, results
wrapped without the list's scroll bar were found to need it, wrapped again narrower with
it, found not to need it, and so on for as long as the words stood: the list stayed blank
and the window kept a processor busy."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.messages import MessageBridge
from diptych.gui.search_panel import SearchPanel
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TOPICS = ["trade", "tariffs", "housing", "energy", "migration", "health", "schools", "labour"]


def interviews(path: Path) -> Project:
    """Four interviews whose questions repeat "your family", seven passages on them."""
    project = Project.create(path)
    for number in range(1, 5):
        turns = [f"Interview {number} with a local resident about {TOPICS[number - 1]}", ""]
        for topic in TOPICS:
            turns += [
                f"Q: How has the change in {topic} affected your family over the last year?",
                "",
                "A: Honestly it has been hard. We used to manage on one income but now the"
                f" {topic} bills take most of it, and my neighbour says the same thing about"
                f" {TOPICS[(TOPICS.index(topic) + number) % len(TOPICS)]}.",
                "",
            ]
        article = project.articles.add(
            parsed=parse_article("\n".join(turns).encode(), name=f"interview_{number}.txt")
        )
        text = project.articles.get(article_id=article.id).text
        start = -1
        for _ in range((4, 3)[number - 1] if number <= 2 else 0):
            start = text.index("your family over the last year?", start + 1)
            project.annotations.add(
                article_id=article.id, start=start, end=start + 31, tag_ids=[], coder="A"
            )
    return project


def test_the_results_settle_at_every_size_of_the_panel(qtbot: QtBot, tmp_path: Path) -> None:
    session = ProjectSession(interviews(tmp_path / "p.diptych"), MessageBridge())
    panel = SearchPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.searched):
        panel.field.setText("your")
    assert panel.results.count() >= 10
    busy = []
    for width in range(344, 384, 4):
        for height in range(480, 544, 8):
            panel.resize(width, height)
            qtbot.wait(40)  # laid out at the new size
            started = time.process_time()
            qtbot.wait(100)
            if time.process_time() - started > 0.05:  # still laying the list out
                busy.append((width, height))
    assert busy == []
    assert panel.results.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    session.close()
