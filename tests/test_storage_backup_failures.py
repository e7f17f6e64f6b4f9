"""A backup that cannot be written says so about the backup, never that the user's change
was lost, and never removes an older backup; a backup removed meanwhile (by another window
of the same project) is not an error."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from diptych.storage import project_copies
from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import SOURCE_RECORD, list_backups
from diptych.storage.errors import DiskFullError
from diptych.storage.project import Project


class FullDisk:
    """The sqlite3 module as the backups see it, on a disk with no room for a new file."""

    Error = sqlite3.Error
    Connection = sqlite3.Connection

    @staticmethod
    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = sqlite3.connect(*args, **kwargs)
        conn.execute("PRAGMA max_page_count = 2")
        return conn


def test_a_full_disk_in_the_backup_folder_names_the_backup_and_keeps_older_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    root = tmp_path / "backups"
    with Project.create(path) as project:
        first = backup_project(project, root=root)
        project.tags.add(name="Method")
        second = backup_project(project, root=root)
        monkeypatch.setattr(project_copies, "sqlite3", FullDisk)
        with pytest.raises(DiskFullError) as refused:
            backup_project(project, root=root, keep=1)
        monkeypatch.undo()
        assert [t.name for t in project.tags.all()] == ["Method"]
    message = str(refused.value)
    folder = second.parent
    assert message.startswith(f"{folder}/") and "disk is full" in message
    assert "not saved" not in message  # the project was only read: nothing of it is lost
    assert f"{path} was only read" in message
    assert [b.path for b in list_backups(folder)] == [second, first]  # none pruned
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [first.name, second.name, SOURCE_RECORD]
    )  # no part-written copy left behind


def test_a_backup_removed_while_the_backups_are_listed_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "study.diptych"
    root = tmp_path / "backups"
    with Project.create(path) as project:
        kept = backup_project(project, root=root)
        gone = kept.with_name("20260101-000000-000000-hourly.diptych")
        gone.symlink_to(kept.with_name("removed by the other window.diptych"))
        assert [b.path for b in list_backups(kept.parent)] == [kept]
        project.tags.add(name="Method")
        newest = backup_project(project, root=root)
    assert [b.path for b in list_backups(kept.parent)] == [newest, kept]


def test_an_old_backup_that_cannot_be_removed_is_kept_and_the_new_one_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    root = tmp_path / "backups"
    with Project.create(path) as project:
        oldest = backup_project(project, root=root)
        unlink = Path.unlink

        def refuse_the_oldest(self: Path, missing_ok: bool = False) -> None:
            if self == oldest:  # a file of another owner, in a folder it may not change
                raise PermissionError(1, "Operation not permitted", str(self))
            unlink(self, missing_ok=missing_ok)

        monkeypatch.setattr(Path, "unlink", refuse_the_oldest)
        project.tags.add(name="Method")
        newest = backup_project(project, root=root, keep=1)
    assert [b.path for b in list_backups(newest.parent)] == [newest, oldest]
