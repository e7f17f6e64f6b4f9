"""A search through a connection of its own, for a worker thread, that stops when asked."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from diptych.storage.database import reader, translate_errors
from diptych.storage.errors import Cancelled, ProjectMovedError
from diptych.storage.project import file_identity
from diptych.storage.search import SearchHit, search_in

CHECK_EVERY = 1_000
"""SQLite steps between two looks at whether the search is still wanted: a few
microseconds each time, so a superseded search over every text stops at once."""


def search_file(
    path: Path,
    *,
    query: str,
    limit: int,
    stopped: Callable[[], bool] = lambda: False,
    identity: tuple[int, int] | None = None,
) -> list[SearchHit]:
    """:func:`~diptych.storage.search.search` in the open project at ``path``, through a
    read-only connection of its own (:func:`~diptych.storage.database.reader`): it reads
    what was committed, through the write-ahead log, neither waiting for the project's own
    connection nor holding it up. ``identity`` (the open project's
    :attr:`~diptych.storage.project.Project.file_identity`): the file at ``path`` must be
    that one, not another file that took its name while the project's is moved.

    Raises:
        Cancelled: ``stopped()`` became True before the search was done.
        ProjectMovedError: the file at ``path`` is not (or no longer) the one ``identity``
            names; the open project follows its file, and the search can be asked again.
        DiptychError: the file could not be read.
    """
    _check_identity(path, identity)
    conn = reader(path)
    conn.set_progress_handler(stopped, CHECK_EVERY)  # True: SQLite stops, "interrupted"
    try:
        with translate_errors(path):
            try:
                hits = search_in(conn, query=query, limit=limit)
                _check_identity(path, identity)  # not replaced while it was read
                return hits
            except sqlite3.OperationalError:
                if stopped():
                    raise Cancelled(f"the search for {query!r} was superseded") from None
                raise
    finally:
        conn.close()


def _check_identity(path: Path, identity: tuple[int, int] | None) -> None:
    if identity is not None and file_identity(path) != identity:
        raise ProjectMovedError(
            "was moved or replaced while open; the search is done again once the window "
            "finds the project's file",
            path=path,
        )
