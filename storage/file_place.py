"""Following a project file that was moved, renamed, deleted or replaced while open.

An open project keeps its file open: what is written goes to that file wherever it is
now. But SQLite keeps the latest changes in ``NAME-wal`` beside the *name* the file was
opened under. Once the file is gone from that name, the log and the file part ways: after
a rename, a crash loses what the log held; after a delete, everything is lost when the
window closes; and when another file took the name (a synchronised folder bringing
another version, a copy dropped over it), the old log is read as part of the new file,
which mixes two projects into one.

:meth:`Project.transaction <diptych.storage.project.Project.transaction>` refuses to
write in the meantime; :func:`follow_file` puts the project together with its file again,
losing nothing: a moved or renamed file is followed to its new place; a deleted one is
written again where it was; and when another file took its place, the open project is
kept as a copy beside it, and the other file is left as it is.

A file can also be overwritten where it is (``cp other.diptych open.diptych``, a sync tool
writing in place): the name still leads to the same file, but the file holds another
project or other data, under the open project's log. Folding that log into it would
destroy the other file, and the project read through it is a mix of both, so
:func:`overwritten` looks at what the file itself holds (its header and the project's uuid,
read without SQLite, through the descriptor SQLite holds), and :func:`follow_file` stops
writing at once: the log is taken away from the file, and the project's last automatic
backup is kept as a copy beside it, where the project goes on (what was saved after that
backup is lost with the file's old contents).
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from diptych.storage.database import connect
from diptych.storage.errors import DiptychError, ProjectFileError, readable_text
from diptych.storage.held_files import reading
from diptych.storage.project import Project
from diptych.storage.project_checks import SQLITE_MAGIC
from diptych.storage.schema import APPLICATION_ID
from diptych.storage.sqlite_errors import translate_errors
from diptych.storage.sqlite_pages import Unreadable, info_value

_PROCESS_FILES = Path("/proc/self/fd")  # Linux: each open file, by where it is now


@dataclass(frozen=True)
class FileFollowed:
    """What :func:`follow_file` did.

    Attributes:
        kind: ``"moved"`` (followed to its new place), ``"deleted"`` (written again where
            it was, or where ``fallback`` says), ``"replaced"`` (kept as a copy) or
            ``"overwritten"`` (another file written into it where it is: the project goes
            on with a copy of its last backup, or stays read-only if there is none).
        before: where the project file was.
        path: where the project is now (for ``"overwritten"``, the copy of the backup,
            or ``before`` if there is no copy).
        backup: for ``"overwritten"``, the backup copied to ``path`` (None: none).
        failure: for ``"overwritten"``, why the backup could not be copied ("" if it was).
    """

    kind: str
    before: Path
    path: Path
    backup: Path | None = None
    failure: str = ""

    def describe(self) -> str:
        """What happened and what the user can do, in one paragraph."""
        was, now = readable_text(str(self.before)), readable_text(str(self.path))
        if self.kind == "moved":
            return (
                f"{was} was moved or renamed while it was open. Diptych follows it: it"
                f" now saves to {now}."
            )
        if self.kind == "deleted":
            return (
                f"{was} was deleted while it was open. Diptych saved everything in it again"
                f" as {now}, and saves there. Delete it once the project is closed if you"
                " meant to."
            )
        if self.kind == "overwritten":
            return self._describe_overwritten(was, now)
        return (
            f"{was} was replaced by another file while it was open (a synchronised folder"
            " may have brought another version of it). Nothing is lost: what this window"
            f" saved is kept as {now}, and the window saves there now. The file that took"
            f" its place is left as it is: open it with File > Open to compare."
        )

    def _describe_overwritten(self, was: str, now: str) -> str:
        said = (
            f"{was} was overwritten while it was open: another program wrote another file"
            " into it (a copy made over it, or a synchronised folder bringing another"
            " version). Diptych stopped saving into it at once, so the file now there is"
            " left as it came, undamaged."
        )
        if self.backup is not None and not self.failure:
            when = _local_time(self.backup)
            return (
                f"{said} Your project as it was at its last automatic backup ({when}) is"
                f" kept as {now}: the window now shows it and saves there. What was saved"
                " after that backup was in the part of the file that was overwritten and is"
                " lost: make those changes again. To see the file that took its place, open"
                f" {was} with File > Open."
            )
        lost = (
            f"Its last automatic backup ({readable_text(str(self.backup))}) could not be"
            f" copied beside it ({self.failure}): copy it to a folder with room and open the copy"
            " with File > Open."
            if self.backup is not None
            else "No automatic backup of it was taken yet, so what it held"
            " is lost except what this window still shows."
        )
        return (
            f"{said} {lost} The window no longer saves: copy out what you need (a note"
            " being typed, say)."
        )


def follow_file(
    project: Project, *, fallback: Path, backup: Path | None = None
) -> FileFollowed | None:
    """Put ``project`` together with its file again if the file left its name; None if it
    did not (or nothing can be done yet: a reader still holds part of the log).

    A file overwritten where it is (:func:`overwritten`) is left alone: the project
    stops writing at once, its log is taken away from that file, and ``backup`` (the
    project's newest automatic backup, if any) is copied beside it, where the project
    goes on (without a copy, it stays read-only).

    Args:
        project: an open, writable project.
        fallback: a folder for a deleted project whose own folder is gone too.
        backup: the project's newest automatic backup, for a file overwritten.

    Raises:
        ProjectFileError: the copy could not be written (the message names it); the
            project stays open as it was, and nothing is lost.
    """
    if project.read_only or project.closed:
        return None
    status = project.file_status()
    if status == "same":
        return _leave_overwritten(project, backup) if overwritten(project) else None
    before = project.path
    if not _fold_log(project):
        return None  # tried again later; writes are refused meanwhile
    moved_to = current_place(project) if status == "missing" else None
    if moved_to is not None and not in_trash(moved_to):
        _reconnect(project, moved_to)
        _remove_stale_side_files(before)
        return FileFollowed("moved", before, moved_to)
    if status == "missing":  # deleted, or moved to the trash: which is how one deletes
        target = before if _is_folder(before.parent) else fallback / before.name
        kind = "deleted"
    else:
        target = _kept_name(before)
        kind = "replaced"
    _write_copy(project, target)
    _reconnect(project, target)
    return FileFollowed(kind, before, target)


# -- a file overwritten where it is ------------------------------------------------------


@dataclass
class _Seen:
    """What the project's file was last seen to hold: the project ``uuid``, and the size,
    modification and change times it had then (read again only when they change)."""

    uuid: str
    stamp: tuple[int, int, int] | None = None


_seen: weakref.WeakKeyDictionary[Project, _Seen] = weakref.WeakKeyDictionary()


def remember_file(project: Project) -> None:
    """Note which project ``project``'s file holds (its uuid), to tell later whether another
    file was written into it (:func:`overwritten`); done as the project is opened, before
    anything can have happened to the file. Called again, it changes nothing."""
    if project not in _seen and not project.closed:
        with contextlib.suppress(DiptychError):
            _seen[project] = _Seen(project.info().uuid)


def overwritten(project: Project) -> bool:
    """True if the project's file, still under its name, holds another file now: another
    program wrote another project, another version of a file (a backup), or other data
    into it. One ``stat`` while the file's size and times stay the same.

    Only what the file itself holds is read (its header and the project's uuid), never
    through SQLite, whose log and caches still show the project as it was.
    """
    seen = _seen.get(project)
    if seen is None or project.closed:
        remember_file(project)  # from now on (the project was opened just now)
        return False
    try:
        found = os.stat(project.path)
    except OSError:
        return False  # gone: the watch finds out what happened with ``file_status``
    if (found.st_dev, found.st_ino) != project.file_identity:
        return False
    stamp = (found.st_size, found.st_mtime_ns, found.st_ctime_ns)
    if stamp == seen.stamp:
        return False
    try:
        with reading(project.path) as read:
            verdict = _holds_other(read, seen.uuid, seen.stamp is not None)
    except OSError:
        return False  # cannot be read now: looked at again next time
    if verdict is None:  # not told yet (a file half written, a project not yet folded)
        return False
    if not verdict:
        seen.stamp = stamp
    return verdict


def _holds_other(read: Callable[[int, int], bytes], uuid: str, confirmed: bool) -> bool | None:
    """True if the file ``read`` reads is not the project ``uuid`` in SQLite's write-ahead
    mode, False if it is, None if it cannot be told (its identity not in the file itself
    yet, which it can only be until the file was ``confirmed`` to hold it)."""
    header = read(0, 100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return True  # emptied, or other data: never what SQLite writes into its file
    if header[18:20] != b"\x02\x02":  # not in write-ahead mode (a backup, another database)
        return True
    application_id = struct.unpack(">I", header[68:72])[0]
    if application_id == 0 and not confirmed:
        return None  # a new project: its identity is still in the log alone
    if application_id != APPLICATION_ID:
        return True
    if not uuid:
        return None
    try:
        found = info_value(read, header, "project_info", "uuid")
    except Unreadable:
        return None
    return None if found is None else found != uuid


def _leave_overwritten(project: Project, backup: Path | None) -> FileFollowed:
    """Stop writing into a file another was written into, and go on with a copy of the
    project's last backup beside it; with no copy, the project stays read-only, on what
    it still holds."""
    before = project.path
    project.read_only = True  # refuses every change, and every fold of the log, from now
    _take_log_away(before)
    if backup is None:
        return FileFollowed("overwritten", before, before)
    target = _kept_name(before)
    try:
        if target.exists():
            raise ProjectFileError("a file of that name appeared meanwhile", path=target)
        from diptych.storage.project_copies import copy_open_project

        with Project.open(backup, read_only=True, verify=False) as kept:
            copy_open_project(kept, target)
        db, read_only, _ = connect(target, create=False, read_only=False, verify=False)
    except DiptychError as exc:
        return FileFollowed("overwritten", before, before, backup, exc.message)
    project.db.close()  # finds nothing to fold: its log was emptied
    project.use_file(db, target, read_only=read_only)
    return FileFollowed("overwritten", before, target, backup)


def _take_log_away(path: Path) -> None:
    """Empty and remove the log and its index beside ``path``, whose pages belong to the
    project that was there: folded into the file now there, they would destroy it, and
    any program opening it would read them as part of it. The connection still holding
    them finds nothing to fold when it closes."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    with contextlib.suppress(OSError):
        os.truncate(wal, 0)
    for side in (wal, shm):
        with contextlib.suppress(OSError):
            side.unlink()


def _local_time(path: Path) -> str:
    """When ``path`` was last written, in local time to the minute."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        return "time unknown"


def current_place(project: Project) -> Path | None:
    """Where the open project's file is now, if the system says (Linux), else None; None
    also for a deleted file."""
    wanted = project.file_identity
    if wanted is None or not _PROCESS_FILES.is_dir():
        return None
    with contextlib.suppress(OSError):
        for entry in os.listdir(_PROCESS_FILES):
            link = _PROCESS_FILES / entry
            try:
                found = os.stat(link)
                if (found.st_dev, found.st_ino) != wanted or found.st_nlink == 0:
                    continue
                place = Path(os.readlink(link))
            except OSError:
                continue
            with contextlib.suppress(OSError):
                there = os.stat(place)
                if (there.st_dev, there.st_ino) == wanted:
                    return place
    return None


_TRASH_FOLDERS = re.compile(r"\.trash(-\d+)?|\.trashes|\$recycle\.bin", re.IGNORECASE)


def in_trash(path: Path) -> bool:
    """True if ``path`` is in a trash folder (the desktop's ``Trash/files``, a disk's
    ``.Trash-1000`` or ``.Trashes``, macOS' ``.Trash``, Windows' ``$Recycle.Bin``): a file
    moved there was deleted, not moved."""
    parts = path.parent.parts
    return any(
        _TRASH_FOLDERS.fullmatch(part) or (part == "Trash" and parts[i + 1 : i + 2] == ("files",))
        for i, part in enumerate(parts)
    )


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a network folder gone stale
        return False


def _fold_log(project: Project) -> bool:
    """Fold the whole log into the file the project has open and empty it, so that
    nothing of the project stays in the log beside its old name; False if a reader still
    holds part of it."""
    with translate_errors(project.path):
        busy, logged, folded = project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy and logged == folded


def _kept_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem} (kept {stamp}){path.suffix}")


def _write_copy(project: Project, target: Path) -> None:
    """Write everything the open project holds to ``target`` (which must not exist)."""
    from diptych.storage.project_copies import copy_open_project

    try:
        if target.exists():
            raise ProjectFileError("a file of that name appeared meanwhile", path=target)
        copy_open_project(project, target)
    except DiptychError as exc:
        raise ProjectFileError(
            f"left its place while it was open, and what this window saved could not be"
            f" written to {readable_text(str(target))} ({exc.message})",
            path=project.path,
            advice="Nothing is lost while the window stays open: free some space or make"
            " the folder writable, and Diptych tries again every few seconds. Until then"
            " changes are not saved.",
        ) from exc


def _reconnect(project: Project, path: Path) -> None:
    """Close the project's connection and open ``path`` in its place (the same data)."""
    project.db.close()
    db, read_only, _ = connect(path, create=False, read_only=False, verify=False)
    project.use_file(db, path, read_only=read_only)


def _remove_stale_side_files(path: Path) -> None:
    """The empty log and its index left beside the name a moved file had (when no file
    took that name since), so that they are never taken for another file's."""
    if path.exists():
        return
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    with contextlib.suppress(OSError):
        if not wal.exists() or wal.stat().st_size == 0:
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)
