"""A bug that stops an older background read of the passages leaves the newer read to
bring them: the table shows the passages as they are once it is in, not the rows of
before (the newer read's passages were dropped as out of date when the older one's crash
stopped the reading)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import diptych.gui.passage_reading as passage_reading
from diptych.gui.annotations_panel import AnnotationsPanel
from diptych.gui.session import ProjectSession
from diptych.storage.errors import ProjectBusyError
from diptych.storage.model import Annotation

LOAD = passage_reading.load_passages


class Reads:
    """``load_passages`` whose reads each wait, once read, for their gate; the reads
    numbered in ``failing`` then raise that error instead of returning."""

    def __init__(self, failing: dict[int, Exception]) -> None:
        self.failing = failing
        self.done: list[threading.Event] = []
        self.gates = [threading.Event() for _ in range(4)]

    def __call__(self, path: Path) -> list[Annotation]:
        number = len(self.done)
        done = threading.Event()
        self.done.append(done)
        passages = LOAD(path)
        done.set()
        self.gates[number].wait(10)
        if number in self.failing:
            raise self.failing[number]
        return passages

    def have_read(self, count: int) -> bool:
        return len(self.done) >= count and all(d.is_set() for d in self.done[:count])


@pytest.fixture
def two_threads(session: ProjectSession, request: pytest.FixtureRequest) -> None:
    """Room in the pool for a second read while the first is held."""
    pool = session.workers.pool
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 2))
    request.addfinalizer(lambda: pool.setMaxThreadCount(threads))


def held_reads(monkeypatch: pytest.MonkeyPatch, failing: dict[int, Exception]) -> Iterator[Reads]:
    monkeypatch.setattr(passage_reading, "BACKGROUND_READ", 0)
    reads = Reads(failing)
    monkeypatch.setattr(passage_reading, "load_passages", reads)
    yield reads
    for gate in reads.gates:  # never leave a worker waiting
        gate.set()


@pytest.fixture
def crashing_first(monkeypatch: pytest.MonkeyPatch) -> Iterator[Reads]:
    yield from held_reads(monkeypatch, {0: RuntimeError("a bug in the read")})


@pytest.fixture
def failing_first(monkeypatch: pytest.MonkeyPatch, session: ProjectSession) -> Iterator[Reads]:
    busy = ProjectBusyError("is busy", path=session.project.path, advice="Try again.")
    yield from held_reads(monkeypatch, {0: busy})


def open_panel(qtbot: QtBot, session: ProjectSession) -> AnnotationsPanel:
    panel = AnnotationsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def overtake_the_first_read(qtbot: QtBot, session: ProjectSession, reads: Reads) -> int:
    """While the first read is held, another window deletes a passage and the table is
    told to read every passage again; returns the passage deleted."""
    qtbot.waitUntil(lambda: reads.have_read(1), timeout=10_000)
    gone = session.project.annotations.query()[0].id
    session.project.annotations.delete(annotation_id=gone)  # another window, say
    session.allPassagesChanged.emit()  # as the session does after such a change
    qtbot.waitUntil(lambda: reads.have_read(2), timeout=10_000)
    return gone


def test_a_crash_of_an_older_read_leaves_the_newer_one_to_fill_the_table(
    qtbot: QtBot, session: ProjectSession, two_threads: None, crashing_first: Reads
) -> None:
    crashes: list[str] = []
    session.messages.crashed.connect(lambda summary, _details: crashes.append(summary))
    panel = open_panel(qtbot, session)
    gone = overtake_the_first_read(qtbot, session, crashing_first)

    crashing_first.gates[0].set()  # the older read's bug is reported first
    qtbot.waitUntil(lambda: bool(crashes), timeout=10_000)
    assert crashes == ["RuntimeError: a bug in the read"]
    assert panel.model.reading and panel.reading_hint.isVisible()  # the newer one goes on

    crashing_first.gates[1].set()
    qtbot.waitUntil(lambda: not panel.model.reading, timeout=10_000)
    shown = {panel.model.passage(r).id for r in range(panel.model.rowCount())}
    stored = {p.id for p in session.project.annotations.query() if not p.is_orphan}
    assert gone not in shown
    assert shown == stored != set()
    assert not panel.reading_hint.isVisible()


def test_a_failure_of_an_older_read_leaves_the_newer_one_to_fill_the_table(
    qtbot: QtBot,
    session: ProjectSession,
    two_threads: None,
    failing_first: Reads,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    posted: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: posted.append(text))
    panel = open_panel(qtbot, session)
    gone = overtake_the_first_read(qtbot, session, failing_first)
    reads_here: list[int] = []
    query = session.project.annotations.query
    monkeypatch.setattr(
        session.project.annotations, "query", lambda **f: reads_here.append(1) or query(**f)
    )

    failing_first.gates[0].set()
    qtbot.wait(200)  # the older read's failure arrives
    assert reads_here == []  # not read again on the window's thread: the newer read comes
    assert panel.model.reading

    failing_first.gates[1].set()
    qtbot.waitUntil(lambda: not panel.model.reading, timeout=10_000)
    shown = {panel.model.passage(r).id for r in range(panel.model.rowCount())}
    stored = {p.id for p in query() if not p.is_orphan}
    assert gone not in shown
    assert shown == stored != set()
    assert posted == []
