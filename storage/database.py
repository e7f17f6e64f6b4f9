"""Opening a project file safely, and turning SQLite failures into known errors.

A project is one SQLite file. Before anything is written to it, the file is checked: is it
SQLite at all, is it a Diptych project (``PRAGMA application_id``), is it from a newer
Diptych (``PRAGMA user_version``), is it intact (``PRAGMA quick_check``), can it be written.
A file that fails any check is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path

from diptych.storage.connection import Database
from diptych.storage.errors import (
    Advice,
    DamagedProjectError,
    DiskFullError,
    NewerProjectError,
    NotAProjectError,
    ProjectBusyError,
    ProjectFileError,
    ReadOnlyProjectError,
    readable_text,
)
from diptych.storage.held_files import read_start
from diptych.storage.schema import (
    APPLICATION_ID,
    MIGRATIONS_TABLE,
    SCHEMA_VERSION,
    is_diptych_schema,
    unknown_schema_objects,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
NAME_MAX = 255  # bytes in one file name, on the common file systems
# SQLite keeps working files beside the project, named after it: NAME-wal and NAME-shm
# while it is open, NAME-journal while it is created. Each must be a valid name too.
LONGEST_NAME_TO_OPEN = NAME_MAX - len("-wal")
LONGEST_NAME_TO_CREATE = NAME_MAX - len("-journal")
# The window offers the backups of a file that cannot be opened when it is opened there.
RESTORE_ADVICE = "Restore it from a backup: opening it in the Diptych window offers them."
RESTORING = Advice(RESTORE_ADVICE, "Restore it from a backup (File > Restore from backup…).")


def file_exists(path: Path) -> bool:
    """True if ``path`` exists; a name the file system or SQLite's working files beside it
    cannot take, or a file that cannot be looked at, is a known error naming the file, not
    an ``OSError`` (``exists`` raises one for a name longer than the file system allows, a
    folder without permission, a network folder gone stale)."""
    try:
        exists = path.exists()
    except OSError as exc:
        too_long = exc.errno == errno.ENAMETOOLONG
        raise ProjectFileError(
            f"cannot be used ({exc.strerror or exc})",
            path=path,
            advice="Choose a shorter name."
            if too_long
            else "Check that its folder can be read and, if it is on a network, reachable.",
        ) from exc
    length = len(os.fsencode(path.name))
    longest = LONGEST_NAME_TO_OPEN if exists else LONGEST_NAME_TO_CREATE
    if length > longest:
        verb = "opened" if exists else "created"
        raise ProjectFileError(
            f"cannot be {verb}: its name is {length} bytes long, and the working files kept"
            f" beside it (its name with -wal or -journal added) need it to be at most {longest}",
            path=path,
            advice="Rename it with a shorter name, then open it again."
            if exists
            else "Choose a shorter name.",
        )
    return exists


def read_header(path: Path) -> tuple[int, int]:
    """Return ``(application_id, user_version)`` from the file header, before SQLite opens it.

    Raises:
        NotAProjectError: the file is empty or not an SQLite database.
        ProjectFileError: the file cannot be read.
    """
    try:
        header = read_start(path, 100)  # never open() and close(): see held_files
    except IsADirectoryError:
        raise NotAProjectError(
            "is a folder, not a project file", path=path, advice="Choose a .diptych file inside it."
        ) from None
    except OSError as exc:
        raise ProjectFileError(
            f"cannot be read ({exc.strerror or exc})", path=path, advice="Check its permissions."
        ) from exc
    if not header:
        raise NotAProjectError(
            "is empty, not a Diptych project", path=path, advice="Choose a .diptych file."
        )
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAProjectError(
            "is not a Diptych project (not an SQLite database)",
            path=path,
            advice=_not_a_project_advice(path),
        )
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return application_id, user_version


def _not_a_project_advice(path: Path) -> Advice:
    """What to do with a file given as a project that is none: an article, or a REFI-QDA
    project or codebook (a .qdpx is no article, but is imported all the same)."""
    if path.suffix.lower() in (".qdpx", ".qdc"):
        return Advice(
            "Choose a .diptych file; a REFI-QDA file is imported into one (File > Import"
            " articles…, or `diptych import PROJECT FILE`).",
            "Choose a .diptych file; a REFI-QDA file is imported into a project (File >"
            " Import articles…).",
        )
    return Advice(
        "Choose a .diptych file, or import it as an article (File > Import "
        "articles…, or `diptych import PROJECT FILE`).",
        "Choose a .diptych file, or import it into a project as an article "
        "(File > Import articles…).",
    )


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Re-raise SQLite errors as known errors that name ``path`` and say what to do."""
    try:
        yield
    except sqlite3.Error as exc:
        raise known_error(exc, path) from exc


def known_error(exc: sqlite3.Error, path: Path) -> ProjectFileError:
    """The known error matching an SQLite exception, by its primary result code."""
    kind = error_kind(exc)
    if kind is None:
        return ProjectFileError(f"could not be used ({exc})", path=path)
    error, message, advice = _MESSAGES[kind]
    return error(message, path=path, advice=advice)


def error_kind(exc: sqlite3.Error) -> str | None:
    """What went wrong, in the words of :data:`_MESSAGES` (``"full"``, ``"busy"``, ...), or
    None for an error of no known kind."""
    code = getattr(exc, "sqlite_errorcode", None)
    kind = None
    if isinstance(code, int):
        kind = _EXTENDED_KINDS.get(code) or _KINDS.get(code & 0xFF)
    if kind is None:  # no code (older SQLite builds, errors raised by the sqlite3 module)
        text = str(exc).lower()
        kind = next((k for words, k in _TEXT_KINDS if any(w in text for w in words)), None)
    return kind


_MESSAGES: dict[str, tuple[type[ProjectFileError], str, str | Advice]] = {
    "busy": (
        ProjectBusyError,
        "is busy: another program is writing to it",
        "Your last change was not saved; try again in a moment.",
    ),
    "full": (
        DiskFullError,
        "could not be saved because the disk is full",
        "Free some space; your last change was not saved, everything before it is.",
    ),
    "readonly": (
        ReadOnlyProjectError,
        "cannot be written (read-only)",
        "Make the file and its folder writable, or save a copy elsewhere.",
    ),
    "damaged": (
        DamagedProjectError,
        "is damaged",
        RESTORING,
    ),
    "io": (
        ProjectFileError,
        "could not be read or written (disk input/output error)",
        "Check the disk or the network folder; your last change was not saved.",
    ),
    "cantopen": (
        ProjectFileError,
        "cannot be opened",
        "Check that the file and its folder exist and are readable.",
    ),
    "conflict": (  # a constraint: what the change refers to is gone, or already there
        ProjectFileError,
        "did not take the change: it conflicts with what is saved"
        " (changed meanwhile, perhaps in another window)",
        "Nothing was changed; look at it again, then retry.",
    ),
}
# Primary SQLite result codes (https://www.sqlite.org/rescode.html).
_KINDS = {
    5: "busy",
    6: "busy",
    8: "readonly",
    10: "io",
    11: "damaged",
    13: "full",
    14: "cantopen",
    19: "conflict",
    26: "damaged",
}
# Extended result codes that say more than their primary code.
_EXTENDED_KINDS = {
    4874: "full",  # SQLITE_IOERR_SHMSIZE: the -shm file beside the project cannot grow
}
_TEXT_KINDS = (
    (("locked", "busy"), "busy"),
    (("full",), "full"),
    (("readonly", "read-only"), "readonly"),
    (("malformed", "not a database", "corrupt"), "damaged"),
    (("disk i/o",), "io"),
    (("unable to open",), "cantopen"),
    (("constraint failed",), "conflict"),
)


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
        _check_identity(path, application_id, user_version)
    read_only = read_only or (exists and not _writable(path))
    verify = verify and exists and (check_limit is None or path.stat().st_size <= check_limit)
    if not exists:
        _check_folder_for_new(path)
    conn = _open_connection(path, read_only=read_only, create=not exists)
    db = Database(conn)
    try:
        with translate_errors(path):
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if exists:  # checked before anything could write to a file that is not ours
                _check_existing(db, path, verify=verify)
            _configure(db, read_only=read_only)
    except BaseException:
        conn.close()
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


def _check_folder_for_new(path: Path) -> None:
    """A new project needs a folder it can be written in (with SQLite's files beside it):
    say so, rather than SQLite's "cannot be opened" about a file that is not there yet."""
    folder = path.parent
    if not folder.is_dir():
        raise ProjectFileError(
            f"cannot be created: its folder {readable_text(str(folder))} does not exist",
            path=path,
            advice="Choose an existing folder, or create it first.",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyProjectError(
            "cannot be created: its folder is read-only",
            path=path,
            advice="Choose a folder you can write to.",
        )


def _writable(path: Path) -> bool:
    # WAL mode needs to create the -wal and -shm files beside the project.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


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


def _check_identity(path: Path, application_id: int, user_version: int) -> None:
    """Refuse another program's mark; a newer format only when the file bears Diptych's.

    Many programs leave the application id at 0 and use the user version for their own
    numbering: such a file is told apart by its tables (:func:`_check_existing`).
    """
    if application_id not in (0, APPLICATION_ID):
        raise NotAProjectError(
            "is another program's database, not a Diptych project",
            path=path,
            advice="Choose a .diptych file.",
        )
    if application_id == APPLICATION_ID:
        _check_version(path, user_version)


def _check_version(path: Path, user_version: int) -> None:
    if user_version > SCHEMA_VERSION:
        raise NewerProjectError(
            f"was saved by a newer version of Diptych (format {user_version}; "
            f"this version reads up to {SCHEMA_VERSION}) and has not been changed",
            path=path,
            advice="Open it with the newer Diptych, or update this one.",
        )


def _check_existing(db: Database, path: Path, *, verify: bool = True) -> None:
    # The header can lag behind a WAL that was not checkpointed: ask SQLite as well.
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    _check_identity(path, application_id, user_version)
    if application_id == APPLICATION_ID and set(db.table_names()) <= {MIGRATIONS_TABLE}:
        return  # Diptych's own file, its creation cut short before the tables: completed
    if not is_diptych_schema(db):
        raise NotAProjectError(
            "is another program's database, not a Diptych project",
            path=path,
            advice="Choose a .diptych file.",
        )
    if application_id != APPLICATION_ID:  # Diptych's tables without Diptych's mark
        _check_version(path, user_version)
    unknown = unknown_schema_objects(db)
    if unknown:  # triggers run the file's own SQL: only Diptych's own may run
        raise NotAProjectError(
            f"was changed by another program (it holds {', '.join(unknown[:3])}) and is not opened",
            path=path,
            advice=RESTORING,
        )
    if verify:
        check_integrity(db.conn, path)


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's integrity pass over the whole file; raises if the file is damaged.

    Any connection to the file will do, so a worker thread can run it on its own.
    """
    with translate_errors(path):
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise DamagedProjectError(f"is damaged ({result})", path=path, advice=RESTORING)


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
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
