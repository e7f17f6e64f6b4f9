"""Restoring a backup: the backup checked first, the state it replaces backed up, then
the backup copied into the project file inside one SQLite transaction (an interruption
leaves the old state, never half of each); a project file too damaged to open is moved
aside (kept, renamed) and the backup copied in its place."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import STAMP
from diptych.storage.database import connect
from diptych.storage.errors import DamagedProjectError, NotAProjectError, ProjectFileError
from diptych.storage.file_names import set_aside_name
from diptych.storage.project import Project
from diptych.storage.project_copies import copy_file, read_only
from diptych.storage.sqlite_errors import translate_errors


def restore_backup(backup: Path, *, target: Path, root: Path) -> Path:
    """Replace the project at ``target`` with ``backup``; returns where the state it
    replaced is kept: a safety backup made first, or, for a file too damaged to open,
    that file itself, moved aside under a new name next to it.

    The project must not be open elsewhere in this process (close it first). The backup is
    checked (a Diptych project, intact) before anything is touched.
    """
    _check_backup(backup)
    if not target.exists():  # deleted since: nothing to keep, the backup comes back
        copy_file(backup, target)
        return backup
    try:
        current = Project.open(target)
    except (DamagedProjectError, NotAProjectError):
        return _replace_damaged(backup, target=target)
    with current:
        safety = backup_project(
            current, root=root, reason="before-restore", keep=10_000, budget=None, newest_only=True
        )
        with read_only(backup) as source, translate_errors(target):
            source.backup(current.db.conn)
    return safety


def _check_backup(backup: Path) -> None:
    """Check that ``backup`` is an intact Diptych project, without bringing it up to date:
    a backup taken by an older Diptych is restored as it is, and updated when the project
    is opened again (opening it as a project would refuse it, for it cannot be written)."""
    db, _read_only, _verified = connect(backup, create=False, read_only=True)
    db.close()


def _replace_damaged(backup: Path, *, target: Path) -> Path:
    """Move the unreadable ``target`` aside (with its -wal and -shm) and copy ``backup``
    into its place; returns the moved file."""
    stamp = datetime.now().strftime(STAMP)
    aside = set_aside_name(target, f"damaged {stamp}")
    try:
        for extra in ("-wal", "-shm"):
            side = Path(f"{target}{extra}")
            if side.exists():
                side.replace(Path(f"{aside}{extra}"))
        target.replace(aside)
    except OSError as exc:
        raise ProjectFileError(
            f"could not be moved aside to restore a backup in its place ({exc.strerror})",
            path=target,
            advice="Check that its folder is writable, then restore again.",
        ) from exc
    copy_file(backup, target)
    return aside
