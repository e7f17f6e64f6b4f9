"""The record in each backup folder of the file it backs up: written for any file name, and
never cut short in a way that hides a project's backups."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import (
    SOURCE_RECORD,
    backup_folder,
    backups_for_path,
    list_backups,
)
from diptych.storage.project import Project


def test_a_project_whose_file_name_is_not_utf8_is_backed_up_and_found_by_its_path(
    tmp_path: Path,
) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.diptych"))  # Latin-1 name
    root = tmp_path / "backups"
    with Project.create(path) as project:
        project.tags.add(name="Kept")
        taken = backup_project(project, root=root)
    assert taken.exists()
    assert [b.path for b in backups_for_path(root, path)] == [taken]


def test_a_record_cut_short_does_not_send_the_backups_to_another_folder(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    with Project.create(tmp_path / "study.diptych") as project:
        project.tags.add(name="One")
        first = backup_project(project, root=root)
        (first.parent / SOURCE_RECORD).write_bytes(b"")  # as a full disk leaves it
        project.tags.add(name="Two")
        assert backup_folder(root, project) == first.parent
        second = backup_project(project, root=root)
        assert second.parent == first.parent
        assert [b.path for b in list_backups(first.parent)] == [second, first]
    assert (first.parent / SOURCE_RECORD).read_bytes() == os.fsencode(
        str((tmp_path / "study.diptych").resolve())
    )


def test_a_record_that_cannot_be_written_leaves_none_rather_than_half_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    real_replace = Path.replace

    def full_disk(self: Path, target: Path) -> Path:
        if self.name.startswith(SOURCE_RECORD):
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", full_disk)
    with Project.create(tmp_path / "study.diptych") as project:
        taken = backup_project(project, root=root)
        assert taken.exists()
        assert sorted(p.name for p in taken.parent.iterdir()) == [taken.name]
        assert backup_folder(root, project) == taken.parent
