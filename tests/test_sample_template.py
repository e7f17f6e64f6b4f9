"""The ready-made sample project that a first start copies."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import diptych.storage.sample as sample
from diptych.storage.errors import ProjectFileError
from diptych.storage.project_checks import read_header
from diptych.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from diptych.storage.search import search

TEMPLATE = Path(sample.__file__).parent.parent / "resources" / "samples" / sample.TEMPLATE

# What a user sees and exports; the uuids and times are each copy's own.
CONTENT = {
    "articles": "id, title, source_name, format, encoding, original_text, display_text, "
    "characters, blocks, sort_order",
    "tags": "id, name, color, parent_id, description, sort_order",
    "annotations": "id, article_id, start_pos, end_pos, exact, prefix, suffix, note, coder, status",
    "annotation_tags": "annotation_id, tag_id",
    "memos": "id, kind, article_id, tag_id, text",
    "coders": "id, name",
}


def content(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found: dict[str, object] = {
            table: conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
            for table, columns in CONTENT.items()
        }
        found["schema"] = conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        found["info"] = conn.execute(
            "SELECT key FROM project_info WHERE key NOT IN ('uuid', 'created_at') ORDER BY key"
        ).fetchall()
        found["name"] = conn.execute("SELECT value FROM project_info WHERE key = 'name'").fetchall()
        return found
    finally:
        conn.close()


def test_the_template_is_the_sample_project_of_this_version(tmp_path: Path) -> None:
    """Fails after a change to the sample or the schema until ``make sample-template``."""
    assert read_header(TEMPLATE) == (APPLICATION_ID, SCHEMA_VERSION), "make sample-template"
    built = tmp_path / "built.diptych"
    sample.build_sample_project(built).close()
    assert content(TEMPLATE) == content(built), "make sample-template"


def test_each_copy_has_its_own_identity(tmp_path: Path) -> None:
    one = sample.create_sample_project(tmp_path / "one.diptych")
    two = sample.create_sample_project(tmp_path / "two.diptych")
    try:
        for table in ("articles", "tags", "annotations", "memos", "coders"):
            query = f"SELECT uuid FROM {table} ORDER BY id"
            first = one.db.execute(query).fetchall()
            assert first and first != two.db.execute(query).fetchall()
        assert one.info().uuid != two.info().uuid
        assert one.info().name == "Sample project"
        template_times = {
            row[0]
            for row in sqlite3.connect(TEMPLATE).execute("SELECT created_at FROM annotations")
        }
        assert not template_times & {
            row[0] for row in one.db.execute("SELECT created_at FROM annotations")
        }
        assert one.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert one.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The full-text index came along: the sample can be searched at once.
        assert search(one, query="diplomatic")
    finally:
        one.close()
        two.close()
    assert content(tmp_path / "one.diptych") == content(TEMPLATE)


def test_a_template_of_another_format_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sample, "SCHEMA_VERSION", SCHEMA_VERSION + 1)  # this version is newer
    copied: list[Path] = []
    monkeypatch.setattr(sample, "_copy_template", lambda t, p: copied.append(p))
    with sample.create_sample_project(tmp_path / "s.diptych") as project:
        assert project.annotations.count() == 6  # built from the articles instead
    assert copied == []


def test_the_sample_is_never_written_over_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "s.diptych"
    path.write_text("my notes", encoding="utf-8")
    with pytest.raises(ProjectFileError, match="already exists"):
        sample.create_sample_project(path)
    assert path.read_text(encoding="utf-8") == "my notes"


def test_a_copy_cut_short_leaves_no_half_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed() -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(sample, "new_uuid", killed)
    path = tmp_path / "s.diptych"
    with pytest.raises(KeyboardInterrupt):
        sample.create_sample_project(path)
    assert list(tmp_path.iterdir()) == []


def test_building_the_template_again_writes_the_same_bytes(tmp_path: Path) -> None:
    """``make sample-template`` with nothing changed leaves the file as it was (its uuids
    and times are fixed; each copy a first start makes gets its own)."""
    one, two = tmp_path / "one.diptych", tmp_path / "two.diptych"
    sample.build_template(one)
    sample.build_template(two)
    assert one.read_bytes() == two.read_bytes()
    copy = sample.create_sample_project(tmp_path / "copy.diptych")
    try:
        uuids = {row[0] for row in copy.db.execute("SELECT uuid FROM annotations").fetchall()}
    finally:
        copy.close()
    built = sqlite3.connect(one)
    try:
        fixed = {row[0] for row in built.execute("SELECT uuid FROM annotations").fetchall()}
    finally:
        built.close()
    assert uuids and not uuids & fixed
