"""A copy of a project file (kept to share or archive it) has the same identity as the
project, but backups of its own: working in the copy no longer rotates the project's
backups out, nor offers the copy's states to restore over the project (or the project's
over the copy), nor hides the project's backups when the project is too damaged to open."""

from __future__ import annotations

import shutil
from pathlib import Path

from damaged_files import damage

from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import backup_folder, backups_for_path, list_backups
from diptych.storage.project import Project


def project_with_backup(path: Path, root: Path) -> Path:
    with Project.create(path) as project:
        project.tags.add(name="Method")
        return backup_project(project, root=root, reason="on open")


def test_a_copy_of_a_project_keeps_its_backups_apart(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    study = tmp_path / "study.diptych"
    mine = project_with_backup(study, root)
    archive = tmp_path / "archive" / "study 2026.diptych"
    archive.parent.mkdir()
    shutil.copy(study, archive)
    with Project.open(archive) as copy:
        copy.tags.add(name="Only in the archive")
        theirs = backup_project(copy, root=root, reason="on open", keep=1)
        assert [b.path for b in list_backups(backup_folder(root, copy))] == [theirs]
    with Project.open(study) as project:
        assert [b.path for b in list_backups(backup_folder(root, project))] == [mine]
        with Project.open(archive, read_only=True) as copy:
            assert project.info().uuid == copy.info().uuid  # the same identity
    assert [b.path for b in backups_for_path(root, study)] == [mine]
    assert [b.path for b in backups_for_path(root, archive)] == [theirs]


def test_the_backups_of_a_damaged_project_are_still_found_after_its_copy_was_opened(
    tmp_path: Path,
) -> None:
    root = tmp_path / "backups"
    study = tmp_path / "study.diptych"
    mine = project_with_backup(study, root)
    archive = tmp_path / "study (copy).diptych"
    shutil.copy(study, archive)
    damage(study)
    with Project.open(archive) as copy:
        copy.tags.add(name="Only in the copy")
        backup_project(copy, root=root, reason="on open", keep=1)
    assert mine.exists()
    assert [b.path for b in backups_for_path(root, study)] == [mine]


def test_a_moved_project_keeps_its_backups(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    study = tmp_path / "study.diptych"
    mine = project_with_backup(study, root)
    moved = tmp_path / "moved.diptych"
    study.rename(moved)
    with Project.open(moved) as project:
        assert [b.path for b in list_backups(backup_folder(root, project))] == [mine]


def test_a_project_whose_old_place_holds_another_project_keeps_its_backups(
    tmp_path: Path,
) -> None:
    root = tmp_path / "backups"
    study = tmp_path / "study.diptych"
    mine = project_with_backup(study, root)
    moved = tmp_path / "moved.diptych"
    study.rename(moved)
    Project.create(study).close()  # a new project where the old one was
    with Project.open(moved) as project:
        assert [b.path for b in list_backups(backup_folder(root, project))] == [mine]


def test_a_project_keeps_its_own_folder_after_the_copy_it_was_told_apart_from_is_gone(
    tmp_path: Path,
) -> None:
    root = tmp_path / "backups"
    study = tmp_path / "study.diptych"
    Project.create(study).close()
    copy = tmp_path / "copy.diptych"
    shutil.copy(study, copy)
    with Project.open(copy) as opened:  # the copy is backed up first: it has the uuid's folder
        theirs = backup_project(opened, root=root)
    with Project.open(study) as opened:
        opened.tags.add(name="Method")
        mine = backup_project(opened, root=root)
    assert mine.parent != theirs.parent
    copy.unlink()
    with Project.open(study) as opened:  # its own backups, not the copy's
        assert [b.path for b in list_backups(backup_folder(root, opened))] == [mine]
