"""The connection to a project file: statements, transactions, table names.

sqlite-utils owns the schema: the migrations in :mod:`diptych.storage.schema` run on
:meth:`Database.utils`. Day-to-day reads and writes go straight through the standard
library's connection, which keeps sqlite-utils (about a tenth of a second to import) off
the path from starting Diptych to its first window.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils


class Database:
    """One SQLite connection to a project file.

    Args:
        conn: the open connection (default transaction handling).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None
        self.after_close: Callable[[], None] | None = None
        """What to do once the connection is closed (tidy what it left beside the file)."""
        self.before_commit: Callable[[Database], None] | None = None
        """What to write last in each transaction (the search's folded words)."""
        self.before_writing: Callable[[Database], None] | None = None
        """What to prepare before the first transaction (once, outside it)."""

    def execute(self, sql: str, parameters: Iterable[Any] | None = None) -> sqlite3.Cursor:
        """Run one statement."""
        return self.conn.execute(sql, tuple(parameters) if parameters is not None else ())

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; nested inside another it is a savepoint (as in sqlite-utils)."""
        if self.conn.in_transaction:
            savepoint = f"diptych_{os.urandom(8).hex()}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.prepare_writing()
        self.conn.execute("BEGIN")
        try:
            yield self
            self.write_last()
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def prepare_writing(self) -> None:
        """Prepare what :attr:`before_writing` prepares, if not yet done."""
        if self.before_writing is not None:
            self.before_writing(self)
            self.before_writing = None

    def write_last(self) -> None:
        """Write what :attr:`before_commit` writes, in the transaction about to commit."""
        if self.before_commit is not None:
            self.before_commit(self)

    def table_names(self) -> list[str]:
        """Names of the tables in the file."""
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [name for (name,) in rows]

    def utils(self) -> sqlite_utils.Database:
        """The same connection seen through sqlite-utils (imported on first use)."""
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._utils

    def close(self) -> None:
        """Close the connection (then :attr:`after_close`, once)."""
        self.conn.close()
        after, self.after_close = self.after_close, None
        if after is not None:
            after()
