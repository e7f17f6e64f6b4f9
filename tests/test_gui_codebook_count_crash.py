"""A bug or a failure in an older background count of the tags' passages leaves the newer
count to bring the counts: the codebook shows them as they are once it is in (the newer
count was dropped as out of date when the older one's crash stopped the counting, and the
codebook kept the counts of before)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import diptych.gui.tag_usage as tag_usage
from diptych.gui.session import ProjectSession
from diptych.gui.tag_model import TagTreeModel
from diptych.storage.errors import ProjectBusyError

COUNT = tag_usage.count_tag_usage


class Counts:
    """``count_tag_usage`` whose counts each wait, once counted, for their gate; the counts
    numbered in ``failing`` then raise that error instead of returning."""

    def __init__(self, failing: dict[int, Exception]) -> None:
        self.failing = failing
        self.done: list[threading.Event] = []
        self.gates = [threading.Event() for _ in range(4)]

    def __call__(self, path: Path) -> dict[int, int]:
        number = len(self.done)
        done = threading.Event()
        self.done.append(done)
        usage = COUNT(path)
        done.set()
        self.gates[number].wait(10)
        if number in self.failing:
            raise self.failing[number]
        return usage

    def have_counted(self, count: int) -> bool:
        return len(self.done) >= count and all(d.is_set() for d in self.done[:count])


@pytest.fixture
def two_threads(session: ProjectSession, request: pytest.FixtureRequest) -> None:
    """Room in the pool for a second count while the first is held."""
    pool = session.workers.pool
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 2))
    request.addfinalizer(lambda: pool.setMaxThreadCount(threads))


def held_counts(monkeypatch: pytest.MonkeyPatch, failing: dict[int, Exception]) -> Iterator[Counts]:
    monkeypatch.setattr(tag_usage, "BACKGROUND_COUNT", 0)
    counts = Counts(failing)
    monkeypatch.setattr(tag_usage, "count_tag_usage", counts)
    yield counts
    for gate in counts.gates:  # never leave a worker waiting
        gate.set()


@pytest.fixture
def crashing_first(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    yield from held_counts(monkeypatch, {0: RuntimeError("a bug in the count")})


@pytest.fixture
def failing_first(monkeypatch: pytest.MonkeyPatch, session: ProjectSession) -> Iterator[Counts]:
    busy = ProjectBusyError("is busy", path=session.project.path, advice="Try again.")
    yield from held_counts(monkeypatch, {0: busy})


def tag_one_more(qtbot: QtBot, session: ProjectSession, counts: Counts) -> tuple[int, int]:
    """While the first count is held, a passage is tagged and a second count starts;
    returns the tag and its count now."""
    qtbot.waitUntil(lambda: counts.have_counted(1), timeout=10_000)
    usage = session.project.tags.usage()
    tag_id = max(usage, key=usage.__getitem__)
    article_id = session.project.articles.all()[0].id
    session.add_passage(article_id=article_id, start=0, end=12, tag_ids=[tag_id])
    qtbot.waitUntil(lambda: counts.have_counted(2), timeout=10_000)
    return tag_id, usage[tag_id] + 1


def test_a_crash_of_an_older_count_leaves_the_newer_one_to_show_the_counts(
    qtbot: QtBot, session: ProjectSession, two_threads: None, crashing_first: Counts
) -> None:
    counts = crashing_first
    crashes: list[str] = []
    session.messages.crashed.connect(lambda summary, _details: crashes.append(summary))
    model = TagTreeModel(session)
    tag_id, now = tag_one_more(qtbot, session, counts)

    counts.gates[0].set()  # the older count's bug is reported first
    qtbot.waitUntil(lambda: bool(crashes), timeout=10_000)
    assert crashes == ["RuntimeError: a bug in the count"]
    assert model.counting  # the newer one goes on

    counts.gates[1].set()
    qtbot.waitUntil(lambda: not model.counting, timeout=10_000)
    assert str(model.index_of(tag_id).data()).endswith(f"({now})")


def test_a_failure_of_an_older_count_leaves_the_newer_one_to_show_the_counts(
    qtbot: QtBot,
    session: ProjectSession,
    two_threads: None,
    failing_first: Counts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counts = failing_first
    model = TagTreeModel(session)
    tag_id, now = tag_one_more(qtbot, session, counts)
    counted_here: list[int] = []
    usage = session.project.tags.usage
    monkeypatch.setattr(session.project.tags, "usage", lambda: counted_here.append(1) or usage())

    counts.gates[0].set()
    qtbot.waitUntil(lambda: counts.done[0].is_set(), timeout=10_000)
    qtbot.wait(200)  # the older count's failure arrives
    assert counted_here == []  # not counted on the window's thread: the newer count comes
    assert model.counting

    counts.gates[1].set()
    qtbot.waitUntil(lambda: not model.counting, timeout=10_000)
    assert str(model.index_of(tag_id).data()).endswith(f"({now})")
