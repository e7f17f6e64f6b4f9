"""The full-text indexes hold the folded words of texts written in compatibility forms, or
with marks the index does not take off itself (see :mod:`diptych.storage.search_folding`),
and the file stays writable by any SQLite program.

Why this way: the file's own triggers keep the indexes in step with the texts, and a
trigger runs in whatever program writes the file (the ``sqlite3`` shell, sqlite-utils).
A trigger calling a function of Diptych's would fail there, so the triggers fold nothing.
Each index is of a view instead (``articles_searched``...), which reads a text's folded
form from a table beside its own (``articles_folded``...) where it has one, else the
text as written; the triggers, in plain SQL, index a new text as written and take a
text out of the index as it was indexed (folded or not). Diptych then folds what was
written: its own connection notes each text written that has a compatibility form (in
temporary triggers calling a function of its own, which no other program sees) and,
before the transaction commits, re-indexes those folded, keeping their folded form
beside them (:class:`_Written`); a transaction writing plain letters alone, most of
them, asks nothing more of the file.
Only those texts are kept twice, not every text. A text another program writes is indexed
as written (its words in plain letters are found, those in other forms once Diptych
writes it again); the index never goes out of step with the texts.

Not chosen: an index holding its own copy of the folded texts would keep every text twice;
one that forgets a row by its id alone (FTS5's ``contentless_delete``) needs SQLite 3.43,
newer than many programs (and Python builds) that open the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from diptych.storage.bulk_rows import IDS, listed
from diptych.storage.search_folding import (
    DOTLESS,
    RAISED,
    STROKED,
    indexed_form,
    needs_folding,
)
from diptych.storage.search_marks import marked_unread

if TYPE_CHECKING:
    import sqlite_utils

    from diptych.storage.connection import Database


@dataclass(frozen=True, slots=True)
class Indexed:
    """A table whose texts are searched, and its full-text index."""

    table: str
    columns: tuple[str, ...]

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    @property
    def folded(self) -> str:
        return f"{self.table}_folded"

    @property
    def view(self) -> str:
        return f"{self.table}_searched"

    def listed(self, prefix: str = "") -> str:
        return ", ".join(prefix + column for column in self.columns)

    def as_indexed(self, row: str) -> str:
        """The texts of ``row`` (``old``) as the index holds them: folded if kept so."""
        return ", ".join(
            f"coalesce((SELECT {c} FROM {self.folded} WHERE id = {row}.id), {row}.{c})"
            for c in self.columns
        )


INDEXED = (
    Indexed("articles", ("title", "display_text")),
    Indexed("annotations", ("exact", "note")),
    Indexed("memos", ("text",)),
)
VIEWS = frozenset(indexed.view for indexed in INDEXED)


def statements(indexed: Indexed) -> list[str]:
    """The folded texts' table, the view the index is of, the index and its triggers."""
    t, fts, cols = indexed.table, indexed.fts, indexed.listed()
    take_out = (
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, "
        f"{indexed.as_indexed('old')}); DELETE FROM {indexed.folded} WHERE id = old.id;"
    )
    put_in = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {indexed.listed('new.')});"
    folded_columns = ", ".join(f"{c} TEXT NOT NULL" for c in indexed.columns)
    shown = ", ".join(f"coalesce(f.{c}, t.{c}) AS {c}" for c in indexed.columns)
    return [
        f"CREATE TABLE {indexed.folded} (id INTEGER PRIMARY KEY, {folded_columns})",
        f"CREATE VIEW {indexed.view} AS SELECT t.id AS id, {shown} FROM {t} t"
        f" LEFT JOIN {indexed.folded} f ON f.id = t.id",
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{indexed.view}',"
        " content_rowid='id', tokenize='unicode61')",
        f"CREATE TRIGGER {t}_fts_insert AFTER INSERT ON {t} BEGIN {put_in} END",
        f"CREATE TRIGGER {t}_fts_delete AFTER DELETE ON {t} BEGIN {take_out} END",
        f"CREATE TRIGGER {t}_fts_update AFTER UPDATE OF {cols} ON {t} BEGIN"
        f" {take_out} {put_in} END",
    ]


def fold_search(db: sqlite_utils.Database) -> None:
    """The migration: each index made again, of its view, with the folded words of the
    texts written in compatibility forms."""
    for indexed in INDEXED:
        for event in ("insert", "delete", "update"):
            db.execute(f"DROP TRIGGER IF EXISTS {indexed.table}_fts_{event}")
        db.execute(f"DROP TABLE IF EXISTS {indexed.fts}")
        for statement in statements(indexed):
            db.execute(statement)
        rows = db.conn.execute(f"SELECT id, {indexed.listed()} FROM {indexed.table}")
        for row in rows:  # one by one: a project may be large
            if (folded := _folded(row)) is not None:
                _keep(db.conn.execute, indexed, folded)
        db.execute(f"INSERT INTO {indexed.fts}({indexed.fts}) VALUES ('rebuild')")


def fold_raised_numbers_apart(db: sqlite_utils.Database) -> None:
    """The migration: the texts kept folded that hold a number raised after a word folded
    again, the number apart from it (began¹ indexed as began 1, no longer as began1).
    Only those are read: the others are folded as before, and a text another program
    wrote is indexed as written, its number apart already unless it is in a compatibility
    form itself."""
    for indexed in INDEXED:
        raised = " OR ".join(f"t.{c} GLOB '*[{RAISED}]*'" for c in indexed.columns)
        rows = db.conn.execute(
            f"SELECT t.id FROM {indexed.folded} f JOIN {indexed.table} t ON t.id = f.id"
            f" WHERE {raised}"
        )
        _fold_rows(db.conn.execute, indexed, [row_id for (row_id,) in rows])


def fold_stroked_letters(db: sqlite_utils.Database) -> None:
    """The migration: the texts with a letter with a stroke (Ø, Ł) indexed by their folded
    words, the letter as the plain one, so that Odegaard finds Ødegaard (the index keeps
    the letter as written, which no word typed without it finds). Only those are read."""
    _fold_letters(db, "".join(STROKED.values()))


def fold_dotless_letters(db: sqlite_utils.Database) -> None:
    """The migration: the texts with a dotless ı (Turkish, Azerbaijani) indexed by their
    folded words, the letter as i, so that ışık, Işık, IŞIK and isik find each other (the
    index keeps ı as written, and lowers its capital I to i). Only those are read."""
    _fold_letters(db, "".join(DOTLESS.values()))


def _fold_letters(db: sqlite_utils.Database, letters: str) -> None:
    """Index the texts that have any of ``letters`` by their folded words."""
    for indexed in INDEXED:
        having = " OR ".join(f"{c} GLOB '*[{letters}]*'" for c in indexed.columns)
        rows = db.conn.execute(f"SELECT id FROM {indexed.table} WHERE {having}")
        _fold_rows(db.conn.execute, indexed, [row_id for (row_id,) in rows])


def fold_marked_letters(db: sqlite_utils.Database) -> None:
    """The migration: the texts with a mark the index does not take off itself (Greek
    tonos, Russian ё, a Latin letter with two accents as Vietnamese writes them, the
    vowel marks of Arabic and Hebrew) indexed by their folded words, without it, so that
    Βουλη finds Βουλή, объем объём and Nguyen Nguyễn. Each text is read once, one at a
    time, and only those with such a mark indexed again (no pattern in SQL could pick
    them out: SQLite's GLOB reads a class of hundreds of letters at each character)."""
    marked = marked_unread()
    for indexed in INDEXED:
        rows = db.conn.execute(f"SELECT id, {indexed.listed()} FROM {indexed.table}")
        ids = [row[0] for row in rows if any(marked.search(text or "") for text in row[1:])]
        _fold_rows(db.conn.execute, indexed, ids)


def _folded(row: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A row (its id, then its texts) as indexed if it has a compatibility form, else None."""
    if any(needs_folding(text) for text in row[1:]):
        return (row[0], *map(indexed_form, row[1:]))
    return None


def _keep(execute: Callable[..., object], indexed: Indexed, folded: tuple[Any, ...]) -> None:
    """Keep a row's folded texts beside it (the index's view reads them)."""
    marks = ", ".join("?" for _ in folded)
    execute(f"INSERT OR REPLACE INTO {indexed.folded} VALUES ({marks})", folded)


class _Written:
    """The texts written through one connection since its last commit that the index
    reads otherwise than folded (:func:`~diptych.storage.search_folding.needs_folding`),
    noted by temporary triggers as they are written: a text in plain letters, most of
    them, costs no statement at commit.

    The ids noted may be more than those still to fold (a statement rolled back leaves
    its note): each row is read again at commit, and folding one twice changes nothing.
    """

    def __init__(self) -> None:
        self.pending: set[tuple[str, int]] = set()

    def note(self, kind: str, row_id: int, *texts: object) -> None:
        """The SQL function the temporary triggers call with a row's texts as written."""
        if any(isinstance(text, str) and needs_folding(text) for text in texts):
            self.pending.add((kind, row_id))

    def watch(self, db: Database) -> None:
        """Note the texts written through ``db``: in temporary triggers, in this connection
        only, gone when it closes (no other program sees them, nor their function)."""
        db.conn.create_function(_NOTE, -1, self.note)
        for indexed in INDEXED:
            t = indexed.table
            note = f"SELECT {_NOTE}('{t}', new.id, {indexed.listed('new.')});"
            db.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {t}_written AFTER INSERT ON main.{t}"
                f" BEGIN {note} END"
            )
            db.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {t}_rewritten"
                f" AFTER UPDATE OF {indexed.listed()} ON main.{t} BEGIN {note} END"
            )

    def fold(self, db: Database) -> None:
        """Index the texts noted by their folded words (the triggers indexed them as
        written), in the transaction about to commit."""
        if not self.pending:
            return
        pending, self.pending = self.pending, set()
        for indexed in INDEXED:
            ids = sorted(row_id for kind, row_id in pending if kind == indexed.table)
            if ids:
                _fold_rows(db.execute, indexed, ids)


_NOTE = "diptych_text_written"  # the temporary triggers' function, on Diptych's connection


def watch_writes(db: Database) -> None:
    """Have ``db`` (a connection that writes) fold the texts it writes before each commit,
    from its first transaction on (a command that only reads does without)."""
    written = _Written()
    db.before_writing = written.watch
    db.before_commit = written.fold


def _fold_rows(execute: Callable[..., sqlite3.Cursor], indexed: Indexed, ids: list[int]) -> None:
    """Index the rows ``ids`` of ``indexed`` that have a compatibility form by their
    folded words, keeping those beside them. The rows are read one at a time (an import
    may have written thousands of long texts) and indexed again in batches, two
    statements for each (the index writes out what it holds at every statement: one row
    a statement took seconds for the thousands of passages of a big import)."""
    select = f"SELECT id, {indexed.listed()} FROM main.{indexed.table} WHERE id = ?"
    batch: list[tuple[Any, ...]] = []
    size = 0
    for row_id in ids:
        row = execute(select, [row_id]).fetchone()
        if row is None or (folded := _folded(row)) is None:
            continue  # gone, or written again in plain letters
        batch.append(folded)
        size += sum(len(text or "") for text in folded[1:])
        if len(batch) >= _BATCH_ROWS or size >= _BATCH_CHARACTERS:
            _index_folded(execute, indexed, batch)
            batch, size = [], 0
    _index_folded(execute, indexed, batch)


_BATCH_ROWS = 1_000
_BATCH_CHARACTERS = 8_000_000  # the texts of a batch are held at once


def _index_folded(
    execute: Callable[..., sqlite3.Cursor], indexed: Indexed, batch: list[tuple[Any, ...]]
) -> None:
    """Index the rows of ``batch`` (each its id, then its folded texts) by their folded
    texts, in place of how the index holds them now (as written, or folded before)."""
    if not batch:
        return
    fts, cols = indexed.fts, indexed.listed()
    ids = listed(folded[0] for folded in batch)
    execute(
        f"INSERT INTO {fts}({fts}, rowid, {cols}) SELECT 'delete', id, {cols}"
        f" FROM {indexed.view} WHERE id IN {IDS}",
        [ids],
    )
    for folded in batch:
        _keep(execute, indexed, folded)
    execute(
        f"INSERT INTO {fts}(rowid, {cols}) SELECT id, {cols} FROM {indexed.view} WHERE id IN {IDS}",
        [ids],
    )
