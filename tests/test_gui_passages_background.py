"""A big project's passages are read by a worker: the table fills once they are in.

The threshold is lowered to 0 so that the sample project takes the big projects' path.
A read can be held at its end (after reading, before the rows reach the window) to make
changes happen while it is under way, as they can in a big project.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import diptych.gui.passage_model as passage_model
import diptych.gui.passage_reading as passage_reading
from diptych.gui.annotations_panel import ORPHANS_TAB, AnnotationsPanel
from diptych.gui.session import ProjectSession
from diptych.storage.errors import DamagedProjectError, ProjectBusyError
from diptych.storage.model import Annotation


class HeldRead:
    """``load_passages`` that waits, once it has read, until its read is released."""

    def __init__(self) -> None:
        self.reads: list[threading.Event] = []  # set once a read is done
        self.gates = [threading.Event() for _ in range(4)]  # one per read, in order

    def __call__(self, path: Path) -> list[Annotation]:
        number = len(self.reads)
        done = threading.Event()
        self.reads.append(done)
        passages = LOAD(path)
        done.set()
        self.gates[number].wait(10)
        return passages

    def has_read(self, count: int = 1) -> bool:
        return len(self.reads) >= count and all(done.is_set() for done in self.reads[:count])

    def release(self, number: int | None = None) -> None:
        for gate in self.gates if number is None else [self.gates[number]]:
            gate.set()


LOAD = passage_reading.load_passages


@pytest.fixture(autouse=True)
def always_in_background(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passage_reading, "BACKGROUND_READ", 0)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldRead]:
    read = HeldRead()
    monkeypatch.setattr(passage_reading, "load_passages", read)
    yield read
    read.release()  # never leave a worker waiting


def open_panel(qtbot: QtBot, session: ProjectSession) -> AnnotationsPanel:
    panel = AnnotationsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def rows(panel: AnnotationsPanel) -> list[Annotation]:
    return [panel.model.passage(r) for r in range(panel.model.rowCount())]


def stored(session: ProjectSession) -> set[int]:
    return {p.id for p in session.project.annotations.query() if not p.is_orphan}


def wait_read(qtbot: QtBot, panel: AnnotationsPanel) -> None:
    qtbot.waitUntil(lambda: not panel.model.reading, timeout=10_000)


def test_the_table_says_it_reads_then_shows_every_passage(
    qtbot: QtBot, session: ProjectSession
) -> None:
    panel = open_panel(qtbot, session)
    assert panel.model.reading
    assert panel.reading_hint.isVisible()
    assert panel.model.rowCount() == 0
    wait_read(qtbot, panel)
    assert not panel.reading_hint.isVisible()
    assert {p.id for p in rows(panel)} == stored(session) != set()
    assert panel.tabs.tabText(ORPHANS_TAB) == "Orphans (0)"


def test_a_passage_added_while_reading_is_in_the_table_once_read(
    qtbot: QtBot, session: ProjectSession, held: HeldRead
) -> None:
    panel = open_panel(qtbot, session)
    qtbot.waitUntil(held.has_read, timeout=10_000)  # read: the new passage is not in it
    article = session.project.articles.all()[1].id
    added = session.add_passage(article_id=article, start=0, end=8, tag_ids=[])
    assert panel.select_passage(added.id) is False  # not in the table yet
    held.release()
    wait_read(qtbot, panel)
    assert added.id in {p.id for p in rows(panel)}
    assert {p.id for p in rows(panel)} == stored(session)
    assert panel.current_passage() == added.id  # the row the window asked for
    assert panel.coder_combo.findText("Tester") > 0


def test_a_read_overtaken_by_a_newer_one_is_dropped(
    qtbot: QtBot, session: ProjectSession, held: HeldRead, request: pytest.FixtureRequest
) -> None:
    pool = session.workers.pool
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 2))  # the second read runs while the first is held
    request.addfinalizer(lambda: pool.setMaxThreadCount(threads))
    panel = open_panel(qtbot, session)
    qtbot.waitUntil(held.has_read, timeout=10_000)
    gone = session.project.annotations.query()[0]
    session.project.annotations.delete(annotation_id=gone.id)  # another window, say
    session.allPassagesChanged.emit()  # as the session does after such a change
    qtbot.waitUntil(lambda: held.has_read(2), timeout=10_000)
    held.release(0)  # the older read ends first: its rows are out of date
    qtbot.wait(100)
    assert panel.model.reading
    assert panel.model.rowCount() == 0
    held.release(1)
    wait_read(qtbot, panel)
    assert gone.id not in {p.id for p in rows(panel)}
    assert {p.id for p in rows(panel)} == stored(session)


def test_a_read_that_fails_in_the_worker_is_done_here_instead(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(path: Path) -> list[Annotation]:
        raise ProjectBusyError("is busy", path=path, advice="Try again.")

    monkeypatch.setattr(passage_reading, "load_passages", busy)
    errors: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: errors.append(text))
    panel = open_panel(qtbot, session)
    wait_read(qtbot, panel)
    assert {p.id for p in rows(panel)} == stored(session)  # not a part of the project
    assert errors == []


def test_a_read_that_fails_everywhere_says_why_and_stops_reading(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(path: Path, **_filters: object) -> list[Annotation]:
        raise DamagedProjectError("is damaged", path=path, advice="Restore it from a backup.")

    monkeypatch.setattr(passage_reading, "load_passages", damaged)
    errors: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: errors.append(text))
    panel = open_panel(qtbot, session)
    monkeypatch.setattr(
        session.project.annotations, "query", lambda **_f: damaged(session.project.path)
    )
    wait_read(qtbot, panel)
    assert not panel.reading_hint.isVisible()
    assert len(errors) == 1
    assert str(session.project.path) in errors[0] and "backup" in errors[0]


def test_the_hint_stays_while_a_second_read_runs(
    qtbot: QtBot, session: ProjectSession, held: HeldRead, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(passage_model, "BULK_CHANGES", 0)  # any change while reading: read again
    panel = open_panel(qtbot, session)
    qtbot.waitUntil(held.has_read, timeout=10_000)
    article = session.project.articles.all()[1].id
    session.add_passage(article_id=article, start=0, end=8, tag_ids=[])
    held.release(0)
    qtbot.waitUntil(lambda: held.has_read(2), timeout=10_000)
    qtbot.wait(50)
    assert panel.model.reading and panel.reading_hint.isVisible()
    held.release(1)
    wait_read(qtbot, panel)
    assert not panel.reading_hint.isVisible()
    assert {p.id for p in rows(panel)} == stored(session)


def test_passages_read_after_the_project_was_closed_are_dropped(
    qtbot: QtBot, session: ProjectSession, held: HeldRead
) -> None:
    panel = open_panel(qtbot, session)
    qtbot.waitUntil(held.has_read, timeout=10_000)
    held.release()  # the read ends while the project closes (closing waits for readers)
    session.close()  # the window closes, or opens another project
    qtbot.wait(50)  # the read's result arrives: nothing reads the closed file
    assert panel.model.rowCount() == 0
