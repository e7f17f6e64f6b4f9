"""Automatic backups of a project, taken with SQLite's online backup API, and how many
are kept.

Backups are whole, consistent copies taken while the project is open (the backup API
copies a snapshot even while the window writes). They live in a per-project folder, named
by time, and only the newest ``keep`` are kept, fewer when they would take more room than
a budget (:func:`prune`). A snapshot identical to a backup already there is not kept
(the project has not changed since, or that backup was just restored), so that opening a
project again and again never pushes its older, different states out of the folder, and
the state a restore replaced stays the newest backup: the first offered to undo it.

The folders and the backups they hold are in :mod:`~diptych.storage.backup_folders`,
restoring a backup in :mod:`~diptych.storage.backup_restore`, the copying itself in
:mod:`~diptych.storage.project_copies`.
"""

from __future__ import annotations

import contextlib
import filecmp
import time
from datetime import UTC, datetime
from pathlib import Path

from diptych.storage.backup_folders import (
    STAMP,
    backup_folder,
    list_backups,
    record_source,
)
from diptych.storage.errors import ProjectFileError
from diptych.storage.project import PROJECT_SUFFIX, Project
from diptych.storage.project_copies import copy_database

DEFAULT_KEEP = 20
# The room one project's backups may take: 1 GiB, or five copies of a larger project (20
# copies of a 300 MB project would take 6 GB of the disk the project itself is on). The
# newest MIN_KEEP are kept whatever their size.
DEFAULT_BUDGET = 1024**3
BUDGET_COPIES = 5
MIN_KEEP = 3
# A backup is written as ``NAME.diptych.part`` (with SQLite's ``-journal`` beside it) and
# renamed once whole. One left by a backup cut short (Diptych killed, the power gone) is
# removed by the next backup once neither file has been written to for this long: one
# being written (by another window of the project) is written to all the while.
STALE_PART_S = 300
UNFINISHED = f"*{PROJECT_SUFFIX}.part"


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
        that backup, and nothing is added (one taken while working, of which only the
        newest is kept, is named for ``reason`` instead, and kept as such backups are).
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
    record_source(folder, project.path)
    remove_stale_unfinished(folder)  # before this one takes room on the same disk
    now = datetime.now(UTC)
    target = folder / f"{now:{STAMP}}-{now.microsecond:06d}-{_safe(reason)}{PROJECT_SUFFIX}"
    earlier = list_backups(folder)[: 1 if newest_only else None]
    copy_database(project.db.conn, target, source_path=project.path)
    # Backups of other states differ within their first page: comparing with each is quick.
    same = next((b.path for b in earlier if _same_file(b.path, target)), None)
    if same is not None:
        with contextlib.suppress(OSError):  # kept if it cannot be removed: no harm
            target.unlink()
        if reason != RECENT_REASON and same.stem.endswith(RECENT_REASON):
            # Only the newest backup taken while working is kept: the state promised as
            # kept (before an import) went at the next one, minutes later.
            return kept_as(same, reason, project=project.path)
        return same
    prune(folder, keep=keep, budget=budget)
    return target


UPGRADE_REASON = "before-upgrade"
RECENT_REASON = "recent"
"""Why a project is backed up while changes are made to it (every few minutes, and as
another program is turned to): only the newest of these is kept, so that they never push
the others out."""


def backup_before_upgrade(project: Project, *, root: Path) -> Path:
    """Back up a project from an older Diptych before it is brought up to date, as
    :meth:`Project.open`'s ``before_upgrade`` does: afterwards an older Diptych can no
    longer open it, and this backup is the way back. Such backups are never rotated out."""
    kept = backup_project(project, root=root, reason=UPGRADE_REASON)
    # The project had not changed since its newest backup, which is kept under this name.
    return kept_as(kept, UPGRADE_REASON, project=project.path)


def kept_as(kept: Path, reason: str, *, project: Path) -> Path:
    """The backup ``kept`` named as taken for ``reason`` (renamed if it was taken for
    another: a backup that already held the state backed up now), and so kept as such
    backups are, not as the one it was (a :data:`RECENT_REASON` backup is deleted as soon
    as a newer one is taken)."""
    stamp = kept.stem.split("-", 3)[:3]
    if kept.stem.endswith(reason) or len(stamp) < 3:
        return kept
    named = kept.with_name(f"{'-'.join(stamp)}-{_safe(reason)}{PROJECT_SUFFIX}")
    try:
        kept.replace(named)
    except OSError as exc:
        raise ProjectFileError(
            f"could not be renamed ({exc.strerror})",
            path=kept,
            advice=f"Check that its folder is writable; {project} was not changed.",
        ) from exc
    return named


def _same_file(a: Path, b: Path) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:  # the older one vanished or cannot be read: keep the new one
        return False


def _safe(reason: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in reason)[:30] or "auto"


def prune(folder: Path, *, keep: int, budget: int | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups, and never one taken before an update to
    a newer format (the only copy an older Diptych can open); of the backups taken while
    changes are made (:data:`RECENT_REASON`), only the newest; returns what was deleted.

    With a ``budget`` (bytes), older backups also go once the newer ones fill it, or five
    times the newest backup's size if that is more; the newest :data:`MIN_KEEP` stay
    whatever their size. Unfinished backups (:func:`unfinished_backups`) left longer than
    :data:`STALE_PART_S` are deleted, and those left count against the budget."""
    removed = remove_stale_unfinished(folder)
    unfinished = sum(size for _path, size in unfinished_backups(folder))
    rotated = [b for b in list_backups(folder) if b.reason != UPGRADE_REASON]
    recent = [b for b in rotated if b.reason == RECENT_REASON]
    superseded = recent[1:]  # by the newest, which holds every change they held
    rotated = [b for b in rotated if b not in superseded]
    kept = rotated[:keep]
    if budget is not None and kept:
        room = max(budget, BUDGET_COPIES * kept[0].size)
        total = unfinished
        for count, info in enumerate(kept):
            total += info.size
            if total > room and count >= MIN_KEEP:
                kept = kept[:count]
                break
    for info in rotated[len(kept) :] + superseded:
        try:
            info.path.unlink(missing_ok=True)
        except OSError:  # kept: the new backup is taken, an extra old one does no harm
            continue
        removed.append(info.path)
    return removed


def unfinished_backups(folder: Path) -> list[tuple[Path, int]]:
    """The backups in ``folder`` not yet whole (being written, or cut short), with the room
    each takes with its journal."""
    found = []
    for part in folder.glob(UNFINISHED):
        size = 0
        for path in (part, _journal(part)):
            with contextlib.suppress(OSError):  # finished or removed meanwhile
                size += path.stat().st_size
        found.append((part, size))
    return found


def remove_stale_unfinished(folder: Path, *, now: float | None = None) -> list[Path]:
    """Delete the unfinished backups in ``folder`` that nothing has written to for
    :data:`STALE_PART_S` (cut short: a backup being written is written to all the while),
    with their journals; returns the backups deleted."""
    now = time.time() if now is None else now
    removed = []
    for part, _size in unfinished_backups(folder):
        files = (part, _journal(part))
        written = max((_modified(path) for path in files), default=now)
        if now - written < STALE_PART_S:
            continue
        try:
            for path in files:
                path.unlink(missing_ok=True)
        except OSError:  # left for the next backup: it is still counted
            continue
        removed.append(part)
    return removed


def _journal(part: Path) -> Path:
    return part.with_name(part.name + "-journal")


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # not there (no journal): it says nothing of the other
        return 0.0
