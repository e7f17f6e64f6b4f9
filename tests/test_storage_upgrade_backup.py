"""A project from an older Diptych is kept as it was before it is brought up to date: once
updated, the older Diptych refuses it, and the copy is the way back."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from test_storage_open_busy import OLDER_FORMAT, older_project

from diptych.storage.backup import backup_before_upgrade, prune
from diptych.storage.backup_folders import list_backups
from diptych.storage.backup_restore import restore_backup
from diptych.storage.cli import main
from diptych.storage.errors import ProjectFileError, ReadOnlyProjectError
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION, needs_migration


def format_of(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def tag_names_as_stored(path: Path) -> set[str]:
    """Read without Diptych, which would update an older file."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {name for (name,) in conn.execute("SELECT name FROM tags")}
    finally:
        conn.close()


@pytest.fixture
def older(tmp_path: Path) -> Path:
    path = tmp_path / "thesis.diptych"
    older_project(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO tags (uuid, name, color, created_at) VALUES"
        " ('u1', 'Method', '#F6C945', '2025-01-01T00:00:00Z')"
    )
    conn.commit()
    conn.close()
    assert format_of(path) == OLDER_FORMAT
    return path


def test_the_hook_sees_the_file_checked_and_not_yet_updated(older: Path, tmp_path: Path) -> None:
    seen: list[bool] = []
    with Project.open(older, before_upgrade=lambda p: seen.append(needs_migration(p.db))):
        pass
    assert seen == [True]
    with Project.open(older, before_upgrade=lambda p: seen.append(True)):
        pass  # up to date now: nothing to keep
    with Project.open(tmp_path / "new.diptych", create=True, before_upgrade=seen.append):
        pass  # a new file: nothing to keep
    assert seen == [True]


def test_a_backup_before_the_update_is_in_the_older_format_and_never_rotated_out(
    older: Path, tmp_path: Path
) -> None:
    root = tmp_path / "backups"
    with Project.open(older, before_upgrade=lambda p: backup_before_upgrade(p, root=root)) as up:
        up.tags.add(name="Added after the update")
    (kept,) = [b for folder in root.iterdir() for b in list_backups(folder)]
    assert kept.reason == "before-upgrade" and "before it was updated" in kept.label
    assert format_of(kept.path) == OLDER_FORMAT
    assert tag_names_as_stored(kept.path) == {"Method"}
    assert format_of(older) == SCHEMA_VERSION
    for n in range(4):  # more backups than are kept
        (kept.path.parent / f"2099010{n}-000000-000000-hourly.diptych").write_bytes(b"x")
    prune(kept.path.parent, keep=2)
    assert kept.path.exists()


def test_when_no_backup_can_be_taken_the_older_file_is_not_updated(
    older: Path, tmp_path: Path
) -> None:
    root = tmp_path / "backups"
    root.write_text("a file where the backups folder should be", encoding="utf-8")
    before = older.read_bytes()
    with pytest.raises(ProjectFileError, match="backup folder"):
        Project.open(older, before_upgrade=lambda p: backup_before_upgrade(p, root=root))
    assert older.read_bytes() == before and format_of(older) == OLDER_FORMAT


def test_the_command_line_keeps_the_older_file_beside_it_and_says_so(older: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["tag", str(older), "Theory"], stdout=out, stderr=err) == 0
    copy = older.with_name(f"thesis (before the update to format {SCHEMA_VERSION}).diptych")
    assert format_of(copy) == OLDER_FORMAT and tag_names_as_stored(copy) == {"Method"}
    assert tag_names_as_stored(older) == {"Method", "Theory"}
    assert f"kept as {copy}" in err.getvalue() and err.getvalue().startswith("diptych: note: ")
    out, err = io.StringIO(), io.StringIO()
    assert main(["tags", str(older)], stdout=out, stderr=err) == 0
    assert err.getvalue() == ""  # up to date: nothing more is kept


def test_a_backup_in_an_older_format_can_be_restored_and_is_updated_when_opened(
    older: Path, tmp_path: Path
) -> None:
    root = tmp_path / "backups"
    with Project.open(older, before_upgrade=lambda p: backup_before_upgrade(p, root=root)) as up:
        up.tags.add(name="Added after the update")
    (kept,) = [b for folder in root.iterdir() for b in list_backups(folder)]
    before = kept.path.read_bytes()

    restore_backup(kept.path, target=older, root=root)

    assert kept.path.read_bytes() == before  # the backup itself is only read
    with Project.open(older) as restored:
        assert {t.name for t in restored.tags.all()} == {"Method"}
    assert format_of(older) == SCHEMA_VERSION


def test_an_older_project_on_read_only_media_says_to_open_a_copy(older: Path) -> None:
    before = older.read_bytes()
    with pytest.raises(ReadOnlyProjectError) as refused:
        Project.open(older, read_only=True)  # as a file on a CD, or in a shared folder
    message = str(refused.value)
    assert str(older) in message and "older Diptych" in message
    assert "Copy it to a folder you can write to and open the copy" in message
    assert older.read_bytes() == before
