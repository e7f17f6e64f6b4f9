"""The Search panel searches in a worker: the window answers while a search runs, and only
the latest query's results are ever listed."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from diptych.gui import search_panel
from diptych.gui.search_panel import BATCH, HIT_ROLE, SEARCHING, SearchPanel
from diptych.gui.session import ProjectSession
from diptych.storage import search_reading
from diptych.storage.file_place import follow_file
from diptych.storage.importing import parse_article

WAIT_S = 20  # a test that goes wrong fails rather than hangs


class SlowSearch:
    """Searches as the project does, once ``release`` is set; ``entered``: a search began."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.entered = threading.Event()
        self.release = threading.Event()
        self.queries: list[str] = []

    def __call__(self, conn: sqlite3.Connection, *, query: str, limit: int) -> Any:
        self.queries.append(query)
        self.entered.set()
        assert self.release.wait(WAIT_S), "the test never let the search go on"
        return self.real(conn, query=query, limit=limit)


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowSearch]:
    slow = SlowSearch(search_reading.search_in)
    monkeypatch.setattr(search_reading, "search_in", slow)
    yield slow
    slow.release.set()  # a search left waiting ends with the test


@pytest.fixture
def panel(qtbot: QtBot, session: ProjectSession) -> SearchPanel:
    panel = SearchPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def texts(panel: SearchPanel) -> list[str]:
    return [panel.results.item(i).text() for i in range(panel.results.count())]


def test_the_window_answers_while_a_search_runs(
    qtbot: QtBot, panel: SearchPanel, slow: SlowSearch
) -> None:
    panel.field.setText("customs")
    panel.run()
    assert panel.searching and panel.status.text() == SEARCHING
    qtbot.waitUntil(slow.entered.is_set)  # the search is under way in its worker ...
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # ... and the GUI thread's events still run
    assert panel.searching and panel.results.count() == 0
    with qtbot.waitSignal(panel.searched):
        slow.release.set()
    assert not panel.searching
    assert panel.status.text() == "1 passage"
    assert texts(panel)[0].startswith("Passage")


def test_a_newer_query_supersedes_a_search_still_running(
    qtbot: QtBot, panel: SearchPanel, slow: SlowSearch
) -> None:
    listed: list[list[str]] = []
    panel.searched.connect(lambda: listed.append(texts(panel)))
    panel.field.setText("customs")
    panel.run()
    qtbot.waitUntil(slow.entered.is_set)
    panel.field.setText('"ballistic missiles"')
    panel.run()  # the first search is told to stop; this one starts once it has
    assert panel.results.count() == 0 and panel.status.text() == SEARCHING
    with qtbot.waitSignal(panel.searched):
        slow.release.set()
    # "customs" is searched as a word being typed (customs*): see test_gui_search_typing.
    assert slow.queries == ["customs*", '"ballistic missiles"']
    assert len(listed) == 1  # the first query's results were never listed
    assert listed[0] and all("customs" not in text.lower() for text in listed[0])
    assert any("ballistic missiles" in text.lower() for text in listed[0])


def test_down_pressed_before_the_results_came_goes_into_them(
    qtbot: QtBot, panel: SearchPanel, slow: SlowSearch
) -> None:
    panel.field.setFocus()
    qtbot.keyClicks(panel.field, "korea")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # nothing listed yet
    assert panel.field.hasFocus()
    with qtbot.waitSignal(panel.searched):
        slow.release.set()
    assert panel.results.hasFocus() and panel.results.currentRow() == 0


def test_a_research_after_a_change_keeps_the_result_current(
    qtbot: QtBot, panel: SearchPanel, session: ProjectSession
) -> None:
    panel.field.setText("korea")
    with qtbot.waitSignal(panel.searched):
        panel.run()
    panel.results.setCurrentRow(2)
    chosen = panel.results.currentItem().data(HIT_ROLE)
    article = session.project.articles.summary(article_id=chosen.article_id)
    with qtbot.waitSignal(panel.searched):
        session.articlesChanged.emit()  # searched again after the pause, in the worker
    assert panel.status.text() != SEARCHING
    assert panel.results.currentItem().data(HIT_ROLE) == chosen
    assert article.title in panel.results.currentItem().text()


def test_a_search_that_cannot_read_the_file_says_why(
    qtbot: QtBot, panel: SearchPanel, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(search_reading, "search_in", broken)
    posted: list[tuple[int, str, str]] = []
    session.messages.posted.connect(lambda *args: posted.append(args))
    panel.field.setText("korea")
    with qtbot.waitSignal(panel.searched):
        panel.run()
    assert panel.results.count() == 0 and panel.status.text() != SEARCHING
    assert posted and posted[-1][1] == "Search" and "damaged" in posted[-1][2]


def test_results_for_a_panel_closed_meanwhile_go_nowhere(
    qtbot: QtBot, session: ProjectSession, slow: SlowSearch
) -> None:
    panel = SearchPanel(session)
    panel.field.setText("korea")
    panel.run()
    qtbot.waitUntil(slow.entered.is_set)
    shiboken6.delete(panel)  # the dock closed with its window
    slow.release.set()
    qtbot.waitUntil(lambda: not session.workers.busy)
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the worker's report was delivered, to nothing


def test_a_result_kept_current_further_down_stays_in_view(
    qtbot: QtBot, panel: SearchPanel, session: ProjectSession
) -> None:
    session.project.articles.add_many(
        parsed=[
            parse_article(
                f"Briefing {n}\n\nTalks on the tariff, day {n}.".encode(), name=f"{n}.txt"
            )
            for n in range(BATCH * 3)
        ]
    )
    panel.resize(300, 300)
    panel.field.setText("tariff")
    with qtbot.waitSignal(panel.searched):
        panel.run()
    row = BATCH * 2 + 5  # beyond the first rows laid out
    panel.results.setCurrentRow(row)
    with qtbot.waitSignal(panel.searched):
        session.articlesChanged.emit()
    assert panel.results.currentRow() == row
    shown = panel.results.visualItemRect(panel.results.currentItem())
    assert shown.intersects(panel.results.viewport().rect())


def test_the_results_before_stay_listed_a_moment_while_new_words_are_searched(
    qtbot: QtBot, panel: SearchPanel, slow: SlowSearch
) -> None:
    """A quick search replaces the list without its going blank in between (a flash at
    each pause in typing); a slow one blanks it and says it is searching."""
    slow.release.set()
    panel.field.setText("korea")
    with qtbot.waitSignal(panel.searched):
        panel.run()
    before, said = texts(panel), panel.status.text()
    assert before and said != SEARCHING
    slow.release.clear()
    panel.field.setText("customs")
    panel.run()
    assert texts(panel) == before and panel.status.text() == said  # not blank at once
    qtbot.waitUntil(slow.entered.is_set)
    qtbot.waitUntil(lambda: panel.status.text() == SEARCHING)  # slow: blanked, and said
    assert panel.results.count() == 0
    with qtbot.waitSignal(panel.searched):
        slow.release.set()
    assert texts(panel) and all("customs" in t.lower() for t in texts(panel))


def test_down_goes_into_the_new_results_not_those_of_the_words_before(
    qtbot: QtBot, panel: SearchPanel, slow: SlowSearch
) -> None:
    slow.release.set()
    panel.field.setText("korea")
    with qtbot.waitSignal(panel.searched):
        panel.run()
    slow.release.clear()
    panel.field.setFocus()
    panel.field.setText("customs")
    panel.run()
    assert panel.results.count()  # the words before still listed ...
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.field.hasFocus()  # ... but Down waits for the new results
    with qtbot.waitSignal(panel.searched):
        slow.release.set()
    assert panel.results.hasFocus() and panel.results.currentRow() == 0
    assert "customs" in panel.results.currentItem().text().lower()


def test_a_search_while_the_project_file_is_moved_waits_for_it_without_a_box(
    qtbot: QtBot,
    panel: SearchPanel,
    session: ProjectSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker opens the project by its name: while the file is moved (a file manager,
    a synchronised folder), until the window finds it, the search waits and is done again,
    instead of failing in a box or reading another file that took the name."""
    monkeypatch.setattr(search_panel, "MOVED_RETRY_MS", 50)
    posted: list[tuple[int, str, str]] = []
    session.messages.posted.connect(lambda *args: posted.append(args))
    project = session.project
    project.path.rename(tmp_path / "moved.diptych")
    panel.field.setText("korea")
    with qtbot.waitSignal(panel.searched):
        panel.run()
    assert panel.status.text() == search_panel.MOVED and panel.results.count() == 0
    assert not posted
    assert follow_file(project, fallback=tmp_path) is not None  # as the window's watch does
    with qtbot.waitSignal(panel.searched, timeout=5_000):
        pass  # searched again
    assert panel.results.count() and panel.status.text() != search_panel.MOVED
    assert not posted
