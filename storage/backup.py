"""Automatic backups of a project with SQLite's online backup API, and restoring one.

Backups are whole, consistent copies taken while the project is open (the backup API
copies a snapshot even while the window writes). They live in a per-project folder, named
by time, and only the newest ``keep`` are kept, fewer when they would take more room than
a budget (:func:`prune`). A snapshot identical to a backup already there is not kept
(the project has not changed since, or that backup was just restored), so that opening a
project again and again never pushes its older, different states out of the folder, and
the state a restore replaced stays the newest backup: the first offered to undo it.
Restoring first backs up the current state, then copies the chosen backup into the
project file inside one SQLite transaction, so an interruption leaves the old state, never
half of each. A project file too damaged to open is moved aside (kept, renamed) and the
backup copied in its place.

Each folder records the path of the project file it backs up, so that the backups of a
file that can no longer be opened (and whose uuid cannot be read) are still found.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from diptych.storage.database import connect
from diptych.storage.errors import (
    DamagedProjectError,
    DiptychError,
    DiskFullError,
    NotAProjectError,
    ProjectFileError,
)
from diptych.storage.project import PROJECT_SUFFIX, Project
from diptych.storage.sqlite_errors import error_kind, known_error, translate_errors

DEFAULT_KEEP = 20
# The room one project's backups may take: 1 GiB, or five copies of a larger project (20
# copies of a 300 MB project would take 6 GB of the disk the project itself is on). The
# newest MIN_KEEP are kept whatever their size.
DEFAULT_BUDGET = 1024**3
BUDGET_COPIES = 5
MIN_KEEP = 3
_STAMP = "%Y%m%d-%H%M%S"
SOURCE_RECORD = "project-path.txt"  # in each backup folder: the file it backs up


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file."""

    path: Path
    created: datetime
    size: int
    reason: str

    @property
    def label(self) -> str:
        """How the backup is listed to the user: "2026-12-03 09:14:02 (when opened, 188 KB)"."""
        local = self.created.astimezone()
        why = _REASONS.get(self.reason, self.reason.replace("-", " "))
        return f"{local:%Y-%m-%d %H:%M:%S} ({why}, {self.size / 1024:.0f} KB)"


# Why a backup was taken, as its file name says it and as the user reads it.
_REASONS = {
    "on-open": "when opened",
    "hourly": "hourly",
    "before-import": "before an import",
    "before-restore": "before a restore",
    "before-upgrade": "before it was updated to a newer format",
    "auto": "automatic",
}


def backup_folder(root: Path, project: Project) -> Path:
    """Where the backups of ``project`` go (one folder per project uuid).

    A project without a uuid (one whose creation was cut short, opened read-only so that
    it could not be completed) is kept apart under its file's name, never in ``root``.
    A copy of a project file has the project's uuid: while the file its folder records
    is still there with that uuid (or cannot be read, as when it is damaged), the copy's
    backups go to a folder of its own, named by the uuid and the copy's place, so that
    neither rotates the other's out nor is offered to restore over the other. A project
    moved elsewhere (nothing left where its folder's record says) keeps its folder.
    """
    uuid = project.info().uuid
    if not uuid:
        return root / f"unnamed-{project.path.stem}"
    import hashlib

    folder = root / uuid
    here = str(project.path.resolve())
    own = root / f"{uuid}-{hashlib.sha256(os.fsencode(here)).hexdigest()[:12]}"
    if own.is_dir():  # this file was told apart from a copy once: it keeps its backups
        return own
    recorded = _recorded_source(folder)
    if recorded is None or recorded == here or not _still_holds(Path(recorded), uuid):
        return folder
    return own


def _recorded_source(folder: Path) -> str | None:
    """The path of the project file ``folder`` backs up, if it says.

    The record holds the path's bytes as the system names the file (UTF-8 text for any
    name that is UTF-8, as records were always written), so that a file name that is not
    UTF-8 is recorded too. An empty record (a write cut short) says nothing.
    """
    try:
        data = (folder / SOURCE_RECORD).read_bytes()
    except OSError:
        return None
    return os.fsdecode(data) if data else None


def _still_holds(path: Path, uuid: str) -> bool:
    """True if ``path`` still holds the project ``uuid``, or a file that cannot be read
    (a damaged project must keep its backups)."""
    if not path.exists():
        return False
    try:
        with Project.open(path, read_only=True, verify=False) as there:
            return there.info().uuid == uuid
    except DiptychError:
        return True


def backup_project(
    project: Project,
    *,
    root: Path,
    reason: str = "auto",
    keep: int = DEFAULT_KEEP,
    budget: int | None = DEFAULT_BUDGET,
    newest_only: bool = False,
) -> Path:
    """Snapshot ``project`` into its backup folder.

    Args:
        newest_only: compare the snapshot with the newest backup alone, not with each:
            the state a restore replaces is then the newest backup (the first offered to
            undo the restore) unless it is the newest already.

    Returns:
        The new backup file; or, if a backup already holds this state (byte for byte the
        same snapshot: the project has not changed since, or a backup was just restored),
        that backup, and nothing is added.
    """
    folder = backup_folder(root, project)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)  # a project's backups are its owner's, as the data folder is
    except OSError as exc:
        raise ProjectFileError(
            f"cannot create the backup folder ({exc.strerror})", path=folder,
            advice="Check that the folder is writable and the disk not full.",
        ) from exc  # fmt: skip
    _record_source(folder, project.path)
    now = datetime.now(UTC)
    target = folder / f"{now:{_STAMP}}-{now.microsecond:06d}-{_safe(reason)}{PROJECT_SUFFIX}"
    earlier = list_backups(folder)[: 1 if newest_only else None]
    _copy(project.db.conn, target, source_path=project.path)
    # Backups of other states differ within their first page: comparing with each is quick.
    same = next((b.path for b in earlier if _same_file(b.path, target)), None)
    if same is not None:
        with contextlib.suppress(OSError):  # kept if it cannot be removed: no harm
            target.unlink()
        return same
    prune(folder, keep=keep, budget=budget)
    return target


UPGRADE_REASON = "before-upgrade"


def backup_before_upgrade(project: Project, *, root: Path) -> Path:
    """Back up a project from an older Diptych before it is brought up to date, as
    :meth:`Project.open`'s ``before_upgrade`` does: afterwards an older Diptych can no
    longer open it, and this backup is the way back. Such backups are never rotated out."""
    kept = backup_project(project, root=root, reason=UPGRADE_REASON)
    stamp = kept.stem.split("-", 3)[:3]
    if kept.stem.endswith(UPGRADE_REASON) or len(stamp) < 3:
        return kept
    # The project had not changed since its newest backup, which is kept under this name.
    named = kept.with_name(f"{'-'.join(stamp)}-{UPGRADE_REASON}{PROJECT_SUFFIX}")
    try:
        kept.replace(named)
    except OSError as exc:
        raise ProjectFileError(
            f"could not be renamed ({exc.strerror})",
            path=kept,
            advice=f"Check that its folder is writable; {project.path} was not changed.",
        ) from exc
    return named


def copy_open_project(project: Project, target: Path) -> None:
    """Write a whole, consistent copy of the open ``project`` to the new file ``target``
    (a project file of its own; errors name ``target`` when it is the copy that failed)."""
    _copy(project.db.conn, target, source_path=project.path)


def _record_source(folder: Path, path: Path) -> None:
    """Note which file ``folder`` backs up (where it is now: a project can be moved)."""
    record = folder / SOURCE_RECORD
    text = str(path.resolve())
    if _recorded_source(folder) == text:
        return
    part = record.with_name(f"{SOURCE_RECORD}.part")
    try:  # written whole or not at all: a record cut short would send backups elsewhere
        part.write_bytes(os.fsencode(text))
        part.replace(record)
    except OSError:  # finding backups by path is a convenience: the backup itself matters
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def backups_for_path(root: Path, path: Path) -> list[BackupInfo]:
    """The backups of the project file at ``path``, newest first, found by its path.

    For a file that cannot be opened: its uuid, which names its backup folder, cannot be
    read, but each folder records the path of the file it backs up.
    """
    wanted = str(path.resolve())
    found: list[BackupInfo] = []
    for record in sorted(root.glob(f"*/{SOURCE_RECORD}")):
        if _recorded_source(record.parent) == wanted:
            found.extend(list_backups(record.parent))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:  # the older one vanished or cannot be read: keep the new one
        return False


def _copy(source: sqlite3.Connection, target: Path, *, source_path: Path) -> None:
    part = target.with_name(target.name + ".part")
    with _writing_copy(target, source_path=source_path):
        part.unlink(missing_ok=True)
        try:
            dest = sqlite3.connect(part)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one plain file
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


def _safe(reason: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in reason)[:30] or "auto"


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{PROJECT_SUFFIX}"):
        parts = path.stem.split("-", 3)
        try:
            created = datetime.strptime(f"{parts[0]}-{parts[1]}", _STAMP).replace(tzinfo=UTC)
            size = path.stat().st_size
        except (ValueError, IndexError):
            continue
        except OSError:  # removed meanwhile (another window of the project pruned it)
            continue
        reason = parts[3] if len(parts) > 3 else "auto"
        found.append(BackupInfo(path, created, size, reason))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def prune(folder: Path, *, keep: int, budget: int | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups, and never one taken before an update to
    a newer format (the only copy an older Diptych can open); returns what was deleted.

    With a ``budget`` (bytes), older backups also go once the newer ones fill it, or five
    times the newest backup's size if that is more; the newest :data:`MIN_KEEP` stay
    whatever their size."""
    rotated = [b for b in list_backups(folder) if b.reason != UPGRADE_REASON]
    kept = rotated[:keep]
    if budget is not None and kept:
        room = max(budget, BUDGET_COPIES * kept[0].size)
        total = 0
        for count, info in enumerate(kept):
            total += info.size
            if total > room and count >= MIN_KEEP:
                kept = kept[:count]
                break
    removed = []
    for info in rotated[len(kept) :]:
        try:
            info.path.unlink(missing_ok=True)
        except OSError:  # kept: the new backup is taken, an extra old one does no harm
            continue
        removed.append(info.path)
    return removed


def restore_backup(backup: Path, *, target: Path, root: Path) -> Path:
    """Replace the project at ``target`` with ``backup``; returns where the state it
    replaced is kept: a safety backup made first, or, for a file too damaged to open,
    that file itself, moved aside under a new name next to it.

    The project must not be open elsewhere in this process (close it first). The backup is
    checked (a Diptych project, intact) before anything is touched.
    """
    _check_backup(backup)
    if not target.exists():  # deleted since: nothing to keep, the backup comes back
        _copy_file(backup, target)
        return backup
    try:
        current = Project.open(target)
    except (DamagedProjectError, NotAProjectError):
        return _replace_damaged(backup, target=target)
    with current:
        safety = backup_project(
            current, root=root, reason="before-restore", keep=10_000, budget=None, newest_only=True
        )
        with _read_only(backup) as source, translate_errors(target):
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
    stamp = datetime.now().strftime(_STAMP)
    aside = target.with_name(f"{target.stem} (damaged {stamp}){target.suffix}")
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
    _copy_file(backup, target)
    return aside


def _copy_file(backup: Path, target: Path) -> None:
    with _read_only(backup) as source:
        _copy(source, target, source_path=backup)


def _read_only(path: Path) -> contextlib.closing[sqlite3.Connection]:
    """A read-only connection to ``path``, closed at the end of the ``with`` block."""
    return contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))
