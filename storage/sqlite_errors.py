"""SQLite failures as known errors: a message naming the project file and what to do.

SQLite reports a full disk, a lock held by another program or a damaged file by a result
code; :func:`translate_errors` turns each into the :class:`ProjectFileError` the user
reads, so that no caller shows SQLite's own words.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from diptych.storage.errors import (
    Advice,
    DamagedProjectError,
    DiskFullError,
    ProjectBusyError,
    ProjectFileError,
    ReadOnlyProjectError,
)

# The window offers the backups of a file that cannot be opened when it is opened there.
RESTORE_ADVICE = "Restore it from a backup: opening it in the Diptych window offers them."
RESTORING = Advice(RESTORE_ADVICE, "Restore it from a backup (File > Restore from backup…).")
# Said instead, once it is known that Diptych has no backup of the file: a promise of
# backups to restore sent the user to the window, which then said there were none.
NO_BACKUP_ADVICE = (
    "Diptych has no backup of it. If you keep a copy of it elsewhere (another disk, a"
    " synced folder), open that copy."
)
# Said where the backups cannot be looked for (the command line run without the window's
# per-user folders).
MAYBE_BACKUP_ADVICE = (
    "Open it in the Diptych window, which offers its backups if Diptych has any; else, if"
    " you keep a copy of it elsewhere (another disk, a synced folder), open that copy."
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
