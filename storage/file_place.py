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
:func:`~diptych.storage.file_overwritten.overwritten` looks at what the file itself holds
(its header and the project's uuid, read without SQLite, through the descriptor SQLite
holds), and :func:`follow_file` stops writing at once: the log is taken away from the
file, and the project's last automatic backup is kept as a copy beside it, where the
project goes on (what was saved after that backup is lost with the file's old contents;
the window backs the latest changes up every few minutes and as another program is
turned to, see :mod:`diptych.gui.backups`).

What :func:`follow_file` did, and what the user is told of it, is a
:class:`~diptych.storage.file_followed.FileFollowed`.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import datetime
from pathlib import Path

from diptych.storage.database import connect
from diptych.storage.errors import DiptychError, ProjectFileError, readable_text
from diptych.storage.file_followed import FileFollowed
from diptych.storage.file_names import set_aside_name
from diptych.storage.file_overwritten import overwritten
from diptych.storage.held_files import opened_elsewhere
from diptych.storage.project import Project
from diptych.storage.sqlite_errors import translate_errors

_PROCESS_FILES = Path("/proc/self/fd")  # Linux: each open file, by where it is now


def follow_file(
    project: Project, *, fallback: Path, backup: Path | None = None
) -> FileFollowed | None:
    """Put ``project`` together with its file again if the file left its name; None if it
    did not (or nothing can be done yet: a reader still holds part of the log).

    A file overwritten where it is (:func:`~diptych.storage.file_overwritten.overwritten`)
    is left alone: the project stops writing at once, its log is taken away from that
    file, and ``backup`` (the project's newest automatic backup, if any) is copied beside
    it, where the project goes on (without a copy, it stays read-only).

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
    if status == "same" and overwritten(project):
        return _leave_overwritten(project, backup)
    if status == "same":
        return _make_log_again(project) if project.log_left() else None
    before = project.path
    if not _fold_log(project):
        return None  # tried again later; writes are refused meanwhile
    moved_to = current_place(project) if status == "missing" else None
    if moved_to is not None and not in_trash(moved_to):
        _reconnect(project, moved_to)
        _remove_stale_side_files(before)
        return FileFollowed("moved", before, moved_to)
    if status == "missing":  # deleted, or moved to the trash: which is how one deletes
        return _write_again(project, before, fallback)
    target = _kept_name(before)
    _write_copy(project, target)
    _reconnect(project, target)
    return FileFollowed("replaced", before, target)


def _write_again(project: Project, before: Path, fallback: Path) -> FileFollowed:
    """Write a deleted project again where it was; where its folder is gone, or its disk
    cannot take it (full, read-only), under a free name in ``fallback`` (most often
    another disk), so that the project is not left in the window alone."""
    tried: list[tuple[Path, str]] = []
    if _is_folder(before.parent):
        try:
            _copy_to(project, before)
        except DiptychError as exc:
            tried.append((before, exc.message))
        else:
            _reconnect(project, before)
            return FileFollowed("deleted", before, before)
    target = free_name(fallback / before.name)
    if not tried or fallback.resolve() != before.parent.resolve():
        try:
            _copy_to(project, target)
        except DiptychError as exc:
            tried.append((target, exc.message))
        else:
            _reconnect(project, target)
            why = tried[0][1] if tried else "its folder is gone"
            return FileFollowed("deleted", before, target, failure=why)
    raise _not_written(project, tried)


def free_name(path: Path) -> Path:
    """``path`` if no file has that name, else ``NAME (kept DATE).diptych`` beside it,
    numbered on if that is taken too."""
    if not path.exists() and not Path(f"{path}-wal").exists():
        return path
    kept = _kept_name(path)
    number = 2
    while kept.exists() or Path(f"{kept}-wal").exists():
        kept = set_aside_name(path, f"kept {datetime.now():%Y%m%d-%H%M%S} {number}")
        number += 1
    return kept


def keep_as(project: Project, target: Path) -> None:
    """Write everything the open project holds to ``target`` (which must not exist), and
    go on there: for a project whose file left its place and could not be written again.

    Raises:
        ProjectFileError: it could not be written (the message names it); the project
            stays open as it was.
    """
    _write_copy(project, target)
    _reconnect(project, target)


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


def _make_log_again(project: Project) -> FileFollowed | None:
    """Fold what the deleted log holds into the file, through the descriptor SQLite still
    holds on it, and connect again, with a new log at its name; None (tried again later)
    while another program has the project open too: it writes into the same deleted log,
    and the two would part ways."""
    if opened_elsewhere(project.path) or not _fold_log(project):
        return None
    _reconnect(project, project.path)
    return FileFollowed("log", project.path, project.path)


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
    return set_aside_name(path, f"kept {stamp}")


def _write_copy(project: Project, target: Path) -> None:
    """Write everything the open project holds to ``target`` (which must not exist)."""
    try:
        _copy_to(project, target)
    except DiptychError as exc:
        raise _not_written(project, [(target, exc.message)]) from exc


def _copy_to(project: Project, target: Path) -> None:
    from diptych.storage.project_copies import copy_open_project

    if target.exists():
        raise ProjectFileError("a file of that name appeared meanwhile", path=target)
    copy_open_project(project, target)


def _not_written(project: Project, tried: list[tuple[Path, str]]) -> ProjectFileError:
    """The project left its place, and could be written to none of the places ``tried``
    (each with why): it is now in the window alone."""
    places = ", nor to ".join(f"{readable_text(str(path))} ({why})" for path, why in tried)
    return ProjectFileError(
        f"left its place while it was open, and what this window saved could not be"
        f" written to {places}",
        path=project.path,
        advice="The project is now only in this window: do not close it. Save it with"
        " File > Save a copy… to a disk with room (closing the window offers it too), or"
        " free some space, and Diptych tries again every few seconds. Until then changes"
        " are not saved.",
    )


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
