"""Opening a project another program is writing to: what the user is told."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from diptych.storage import database
from diptych.storage.errors import ProjectBusyError
from diptych.storage.project import Project
from diptych.storage.schema import _memo_search, _search
from diptych.storage.search_folds import INDEXED

OLDER_FORMAT = 2
"""The format :func:`older_project` writes."""


def format_3_project(path: Path) -> None:
    """A project as Diptych wrote it in format 3: articles, passages and memos searched by
    their words as written (full-width ＡＰＥＣ not found by APEC)."""
    Project.create(path).close()
    conn = sqlite3.connect(path)
    for indexed in INDEXED:
        for event in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER {indexed.table}_fts_{event}")
        conn.execute(f"DROP TABLE {indexed.fts}")
        conn.execute(f"DROP VIEW {indexed.view}")
        conn.execute(f"DROP TABLE {indexed.folded}")
    _search(conn)  # type: ignore[arg-type]  # plain SQL: any connection runs it
    _memo_search(conn)  # type: ignore[arg-type]
    conn.execute(
        "DELETE FROM _sqlite_migrations"
        " WHERE name IN ('0004_folded_search', '0005_raised_numbers_apart')"
    )
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def older_project(path: Path) -> None:
    """A project as the Diptych before this one wrote it (format 2): articles and passages
    searched, memos not."""
    format_3_project(path)
    conn = sqlite3.connect(path)
    for event in ("insert", "delete", "update"):
        conn.execute(f"DROP TRIGGER memos_fts_{event}")
    conn.execute("DROP TABLE memos_fts")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_memo_search'")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_an_older_project_that_cannot_be_updated_now_says_nothing_was_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "older.diptych"
    older_project(path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)  # the other program keeps its lock
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ProjectBusyError) as refused:
            Project.open(path)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    message = str(refused.value)
    assert str(path) in message and "another program is writing" in message
    assert "last change" not in message  # the user has changed nothing yet
    assert "open it again" in message
    with Project.open(path) as opened:  # once the other program is done, it opens
        assert opened.info().name == "older"


def test_a_project_another_program_locks_entirely_says_nothing_was_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.diptych"
    Project.create(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a copy made by another tool may be
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    conn.execute("BEGIN EXCLUSIVE")  # no one may even read it
    try:
        with pytest.raises(ProjectBusyError) as refused:
            Project.open(path)
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    message = str(refused.value)
    assert str(path) in message and "another program is writing" in message
    assert "last change" not in message and "open it again" in message


def test_a_change_that_conflicts_with_what_is_saved_is_not_called_a_broken_file(
    tmp_path: Path,
) -> None:
    from diptych.storage.errors import ProjectFileError

    path = tmp_path / "conflict.diptych"
    with Project.create(path) as project:
        with pytest.raises(ProjectFileError) as refused, project.transaction():
            project.db.execute(
                "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (404, 404)"
            )
        message = str(refused.value)
        assert message.startswith(f"{path}: ")
        assert "could not be used" not in message
        assert "another window" in message and "nothing was changed" in message.lower()
