"""A project file moved, deleted or replaced while open: no change is written where SQLite's
log would part from the file, and following the file loses nothing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from diptych.storage.backup import backup_project
from diptych.storage.errors import ProjectMovedError, ReadOnlyProjectError
from diptych.storage.file_overwritten import overwritten, remember_file
from diptych.storage.file_place import follow_file
from diptych.storage.held_files import held_descriptors
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
    assert "is gone from its place" in followed.describe()
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


# -- another file written into the open project's file, where it is ---------------------


def write_over(path: Path, data: bytes) -> None:
    """Write ``data`` into the file at ``path`` where it is, as ``cp`` or a sync tool does
    (same file, new contents)."""
    inode = path.stat().st_ino
    with path.open("r+b") as file:
        file.truncate(0)
        file.write(data)
    assert path.stat().st_ino == inode


def other_project(tmp_path: Path) -> bytes:
    """The bytes of another project, as they are on disk once it is closed."""
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    return other.read_bytes()


def is_intact(path: Path, data: bytes) -> bool:
    """True if ``path`` holds ``data`` and no log of another project is beside it."""
    return path.read_bytes() == data and not Path(f"{path}-wal").exists()


def test_another_project_copied_over_the_open_file_is_left_alone_and_the_backup_kept(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    remember_file(project)  # as the window does when it opens the project
    taken = backup_project(project, root=tmp_path / "backups")  # holds One, Two
    project.db.execute("PRAGMA wal_autocheckpoint = 0")  # the next changes stay in the log
    project.tags.add(name="Three")
    data = other_project(tmp_path)
    write_over(path, data)

    followed = follow_file(project, fallback=tmp_path, backup=taken)

    assert followed is not None and followed.kind == "overwritten"
    kept = followed.path
    assert kept.parent == path.parent and kept.name.startswith("study (kept ")
    said = followed.describe()
    assert str(path) in said and "overwritten" in said and str(kept) in said
    assert "last automatic backup" in said and "File > Open" in said
    assert project.path == kept and not project.read_only  # goes on with the backup's copy
    assert {t.name for t in project.tags.all()} == {"One", "Two"}
    project.tags.add(name="Four")
    assert is_intact(path, data)
    project.close()  # the old log is never folded into the file now there
    assert is_intact(path, data)
    assert tag_names(path) == {"From elsewhere"}
    assert tag_names(kept) == {"One", "Two", "Four"}
    assert tag_names(taken) == {"One", "Two"}
    assert not overwritten(project)


def test_a_change_made_after_the_overwrite_never_reaches_the_file_now_there(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    remember_file(project)
    project.fold_log()  # the log is empty: the project is in its file alone
    data = other_project(tmp_path)
    write_over(path, data)
    project.tags.add(name="Typed before the window looked")  # into the log, not the file

    followed = follow_file(project, fallback=tmp_path)

    assert followed is not None and followed.kind == "overwritten"
    assert followed.path == path and project.read_only  # no backup: nothing to go on with
    assert "No automatic backup" in followed.describe()
    with pytest.raises(ReadOnlyProjectError):
        project.tags.add(name="Refused")
    project.close()
    assert is_intact(path, data)
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert tag_names(path) == {"From elsewhere"}


@pytest.mark.parametrize(
    "written",
    [b"", b"Notes copied over the project by mistake\n" * 200, b"SQLite format 3\x00" + bytes(84)],
    ids=["emptied", "text", "a broken header"],
)
def test_other_data_written_over_the_open_file_is_noticed(
    project: Project, tmp_path: Path, written: bytes
) -> None:
    remember_file(project)
    write_over(project.path, written)
    assert overwritten(project)
    followed = follow_file(project, fallback=tmp_path)
    assert followed is not None and followed.kind == "overwritten"
    project.close()
    assert is_intact(tmp_path / "study.diptych", written)


def test_a_backup_of_the_same_project_copied_over_it_is_noticed(
    project: Project, tmp_path: Path
) -> None:
    remember_file(project)
    taken = backup_project(project, root=tmp_path / "backups")
    project.tags.add(name="Three")
    data = taken.read_bytes()  # the same project, one change behind, in a plain file
    write_over(project.path, data)
    followed = follow_file(project, fallback=tmp_path, backup=taken)
    assert followed is not None and followed.kind == "overwritten"
    project.close()
    assert is_intact(tmp_path / "study.diptych", data)


def test_the_projects_own_writes_and_folds_are_not_taken_for_an_overwrite(
    tmp_path: Path,
) -> None:
    project = Project.create(tmp_path / "new.diptych")  # its uuid only in the log so far
    remember_file(project)
    assert not overwritten(project)
    for round_ in range(5):
        for i in range(40):
            project.tags.add(name=f"Tag {round_}.{i}", description="m" * 3000)  # overflow pages
        assert not overwritten(project)
        assert project.fold_log()
        assert not overwritten(project)
    project.rename(name="Renamed")
    project.fold_log()
    assert not overwritten(project)
    assert follow_file(project, fallback=tmp_path) is None and not project.read_only
    project.close()


def test_looking_whether_the_file_was_overwritten_keeps_sqlites_locks(
    project: Project, tmp_path: Path
) -> None:
    from test_storage_held_files import _other_program_reads_tags

    path = project.path
    remember_file(project)
    project.fold_log()
    project.tags.add(name="Three")  # in the log, which another program must not delete
    descriptors = held_descriptors(path)
    assert not overwritten(project)  # the file's pages read through SQLite's descriptor
    assert held_descriptors(path) == descriptors  # none opened or closed
    assert "Three" in _other_program_reads_tags(path)  # and it closed the project again
    assert Path(f"{path}-wal").exists()  # still this project's log
    project.tags.add(name="Four")
    assert "Four" in _other_program_reads_tags(path)
    project.close()


def test_the_sample_project_made_from_its_template_is_not_taken_for_an_overwrite(
    tmp_path: Path,
) -> None:
    """The first start copies the ready-made sample and gives the copy a uuid of its own:
    the file, whose header still held the template's uuid, is the project's own."""
    from diptych.storage.sample import create_sample_project

    project = create_sample_project(tmp_path / "Sample project.diptych")
    remember_file(project)
    assert not overwritten(project)
    project.tags.add(name="First tag")
    assert not overwritten(project)
    project.fold_log()
    assert not overwritten(project)
    assert follow_file(project, fallback=tmp_path) is None and not project.read_only
    project.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Sample project.diptych"]


def test_a_deleted_file_whose_folder_is_gone_takes_a_free_name_in_the_fallback(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    project = Project.create(folder / "study.diptych")
    project.tags.add(name="One")
    taken = tmp_path / "study.diptych"  # an earlier project kept there the same way
    with Project.create(taken) as earlier:
        earlier.tags.add(name="Earlier")
    for name in os.listdir(folder):
        (folder / name).unlink()
    folder.rmdir()
    followed = follow_file(project, fallback=tmp_path)
    assert followed is not None and followed.kind == "deleted"
    assert followed.path.parent == tmp_path and followed.path != taken
    assert str(followed.path) in followed.describe()
    project.tags.add(name="Two")
    project.close()
    assert tag_names(followed.path) == {"One", "Two"}
    assert tag_names(taken) == {"Earlier"}


def test_a_deleted_file_that_its_disk_cannot_take_again_is_written_to_the_fallback(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diptych.storage import project_copies
    from diptych.storage.errors import DiskFullError

    path = project.path
    real_copy = project_copies.copy_open_project

    def full_disk_beside_it(opened: Project, target: Path) -> None:
        if target.parent == path.parent:
            raise DiskFullError("could not be written (the disk is full)", path=target)
        real_copy(opened, target)

    monkeypatch.setattr(project_copies, "copy_open_project", full_disk_beside_it)
    fallback = tmp_path / "data"
    fallback.mkdir()
    path.unlink()
    followed = follow_file(project, fallback=fallback)
    assert followed is not None and followed.path == fallback / "study.diptych"
    said = followed.describe()
    assert "the disk is full" in said and str(fallback / "study.diptych") in said
    project.tags.add(name="Three")
    project.close()
    assert tag_names(fallback / "study.diptych") == {"One", "Two", "Three"}


def test_a_file_written_nowhere_says_so_and_never_sends_to_a_taken_name(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diptych.storage import project_copies
    from diptych.storage.errors import DiskFullError, ProjectFileError

    def full_disk(_opened: Project, target: Path) -> None:
        raise DiskFullError("could not be written (the disk is full)", path=target)

    monkeypatch.setattr(project_copies, "copy_open_project", full_disk)
    fallback = tmp_path / "data"
    fallback.mkdir()
    project.path.unlink()
    with pytest.raises(ProjectFileError) as raised:
        follow_file(project, fallback=fallback)
    said = str(raised.value)
    assert str(project.path) in said and str(fallback / "study.diptych") in said
    assert "only in this window" in said and "Save a copy" in said
    assert "make the folder writable" not in said
    project.close()


def copied(path: Path) -> bytes:
    """The file's bytes, as ``cp`` in another program copies them (read here through the
    descriptor SQLite holds: closing another would drop its locks)."""
    from diptych.storage.held_files import reading

    with reading(path) as read:
        return read(0, path.stat().st_size)


OTHER_PROGRAM_TAGS = """
import sys
from diptych.storage.project import Project
with Project.open(sys.argv[1]) as project:
    project.tags.add(name=sys.argv[2])
    project.fold_log()
"""


def another_program_tags(path: Path, name: str) -> None:
    """Another program (``diptych`` in a terminal) adds a tag and folds the log on closing."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", OTHER_PROGRAM_TAGS, str(path), name], check=True)


def test_an_older_copy_of_the_same_project_copied_over_it_is_noticed(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    remember_file(project)
    project.fold_log()
    older = copied(path)  # cp study.diptych older.diptych: the same project, earlier
    project.tags.add(name="Confirmed")
    project.fold_log()  # in the file itself now
    assert not overwritten(project)
    another_program_tags(path, "From a terminal")  # and folded into the file as it closes
    assert not overwritten(project)
    taken = backup_project(project, root=tmp_path / "backups")
    write_over(path, older)  # cp older.diptych study.diptych

    assert overwritten(project)
    followed = follow_file(project, fallback=tmp_path, backup=taken)
    assert followed is not None and followed.kind == "overwritten"
    kept = followed.path
    assert kept != path and str(kept) in followed.describe()
    project.tags.add(name="After")
    project.close()
    assert is_intact(path, older)  # nothing of the window's log read into it
    assert tag_names(path) == {"One", "Two"}
    assert tag_names(kept) == {"One", "Two", "Confirmed", "From a terminal", "After"}


def test_an_older_copy_written_over_the_file_is_noticed_by_a_second_window_too(
    project: Project, tmp_path: Path
) -> None:
    """The first window to look takes the log and its index away from the file copied in;
    the second, finding them gone, made the log again and folded its own pages into that
    file (three times in three tries; once the file held tags of passages it lacked)."""
    path = project.path
    second = Project.open(path)
    for window in (project, second):
        remember_file(window)
    project.fold_log()
    older = copied(path)
    project.tags.add(name="Confirmed")
    project.fold_log()
    for window in (project, second):
        assert not overwritten(window)
    taken = backup_project(project, root=tmp_path / "backups")
    write_over(path, older)

    assert overwritten(project)
    first = follow_file(project, fallback=tmp_path, backup=taken)
    assert first is not None and first.kind == "overwritten"
    assert not Path(f"{path}-shm").exists()  # taken away by the first
    assert overwritten(second)
    then = follow_file(second, fallback=tmp_path, backup=taken)
    assert then is not None and then.kind == "overwritten"
    project.close()
    second.close()
    assert is_intact(path, older)  # nothing of either window's log read into it


def test_an_older_copy_written_over_the_file_before_any_fold_is_noticed(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    project.fold_log()
    remember_file(project)
    older = copied(path)
    project.tags.add(name="In the log")  # not folded yet
    another_program_tags(path, "Elsewhere")  # folds the log, with "In the log", into the file
    assert not overwritten(project)
    write_over(path, older)
    assert overwritten(project)
    project.close()


@pytest.mark.parametrize("how", ["touch", "chmod"])
def test_a_file_only_touched_is_not_taken_for_one_written_over(
    project: Project, tmp_path: Path, how: str
) -> None:
    path = project.path
    remember_file(project)
    project.fold_log()
    assert not overwritten(project)
    if how == "touch":
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    else:
        os.chmod(path, 0o600)
    assert not overwritten(project)
    project.tags.add(name="Three")
    project.fold_log()
    assert not overwritten(project)
    assert follow_file(project, fallback=tmp_path) is None and not project.read_only
    project.close()
    assert tag_names(path) == {"One", "Two", "Three"}


def _fold_elsewhere_once(path: Path) -> Callable[[], None]:
    """Another program adding a tag and folding it into the file, the first time called."""
    done: list[bool] = []

    def fold() -> None:
        if not done:
            done.append(True)
            time.sleep(0.02)  # the file's times move on
            another_program_tags(path, "Folded meanwhile")

    return fold


def test_a_fold_by_another_program_just_after_the_file_was_looked_at_is_not_taken_for_an_overwrite(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two windows and ``diptych`` commands on one project: a command closing folded the log
    between the look at the file's times and the read of the log's marks; the next look
    took the fold for another program's writing and the window went on in a backup."""
    import diptych.storage.file_overwritten as file_overwritten

    path = project.path
    remember_file(project)
    project.fold_log()
    assert not overwritten(project)
    fold = _fold_elsewhere_once(path)
    reading = file_overwritten.reading

    @contextlib.contextmanager
    def folded_as_it_is_read(at: Path) -> Iterator[Callable[[int, int], bytes]]:
        fold()
        with reading(at) as read:
            yield read

    monkeypatch.setattr(file_overwritten, "reading", folded_as_it_is_read)
    assert not overwritten(project)
    monkeypatch.setattr(file_overwritten, "reading", reading)
    for _ in range(3):
        assert not overwritten(project)
    assert follow_file(project, fallback=path.parent) is None and not project.read_only
    project.close()
    assert tag_names(path) == {"One", "Two", "Folded meanwhile"}


@pytest.mark.parametrize("when", ["opened", "looked at again"])
def test_a_fold_by_another_program_while_the_file_is_read_is_not_taken_for_an_overwrite(
    project: Project, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    import diptych.storage.file_overwritten as file_overwritten

    path = project.path
    if when == "looked at again":
        remember_file(project)
        assert not overwritten(project)
        os.utime(path)  # its times move on: its content is read again
    fold = _fold_elsewhere_once(path)
    digest = file_overwritten._digest

    def folded_as_it_is_read(read: Callable[[int, int], bytes], size: int) -> bytes:
        fold()
        return digest(read, size)

    monkeypatch.setattr(file_overwritten, "_digest", folded_as_it_is_read)
    if when == "opened":
        remember_file(project)
    assert not overwritten(project)
    monkeypatch.setattr(file_overwritten, "_digest", digest)
    for _ in range(3):
        assert not overwritten(project)
    project.close()
    assert tag_names(path) == {"One", "Two", "Folded meanwhile"}
