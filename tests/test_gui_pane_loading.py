"""Opening long articles: closing the pane, a bug in a background read, the documents
shown meanwhile, and actions waiting for an article that another replaced."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

import diptych.gui.article_loader as article_loader
from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.article_rows import load_article
from diptych.storage.importing import parse_article
from diptych.storage.model import Article
from diptych.storage.project import Project


def long_article(paragraphs: int, word: str = "trade") -> bytes:
    lines = [
        f"Paragraph {n}: the ministry said {word} talks would resume. " * 3
        for n in range(paragraphs)
    ]
    return "\n".join(lines).encode()


@pytest.fixture
def read_in_background(monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles over 10,000 characters are read in a worker, as if they were 2 MB."""
    monkeypatch.setattr(article_loader, "BACKGROUND_CHARS", 10_000)


@pytest.fixture
def session(qapp: object, tmp_path: Path, read_in_background: None) -> Iterator[ProjectSession]:
    """A session on a project of six long articles, none of them read yet."""
    project = Project.create(tmp_path / "p.diptych")
    for number in range(6):
        parsed = parse_article(long_article(120 + number), name=f"a{number}.txt")
        project.articles.add(parsed=parsed)
    project.forget_cached()
    opened = ProjectSession(project, MessageBridge())
    yield opened
    opened.close()


def article_ids(session: ProjectSession) -> list[int]:
    return [a.id for a in session.project.articles.all()]


def shown_pane(qtbot: QtBot, session: ProjectSession) -> ArticlePane:
    pane = ArticlePane(session)
    qtbot.addWidget(pane)
    pane.resize(600, 500)
    pane.show()
    return pane


def test_closing_a_pane_while_its_article_is_read_in_the_background_is_harmless(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_load = article_loader.load_article

    def slow_load(path: Path, *, article_id: int) -> Article:
        release.wait(10)  # the pane is closed while the file is still being read
        return real_load(path, article_id=article_id)

    monkeypatch.setattr(article_loader, "load_article", slow_load)
    pane = ArticlePane(session)
    pane.show()
    pane.show_article(article_ids(session)[0])
    assert pane.is_loading
    destroyed: list[bool] = []
    pane.destroyed.connect(lambda: destroyed.append(True))
    pane.close()
    pane.deleteLater()
    qtbot.waitUntil(lambda: bool(destroyed))
    release.set()
    # pytest-qt fails the test on any exception raised in a slot (the read reaching the
    # deleted pane raised "Signal source has been deleted").
    qtbot.waitUntil(lambda: not session.workers.busy, timeout=10_000)
    qtbot.wait(50)


def test_a_bug_while_reading_an_article_ends_the_loading_and_says_which_article(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_load(path: Path, *, article_id: int) -> Article:
        raise RuntimeError("a bug in reading")

    monkeypatch.setattr(article_loader, "load_article", broken_load)
    crashes: list[str] = []
    notes: list[str] = []
    session.messages.crashed.connect(lambda summary, _details: crashes.append(summary))
    session.messages.posted.connect(lambda _level, _title, text: notes.append(text))
    pane = shown_pane(qtbot, session)
    first = session.project.articles.all()[0]
    runs: list[int] = []
    pane.show_article(first.id)
    assert pane.is_loading and pane.header.progress.isVisible()
    pane.when_loaded(lambda: runs.append(1))
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=10_000)
    assert not pane.header.progress.isVisible()
    assert pane.article_id is None and pane.header.title.full_text() == ""
    assert notes == [f"“{first.title}” could not be opened: RuntimeError: a bug in reading"]
    qtbot.wait(50)
    assert crashes == ["RuntimeError: a bug in reading"]  # by the workers, once, not again here
    assert runs == []  # not run against an empty view
    monkeypatch.setattr(article_loader, "load_article", load_article)
    pane.show_article(first.id)  # opening it again tries again
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=10_000)
    assert pane.article_id == first.id
    assert "Paragraph 119:" in pane.view.document().toPlainText()


def test_articles_read_in_the_background_leave_no_empty_documents_behind(
    qtbot: QtBot, session: ProjectSession
) -> None:
    pane = shown_pane(qtbot, session)
    counts = []
    for article_id in article_ids(session):
        pane.show_article(article_id)
        assert pane.is_loading
        qtbot.waitUntil(lambda: not pane.is_loading, timeout=10_000)
        assert pane.article_id == article_id
        qtbot.wait(20)  # documents of the previous article are deleted later
        counts.append(len(pane.view.findChildren(QTextDocument)))
    assert counts[1:] == counts[:-1], counts


def test_a_search_hit_waiting_for_its_article_is_not_shown_in_another_opened_meanwhile(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    project = Project.open(sample)
    lines = [f"Paragraph {n}: the ministry said trade talks would resume. " * 4 for n in range(900)]
    lines[150] = "Paragraph 150: the zebrafish clause was dropped."
    long = project.articles.add(parsed=parse_article("\n".join(lines).encode(), name="long.txt"))
    short = project.articles.add(parsed=parse_article(long_article(300), name="third.txt"))
    window = open_window(qtbot, context, project)
    window.actions_.search.trigger()
    qtbot.keyClicks(window.search.field, "zebrafish")
    with qtbot.waitSignal(window.search.searched):
        qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    window.search.on_results_item_activated(window.search.results.item(0))
    pane = window.area.current
    assert pane is not None and pane.article_id == long.id
    assert pane.is_loading  # the hit is shown once the whole article is in
    assert window.area.open_article(short.id) is pane  # another one, in the same pane
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=20_000)
    qtbot.wait(50)
    assert pane.article_id == short.id
    assert not pane.view.textCursor().hasSelection()
    assert pane.view.verticalScrollBar().value() == 0  # the new article starts at its top


def test_an_article_read_that_ends_as_the_project_closes_is_dropped(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_load = article_loader.load_article

    def slow_load(path: Path, *, article_id: int) -> Article:
        release.wait(10)
        return real_load(path, article_id=article_id)

    monkeypatch.setattr(article_loader, "load_article", slow_load)
    errors: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: errors.append(text))
    pane = shown_pane(qtbot, session)
    pane.show_article(article_ids(session)[0])
    qtbot.wait(50)  # the worker is reading
    threading.Timer(0.1, release.set).start()  # the read ends while closing waits for it
    session.close()  # the window closes; the pane goes only later
    qtbot.wait(100)  # the read's result arrives: nothing reads the closed file
    assert errors == []
