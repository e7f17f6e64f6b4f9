"""Damaging a project file the way a failing disk would, for the tests that restore it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage(path: Path) -> None:
    """Overwrite every page after the first with garbage (the header stays valid)."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes((i * 37) % 251 for i in range(len(data) - page))
    path.write_bytes(bytes(data))


def damage_table(path: Path, name: str) -> None:
    """Overwrite the first page of one table with garbage: the file still opens and reads
    everywhere else, and only a read of that table or SQLite's integrity pass finds it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        query = "SELECT rootpage FROM sqlite_master WHERE name = ?"
        (root,) = conn.execute(query, [name]).fetchone()
        (page,) = conn.execute("PRAGMA page_size").fetchone()
    finally:
        conn.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page)
        file.write(bytes((i * 37) % 251 for i in range(page)))
