"""Six panes opened again on long articles, read in the background as the window opens:
the window stays within its screen, the panels on its right in view. Each pane's header
showed a progress bar beside its buttons while its article was read, which made the pane
92 pixels wider at its least: with four such panes the window opened 2,144 pixels wide on
a 1,920-pixel screen, the panels off its edge, and was saved so.

The offscreen screen is 800 pixels wide: these tests give the window a wider one, as a
reader's would be."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import diptych.gui.article_loader as article_loader
from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.model import Article
from diptych.storage.project import Project


@pytest.fixture
def wide_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[QRect]:
    """A screen of 1,920 by 1,080 pixels, as the window sees it."""
    screen = QRect(0, 0, 1920, 1080)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(screen))
    yield screen


@pytest.fixture
def slow_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Articles over 10,000 characters are read in a worker, as if they were 2 MB, and
    each read waits until the event returned is set (by the test, before its window
    closes: closing waits for the reads)."""
    monkeypatch.setattr(article_loader, "BACKGROUND_CHARS", 10_000)
    release = threading.Event()
    real_load = article_loader.load_article

    def slow_load(path: Path, *, article_id: int) -> Article:
        release.wait(10)
        return real_load(path, article_id=article_id)

    monkeypatch.setattr(article_loader, "load_article", slow_load)
    yield release
    release.set()


def long_project(path: Path) -> Project:
    """A project of six long articles, none of them read yet."""
    project = Project.create(path)
    for number in range(6):
        text = f"Dispatch {number}\n\n" + "A long report of the talks, day by day. " * 400
        project.articles.add(parsed=parse_article(text.encode(), name=f"dispatch{number}.txt"))
    project.forget_cached()
    return project


def panes_shown_loading(qtbot: QtBot, window: MainWindow) -> list[ArticlePane]:
    """The window's panes, once each shows that its article is being read."""
    panes = window.area.panes()
    qtbot.waitUntil(lambda: all(p.is_loading and p.header.progress.isVisible() for p in panes))
    QApplication.processEvents()  # the layout settled with the progress bars in it
    return panes


def test_six_panes_reading_long_articles_leave_the_window_on_its_screen(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    wide_screen: QRect,
    slow_reads: threading.Event,
) -> None:
    project = long_project(tmp_path / "long.diptych")
    articles = [a.id for a in project.articles.all()]
    saved = [{"article": a, "zoom_percent": 100, "offset": 0} for a in articles]
    context.settings.set_pane_layout(
        project.info().uuid, {"panes": saved, "sizes": [240] * 6, "current": 0}
    )
    launcher = Launcher(context)
    window = launcher.show_project(project)
    window.launcher = launcher  # type: ignore[attr-defined]  # kept alive with the window
    qtbot.addWidget(window)
    qtbot.waitExposed(window)

    panes = panes_shown_loading(qtbot, window)
    assert [p.article_id for p in panes] == articles  # six fit: none was closed
    assert window.minimumSizeHint().width() <= wide_screen.width()
    assert window.width() <= wide_screen.width()
    passages = window.docks["passages"]
    assert passages.mapTo(window, passages.rect().topRight()).x() < wide_screen.width()
    loading_width, headers = window.width(), [p.header.height() for p in panes]

    slow_reads.set()
    qtbot.waitUntil(lambda: not any(p.is_loading for p in panes), timeout=10_000)
    QApplication.processEvents()
    assert window.width() == loading_width  # and saved as wide as it was
    assert [p.header.height() for p in panes] == headers  # the text did not move up


def test_a_pane_reading_its_article_keeps_its_width_and_its_title_readable(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    wide_screen: QRect,
    slow_reads: threading.Event,
) -> None:
    project = long_project(tmp_path / "long.diptych")
    launcher = Launcher(context)
    window = launcher.show_project(project)
    window.launcher = launcher  # type: ignore[attr-defined]  # kept alive with the window
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    area = window.area
    articles = [a.id for a in project.articles.all()]
    for width, article in ((200, articles[0]), (480, articles[1])):  # title below, beside
        area.close_all()
        empty = area.add_pane(None)
        assert empty is not None
        area.splitter.setSizes([width])
        window.resize(window.width() - empty.width() + width, window.height())
        qtbot.waitUntil(lambda e=empty, w=width: e.width() == max(w, e.minimumSizeHint().width()))
        QApplication.processEvents()
        shown = empty.width()

        empty.show_article(article)
        (pane,) = panes_shown_loading(qtbot, window)
        assert pane.width() == shown and pane.minimumSizeHint().width() <= shown
        header = pane.header  # the bar goes with the title, readable beside it
        assert header.title_on_own_line == (width < 480)
        assert header.progress.y() == header.title.y()
        assert header.title.width() >= 100
    slow_reads.set()  # the reads end before the window closes
    qtbot.waitUntil(lambda: not window.session.workers.busy, timeout=10_000)
