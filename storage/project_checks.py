"""The checks a file passes before it is opened as a project, and before anything is
written to it.

Is its name one the file system takes (with SQLite's working files beside it), is it
SQLite at all, is it a Diptych project (``PRAGMA application_id`` and its tables), is it
from a newer Diptych (``PRAGMA user_version``), is it intact (``PRAGMA quick_check``). A
file that fails any check is left exactly as it was.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.connection import Database
from diptych.storage.errors import (
    DISK_READ_ONLY_ADVICE,
    FOLDER_READ_ONLY_ADVICE,
    READ_ONLY_ADVICE,
    Advice,
    DamagedProjectError,
    DamagedSearchIndexError,
    MadeReadOnlyError,
    NewerProjectError,
    NotAProjectError,
    ProjectFileError,
    ReadOnlyProjectError,
    readable_text,
)
from diptych.storage.file_names import JOURNAL_ROOM, NAME_MAX, WAL_ROOM
from diptych.storage.held_files import held_descriptors, read_start
from diptych.storage.schema import (
    APPLICATION_ID,
    MIGRATIONS_TABLE,
    SCHEMA_VERSION,
    is_diptych_schema,
    unknown_schema_objects,
)
from diptych.storage.sqlite_errors import RESTORING, translate_errors

if TYPE_CHECKING:
    from diptych.storage.project import Project

SQLITE_MAGIC = b"SQLite format 3\x00"
# How a zip archive starts: its first member, or the end of an empty archive. A REFI-QDA
# project (.qdpx) is one, holding its project document, project.qde.
ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
EXCHANGE_SUFFIXES = (".qdpx", ".qdc")  # REFI-QDA project and codebook files
# SQLite keeps working files beside the project, named after it: NAME-wal and NAME-shm
# while it is open, NAME-journal while it is created. Each must be a valid name too.
LONGEST_NAME_TO_OPEN = NAME_MAX - WAL_ROOM
LONGEST_NAME_TO_CREATE = NAME_MAX - JOURNAL_ROOM
# SQLite takes a file's whole path up to 512 bytes (its unix VFS's MAX_PATHNAME), room for
# the longest working file's ending (-journal) included, however short each name is.
LONGEST_PATH = 512 - JOURNAL_ROOM


def writable(path: Path) -> bool:
    """True if the project file at ``path`` can be written: the file, and its folder, where
    WAL mode makes the -wal and -shm files beside it. A file made read-only, or immutable,
    or on a disk mounted read-only, is not, for the superuser either."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def only_folder_unwritable(path: Path) -> bool:
    """True if the project file at ``path`` can be written but not its folder (where WAL
    mode makes the -wal and -shm files): making the file writable would not do."""
    return os.access(path, os.W_OK) and not os.access(path.parent, os.W_OK)


def on_read_only_disk(path: Path) -> bool:
    """True if the file at ``path`` (or where it would be) is on a disk mounted read-only,
    which no permission can make writable."""
    flag = getattr(os, "ST_RDONLY", 0)
    for place in (path, path.parent):
        try:
            return bool(os.statvfs(place).f_flag & flag)
        except (OSError, AttributeError):  # not there, or a system without statvfs
            continue
    return False


def why_read_only(path: Path) -> tuple[str, Advice]:
    """Why the project file at ``path`` cannot be written, as a few words to add to what
    was refused (" (its folder cannot be written)", or "" for the file itself), and what
    to do about it: the disk mounted read-only, its folder, or the file."""
    if on_read_only_disk(path):
        return " (the disk holding it is mounted read-only)", DISK_READ_ONLY_ADVICE
    if only_folder_unwritable(path):
        return " (its folder cannot be written)", FOLDER_READ_ONLY_ADVICE
    return "", READ_ONLY_ADVICE


def refuse_if_made_read_only(
    project: Project, refused: str = "the change was not saved", failure: Exception | None = None
) -> None:
    """Refuse a change to ``project`` (saying ``refused``) once its file or folder was made
    read-only (see :class:`MadeReadOnlyError`; the open connection could still write it),
    the project read-only from then on, as it would open now; ``failure``, the write that
    failed as it was, if one did. A project open read-only already refuses it as such."""
    if project.read_only or writable(project.path):
        return
    project.read_only = True
    why, advice = why_read_only(project.path)
    raise MadeReadOnlyError(
        f"was made read-only while it was open{why}, so {refused}; everything saved before it"
        " is kept",
        path=project.path,
        advice=advice,
    ) from failure


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
    _refuse_a_path_too_long(path, exists=exists)
    return exists


def _refuse_a_path_too_long(path: Path, *, exists: bool) -> None:
    """A path SQLite cannot take (its folders nested too deep, or named at length) is
    refused naming its length, not "cannot be opened" (with every folder there)."""
    length = len(os.fsencode(os.path.realpath(path)))
    if length <= LONGEST_PATH:
        return
    verb = "opened" if exists else "created"
    raise ProjectFileError(
        f"cannot be {verb}: its full path, folders included, is {length} bytes long, and"
        f" SQLite, which keeps Diptych's projects, takes at most {LONGEST_PATH}",
        path=path,
        advice="Move it to a folder nearer the top of the disk, or give its folders shorter"
        " names, then open it again."
        if exists
        else "Choose a folder nearer the top of the disk, or a shorter name.",
    )


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
        raise _empty(path)
    if header[:4] in ZIP_STARTS and path.suffix.lower() not in EXCHANGE_SUFFIXES:
        raise _a_zip_archive(path)  # a name saying what it is: see _not_a_project_advice
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAProjectError(
            "is not a Diptych project (not an SQLite database)",
            path=path,
            advice=_not_a_project_advice(path),
        )
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return application_id, user_version


def _empty(path: Path) -> NotAProjectError:
    """The error for an empty file: one named .diptych is told what it is (choosing a
    .diptych file is what the user did), and where a project would come from."""
    if path.suffix.lower() != ".diptych":
        return NotAProjectError(
            "is empty, not a Diptych project", path=path, advice="Choose a .diptych file."
        )
    again = "If it was copied or downloaded, copy it again from where it came from"
    return NotAProjectError(
        "is empty: it holds no project (nothing was ever saved in it, or it was emptied)",
        path=path,
        advice=Advice(
            f"{again}. To start a new project, name a new file to `diptych import`.",
            f"{again}. To start a new project, make a new file (File > New project…).",
        ),
    )


def _a_zip_archive(path: Path) -> NotAProjectError:
    """The error for a zip archive, not named as a REFI-QDA file, given as a project: a
    REFI-QDA project, to import once renamed (Import goes by the name), or any other
    archive, to unpack first."""
    if not _holds_refi_project(path):
        return NotAProjectError(
            "is a zip archive, not a Diptych project",
            path=path,
            advice=Advice(
                "Unpack it first, then open the .diptych file it holds, or import the"
                " articles it holds into a project (`diptych import PROJECT FILE`).",
                "Unpack it first, then open the .diptych file it holds, or import the"
                " articles it holds into a project (File > Import articles…).",
            ),
        )
    into = "Rename it to end in .qdpx, then import it into a Diptych project"
    return NotAProjectError(
        "is a REFI-QDA project (a .qdpx file, as other QDA programs export), not a Diptych project",
        path=path,
        advice=Advice(
            f"{into} (`diptych import PROJECT FILE`).", f"{into} (File > Import articles…)."
        ),
    )


def _holds_refi_project(path: Path) -> bool:
    """True if the zip archive at ``path`` holds a REFI-QDA project document (a .qde at
    its top or one folder down, as Import takes it)."""
    import zipfile  # only for a zip given as a project

    if held_descriptors(path):  # closing a descriptor would drop SQLite's locks on it
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    return any(
        name.lower().endswith(".qde") and name.count("/") <= 1 and not name.startswith("__MACOSX/")
        for name in names
    )


# A file that is no project, though its name says so: "choose a .diptych file" is what the
# user did.
_ONLY_NAMED = "Only its name ends in .diptych: choose a project file that Diptych saved."


def _other_programs_advice(path: Path) -> str:
    """What to do with another program's database given as a project."""
    return _ONLY_NAMED if path.suffix.lower() == ".diptych" else "Choose a .diptych file."


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
    if path.suffix.lower() == ".diptych":  # Import articles… refuses it, by that name
        rename = (
            f"{_ONLY_NAMED} If it holds an article's text, rename it to end in .txt, .md or"
            " .html and import it"
        )
        return Advice(
            f"{rename} (`diptych import PROJECT FILE`).", f"{rename} (File > Import articles…)."
        )
    return Advice(
        "Choose a .diptych file, or import it as an article (File > Import "
        "articles…, or `diptych import PROJECT FILE`).",
        "Choose a .diptych file, or import it into a project as an article "
        "(File > Import articles…).",
    )


def saved_by_diptych(path: Path, header: bytes) -> bool:
    """True if the SQLite database at ``path``, whose first bytes are ``header``, is a
    Diptych project: Diptych's mark in its header, or, for a file without a mark (a new
    project's mark may still be in its log alone; many programs leave it unset), Diptych's
    mark or tables as SQLite reads them. A file SQLite cannot read is taken for one: what
    it is can then only be told by opening it as a project."""
    if len(header) < 72:
        return True
    application_id = struct.unpack(">I", header[68:72])[0]
    if application_id != 0:
        return application_id == APPLICATION_ID
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    except (sqlite3.Error, OSError, ValueError):
        return True
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            return True
        return is_diptych_schema(Database(conn))
    except sqlite3.Error:
        return True
    finally:
        conn.close()


def check_folder_for_new(path: Path) -> None:
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


def check_identity(path: Path, application_id: int, user_version: int) -> None:
    """Refuse another program's mark; a newer format only when the file bears Diptych's.

    Many programs leave the application id at 0 and use the user version for their own
    numbering: such a file is told apart by its tables (:func:`check_existing`).
    """
    if application_id not in (0, APPLICATION_ID):
        raise NotAProjectError(
            "is another program's database, not a Diptych project",
            path=path,
            advice=_other_programs_advice(path),
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


def check_existing(db: Database, path: Path, *, verify: bool = True) -> None:
    # The header can lag behind a WAL that was not checkpointed: ask SQLite as well.
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    check_identity(path, application_id, user_version)
    if application_id == APPLICATION_ID and set(db.table_names()) <= {MIGRATIONS_TABLE}:
        return  # Diptych's own file, its creation cut short before the tables: completed
    if not is_diptych_schema(db):
        raise NotAProjectError(
            "is another program's database, not a Diptych project",
            path=path,
            advice=_other_programs_advice(path),
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
    from diptych.storage.search_repair import damaged_in_search_only  # when first needed

    refused: DamagedProjectError | None = None
    try:
        with translate_errors(path):
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except DamagedProjectError as exc:  # SQLite gave up on a page it could not read
        refused, result = exc, exc.message
    if result == "ok":
        return
    if damaged_in_search_only(conn):
        raise DamagedSearchIndexError(
            "is damaged in its search index alone, which Diptych makes from the project's texts",
            path=path,
            advice="Diptych rebuilds the index as it opens the project where it can write"
            " beside it: copy the file to a folder you can write to and open the copy.",
        )
    if refused is not None:
        raise refused
    raise DamagedProjectError(f"is damaged ({result})", path=path, advice=RESTORING)
