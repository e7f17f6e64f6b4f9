"""An article holding a very long run of characters without a space (a pasted block of
data) is laid out anywhere, which takes a fraction of a second: laid out at word ends,
else anywhere, such a run of 300,000 characters kept the window busy for more than 20 s.
Other articles keep their words whole, one with a long link too: laid out anywhere for a
run of 1,000 characters, its headings broke a word at the pane's edge ("municip / al")."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtGui import QFontMetricsF, QTextCursor, QTextOption
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.article_rendering import UNBROKEN_RUN, WORD_END_BUDGET, wrap_mode
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ANYWHERE = QTextOption.WrapMode.WrapAnywhere
AT_WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
WORDS = "Some words of a paragraph, as an article has them. " * 40


def article(run: int) -> bytes:
    return f"Data\n\n{WORDS}\n\nBlock: {'x' * run} ends.\n\n{WORDS}\n".encode()


def test_a_run_as_costly_as_the_budget_wraps_anywhere_one_shorter_does_not() -> None:
    longest = math.isqrt(WORD_END_BUDGET)
    assert wrap_mode(parse_article(article(longest), name="a.txt").content) == ANYWHERE
    assert wrap_mode(parse_article(article(longest - 1), name="a.txt").content) == AT_WORDS
    assert wrap_mode(parse_article(article(UNBROKEN_RUN * 2), name="a.txt").content) == AT_WORDS
    assert wrap_mode(parse_article(WORDS.encode() * 50, name="a.txt").content) == AT_WORDS


def test_many_runs_adding_up_to_the_budget_wrap_anywhere() -> None:
    count = WORD_END_BUDGET // UNBROKEN_RUN**2
    runs = [f"{n}: {'x' * UNBROKEN_RUN}\n\n" for n in range(count)]
    assert wrap_mode(parse_article("".join(runs).encode(), name="a.txt").content) == ANYWHERE
    assert wrap_mode(parse_article("".join(runs[1:]).encode(), name="a.txt").content) == AT_WORDS


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


def words_broken(pane: ArticlePane) -> list[str]:
    """The words the pane breaks at a line's end though they fit on a line of their own."""
    broken = []
    block = pane.view.document().firstBlock()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for line in (layout.lineAt(n) for n in range(layout.lineCount())):
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + end)
                word = text[text.rfind(" ", 0, end) + 1 :].split(" ")[0]
                if QFontMetricsF(cursor.charFormat().font()).horizontalAdvance(word) < line.width():
                    broken.append(word)
        block = block.next()
    return broken


def test_an_article_with_a_long_link_breaks_no_heading_word_in_a_narrow_pane(
    qtbot: QtBot, tmp_path: Path
) -> None:
    link = "https://example.org/report?" + "&id=" * 500  # 2,027 characters, no space
    text = (
        "# The municipal table of fees\n\n"
        f"{WORDS}\n\n## Notes on the municipal table\n\nSource: {link}\n\n{WORDS}\n"
    )
    project = Project.create(tmp_path / "p.diptych")
    report = project.articles.add(parsed=parse_article(text.encode(), name="fees.txt"))
    pane = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(pane)
    pane.resize(300, 600)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(report.id)
    for width in (300, 260, 420):
        pane.resize(width, 600)
        qtbot.waitUntil(lambda: pane.view.document().textWidth() == pane.view.viewport().width())
        assert words_broken(pane) == []
        assert pane.view.document().size().width() <= pane.view.viewport().width() + 1
    project.close()
