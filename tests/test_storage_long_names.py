"""New and existing project files whose name or folder SQLite cannot work with: the
message says which, not "cannot be opened"."""

from __future__ import annotations

import errno
import io
import os
import shutil
from pathlib import Path

import pytest

from diptych.storage import project_checks
from diptych.storage.cli import main
from diptych.storage.errors import ProjectFileError, ReadOnlyProjectError
from diptych.storage.project import Project


def test_a_new_project_whose_journal_name_would_be_too_long_is_refused_clearly(
    tmp_path: Path,
) -> None:
    path = tmp_path / ("n" * 240 + ".diptych")  # 248 bytes: NAME-journal is 256
    with pytest.raises(ProjectFileError) as refused:
        Project.create(path)
    message = str(refused.value)
    assert str(path) in message and "248 bytes" in message and "at most 247" in message
    assert "Choose a shorter name" in message
    assert list(tmp_path.iterdir()) == []  # nothing half made


def test_an_existing_project_whose_log_name_would_be_too_long_says_to_rename_it(
    tmp_path: Path,
) -> None:
    saved = tmp_path / "saved.diptych"
    with Project.create(saved) as project:
        project.tags.add(name="Kept")
    long = tmp_path / ("x" * 244 + ".diptych")  # 252 bytes: NAME-wal is 256
    shutil.copy(saved, long)
    with pytest.raises(ProjectFileError) as refused:
        Project.open(long, read_only=True)
    message = str(refused.value)
    assert "252 bytes" in message and "at most 251" in message and "Rename it" in message
    assert long.read_bytes() == saved.read_bytes()  # untouched


def test_a_name_longer_than_the_file_system_allows_is_a_known_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    path = tmp_path / ("y" * 300 + ".diptych")
    with pytest.raises(ProjectFileError, match=r"cannot be used .*Choose a shorter name"):
        Project.open(path, create=True)
    with pytest.raises(ProjectFileError):
        Project.create(path)
    article = tmp_path / "a.txt"
    article.write_text("Some words.", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(path), str(article)], stdout=out, stderr=err) == 2
    assert err.getvalue().startswith("diptych: ") and "Choose a shorter name" in err.getvalue()
    assert err.getvalue().count("\n") == 1


def test_a_new_project_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "not made yet" / "study.diptych"
    with pytest.raises(ProjectFileError) as refused:
        Project.create(path)
    message = str(refused.value)
    assert "cannot be created" in message and str(path.parent) in message
    assert "does not exist" in message and "create it first" in message
    assert not path.parent.exists()


def test_a_new_project_in_a_read_only_folder_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == folder and mode & os.W_OK:
            return False  # as on read-only media, even for the superuser
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(project_checks.os, "access", access)
    with pytest.raises(ReadOnlyProjectError) as refused:
        Project.create(folder / "study.diptych")
    message = str(refused.value)
    assert "cannot be created: its folder is read-only" in message
    assert "Choose a folder you can write to" in message
    assert list(folder.iterdir()) == []


def test_a_project_that_cannot_be_looked_at_is_a_known_error_saying_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "on the share.diptych"
    real_stat = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if self == path:  # a network folder gone stale
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    with pytest.raises(ProjectFileError) as refused:
        Project.open(path)
    message = str(refused.value)
    assert "cannot be used (Input/output error)" in message
    assert "network" in message and "shorter name" not in message
