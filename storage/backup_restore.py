"""Restoring a backup: the backup checked first, the state it replaces backed up, then
the backup copied into the project file inside one SQLite transaction (an interruption
leaves the old state, never half of each); a project file too damaged to open is moved
aside (kept, renamed) and the backup copied in its place, or moved back if that copy
cannot be written; so is the log a deleted file left beside its name, which would be
read as part of the backup. A restore that fails says that the project is unchanged, or
where it is now."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from diptych.storage.backup import RECENT_REASON, backup_project, kept_as
from diptych.storage.backup_folders import STAMP
from diptych.storage.database import connect
from diptych.storage.errors import (
    DamagedProjectError,
    DiptychError,
    DiskFullError,
    NotAProjectError,
    ProjectBusyError,
    ProjectFileError,
    ReadOnlyProjectError,
    readable_text,
)
from diptych.storage.file_names import set_aside_name
from diptych.storage.project import Project
from diptych.storage.project_aside import Moves, move_aside, move_back
from diptych.storage.project_checks import on_read_only_disk, only_folder_unwritable
from diptych.storage.project_copies import copy_file, read_only
from diptych.storage.sqlite_errors import translate_errors

UNCHANGED = "It is unchanged."
RESTORE_REASON = "before-restore"


def restore_backup(backup: Path, *, target: Path, root: Path) -> Path:
    """Replace the project at ``target`` with ``backup``; returns where the state it
    replaced is kept: a safety backup made first, or, for a file too damaged to open,
    that file itself, moved aside under a new name next to it.

    A project file deleted or too damaged to open must not be open elsewhere in this
    process (close it first); an intact one may stay open in a window that writes nothing
    meanwhile (it gives way once the restore is done, and stays as it was if it fails).
    The backup is checked (a Diptych project, intact) before anything is touched.

    Raises:
        ProjectFileError: the backup could not be restored; the message says that the
            project file is unchanged in its place, or else where it is.
    """
    _check_backup(backup)
    if not target.exists():  # deleted since: nothing to keep, the backup comes back
        _copy_in_place(backup, target=target, label="deleted", what="The log of the deleted file")
        return backup
    try:
        current = Project.open(target)
    except (DamagedProjectError, NotAProjectError):
        return _copy_in_place(backup, target=target, label="damaged", what="The damaged file")
    with current:
        safety = backup_project(
            current, root=root, reason=RESTORE_REASON, keep=10_000, budget=None, newest_only=True
        )
        # The newest backup held this state already. One taken while changes were made
        # would go with the next such backup, which holds the restored state, not this
        # one: it is kept as this restore's way back.
        if safety.stem.endswith(f"-{RECENT_REASON}"):
            safety = kept_as(safety, RESTORE_REASON, project=target)
        # One transaction: a copy cut short is rolled back, and the project is as it was.
        restoring = _restoring(backup, target, UNCHANGED)
        with restoring, read_only(backup) as source, translate_errors(target):
            source.backup(current.db.conn)
    return safety


def _check_backup(backup: Path) -> None:
    """Check that ``backup`` is an intact Diptych project, without bringing it up to date:
    a backup taken by an older Diptych is restored as it is, and updated when the project
    is opened again (opening it as a project would refuse it, for it cannot be written)."""
    db, _read_only, _verified = connect(backup, create=False, read_only=True)
    db.close()


def _copy_in_place(backup: Path, *, target: Path, label: str, what: str) -> Path:
    """Move what is at ``target`` aside, named with ``label`` (the file with its -wal and
    -shm, or the log a deleted file left: a log left beside the name would be read as part
    of the copy), and copy ``backup`` into its place; returns the file moved aside. If the
    copy fails, ``what`` was moved aside is moved back."""
    stamp = datetime.now().strftime(STAMP)
    aside = set_aside_name(target, f"{label} {stamp}")
    try:
        moved = move_aside(target, aside)
    except OSError as exc:
        raise ProjectFileError(
            f"could not be moved aside to restore a backup in its place ({exc.strerror})",
            path=target,
            advice="It is unchanged. Check that its folder is writable, then restore again.",
        ) from exc
    try:
        copy_file(backup, target, journal="WAL")  # opened next, under its name
    except BaseException as exc:
        where = _moved_back(moved, what)
        if isinstance(exc, DiptychError):
            raise _not_restored(exc, backup=backup, target=target, where=where) from exc
        raise
    return aside


def _moved_back(moved: Moves, what: str) -> str:
    """Move back what was ``moved`` aside; says where ``what`` is now."""
    kept = move_back(moved)
    if kept is not None:
        return (
            f"{what} was moved aside and could not be moved back: it is now"
            f" {readable_text(str(kept))}, with its -wal file if it had one."
        )
    return f"{what} is back in its place, unchanged." if moved else "Nothing was changed."


@contextlib.contextmanager
def _restoring(backup: Path, target: Path, where: str) -> Iterator[None]:
    """Errors copying ``backup`` into ``target`` said as a restore that did not happen."""
    try:
        yield
    except DiptychError as exc:
        raise _not_restored(exc, backup=backup, target=target, where=where) from exc


def _not_restored(exc: DiptychError, *, backup: Path, target: Path, where: str) -> DiptychError:
    """``exc``, raised while ``backup`` was copied into ``target``, said of the restore:
    what went wrong, then ``where`` the project file is, and what to do."""
    why = exc.message.rstrip(".")
    if exc.path is not None and exc.path != target:
        why = f"{readable_text(str(exc.path))}: {why}"
    if isinstance(exc, DiskFullError):
        todo = "Free some space on its disk, then restore again."
    elif isinstance(exc, ProjectBusyError):
        todo = "Close the other program using it, then restore again."
    elif isinstance(exc, ReadOnlyProjectError):  # as every read-only message says it
        todo = _writable_first(target)
    else:
        todo = "Check the disk and the folder, then restore again."
    error = type(exc) if isinstance(exc, ProjectFileError) else ProjectFileError
    return error(
        f"could not be restored from {readable_text(str(backup))} ({why})",
        path=target,
        advice=f"{where} {todo}",
    )


def _writable_first(target: Path) -> str:
    """What to do before restoring into ``target``, which cannot be written: make the file
    writable, or its folder, or (a disk mounted read-only) restore once it is writable."""
    if on_read_only_disk(target):
        return (
            "The disk holding it is mounted read-only (a card or stick locked, or a disk the"
            " system stopped writing to after errors): restore again once it is writable."
        )
    if only_folder_unwritable(target):
        return "Make its folder writable, then restore again."
    return "Make the file writable, then restore again."
