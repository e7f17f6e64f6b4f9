"""Opening a project on a disk with no room left: SQLite cannot grow the -shm file beside
the project even to read it. The message says the disk is full and that nothing was
changed (no "last change" was asked for yet)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from diptych.storage import project as project_module
from diptych.storage.errors import DiskFullError, ProjectFileError
from diptych.storage.project import Project
from diptych.storage.sqlite_errors import known_error

SQLITE_IOERR_SHMSIZE = 4874  # what SQLite says when the -shm file cannot be extended


def sqlite_error(code: int, text: str = "disk I/O error") -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


def test_a_shared_memory_file_that_cannot_grow_is_a_full_disk(tmp_path: Path) -> None:
    error = known_error(sqlite_error(SQLITE_IOERR_SHMSIZE), tmp_path / "p.diptych")
    assert isinstance(error, DiskFullError) and "disk is full" in str(error)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (SQLITE_IOERR_SHMSIZE, "could not be opened because its disk is full"),
        (10, "could not be opened (disk input/output error)"),
    ],
)
def test_opening_on_a_full_or_failing_disk_says_nothing_was_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    path = tmp_path / "study.diptych"
    Project.create(path).close()
    before = path.read_bytes()

    def no_room(path: Path, **kwargs: object) -> object:
        cause = sqlite_error(code)
        raise known_error(cause, path) from cause  # as translate_errors does

    monkeypatch.setattr(project_module, "connect", no_room)
    with pytest.raises(ProjectFileError) as refused:
        Project.open(path)
    message = str(refused.value)
    assert str(path) in message and words in message
    assert "nothing was changed" in message and "last change" not in message
    assert path.read_bytes() == before
