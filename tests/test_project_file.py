"""The project file: creation, reopening, and refusing files that are not ours."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.article_rows import SUMMARY_SQL
from diptych.storage.errors import (
    DamagedProjectError,
    NewerProjectError,
    NotAProjectError,
    ProjectFileError,
    ReadOnlyProjectError,
)
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project
from diptych.storage.schema import APPLICATION_ID, READING_INDEXES, SCHEMA_VERSION, migrations


def test_new_project_is_wal_with_foreign_keys_and_stamped(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    with Project.create(path, name="Study") as project:
        db = project.db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert project.info().name == "Study"
        assert len(project.info().uuid) == 36


def test_schema_version_counts_the_migrations(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.diptych") as project:
        assert len(migrations().applied(project.db.utils())) == SCHEMA_VERSION
        assert not migrations().pending(project.db.utils())


def test_a_creation_cut_short_gets_its_identity_on_the_next_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.storage.project as project_module
    from diptych.storage.backup_folders import backup_folder

    def killed() -> str:  # the program stops between the tables and the project's identity
        raise KeyboardInterrupt

    path = tmp_path / "Field notes.diptych"
    with monkeypatch.context() as patch:
        patch.setattr(project_module, "new_uuid", killed)
        with pytest.raises(KeyboardInterrupt):
            Project.open(path, create=True)  # as a creation by an older Diptych did
    with Project.open(path, read_only=True) as unfinished:
        assert unfinished.info().uuid == ""  # read-only: nothing written...
        folder = backup_folder(tmp_path / "backups", unfinished)
        assert folder.parent == tmp_path / "backups" and folder.name  # ...and kept apart
    with Project.open(path) as project:
        info = project.info()
    assert len(info.uuid) == 36 and info.name == "Field notes" and info.created_at
    with Project.open(path) as again:
        assert again.info() == info  # given once, then kept
        assert backup_folder(tmp_path / "backups", again).name == info.uuid


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(ProjectFileError, match="already exists"):
        Project.create(path)
    assert path.read_text(encoding="utf-8") == "keep me"


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError) as info:
        Project.open(tmp_path / "nope.diptych")
    assert "nope.diptych" in str(info.value) and "does not exist" in str(info.value)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"hello, this is a text file\n" * 10, "not an SQLite database"),
        (bytes(range(256)) * 4, "not an SQLite database"),
    ],
)
def test_non_sqlite_files_are_refused_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.diptych"
    path.write_bytes(content)
    with pytest.raises(NotAProjectError, match=message) as info:
        Project.open(path)
    assert "notes.diptych" in str(info.value)
    assert path.read_bytes() == content
    assert not Path(str(path) + "-wal").exists()


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="another program's database"):
        Project.open(path)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    conn.close()


def test_other_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.diptych"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAProjectError):
        Project.open(path)


def test_newer_project_is_refused_and_not_altered(tmp_path: Path) -> None:
    path = tmp_path / "future.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Kept")
        project.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    before = path.read_bytes()
    with pytest.raises(NewerProjectError) as info:
        Project.open(path)
    assert "newer version of Diptych" in str(info.value) and "future.diptych" in str(info.value)
    assert path.read_bytes() == before


def test_another_programs_numbered_database_is_not_called_a_newer_project(
    tmp_path: Path,
) -> None:
    """Many programs number their own formats in user_version and leave application_id 0."""
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="another program's database") as info:
        Project.open(path)
    assert not isinstance(info.value, NewerProjectError)
    assert "contacts.db" in str(info.value)
    assert path.read_bytes() == before


def test_a_newer_project_without_the_diptych_mark_is_still_newer(tmp_path: Path) -> None:
    path = tmp_path / "unmarked.diptych"
    with Project.create(path) as project:
        project.db.execute("PRAGMA application_id = 0")
        project.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerProjectError, match="newer version of Diptych"):
        Project.open(path)


def test_truncated_project_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cut.diptych"
    with create_sample_project(path):
        pass
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises((DamagedProjectError, NotAProjectError)) as info:
        Project.open(path)
    assert "cut.diptych" in str(info.value)
    assert "backup" in str(info.value) or "Diptych project" in str(info.value)


def test_tampered_triggers_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.diptych"
    with Project.create(path) as project:
        project.db.execute(
            "CREATE TRIGGER evil AFTER INSERT ON tags BEGIN DELETE FROM articles; END"
        )
    with pytest.raises(NotAProjectError, match="changed by another program"):
        Project.open(path)


@contextlib.contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """Make ``path`` unwritable, for root too (immutable attribute) where possible."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield
        path.chmod(0o644)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode:
        pytest.skip("cannot make a file unwritable for root here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)


def test_unwritable_project_opens_read_only_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "ro.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Existing")
    with unwritable(path), Project.open(path) as project:
        assert project.read_only
        assert [t.name for t in project.tags.all()] == ["Existing"]
        with pytest.raises(ReadOnlyProjectError) as info:
            project.tags.add(name="New")
        assert "ro.diptych" in str(info.value)
    with Project.open(path) as project:
        assert [t.name for t in project.tags.all()] == ["Existing"]


def test_read_only_mode_refuses_writes_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "ro.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Existing")
    with Project.open(path, read_only=True) as project:
        assert project.read_only
        with pytest.raises(ReadOnlyProjectError) as info:
            project.tags.add(name="New")
        assert "ro.diptych" in str(info.value)
        assert [t.name for t in project.tags.all()] == ["Existing"]


def test_data_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.diptych"
    with create_sample_project(path) as project:
        expected = [(a.uuid, a.exact, a.tag_ids) for a in project.annotations.query()]
    with Project.open(path) as project:
        assert [(a.uuid, a.exact, a.tag_ids) for a in project.annotations.query()] == expected
        assert len(expected) == 6


def test_second_connection_sees_commits_and_data_version_changes(tmp_path: Path) -> None:
    path = tmp_path / "two.diptych"
    with Project.create(path) as first, Project.open(path) as second:
        version = second.data_version()
        first.tags.add(name="From first")
        assert second.data_version() != version
        assert [t.name for t in second.tags.all()] == ["From first"]


@pytest.mark.parametrize(
    "code, kind, words",
    [
        (5, "ProjectBusyError", "busy"),
        (517, "ProjectBusyError", "busy"),  # SQLITE_BUSY_SNAPSHOT: extended codes map too
        (13, "DiskFullError", "disk is full"),
        (8, "ReadOnlyProjectError", "read-only"),
        (11, "DamagedProjectError", "damaged"),
        (26, "DamagedProjectError", "damaged"),
        (10, "ProjectFileError", "input/output"),
    ],
)
def test_sqlite_errors_become_known_errors_by_code(
    tmp_path: Path, code: int, kind: str, words: str
) -> None:
    from diptych.storage.sqlite_errors import known_error

    exc = sqlite3.OperationalError("some message that does not say")
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    error = known_error(exc, tmp_path / "p.diptych")
    assert type(error).__name__ == kind
    assert words in str(error) and "p.diptych" in str(error)


def test_a_project_whose_file_name_is_not_utf8_opens_and_is_named_readably(
    tmp_path: Path,
) -> None:
    import os

    from diptych.storage.errors import DiptychError

    path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.diptych"))  # a Latin-1 name
    with Project.create(path) as project:
        assert project.info().name == "caf\ufffd"
        project.tags.add(name="Kept")
    with Project.open(path) as project:
        assert project.tags.find(name="Kept") is not None
    error = DiptychError("is damaged", path=path)
    assert str(error).encode("utf-8").endswith("caf\ufffd.diptych: is damaged.".encode())


def _index_names(path: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {name for (name,) in rows}


def _without_reading_indexes(path: Path) -> None:
    """Make ``path`` look like a file from a Diptych that did not create them."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for name in READING_INDEXES:
            conn.execute(f"DROP INDEX {name}")
        conn.commit()


def test_the_library_summaries_are_read_from_indexes_not_from_the_texts(tmp_path: Path) -> None:
    path = tmp_path / "sample.diptych"
    create_sample_project(path).close()
    with Project.open(path) as project:
        plan = project.db.execute(
            "EXPLAIN QUERY PLAN " + SUMMARY_SQL + " ORDER BY a.sort_order, a.id"
        ).fetchall()
    steps = [row[-1] for row in plan]
    assert steps[0] == "SCAN a USING COVERING INDEX articles_library"
    assert any("annotations_orphans" in step for step in steps)


def test_a_file_without_the_reading_indexes_gets_them_when_opened_writable(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sample.diptych"
    create_sample_project(path).close()
    with Project.open(path) as project:
        summaries = project.articles.all()
    _without_reading_indexes(path)
    os.chmod(path, 0o444)
    try:
        with Project.open(path, read_only=True) as project:  # opens, goes without them
            assert project.articles.all() == summaries
    finally:
        os.chmod(path, 0o644)
    assert not set(READING_INDEXES) & _index_names(path)
    with Project.open(path) as project:
        assert project.articles.all() == summaries
    assert set(READING_INDEXES) <= _index_names(path)


def test_a_file_locked_by_another_program_opens_without_the_reading_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.storage.database as database

    path = tmp_path / "sample.diptych"
    create_sample_project(path).close()
    with Project.open(path) as project:
        summaries = project.articles.all()
    _without_reading_indexes(path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with Project.open(path) as project:
            assert project.articles.all() == summaries
    finally:
        other.rollback()
        other.close()
    assert not set(READING_INDEXES) & _index_names(path)
    Project.open(path).close()
    assert set(READING_INDEXES) <= _index_names(path)


@pytest.mark.parametrize("name", ["exchange.qdpx", "codes.QDC"])
def test_a_refi_qda_file_given_as_a_project_is_said_to_be_imported(
    tmp_path: Path, name: str
) -> None:
    """A .qdpx named where the project goes (arguments swapped) is not advised to be
    imported "as an article": it is said to be imported into a project."""
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    message = str(info.value)
    assert "REFI-QDA file is imported into one" in message
    assert "as an article" not in message
