"""The backup folders: where a project's backups go (one folder per project, a copy of
the project file kept apart), which project file each folder backs up (recorded in it, so
that the backups of a file that can no longer be opened are still found), and the
backups a folder holds."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from diptych.storage.errors import DiptychError
from diptych.storage.project import PROJECT_SUFFIX, Project

STAMP = "%Y%m%d-%H%M%S"
"""The time in a backup's name (and in the name of a damaged file moved aside)."""
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
        """How the backup is named to the user: "2026-12-03 09:14:02 (when opened, 188 KB)"."""
        return self.described()

    def described(self, holds: str = "") -> str:
        """:attr:`label`, with what the backup holds after its time when known:
        "2026-12-03 09:14:02 · 2 articles, 6 passages (when opened, 188 KB)"."""
        local = self.created.astimezone()
        why = _REASONS.get(self.reason, self.reason.replace("-", " "))
        held = f" · {holds}" if holds else ""
        return f"{local:%Y-%m-%d %H:%M:%S}{held} ({why}, {self.size / 1024:.0f} KB)"


# Why a backup was taken, as its file name says it and as the user reads it.
_REASONS = {
    "on-open": "when opened",
    "hourly": "hourly",
    "recent": "latest, while working",
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


def record_source(folder: Path, path: Path) -> None:
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


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{PROJECT_SUFFIX}"):
        parts = path.stem.split("-", 3)
        try:
            created = datetime.strptime(f"{parts[0]}-{parts[1]}", STAMP).replace(tzinfo=UTC)
            size = path.stat().st_size
        except (ValueError, IndexError):
            continue
        except OSError:  # removed meanwhile (another window of the project pruned it)
            continue
        reason = parts[3] if len(parts) > 3 else "auto"
        found.append(BackupInfo(path, created, size, reason))
    return sorted(found, key=lambda b: b.path.name, reverse=True)
