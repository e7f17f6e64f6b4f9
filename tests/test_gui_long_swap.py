"""A long article is shown first screen first, then its full text replaces that screen
with the caret put back where it was: that is no move of the reader's, and the pane does
not become the current one for it (the keys, 1-9 and F8, would have gone to it from the
pane being read)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.article_loader import SYNC_BLOCKS
from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def long_article(paragraphs: int) -> bytes:
    lines = [f"Paragraph {n}: trade talks would resume. " * 3 for n in range(paragraphs)]
    return "\n".join(lines).encode()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ProjectSession]:
    project = Project.create(tmp_path / "long.diptych")
    project.articles.add(parsed=parse_article(long_article(700), name="long.txt"))
    opened = ProjectSession(project, MessageBridge())
    yield opened
    opened.close()


def test_the_full_text_replacing_the_first_screen_does_not_make_the_pane_current(
    qtbot: QtBot, session: ProjectSession
) -> None:
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.resize(600, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_article(1)
    assert pane.is_loading  # its first screen is shown, the rest is being built
    # The reader put the caret in the first screen, then went to another pane.
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(200)
    pane.view.setTextCursor(cursor)
    activations: list[bool] = []
    pane.activated.connect(lambda: activations.append(True))
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    assert pane.view.document().blockCount() > SYNC_BLOCKS  # the full text is in
    assert pane.view.textCursor().position() == 200  # put back where it was
    assert activations == []
    # A move of the reader's still makes it current.
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(300)
    pane.view.setTextCursor(cursor)
    assert activations == [True]
