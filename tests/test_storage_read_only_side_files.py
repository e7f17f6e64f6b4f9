"""A project opened read-only leaves no working files of SQLite's (``NAME-wal``,
``NAME-shm``) beside it that were not there, and never takes away nor loses what a
writer that crashed left in its -wal; a file that fails its checks keeps its -wal as it
was, not folded into it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from damaged_files import damage

from diptych.storage import database
from diptych.storage.errors import DamagedProjectError, NotAProjectError
from diptych.storage.project import Project


def side_files(path: Path) -> list[str]:
    return sorted(p.name[len(path.name) :] for p in path.parent.glob(f"{path.name}-*"))


def tags(project: Project) -> set[str]:
    return {t.name for t in project.tags.all()}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Saved")
    assert side_files(path) == []
    return path


@pytest.fixture
def crashed(study: Path, tmp_path: Path) -> tuple[Path, bytes]:
    """``study`` as a window that crashed leaves it: its last change only in its -wal."""
    with Project.open(study) as project:
        project.db.execute("PRAGMA wal_autocheckpoint = 0")
        project.tags.add(name="Only in the log")
        left = {end: Path(f"{study}{end}").read_bytes() for end in ("", "-wal", "-shm")}
    for end, data in left.items():
        Path(f"{study}{end}").write_bytes(data)
    return study, left["-wal"]


def test_a_project_opened_read_only_leaves_nothing_beside_it(study: Path) -> None:
    before = study.read_bytes()
    with Project.open(study, read_only=True) as project:
        assert tags(project) == {"Saved"}
    assert side_files(study) == []
    assert study.read_bytes() == before


def test_two_read_only_opens_at_once_leave_nothing_once_both_are_closed(study: Path) -> None:
    first = Project.open(study, read_only=True)
    with Project.open(study, read_only=True) as second:
        assert tags(second) == {"Saved"}
    assert tags(first) == {"Saved"}  # still reads after the other one closed
    first.close()
    assert side_files(study) == []


def test_a_read_only_open_leaves_the_files_of_a_window_writing_to_it(study: Path) -> None:
    with Project.open(study) as window:
        window.db.execute("PRAGMA wal_autocheckpoint = 0")
        with Project.open(study, read_only=True) as reader:
            window.tags.add(name="Written meanwhile")
            assert "Written meanwhile" in tags(reader)
        assert side_files(study) == ["-shm", "-wal"]
        window.tags.add(name="After the reader closed")
    with Project.open(study, read_only=True) as project:
        assert tags(project) == {"Saved", "Written meanwhile", "After the reader closed"}


def test_a_crashed_writers_log_is_read_and_kept_by_a_read_only_open(
    crashed: tuple[Path, bytes],
) -> None:
    path, logged = crashed
    with Project.open(path, read_only=True) as project:
        assert tags(project) == {"Saved", "Only in the log"}
    assert Path(f"{path}-wal").read_bytes() == logged  # never taken away
    with Project.open(path) as project:
        assert tags(project) == {"Saved", "Only in the log"}


def test_a_crashed_writers_log_without_its_index_is_read_and_kept(
    crashed: tuple[Path, bytes],
) -> None:
    path, logged = crashed
    Path(f"{path}-shm").unlink()
    with Project.open(path, read_only=True) as project:
        assert tags(project) == {"Saved", "Only in the log"}
    assert Path(f"{path}-wal").read_bytes() == logged


def test_a_read_only_file_with_a_crashed_writers_log_opens_and_keeps_it(
    crashed: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, logged = crashed
    real_access = os.access

    def access(place: object, mode: int, **kwargs: object) -> bool:
        if Path(str(place)) == path and mode & os.W_OK:
            return False  # a read-only file, even for the superuser
        return real_access(place, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(database.os, "access", access)
    with Project.open(path) as project:
        assert project.read_only and tags(project) == {"Saved", "Only in the log"}
    assert Path(f"{path}-wal").read_bytes() == logged


def test_a_damaged_project_with_a_crashed_writers_log_is_left_as_it_was(
    crashed: tuple[Path, bytes],
) -> None:
    path, logged = crashed
    damage(path)
    damaged = path.read_bytes()
    with pytest.raises(DamagedProjectError):
        Project.open(path)
    # Not folded into the damaged file: both stay as they were, to be restored or rescued.
    assert path.read_bytes() == damaged
    assert Path(f"{path}-wal").read_bytes() == logged


def test_another_programs_database_with_its_log_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO notes VALUES ('only in the log')")
    conn.commit()
    left = {end: Path(f"{path}{end}").read_bytes() for end in ("", "-wal", "-shm")}
    conn.close()
    for end, data in left.items():  # as that program left them when it crashed
        Path(f"{path}{end}").write_bytes(data)
    with pytest.raises(NotAProjectError):
        Project.open(path)
    assert {end: Path(f"{path}{end}").read_bytes() for end in ("", "-wal")} == {
        end: left[end] for end in ("", "-wal")
    }


def test_a_damaged_project_without_a_log_gets_none_from_being_opened(study: Path) -> None:
    damage(study)
    damaged = study.read_bytes()
    with pytest.raises(DamagedProjectError):
        Project.open(study)
    assert study.read_bytes() == damaged and side_files(study) == []
