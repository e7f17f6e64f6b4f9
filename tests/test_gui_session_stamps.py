"""A pane rebuilds its article only when the text changed: not for a rename made here or
in another window, not again after this window's own update, and once when a passage is
refused because the text was replaced elsewhere.

Dates are kept to the second: every change here is made a second after the one before,
as a person would, so that a rename changes the article's date.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gui_support import open_window, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RenameArticle, ReplaceArticleText
from diptych.gui.article_pane import ArticlePane
from diptych.gui.commands import perform
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


class Clock:
    """A clock one second later at every reading (after the sample project's dates)."""

    def __init__(self) -> None:
        self.time = datetime(2031, 1, 1, tzinfo=UTC)

    def __call__(self) -> str:
        self.time += timedelta(seconds=1)
        return self.time.isoformat().replace("+00:00", "Z")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, sample: Path, clock: Clock) -> MainWindow:
    return open_window(qtbot, context, Project.open(sample, clock=clock))


@contextlib.contextmanager
def elsewhere(qtbot: QtBot, window: MainWindow, sample: Path, clock: Clock) -> Iterator[Project]:
    """The project as another window opens it; ``window`` notices what it changed."""
    with (
        qtbot.waitSignal(window.session.allPassagesChanged, timeout=10_000),
        Project.open(sample, clock=clock) as other,
    ):
        yield other


def shown(window: MainWindow) -> tuple[ArticlePane, int]:
    pane = window.area.panes()[1]
    assert pane.article_id is not None
    return pane, pane.article_id


def rebuilt_articles(window: MainWindow) -> list[int]:
    """The articles the panes are told to rebuild from now on."""
    rebuilt: list[int] = []
    window.session.articleTextChanged.connect(rebuilt.append)
    return rebuilt


def tag_elsewhere(qtbot: QtBot, window: MainWindow, sample: Path, clock: Clock) -> None:
    """Another window tags a passage; this window notices it."""
    article_id = window.session.project.articles.all()[0].id
    with elsewhere(qtbot, window, sample, clock) as other:
        other.annotations.add(article_id=article_id, start=0, end=5, tag_ids=[1])


def test_a_change_elsewhere_after_a_rename_here_does_not_rebuild_the_article(
    qtbot: QtBot, window: MainWindow, sample: Path, clock: Clock
) -> None:
    pane, article_id = shown(window)
    read = pane.loader.current
    assert perform(window.session, RenameArticle(window.session, article_id, "Renamed here"))
    rebuilt = rebuilt_articles(window)
    tag_elsewhere(qtbot, window, sample, clock)
    assert rebuilt == [] and pane.loader.current is read
    assert pane.header.title.full_text() == "Renamed here"


def test_a_rename_elsewhere_shows_the_new_title_without_rebuilding_the_text(
    qtbot: QtBot, window: MainWindow, sample: Path, clock: Clock
) -> None:
    pane, article_id = shown(window)
    read = pane.loader.current
    rebuilt = rebuilt_articles(window)
    with elsewhere(qtbot, window, sample, clock) as other:
        other.articles.rename(article_id=article_id, title="Renamed elsewhere")
    assert rebuilt == [] and pane.loader.current is read
    qtbot.waitUntil(lambda: pane.header.title.full_text() == "Renamed elsewhere")


def test_a_new_text_of_the_same_length_and_a_new_title_elsewhere_are_both_shown(
    qtbot: QtBot, window: MainWindow, sample: Path, clock: Clock
) -> None:
    pane, article_id = shown(window)
    old = window.session.project.articles.get(article_id=article_id).text
    new = old.replace(QUOTE, QUOTE.upper())
    assert len(new) == len(old) and new != old
    rebuilt = rebuilt_articles(window)
    with elsewhere(qtbot, window, sample, clock) as other:
        parsed = parse_article(new.encode("utf-8"), name="same-length.txt")
        other.articles.replace_text(article_id=article_id, parsed=parsed)
        other.articles.rename(article_id=article_id, title="Both changed")
    assert rebuilt == [article_id]
    qtbot.waitUntil(lambda: QUOTE.upper() in pane.view.toPlainText(), timeout=10_000)


def test_updating_an_article_here_rebuilds_it_once_not_again_after_a_change_elsewhere(
    qtbot: QtBot, window: MainWindow, sample: Path, clock: Clock
) -> None:
    pane, article_id = shown(window)
    rebuilt = rebuilt_articles(window)
    parsed = parse_article(b"A newer version of the article.\n", name="newer.txt")
    assert perform(window.session, ReplaceArticleText(window.session, article_id, parsed))
    qtbot.waitUntil(lambda: pane.view.toPlainText().startswith("A newer version"))
    tag_elsewhere(qtbot, window, sample, clock)
    assert rebuilt == [article_id]
    window.actions_.undo.trigger()  # the old text back, as this window's own change
    qtbot.waitUntil(lambda: QUOTE in pane.view.toPlainText(), timeout=10_000)
    tag_elsewhere(qtbot, window, sample, clock)
    assert rebuilt == [article_id, article_id]


def test_a_passage_refused_on_text_replaced_elsewhere_rebuilds_the_pane_once(
    qtbot: QtBot, window: MainWindow, sample: Path, clock: Clock
) -> None:
    pane, article_id = shown(window)
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    with Project.open(sample, clock=clock) as other:  # another window, not yet noticed
        parsed = parse_article(b"Another version, saved in another window.\n", name="b.txt")
        other.articles.replace_text(article_id=article_id, parsed=parsed)
    rebuilt = rebuilt_articles(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # tag it: refused, the text was replaced
    qtbot.waitUntil(lambda: pane.view.toPlainText().startswith("Another version"), timeout=5000)
    assert rebuilt == [article_id]
    window.session.on_watch_timeout()  # the next look at the file finds nothing new
    assert rebuilt == [article_id]


def test_an_article_imported_here_and_replaced_elsewhere_is_shown_anew(
    qapp: object, tmp_path: Path
) -> None:
    from diptych.gui.messages import MessageBridge
    from diptych.gui.session import ProjectSession

    path = tmp_path / "p.diptych"
    Project.create(path, clock=Clock()).close()
    session = ProjectSession(Project.open(path, clock=Clock()), MessageBridge())
    try:
        [added] = session.add_articles([parse_article(b"First version.", name="a.txt")])
        session.project.articles.get(article_id=added.id)  # a pane shows it
        with Project.open(path, clock=Clock()) as other:
            other.articles.replace_text(
                article_id=added.id, parsed=parse_article(b"A different text!", name="a.txt")
            )
        rebuilt: list[int] = []
        session.articleTextChanged.connect(rebuilt.append)
        session.on_watch_timeout()
        assert rebuilt == [added.id]
    finally:
        session.close()
