"""Closing a project while another program writes to it returns at once: folding the
write-ahead log back into the file is left to the last connection, instead of waiting for
the other program's lock (a read-only command such as ``diptych articles`` waited up to
five seconds after printing, and a closing window froze as long)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from diptych.storage import database
from diptych.storage.project import Project

GUARD = 60  # seconds: longer than any close that does not wait, far shorter than the wait


def test_closing_while_another_program_holds_the_write_lock_does_not_wait_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "busy.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Method")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 600_000)  # a wait would outlast GUARD
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO project_info (key, value) VALUES ('other', 'writing')")
    read: list[list[str]] = []

    def read_and_close() -> None:  # a connection is used in the thread that opened it
        with Project.open(path) as project:
            read.append([t.name for t in project.tags.all()])

    closing = threading.Thread(target=read_and_close, daemon=True)
    closing.start()
    closing.join(GUARD)
    waited = closing.is_alive()
    other.execute("COMMIT")  # lets a waiting close go on, so that the test ends
    other.close()
    closing.join()
    assert not waited
    assert read == [["Method"]]
    with Project.open(path, read_only=True) as reopened:  # nothing lost on either side
        assert [t.name for t in reopened.tags.all()] == ["Method"]
        row = reopened.db.execute("SELECT value FROM project_info WHERE key = 'other'")
        assert row.fetchone() == ("writing",)
