"""Whole, consistent copies of a project file, written with SQLite's online backup API
(a snapshot even while another connection writes): a copy is written whole or not at
all, kept as private as the file copied, and a copy that cannot be written is a known
error naming the copy, the file copied being only read."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.errors import DiskFullError, ProjectFileError
from diptych.storage.file_names import part_name
from diptych.storage.sqlite_errors import error_kind, known_error

if TYPE_CHECKING:
    from diptych.storage.project import Project


def copy_open_project(project: Project, target: Path) -> None:
    """Write a whole, consistent copy of the open ``project`` to the new file ``target``
    (a project file of its own; errors name ``target`` when it is the copy that failed)."""
    copy_database(project.db.conn, target, source_path=project.path)


def copy_file(backup: Path, target: Path, *, journal: str = "DELETE") -> None:
    """Copy the project file (a backup) at ``backup`` to the new file ``target``, with
    SQLite's ``journal`` mode (see :func:`copy_database`)."""
    with read_only(backup) as source:
        copy_database(source, target, source_path=backup, journal=journal)


def read_only(path: Path) -> contextlib.closing[sqlite3.Connection]:
    """A read-only connection to ``path``, closed at the end of the ``with`` block."""
    return contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))


def copy_database(
    source: sqlite3.Connection, target: Path, *, source_path: Path, journal: str = "DELETE"
) -> None:
    """Copy the database ``source`` (the file at ``source_path``) to the new file ``target``.

    Args:
        journal: ``"DELETE"`` for a backup (one plain file, read as it is); ``"WAL"`` for
            the file a project is opened from next: one in DELETE mode needs
            ``NAME-journal`` beside it to be switched to WAL, a name 4 bytes longer than
            ``NAME-wal``, which a long name may not leave room for.
    """
    part = part_name(target)
    with _writing_copy(target, source_path=source_path):
        part.unlink(missing_ok=True)
        try:
            dest = sqlite3.connect(part)
            try:
                source.backup(dest)
                dest.execute(f"PRAGMA journal_mode = {'WAL' if journal == 'WAL' else 'DELETE'}")
            finally:
                dest.close()
            _as_private_as(source_path, part)
            part.replace(target)
        except BaseException:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
            raise


# What keeps a copy from being written: the copy's disk or folder, not the file copied.
_COPY_FAILURES = {
    "full": "the disk is full",
    "readonly": "its folder is read-only",
    "cantopen": "it cannot be created",
    "io": "disk input/output error",
}


@contextlib.contextmanager
def _writing_copy(target: Path, *, source_path: Path) -> Iterator[None]:
    """Errors writing a copy of ``source_path`` to ``target`` as known errors: a copy that
    cannot be written (a full disk, a read-only folder) names the copy and says that the
    file copied is unchanged (it was only read); other errors are about that file."""
    advice = f"Free some space or choose a writable folder; {source_path} was only read."
    try:
        yield
    except sqlite3.Error as exc:
        kind = error_kind(exc)
        if kind not in _COPY_FAILURES:
            raise known_error(exc, source_path) from exc
        error = DiskFullError if kind == "full" else ProjectFileError
        why = _COPY_FAILURES[kind]
        raise error(f"could not be written ({why})", path=target, advice=advice) from exc
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise ProjectFileError(f"could not be written ({why})", path=target, advice=advice) from exc


def _as_private_as(source: Path, copy: Path) -> None:
    """Take from ``copy`` what ``source`` does not let others do (its owner keeps writing)."""
    with contextlib.suppress(OSError):
        withheld = ~source.stat().st_mode & 0o077
        copy.chmod(copy.stat().st_mode & 0o777 & ~withheld)
