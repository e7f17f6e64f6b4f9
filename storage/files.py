"""Writing output files so that a crash never leaves half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from pathlib import Path

from diptych.storage.errors import InputError
from diptych.storage.file_names import part_name
from diptych.storage.held_files import read_start

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: the old file or the new one survives a crash, never a mix.

    A folder, or a project (any SQLite database), is never replaced: an export written
    over the project it came from would destroy the project.

    Raises:
        InputError: the file cannot be written (the message names it and says why).
    """
    try:
        _check_target(path)
        target = path.resolve() if path.is_symlink() else path  # the link stays a link
        special = target.exists() and not target.is_file()
    except (OSError, RuntimeError) as exc:  # a loop of links, a name too long
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(
            f"{path}: cannot be written ({reason})", advice="Choose another file name."
        ) from exc
    if special:  # a pipe or a device: nothing to replace
        _write_into(path, target, data)
        return
    tmp = _temporary_beside(target)
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():  # a file only its owner may read stays so
            shutil.copymode(target, tmp)
        tmp.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):  # the folder may not even exist
            tmp.unlink(missing_ok=True)
        raise _not_written(path, exc) from exc


def _not_written(path: Path, exc: OSError) -> InputError:
    """The message for an export the folder refused, with the advice that fits the cause:
    a folder that is not there is not cured by freeing disk space."""
    if exc.errno == errno.ENOENT and not path.parent.exists():
        return InputError(
            f"{path}: cannot be written: its folder {path.parent} does not exist",
            advice="Choose an existing folder, or create it first.",
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        advice = "Choose a folder you may write to."
    else:
        advice = "Choose another folder, or free some disk space."
    return InputError(f"{path}: cannot be written ({exc.strerror})", advice=advice)


def _temporary_beside(target: Path) -> Path:
    """The file written first, in the same folder (so that renaming it over ``target`` is
    atomic): ``.NAME.part``, ``NAME`` shortened when ``target``'s is close to the longest a
    file name may be."""
    return part_name(target, prefix=".", room=0)


def _write_into(path: Path, target: Path, data: bytes) -> None:
    try:
        with target.open("wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise InputError(
            f"{path}: cannot be written ({exc.strerror})",
            advice="Choose another file.",
        ) from exc


def _check_target(path: Path) -> None:
    if not path.name or path.is_dir():  # "." and "" have no name to write under
        raise InputError(
            f"{path}: cannot be written (it is a folder)",
            advice="Choose another name, or a file inside it.",
        )
    for suffix in _SIDE_FILES:  # a project's log or index: replacing it damages the project
        if path.name.endswith(suffix) and _is_database(path.with_name(path.name[: -len(suffix)])):
            raise InputError(
                f"{path}: belongs to the project beside it and was not replaced",
                advice="Choose another file name for the export.",
            )
    if _is_database(path):  # (a pipe is never read: it is not a file)
        raise InputError(
            f"{path}: is a Diptych project (or another database) and was not replaced",
            advice="Choose another file name for the export.",
        )
    if _read_only_file(path):  # renaming over it would replace it all the same
        raise InputError(
            f"{path}: is read-only, so it was not replaced",
            advice="Make it writable, or choose another file name for the export.",
        )


def _read_only_file(path: Path) -> bool:
    """True if ``path`` is a file that may not be written (its mode says so, even to the
    superuser, who may write anything)."""
    try:
        return path.is_file() and (not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK))
    except OSError:  # cannot be looked at: writing it says what is wrong
        return False


def _is_database(path: Path) -> bool:
    """True if ``path`` is a file that starts as an SQLite database does."""
    if not path.is_file():
        return False
    try:
        return read_start(path, len(_SQLITE_MAGIC)) == _SQLITE_MAGIC  # the open project's too
    except OSError:  # unreadable: writing it says what is wrong
        return False
