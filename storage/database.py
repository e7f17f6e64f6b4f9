"""Opening a project file safely, and writing to it one user action at a time.

A project is one SQLite file. Before anything is written to it, the file is checked
(:mod:`diptych.storage.project_checks`); a file that fails any check is left exactly as
it was. SQLite's failures become known errors (:mod:`diptych.storage.sqlite_errors`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from diptych.storage.connection import Database
from diptych.storage.errors import ProjectFileError, ReadOnlyProjectError
from diptych.storage.held_files import used_elsewhere
from diptych.storage.project_checks import (
    check_existing,
    check_folder_for_new,
    check_identity,
    check_integrity,
    file_exists,
    read_header,
    writable,
)
from diptych.storage.sqlite_errors import known_error, translate_errors

BUSY_TIMEOUT_MS = 5000


def connect(
    path: Path,
    *,
    create: bool,
    read_only: bool,
    verify: bool = True,
    check_limit: int | None = None,
) -> tuple[Database, bool, bool]:
    """Open (or create) the SQLite file behind a project, checking it first.

    Args:
        path: the project file.
        create: create the file if it does not exist.
        read_only: open without writing anything, even if the file is writable.

        verify: run SQLite's integrity pass (``quick_check``); a one-off read may skip it,
            as damage still surfaces as a known error when the damaged part is read.
        check_limit: run the integrity pass only on files up to this many bytes; a larger
            file is left for the caller to check (:func:`check_file`) off the thread
            that waits for it. The pass reads the whole file: ~0.7 ms per MB.

    Returns:
        A sqlite-utils database on a connection in WAL mode with foreign keys on, whether
        it was opened read-only (asked for, or the file cannot be written), and whether
        the integrity pass ran.
    """
    exists = file_exists(path)
    if not exists and not create:
        raise ProjectFileError("does not exist", path=path, advice="Check the name and folder.")
    if exists:
        application_id, user_version = read_header(path)
        check_identity(path, application_id, user_version)
    read_only = read_only or (exists and not writable(path))
    verify = verify and exists and (check_limit is None or path.stat().st_size <= check_limit)
    if not exists:
        check_folder_for_new(path)
    made_beside = read_only and not _side_files_there(path)
    logged = exists and not read_only and _holds_log(path)
    conn = _open_connection(path, read_only=read_only, create=not exists)
    db = Database(conn)
    if made_beside:  # SQLite makes them for a reader too, and never removes them
        db.after_close = lambda: _remove_side_files_made(path)
    try:
        with translate_errors(path):
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if exists:  # checked before anything could write to a file that is not ours
                check_existing(db, path, verify=verify)
            _configure(db, read_only=read_only)
    except BaseException:
        if logged:
            _close_leaving_log(db, path)
        else:
            db.close()
        raise
    return db, read_only, verify or not exists


def reader(path: Path) -> sqlite3.Connection:
    """Another read-only connection to an open project's file, for a worker thread.

    The file was checked when the project was opened; this only reads, through the
    write-ahead log like any reader (SQLite connections must not cross threads).
    """
    with translate_errors(path):
        return _open_connection(path, read_only=True, create=False)


def check_file(path: Path) -> None:
    """The integrity pass on an open project's file through a connection of its own, for a
    worker thread; raises :class:`DamagedProjectError` if the file is damaged."""
    conn = reader(path)
    try:
        check_integrity(conn, path)
    finally:
        conn.close()


def _close_leaving_log(db: Database, path: Path) -> None:
    """Close a connection to a file that failed its checks, leaving the file and its log
    as they were.

    The last connection to close folds the log into the file and removes it: into a
    damaged file, or another program's database, which must be left exactly as they
    were (a restore keeps them, with their log). A reader kept open meanwhile makes this
    connection not the last, and a reader never folds the log.
    """
    keeper = None
    with contextlib.suppress(sqlite3.Error):
        keeper = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        keeper.execute("PRAGMA user_version").fetchone()  # reads: now holds the file
    try:
        db.close()
    finally:
        if keeper is not None:
            keeper.close()


def _holds_log(path: Path) -> bool:
    """True if a log beside ``path`` may hold changes (written by a program that crashed,
    or that is still writing), or cannot be looked at."""
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _side_files_there(path: Path) -> bool:
    """True if the log or its index is beside ``path`` (or cannot be looked for)."""
    try:
        return any(os.path.lexists(f"{path}{end}") for end in _SIDE_FILES)
    except OSError:
        return True


def _remove_side_files_made(path: Path) -> None:
    """Take away the empty log and its index a read-only connection made beside ``path``.

    Only SQLite knows whether another connection (another window, another program) still
    uses them: a connection that may write, closing last, removes them, as a writer does;
    closing while another is open, it leaves them. A log that holds anything is left: it
    was written meanwhile. Nothing is written to the file: there is nothing to fold.
    """
    try:
        if os.stat(f"{path}-wal").st_size != 0:
            return
    except OSError:  # no log: nothing was made, or it was taken away meanwhile
        return
    if not writable(path):  # no connection of this user's can take them away
        _remove_unused_side_files(path)
        return
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opening is lazy
        finally:
            conn.close()


def _remove_unused_side_files(path: Path) -> None:
    """Take away the empty log and its index beside a file this user cannot write, once no
    connection uses them (none in this process, no lock of another's on the index)."""
    if used_elsewhere(Path(f"{path}-shm")):
        return
    for end in _SIDE_FILES:
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{end}")


_SIDE_FILES = ("-wal", "-shm")


def _open_connection(path: Path, *, read_only: bool, create: bool) -> sqlite3.Connection:
    mode = "ro" if read_only else ("rwc" if create else "rw")
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise known_error(exc, path) from exc
    if read_only and not os.access(path.parent, os.W_OK):
        conn = _read_only_in_locked_folder(conn, path)
    return conn


def _read_only_in_locked_folder(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A read-only connection in a folder where SQLite cannot create its -shm file.

    A plain read-only open still works when the -shm file exists (it reads the -wal).
    Only when that fails may the file be read as immutable, and only if no -wal holds
    changes: immutable reads ignore the -wal, and its changes would silently not show.
    """
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opening is lazy
        return conn
    except sqlite3.Error:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ReadOnlyProjectError(
            "holds recent changes in its -wal file that cannot be read from this folder",
            path=path,
            advice="Open it once from a folder you can write to, then it opens anywhere.",
        )
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _configure(db: Database, *, read_only: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        # FULL: an acknowledged change survives a power cut, not only a crash.
        db.execute("PRAGMA synchronous = FULL")


@contextlib.contextmanager
def write_transaction(db: Database, path: Path) -> Iterator[None]:
    """One user action: ``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error.

    IMMEDIATE takes the write lock up front. A deferred transaction that reads first can
    fail at once with SQLITE_BUSY when another process committed meanwhile (WAL snapshot),
    without waiting for the busy timeout. Nested calls become savepoints.
    """
    conn = db.conn
    with translate_errors(path):
        if conn.in_transaction:
            with db.atomic():
                yield
            return
        db.prepare_writing()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            db.write_last()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
