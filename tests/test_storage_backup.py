"""Backups of a project only its owner may read are as private as the project."""

from __future__ import annotations

from pathlib import Path

from diptych.storage.backup import backup_project
from diptych.storage.backup_restore import restore_backup
from diptych.storage.project import Project


def test_backups_of_a_private_project_are_private(tmp_path: Path) -> None:
    path = tmp_path / "private.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Confidential")
    path.chmod(0o600)
    root = tmp_path / "backups"
    with Project.open(path) as project:
        backup = backup_project(project, root=root)
    assert backup.stat().st_mode & 0o777 == 0o600
    assert backup.parent.stat().st_mode & 0o077 == 0  # nor can others list them

    path.unlink()
    restore_backup(backup, target=path, root=root)  # a deleted project comes back private
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_project_restored_from_the_backup_of_a_read_only_one_can_be_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.diptych"
    Project.create(path).close()
    path.chmod(0o444)
    root = tmp_path / "backups"
    with Project.open(path) as project:
        backup = backup_project(project, root=root)
    path.chmod(0o644)
    path.unlink()
    restore_backup(backup, target=path, root=root)
    assert path.stat().st_mode & 0o200  # its owner may write it
    assert path.stat().st_mode & 0o044 == 0o044  # and others read it, as before
