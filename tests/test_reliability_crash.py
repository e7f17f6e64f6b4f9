"""Crash safety: a writer killed at random moments never loses an acknowledged action.

A headless annotator (``reliability_writer.py``) adds, edits and deletes passages, one
transaction each, and acknowledges each action on standard output once its COMMIT has
returned. It is killed with SIGKILL after a random delay, again and again on the same
project file, so that any damage would pile up. After every kill the file must be
intact, open as a project, and hold every acknowledged action: the action that was
running when the kill came may be there entirely or not at all, never in part.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
from reliability_writer import Ledger, Writers, passages_of

from diptych.storage.errors import ProjectFileError
from diptych.storage.importing import read_article_file
from diptych.storage.project import Project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked")

CODER = "crash"
MAX_DELAY = 0.25  # seconds after the project is open; a run does about 100 actions in that
BULK_ARTICLES = 1000


@dataclass
class Figures:
    """What a series of kills did, for the record in docs/RELIABILITY.md."""

    kills: int = 0
    acknowledged: int = 0
    checks: int = 0  # acknowledged actions verified, summed over every check after a kill
    in_flight: int = 0  # kills that came while an action was running...
    in_flight_saved: int = 0  # ...of which the action had committed before the kill
    seconds: float = 0.0


def make_project(path: Path) -> Path:
    """A project with the two sample articles and five tags."""
    samples = resources.files("diptych.resources") / "samples"
    with Project.open(path, create=True) as project:
        for name in ("000_1cefcc49ccd7fc22.txt", "001_58ff977ce34ff27f.txt"):
            with resources.as_file(samples / name) as file:
                project.articles.add(parsed=read_article_file(file))
        for name in ("Method", "Trade", "Policy", "Actor", "Quote"):
            project.tags.add(name=name)
    return path


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the file, on a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def check_after_kill(path: Path, ledger: Ledger, events: list[dict], figures: Figures) -> None:
    """The file is intact and holds every acknowledged action; the ledger follows the file."""
    pending = ledger.feed(events)
    assert integrity(path) == "ok"
    with Project.open(path) as project:
        stored = passages_of(project, CODER)
    if pending is not None:
        figures.in_flight += 1
    if stored != ledger.passages:
        assert pending is not None, "an acknowledged action is missing or changed"
        assert stored == ledger.after(pending), f"{pending['op']} {pending['uuid']} half done"
        ledger.passages = stored
        figures.in_flight_saved += 1
    figures.checks += ledger.acknowledged


def kill_repeatedly(path: Path, *, kills: int, seed: int, logs: Path) -> Figures:
    """Start, kill and check a writer ``kills`` times on the same project file."""
    rng = random.Random(seed)
    figures = Figures()
    with Project.open(path) as project:
        ledger = Ledger(passages_of(project, CODER))
    started = time.monotonic()
    with Writers(logs / "writers.err") as writers:
        for number in range(kills):
            args = ["annotate", "--coder", CODER, "--seed", f"{seed}{number}"]
            if rng.random() < 0.25:  # stops and closes (a checkpoint) around the kill
                args += ["--operations", str(rng.randint(1, 60))]
            pid = writers.start(path, *args)
            assert writers.wait_for(pid, "open"), writers.errors(pid)
            time.sleep(rng.uniform(0.0, MAX_DELAY))  # the kill lands at a random moment
            events = writers.kill(pid)
            assert not writers.errors(pid), writers.errors(pid)
            check_after_kill(path, ledger, events, figures)
            figures.kills += 1
    figures.acknowledged = ledger.acknowledged
    figures.seconds = time.monotonic() - started
    return figures


def report(figures: Figures) -> None:
    print(f"\n{figures}")  # shown with pytest -s; the figures in docs/RELIABILITY.md


def test_twenty_kills_lose_no_acknowledged_action(tmp_path: Path) -> None:
    path = make_project(tmp_path / "crash.diptych")
    figures = kill_repeatedly(path, kills=20, seed=1, logs=tmp_path)
    assert figures.kills == 20
    assert figures.acknowledged > 20  # the writers did work between the kills
    report(figures)


@pytest.mark.slow
def test_two_hundred_kills_on_one_file_lose_no_acknowledged_action(tmp_path: Path) -> None:
    path = make_project(tmp_path / "crash.diptych")
    figures = kill_repeatedly(path, kills=200, seed=2, logs=tmp_path)
    assert figures.kills == 200
    assert figures.in_flight > 100  # most kills came in the middle of an action
    report(figures)


def test_a_bulk_import_killed_midway_is_all_or_nothing(tmp_path: Path) -> None:
    path = make_project(tmp_path / "bulk.diptych")
    rng = random.Random(3)
    outcomes = {"all": 0, "none": 0}
    with Writers(tmp_path / "writers.err") as writers:
        pid = writers.start(path, "bulk", "--articles", str(BULK_ARTICLES), "--seed", "100")
        timed = [e["ms"] / 1000 for e in writers.reap(pid) if e["event"] == "done"]
        assert timed, writers.errors(pid)  # one whole run tells how long add_many takes here
        for number in range(10):
            args = ["bulk", "--articles", str(BULK_ARTICLES), "--seed", str(number)]
            pid = writers.start(path, *args)
            assert writers.wait_for(pid, "begin"), writers.errors(pid)
            time.sleep(rng.uniform(0.0, 1.5 * timed[0]))  # two kills in three come inside
            events = writers.kill(pid)
            assert not writers.errors(pid), writers.errors(pid)
            begin = next(e for e in events if e["event"] == "begin")
            acknowledged = any(e["event"] == "done" for e in events)
            assert integrity(path) == "ok"
            with Project.open(path) as project:
                batch = [
                    a for a in project.articles.all() if a.source_name.startswith(begin["uuid"])
                ]
                assert project.annotations.count() == 0
                total = len(project.articles.all())
            assert len(batch) in (0, BULK_ARTICLES)
            if acknowledged:
                assert len(batch) == BULK_ARTICLES
            outcomes["all" if batch else "none"] += 1
            assert total == 2 + BULK_ARTICLES * (1 + outcomes["all"])  # no other batch changed
    assert outcomes["none"] >= 1  # some kills came inside the transaction
    print(f"\nbulk import of {BULK_ARTICLES} articles killed 10 times: {outcomes}")


@contextlib.contextmanager
def unwritable_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` unwritable (no new files in it), for root too where possible."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False).returncode:
        pytest.skip("cannot make a folder unwritable for root here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)


@pytest.mark.parametrize("shm", ["kept", "gone"])
def test_acknowledged_actions_show_when_reopened_read_only_after_a_crash(
    tmp_path: Path, shm: str
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = make_project(folder / "crash.diptych")
    with Project.open(path) as project:
        ledger = Ledger(passages_of(project, CODER))
    with Writers(tmp_path / "writers.err") as writers:
        pid = writers.start(path, "annotate", "--coder", CODER, "--seed", "9")
        assert writers.wait_for(pid, "done"), writers.errors(pid)
        pending = ledger.feed(writers.kill(pid))  # killed before folding its -wal into the file
    assert Path(f"{path}-wal").stat().st_size > 0 and ledger.acknowledged > 0
    if shm == "gone":  # as after copying the project and its -wal elsewhere
        Path(f"{path}-shm").unlink()
    with unwritable_folder(folder):
        try:
            with Project.open(path) as project:
                assert project.read_only
                stored = passages_of(project, CODER)
        except ProjectFileError as error:  # refusing with a known error is fine too
            assert str(error).startswith(f"{path}: ")
            return
    # Every acknowledged action shows; the one in flight at the kill may have committed too.
    assert stored in (ledger.passages, ledger.after(pending))
