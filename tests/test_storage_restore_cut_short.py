"""A restore from a backup cut short (the disk full, a write failing half way): the
project file is where it was, as it was, and the message says so; a file too damaged to
open that was moved aside to make room is moved back, or the message names where it is."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from damaged_files import damage
from test_storage_backup_failures import FullDisk

from diptych.storage import backup_restore, project_copies
from diptych.storage.backup import backup_project
from diptych.storage.backup_restore import restore_backup
from diptych.storage.errors import DiptychError
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def dump(path: Path) -> list[str]:
    """Everything the project holds, read without writing to it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


class FailingHalfWay:
    """The backup read for a restore, on a disk that fails once a few pages are written."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def backup(self, target: sqlite3.Connection, **kwargs: Any) -> None:
        def progress(status: int, remaining: int, total: int) -> None:
            if total - remaining >= 3:
                raise sqlite3.OperationalError("disk I/O error")

        self.conn.backup(target, pages=1, progress=progress)


@contextlib.contextmanager
def failing_half_way(path: Path) -> Iterator[FailingHalfWay]:
    with project_copies.read_only(path) as conn:
        yield FailingHalfWay(conn)


def test_a_restore_failing_half_way_leaves_the_project_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "study.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root)
        project.tags.add(name="Added after the backup")
    before = dump(path)
    monkeypatch.setattr(backup_restore, "read_only", failing_half_way)

    with pytest.raises(DiptychError) as refused:
        restore_backup(backup, target=path, root=root)

    message = str(refused.value)
    assert message.startswith(str(path)) and "input/output error" in message
    assert "could not be restored" in message and "unchanged" in message
    assert dump(path) == before
    with Project.open(path) as project:
        assert project.tags.find(name="Added after the backup") is not None
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_project_that_cannot_be_replaced_is_back_in_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    damaged = path.read_bytes()
    monkeypatch.setattr(project_copies, "sqlite3", FullDisk)  # the copy fails half way

    with pytest.raises(DiptychError) as refused:
        restore_backup(backup, target=path, root=root)

    message = str(refused.value)
    assert "disk is full" in message and str(path) in message
    assert "could not be restored" in message and "unchanged" in message
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Field study.diptych", "backups"]


def test_a_damaged_project_and_its_log_are_back_in_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root)
        project.db.execute("PRAGMA wal_autocheckpoint = 0")
        project.tags.add(name="Only in the log")
        left = {end: Path(f"{path}{end}").read_bytes() for end in ("", "-wal")}
    for end, data in left.items():  # as a window that crashed leaves them
        Path(f"{path}{end}").write_bytes(data)
    damage(path)
    damaged = path.read_bytes()
    monkeypatch.setattr(project_copies, "sqlite3", FullDisk)

    with pytest.raises(DiptychError, match="back in its place"):
        restore_backup(backup, target=path, root=root)

    assert path.read_bytes() == damaged
    assert Path(f"{path}-wal").read_bytes() == left["-wal"]
    assert not [p for p in tmp_path.iterdir() if "(damaged" in p.name]


def test_a_damaged_project_that_cannot_be_moved_back_is_named_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    damaged = path.read_bytes()
    monkeypatch.setattr(project_copies, "sqlite3", FullDisk)
    real_replace = Path.replace

    def replace(self: Path, target: Any) -> Path:
        if Path(target) == path:  # moving it back fails too
            raise OSError(13, "Permission denied")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)

    with pytest.raises(DiptychError) as refused:
        restore_backup(backup, target=path, root=root)

    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith("Field study (damaged ")]
    assert aside.read_bytes() == damaged
    message = str(refused.value)
    assert str(aside) in message and "disk is full" in message


def test_a_deleted_project_whose_log_was_left_comes_back_as_the_backup_has_it(
    tmp_path: Path,
) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        project.tags.add(name="In the backup")
        backup = backup_project(project, root=root)
        project.db.execute("PRAGMA wal_autocheckpoint = 0")
        project.tags.add(name="Only in the log")
        logged = Path(f"{path}-wal").read_bytes()
    path.unlink()  # deleted after a crash: its log is left beside its name
    Path(f"{path}-wal").write_bytes(logged)

    assert restore_backup(backup, target=path, root=root) == backup

    with Project.open(path) as restored:  # not mixed with the log of the file deleted
        assert {t.name for t in restored.tags.all()} == {"In the backup"}
    (log,) = [p for p in tmp_path.iterdir() if p.name.endswith("-wal")]
    assert log.read_bytes() == logged and log.name.startswith("study (")  # kept aside
