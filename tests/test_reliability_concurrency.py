"""Two writers on one project: nothing corrupted, nothing acknowledged lost, busy is known.

Two annotator processes (``reliability_writer.py``) write to the same project file at
the same time for a few seconds while the test reads it and writes to it too. Every
action a writer acknowledged must be in the file, every action refused as busy must not
be, and "database is locked" must only ever reach a writer as :class:`ProjectBusyError`
(anything else is reported by the writer as an error and fails the test). The window's
side, :class:`ProjectSession`, must see another program's new passage arrive.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reliability_writer import Ledger, Writers, passages_of
from test_reliability_crash import integrity, make_project

from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.backup import backup_project
from diptych.storage.errors import ProjectBusyError
from diptych.storage.project import Project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked")

DURATION = "2.5"  # seconds each writer writes


@dataclass
class Outcome:
    """What two writers and the test did, for the record in docs/RELIABILITY.md."""

    acknowledged: dict[str, int] = field(default_factory=dict)
    busy: dict[str, int] = field(default_factory=dict)
    slowest_ms: float = 0.0  # the longest an acknowledged action took, waiting included
    renames: int = 0


def run_two_writers(path: Path, logs: Path, *extra: str) -> Outcome:
    """Run writers A and B side by side while the test backs up and renames the project."""
    with Writers(logs / "writers.err") as writers, Project.open(path) as mine:
        before = mine.data_version()
        pids = {
            coder: writers.start(path, "annotate", "--coder", coder, "--seed", str(seed),
                                 "--duration", DURATION, *extra)
            for seed, coder in enumerate("AB")
        }  # fmt: skip
        assert writers.wait_for(pids["A"], "done"), writers.errors(pids["A"])
        assert mine.data_version() != before  # the reader sees that another connection wrote
        backup = backup_project(mine, root=logs / "backups", reason="while writing")
        renames = 0
        for pid in pids.values():  # meanwhile the test writes too, about 50 times a second
            while not writers.wait_for(pid, "end", timeout=0.02):
                mine.rename(name=f"Renamed {renames}")
                renames += 1
        events = {coder: writers.reap(pid) for coder, pid in pids.items()}
        errors = {coder: writers.errors(pid) for coder, pid in pids.items()}
    assert errors == {"A": [], "B": []}
    assert integrity(path) == "ok"
    assert integrity(backup) == "ok"  # a consistent snapshot, taken while both wrote
    with Project.open(backup, read_only=True) as copy:
        assert copy.articles.all() and copy.tags.all()
    outcome = Outcome(renames=renames)
    with Project.open(path) as project:
        assert project.info().name == f"Renamed {renames - 1}"
        for coder, reports in events.items():
            ledger = Ledger({})
            assert ledger.feed(reports) is None  # every action was acknowledged or refused
            assert passages_of(project, coder) == ledger.passages
            busy = [e["message"] for e in reports if e["event"] == "busy"]
            assert all(path.name in m and "not saved" in m for m in busy)
            outcome.acknowledged[coder] = ledger.acknowledged
            outcome.busy[coder] = len(busy)
            times = [e["ms"] for e in reports if e["event"] == "done"]
            outcome.slowest_ms = max(outcome.slowest_ms, *times)
    print(f"\n{outcome}")  # shown with pytest -s; the figures in docs/RELIABILITY.md
    return outcome


def test_two_writers_with_the_usual_wait_lose_nothing_and_are_never_busy(tmp_path: Path) -> None:
    outcome = run_two_writers(make_project(tmp_path / "two.diptych"), tmp_path)
    assert outcome.busy == {"A": 0, "B": 0}
    assert min(outcome.acknowledged.values()) > 0 and outcome.renames > 0


def test_writers_that_cannot_wait_are_told_busy_and_lose_nothing(tmp_path: Path) -> None:
    path = make_project(tmp_path / "impatient.diptych")
    outcome = run_two_writers(path, tmp_path, "--busy-timeout-ms", "0")
    assert sum(outcome.busy.values()) > 0


def test_a_lock_held_by_another_program_is_a_known_busy_error(tmp_path: Path) -> None:
    path = make_project(tmp_path / "locked.diptych")
    with Project.open(path) as project:
        project.db.execute("PRAGMA busy_timeout = 200")
        article = project.articles.all()[0].id
        kept = project.annotations.add(article_id=article, start=0, end=5, note="kept")
        other = sqlite3.connect(path)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(ProjectBusyError) as caught:
                project.annotations.add(article_id=article, start=10, end=20, note="refused")
            with pytest.raises(ProjectBusyError):
                project.annotations.set_note(annotation_id=kept.id, note="refused")
        finally:
            other.rollback()
            other.close()
        assert str(caught.value).startswith(f"{path}: is busy")
        assert "not saved" in str(caught.value)
        assert [(p.uuid, p.note) for p in project.annotations.query()] == [(kept.uuid, "kept")]
        project.annotations.set_note(annotation_id=kept.id, note="saved once free")
    with Project.open(path) as project:
        assert [p.note for p in project.annotations.query()] == ["saved once free"]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ProjectSession]:
    opened = ProjectSession(
        Project.open(make_project(tmp_path / "window.diptych")), MessageBridge()
    )
    opened.watch()
    yield opened
    opened.close()


def test_the_window_sees_a_passage_another_program_adds(
    qtbot: QtBot, session: ProjectSession, tmp_path: Path
) -> None:
    reloads: list[bool] = []
    session.allPassagesChanged.connect(lambda: reloads.append(True))
    with Writers(tmp_path / "writers.err") as writers:
        with qtbot.waitSignal(session.externalChange, timeout=10_000):
            pid = writers.start(session.project.path, "annotate", "--operations", "1",
                                "--coder", "Other", "--seed", "4")  # fmt: skip
        events = writers.reap(pid)
    uuid = next(e["uuid"] for e in events if e["event"] == "done")
    passage = session.project.annotations.find_uuid(uuid=uuid)
    assert passage is not None and passage.coder == "Other"
    assert reloads  # every view was told once, whatever the number of articles
    assert passage.id in [m.annotation_id for m in session.marks(passage.article_id)]


def test_the_window_sees_a_passage_another_window_adds(
    qtbot: QtBot, session: ProjectSession
) -> None:
    other = ProjectSession(Project.open(session.project.path), MessageBridge())
    try:
        article = other.project.articles.all()[0].id
        with qtbot.waitSignal(session.allPassagesChanged, timeout=10_000):
            added = other.add_passage(article_id=article, start=3, end=30, tag_ids=[1])
        assert session.passage(added.id).tag_ids == (1,)
    finally:
        other.close()


def _replace_elsewhere(path: Path, article_id: int, text: bytes) -> None:
    from diptych.storage.importing import parse_article

    with Project.open(path) as other:
        other.articles.replace_text(article_id=article_id, parsed=parse_article(text, name="a.txt"))


def _one_article(path: Path, text: bytes) -> int:
    from diptych.storage.importing import parse_article

    with Project.create(path) as project:
        return project.articles.add(parsed=parse_article(text, name="a.txt")).id


def test_a_passage_on_text_replaced_elsewhere_is_refused_not_misquoted(tmp_path: Path) -> None:
    from diptych.storage.errors import InputError

    path = tmp_path / "p.diptych"
    first = _one_article(path, b"Alpha beta gamma delta.\n")
    with Project.open(path) as window:
        assert window.articles.get(article_id=first).text.startswith("Alpha")  # shown
        earlier = window.annotations.add(article_id=first, start=6, end=10)  # "beta"
        _replace_elsewhere(path, first, b"Completely new text here, version two.\n")
        with pytest.raises(InputError, match="changed in another window or program"):
            window.annotations.add(article_id=first, start=0, end=5)
        # The refusal dropped the stale text: the same offsets now anchor on the file's text.
        added = window.annotations.add(article_id=first, start=0, end=5)
        assert added.exact == "Compl"
        _replace_elsewhere(path, first, b"Third version, shorter.\n")
        with pytest.raises(InputError, match="changed in another window or program"):
            window.annotations.reattach(annotation_id=earlier.id, start=0, end=5)
    with Project.open(path) as check:
        text = check.articles.get(article_id=first).text
        for passage in check.annotations.query(article_id=first):
            if not passage.is_orphan:
                assert text[passage.start : passage.end] == passage.exact


def test_a_passage_elsewhere_in_a_changed_article_is_kept(tmp_path: Path) -> None:
    """Only the passage's own words and context must be unchanged for it to be saved."""
    path = tmp_path / "p.diptych"
    article = _one_article(path, b"Alpha beta gamma delta epsilon zeta eta theta.\n")
    with Project.open(path) as window:
        window.articles.get(article_id=article)
        _replace_elsewhere(path, article, b"Alpha beta gamma delta epsilon zeta eta THETA.\n")
        added = window.annotations.add(article_id=article, start=0, end=5)
        assert added.exact == "Alpha"


def test_the_window_refuses_a_passage_on_replaced_text_and_shows_the_new_text(
    qtbot: QtBot, session: ProjectSession
) -> None:
    from diptych.storage.errors import InputError

    article = session.project.articles.all()[0]
    old = session.project.articles.get(article_id=article.id).text
    known: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: known.append(text))
    changed: list[int] = []
    session.articleTextChanged.connect(changed.append)
    _replace_elsewhere(session.project.path, article.id, b"A wholly different text now.\n")
    with pytest.raises(InputError):
        session.add_passage(article_id=article.id, start=0, end=min(20, len(old) - 1), tag_ids=[])
    assert article.id in changed  # the panes re-read it at once, not at the next poll
    assert session.project.articles.get(article_id=article.id).text.startswith("A wholly")
    assert session.project.annotations.query(article_id=article.id) == []


def test_a_text_read_in_the_background_is_checked_the_same_way(tmp_path: Path) -> None:
    """A long article is read by a worker on its own connection and kept in the cache."""
    from diptych.storage.article_rows import load_article
    from diptych.storage.errors import InputError

    path = tmp_path / "p.diptych"
    first = _one_article(path, b"Alpha beta gamma delta.\n")
    with Project.open(path) as window:
        version = window.data_version()  # taken before the worker reads
        window.articles.remember(load_article(path, article_id=first), read_at=version)
        _replace_elsewhere(path, first, b"Completely new text here, version two.\n")
        with pytest.raises(InputError, match="changed in another window or program"):
            window.annotations.add(article_id=first, start=0, end=5)
        # Kept without a version, a text is always compared with the file's.
        window.articles.remember(load_article(path, article_id=first), read_at=None)
        assert window.annotations.add(article_id=first, start=0, end=5).exact == "Compl"
