"""A project file moved, deleted or replaced while open: no change is written where SQLite's
log would part from the file, and following the file loses nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diptych.storage.errors import ProjectMovedError
from diptych.storage.file_place import follow_file
from diptych.storage.project import Project


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        return {t.name for t in project.tags.all()}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.create(tmp_path / "study.diptych")
    for name in ("One", "Two"):
        opened.tags.add(name=name)
    return opened


def test_a_change_after_the_file_was_renamed_is_refused_naming_it(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    path.rename(tmp_path / "renamed.diptych")
    with pytest.raises(ProjectMovedError) as refused:
        project.tags.add(name="Lost in the old log")
    message = str(refused.value)
    assert str(path) in message and "moved, renamed or deleted" in message
    assert "not saved" in message
    project.close()
    assert tag_names(tmp_path / "renamed.diptych") == {"One", "Two"}


def test_a_renamed_file_is_followed_and_its_new_log_holds_later_changes(
    project: Project, tmp_path: Path
) -> None:
    old = project.path
    moved = tmp_path / "renamed.diptych"
    old.rename(moved)
    followed = follow_file(project, fallback=tmp_path)
    assert followed is not None and followed.kind == "moved" and followed.path == moved
    assert project.path == moved and project.file_status() == "same"
    project.tags.add(name="Three")
    # Another connection opening the file by its new name sees the change at once: it
    # is in the log beside that name, which a crash now cannot part from the file.
    assert tag_names(moved) == {"One", "Two", "Three"}
    assert not Path(f"{old}-wal").exists()
    project.close()


def test_a_deleted_file_is_written_again_with_everything_in_it(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    path.unlink()
    followed = follow_file(project, fallback=tmp_path / "elsewhere")
    assert followed is not None and followed.kind == "deleted" and followed.path == path
    assert "was deleted while it was open" in followed.describe()
    project.tags.add(name="Three")
    assert tag_names(path) == {"One", "Two", "Three"}
    project.close()


def test_a_deleted_file_whose_folder_is_gone_too_is_written_to_the_fallback(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    project = Project.create(folder / "study.diptych")
    project.tags.add(name="One")
    for name in os.listdir(folder):
        (folder / name).unlink()
    folder.rmdir()
    followed = follow_file(project, fallback=tmp_path)
    assert followed is not None and followed.path == tmp_path / "study.diptych"
    project.close()
    assert tag_names(tmp_path / "study.diptych") == {"One"}


def test_a_replaced_file_is_kept_as_a_copy_and_the_new_one_is_not_mixed_with_it(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    project.db.execute("PRAGMA wal_autocheckpoint = 0")  # the changes stay in the log
    project.tags.add(name="Three")
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    os.replace(other, path)
    with pytest.raises(ProjectMovedError, match="replaced by another file"):
        project.tags.add(name="Refused")

    followed = follow_file(project, fallback=tmp_path)
    assert followed is not None and followed.kind == "replaced"
    kept = followed.path
    assert kept.parent == path.parent and kept.name.startswith("study (kept ")
    assert str(kept) in followed.describe()
    project.tags.add(name="Four")
    # The file that took the name is read as it came, without the old project's log.
    assert tag_names(path) == {"From elsewhere"}
    project.close()
    assert tag_names(kept) == {"One", "Two", "Three", "Four"}
    assert tag_names(path) == {"From elsewhere"}


def test_a_file_in_its_place_needs_no_following(project: Project, tmp_path: Path) -> None:
    assert follow_file(project, fallback=tmp_path) is None
    assert project.path == tmp_path / "study.diptych"
    project.close()


def test_a_file_moved_to_the_trash_is_written_again_where_it_was(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    trash = tmp_path / "home" / ".local" / "share" / "Trash" / "files"
    trash.mkdir(parents=True)
    path.rename(trash / path.name)  # what "Move to Trash" in a file manager does
    followed = follow_file(project, fallback=tmp_path)
    assert followed is not None and followed.kind == "deleted" and followed.path == path
    project.tags.add(name="Three")
    project.close()
    assert tag_names(path) == {"One", "Two", "Three"}
    assert tag_names(trash / path.name) == {"One", "Two"}  # the trash keeps what it got
