"""Many rows written or deleted in one statement, for the tables the search indexes follow.

Why: a table's triggers keep its full-text index in step row by row, and SQLite makes the
index write out what it holds at the start of every statement inside a transaction. Rows
inserted one statement each (``executemany``) are indexed one by one, about ten times
slower than in one statement: seconds for the 12,000 passages of a big import brought
back by redo. So the rows go first into a temporary table of this connection (no
triggers, no index: no other connection or program sees it), then into the table in one
``INSERT ... SELECT``; ids to delete go as one JSON list. The values reach the table as
they would from a direct ``INSERT``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diptych.storage.connection import Database

IDS = "(SELECT value FROM json_each(?))"
"""Stands for a list of ids (or other plain values) bound as one parameter: :func:`listed`."""


PAIRS = (
    "(SELECT json_extract(value, '$[0]') AS c0, json_extract(value, '$[1]') AS c1"
    " FROM json_each(?))"
)
"""Stands for a list of pairs of values (a passage and a tag) bound as one parameter:
:func:`paired`."""


def listed(values: Iterable[object]) -> str:
    """``values`` as the one parameter of :data:`IDS` (each once)."""
    return json.dumps(list(dict.fromkeys(values)))


def paired(pairs: Iterable[tuple[object, object]]) -> str:
    """``pairs`` as the one parameter of :data:`PAIRS` (each once, in order)."""
    return json.dumps(sorted(set(pairs)))


def insert_rows(
    db: Database, *, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Insert ``rows`` (values of ``columns``, in that order) into ``table`` in one
    statement (see the module's docstring), inside the caller's transaction."""
    if not rows:
        return
    staged = _staged(db, table, len(columns))
    names = ", ".join(f"c{i}" for i in range(len(columns)))
    try:
        db.conn.executemany(f"INSERT INTO {staged} VALUES ({_marks(len(columns))})", rows)
        db.execute(
            f"INSERT INTO main.{table} ({', '.join(columns)}) SELECT {names} FROM {staged}"
            " ORDER BY rowid"
        )
    finally:
        db.execute(f"DELETE FROM {staged}")


def update_rows(
    db: Database, *, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Set ``columns`` of the rows of ``table`` whose id is each row's first value to the
    values after it, in one statement (see the module's docstring)."""
    if not rows:
        return
    staged = _staged(db, table, len(columns) + 1, keyed=True)
    try:
        db.conn.executemany(f"INSERT INTO {staged} VALUES ({_marks(len(columns) + 1)})", rows)
        values = ", ".join(
            f"{column} = (SELECT c{i + 1} FROM {staged} s WHERE s.c0 = {table}.id)"
            for i, column in enumerate(columns)
        )
        db.execute(f"UPDATE main.{table} SET {values} WHERE id IN (SELECT c0 FROM {staged})")
    finally:
        db.execute(f"DELETE FROM {staged}")


def delete_rows(db: Database, *, table: str, column: str, values: Iterable[object]) -> None:
    """Delete the rows of ``table`` whose ``column`` is one of ``values``, in one
    statement (see the module's docstring)."""
    wanted = listed(values)
    if wanted != "[]":
        db.execute(f"DELETE FROM main.{table} WHERE {column} IN {IDS}", [wanted])


def _staged(db: Database, table: str, width: int, *, keyed: bool = False) -> str:
    """The name of an empty temporary table of ``width`` columns (``c0``, ``c1``...) for
    rows on their way to ``table``, made if need be. Its columns have no type: each value
    stays as bound, and the table's own types apply as it is written there; but ``keyed``,
    ``c0`` is the row's id, which each row of the table looks up."""
    name = f"diptych_{'keyed' if keyed else 'staged'}_{table}_{width}"
    names = ", ".join(f"c{i}" for i in range(width))
    if keyed:
        names = names.replace("c0", "c0 INTEGER PRIMARY KEY", 1)
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({names})")
    return f"temp.{name}"


def _marks(width: int) -> str:
    return ", ".join("?" for _ in range(width))
