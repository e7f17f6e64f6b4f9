"""A project the command line creates, safe with other ``diptych`` commands run at the same
time (a script's ``&``, ``xargs -P``): the project appears whole under its name or not at
all, another command waits while it is made, and a refused command removes it only while
nobody else uses it or has put anything in it.

The project is made under a hidden name beside its own and given its name once its tables
are saved, so that no other command ever opens it half made (and takes it for another
program's database, or an empty file). The commands of one folder take turns, through a
lock on the folder, only to make, open or remove a project: never while they work in it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from diptych.storage.errors import DiptychError, ProjectBusyError
from diptych.storage.held_files import opened_elsewhere
from diptych.storage.project import Project
from diptych.storage.project_aside import keep_stale_log
from diptych.storage.project_checks import check_folder_for_new, file_exists
from diptych.storage.project_paths import real_path

TURN_TIMEOUT_S = 10.0  # twice SQLite's wait for a busy project: making one takes far less


@dataclass(frozen=True)
class NewProject:
    """A project this command made: the file it put under the project's name, and where
    the log a deleted project had left beside that name was set aside (None: none)."""

    identity: tuple[int, int]
    log_set_aside: Path | None


@contextlib.contextmanager
def folder_turn(path: Path, *, exclusive: bool) -> Iterator[None]:
    """Hold the turn of the folder of the project at ``path``: ``exclusive`` to make or
    remove it, else shared (to open it, while nobody makes or removes it). Where the
    folder cannot be locked (another system, a folder that cannot be opened), no turn is
    taken.

    Raises:
        ProjectBusyError: another command held the turn for longer than it takes to make
            a project.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        descriptor = os.open(real_path(path).parent, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield
        return
    try:
        _wait_for_turn(descriptor, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH, path)
        yield
    finally:
        os.close(descriptor)  # a folder's descriptor: no lock of SQLite's on a file goes


def _wait_for_turn(descriptor: int, kind: int, path: Path) -> None:
    import fcntl

    deadline = time.monotonic() + TURN_TIMEOUT_S
    while True:
        try:
            fcntl.flock(descriptor, kind | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise ProjectBusyError(
                    "is busy: another diptych command is creating or removing it",
                    path=path,
                    advice="Nothing was changed; run the command again in a moment.",
                ) from None
            time.sleep(0.02)
        except OSError:  # a file system without locks: no turns to take
            return


def create_whole(path: Path) -> NewProject | None:
    """Make a new project at ``path``, whole, unless there is one (made meanwhile by
    another command: None). Called in the folder's exclusive turn.

    Raises:
        DiptychError: it could not be made (the folder read-only, the disk full); nothing
            is left of it.
    """
    if file_exists(path):
        return None
    real = real_path(path)
    check_folder_for_new(path)
    making = real.with_name(f".{real.name}.{os.getpid()}.being-created")
    try:
        try:
            Project.open(making, create=True, name=real.stem).close()
        except DiptychError as exc:  # said of the project, not of the name it was made under
            raise type(exc)(exc.message, path=path, advice=exc.advice) from exc
        log_set_aside = keep_stale_log(real)  # never read into the new project
        made = os.stat(making)
        try:
            try:
                os.link(making, real)  # never over a project made meanwhile elsewhere
            except FileExistsError:
                return None
            except OSError:  # a file system without links: the turn keeps commands out
                os.rename(making, real)
            status = real.stat()
        except BaseException:  # ^C as it was named: nobody has opened it in this turn
            if _is_file(real, (made.st_dev, made.st_ino)):
                remove_files(real)
            raise
        return NewProject((status.st_dev, status.st_ino), log_set_aside)
    finally:
        for end in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{making}{end}")


def _is_file(path: Path, identity: tuple[int, int]) -> bool:
    """Whether ``path`` is the file ``identity`` (device, inode) names."""
    try:
        status = path.stat()
    except OSError:
        return False
    return (status.st_dev, status.st_ino) == identity


def remove_unused(project: Project, made: NewProject) -> None:
    """Close ``project`` (made by this command, which was refused) and remove it if it is
    still the file made, holds nothing, and no other program has it open: what another
    command run at the same time put in it, or is about to, is never deleted with it."""
    path = project.path
    with contextlib.suppress(ProjectBusyError), folder_turn(path, exclusive=True):
        unused = _unused(project, made)  # no other command opens it meanwhile
        project.close()
        if unused:
            remove_files(path)


def _unused(project: Project, made: NewProject) -> bool:
    """Whether ``project`` is unused, asked under its write lock (nobody writes to it while
    this is decided); False if this cannot be told."""
    conn = project.db.conn
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("BEGIN IMMEDIATE")  # waits, as any write does, for another's to end
        try:
            status = project.path.stat()
            return (
                (status.st_dev, status.st_ino) == made.identity
                and project.is_empty()
                and not opened_elsewhere(project.path)
            )
        finally:
            conn.execute("ROLLBACK")
    except (sqlite3.Error, DiptychError, OSError):
        return False


def remove_files(path: Path) -> None:
    """Remove the project file at ``path`` and SQLite's files beside it."""
    real = real_path(path)
    for end in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(f"{real}{end}")
