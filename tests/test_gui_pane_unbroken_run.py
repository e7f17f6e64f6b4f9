"""An article holding a very long run of characters without a space (a pasted block of
data) is laid out anywhere, which takes a fraction of a second: laid out at word ends,
else anywhere, such a run of 300,000 characters kept the window busy for more than 20 s.
Other articles keep their words whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextOption
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.article_rendering import UNBROKEN_RUN, wrap_mode
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ANYWHERE = QTextOption.WrapMode.WrapAnywhere
AT_WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
WORDS = "Some words of a paragraph, as an article has them. " * 40


def article(run: int) -> bytes:
    return f"Data\n\n{WORDS}\n\nBlock: {'x' * run} ends.\n\n{WORDS}\n".encode()


def test_a_run_as_long_as_the_limit_wraps_anywhere_one_shorter_does_not() -> None:
    assert wrap_mode(parse_article(article(UNBROKEN_RUN), name="a.txt").content) == ANYWHERE
    assert wrap_mode(parse_article(article(UNBROKEN_RUN - 1), name="a.txt").content) == AT_WORDS
    assert wrap_mode(parse_article(WORDS.encode() * 50, name="a.txt").content) == AT_WORDS


def test_the_pane_lays_out_a_long_run_anywhere_and_the_next_article_at_words(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = Project.create(tmp_path / "p.diptych")
    data = project.articles.add(parsed=parse_article(article(300_000), name="data.txt"))
    prose = project.articles.add(parsed=parse_article(WORDS.encode(), name="prose.txt"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(400, 600)
    pane.show()

    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(data.id)
    assert pane.view.wordWrapMode() == ANYWHERE
    assert pane.view.document().defaultTextOption().wrapMode() == ANYWHERE
    # The run is wrapped to the pane, not laid out as one line running off its side.
    assert pane.view.document().size().width() <= pane.view.viewport().width() + 1

    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(prose.id)
    assert pane.view.wordWrapMode() == AT_WORDS
    assert pane.view.document().defaultTextOption().wrapMode() == AT_WORDS
    project.close()
