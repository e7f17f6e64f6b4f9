"""A project damaged only in its full-text search indexes, rebuilt from its texts.

The search indexes (``articles_fts`` and the others, with the tables SQLite keeps them
in) hold nothing of the user's own: each is made from the texts beside it (see
:mod:`diptych.storage.search_folds`). A bad sector or a partial write that lands in one
of them leaves every article, passage, tag, note and memo readable, yet SQLite's
integrity pass fails, and the project was refused whole as "damaged", with only an
older backup offered.

:func:`damaged_in_search_only` tells that case apart (SQLite's integrity pass, table by
table: only index tables fail); :func:`rebuild_search` keeps the damaged file as it was
beside it (``NAME (damaged DATE).diptych``, with its log), and writes the project again without the
damaged indexes, which are made again from the texts. Should the result not pass the
integrity pass whole, nothing is replaced.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from diptych.storage.errors import DamagedProjectError, readable_text
from diptych.storage.file_names import part_name, set_aside_name
from diptych.storage.project_aside import move_aside, move_back
from diptych.storage.search_folds import INDEXED, statements
from diptych.storage.sqlite_errors import RESTORING

_SHADOWS = ("", "_data", "_idx", "_docsize", "_config")
SEARCH_TABLES = frozenset(indexed.fts + shadow for indexed in INDEXED for shadow in _SHADOWS)


def damaged_in_search_only(conn: sqlite3.Connection) -> bool:
    """True if SQLite's integrity pass fails on a search index's tables alone: every
    other table (with its indexes) passes it."""
    try:
        tables = [
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
    except sqlite3.Error:  # the list of tables itself is damaged
        return False
    failed = [name for name in tables if not _passes(conn, name)]
    return bool(failed) and all(name in SEARCH_TABLES for name in failed)


def _passes(conn: sqlite3.Connection, table: str) -> bool:
    try:
        rows = conn.execute(f"PRAGMA quick_check('{table}')").fetchall()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


def rebuild_search(path: Path) -> Path:
    """Rebuild the search indexes of the project at ``path`` (closed everywhere in this
    program), whose other tables are intact; the damaged file is kept as it was beside
    it, and returned.

    Raises:
        DamagedProjectError: the project could not be written again whole (it is left as
            it was, with nothing beside it).
    """
    kept = set_aside_name(path, f"damaged {datetime.now():%Y%m%d-%H%M%S}")
    work = part_name(path, prefix=".")
    try:
        # Read only, never folding its log into it: page by page, with what the log holds.
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(work)
            with contextlib.closing(copy):
                source.backup(copy)
        finally:
            source.close()
        _rebuild_in(work)
        moved = move_aside(path, kept)  # as it was, with its log
        try:
            os.replace(work, path)
        except OSError:
            move_back(moved)
            raise
    except (sqlite3.Error, OSError) as exc:
        work.unlink(missing_ok=True)
        raise DamagedProjectError(
            f"is damaged in its search index, which could not be rebuilt ({exc})",
            path=path,
            advice=RESTORING,
        ) from exc
    log, index = Path(f"{kept}-wal"), Path(f"{kept}-shm")
    with contextlib.suppress(OSError):
        if log.stat().st_size == 0:  # an empty log holds nothing of it: not kept
            log.unlink()
            index.unlink(missing_ok=True)
    return kept


def _rebuild_in(work: Path) -> None:
    """Take the search indexes out of the copy at ``work`` (their pages, damaged, are left
    out as it is written again), make them again and fill them from the texts."""
    conn = sqlite3.connect(work, isolation_level=None)
    with contextlib.closing(conn):
        conn.execute("PRAGMA journal_mode = DELETE")
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        names = ", ".join(f"'{name}'" for name in sorted(SEARCH_TABLES))
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(f"DELETE FROM sqlite_master WHERE type = 'table' AND name IN ({names})")
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
    conn = sqlite3.connect(work, isolation_level=None)
    with contextlib.closing(conn):
        conn.execute("VACUUM")  # writes the file again, without the pages left out
        conn.execute("BEGIN")
        for indexed in INDEXED:
            index = next(s for s in statements(indexed) if s.startswith("CREATE VIRTUAL"))
            conn.execute(index)
            conn.execute(f"INSERT INTO {indexed.fts}({indexed.fts}) VALUES ('rebuild')")
        conn.execute("COMMIT")
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise sqlite3.DatabaseError("the copy does not pass SQLite's integrity check")
        conn.execute("PRAGMA journal_mode = WAL")


def search_rebuilt_notice(path: Path, kept: Path) -> str:
    """What to tell of a project whose search index was rebuilt as it opened."""
    return (
        f"{readable_text(str(path))} was damaged in its search index alone (a bad sector on"
        " the disk, or a copy cut short). Nothing of your work was in it: Diptych made the"
        " index again from the project's texts, and the project is as it was. The damaged"
        f" file is kept as {readable_text(str(kept))}: delete it once you have checked the"
        " project, and consider checking the disk."
    )
