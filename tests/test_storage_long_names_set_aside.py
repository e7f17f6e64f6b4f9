"""A project with a long name (up to what its folder takes, in any script) set aside: a
damaged file moved aside, a copy kept before an update, a copy kept when another file took
its place, and the copy a restore writes first. Each name fits the file system's 255 bytes
(the project's name shortened, never what the label says), or the file could not be set
aside and the restore or update was refused."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path

from damaged_files import damage
from hypothesis import given
from hypothesis import strategies as st
from test_storage_open_busy import OLDER_FORMAT, older_project

from diptych.storage.backup import backup_project
from diptych.storage.backup_restore import restore_backup
from diptych.storage.cli import main
from diptych.storage.file_names import NAME_MAX, fitting_name, set_aside_name
from diptych.storage.file_place import follow_file
from diptych.storage.project import Project
from diptych.storage.project_checks import LONGEST_NAME_TO_CREATE, LONGEST_NAME_TO_OPEN
from diptych.storage.schema import SCHEMA_VERSION

# 239 bytes of three-byte characters and letters: "NAME.diptych" is 247 bytes, the longest
# name a new project may have (SQLite's NAME-journal beside it is then 255).
LONG_STEM = "語" * 79 + "ab"


def size(name: str) -> int:
    return len(os.fsencode(name))


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        return {t.name for t in project.tags.all()}


def long_project(tmp_path: Path) -> Path:
    path = tmp_path / f"{LONG_STEM}.diptych"
    assert size(path.name) == 247
    with Project.create(path) as project:
        project.tags.add(name="Kept")
    return path


def test_a_damaged_project_with_a_long_name_is_moved_aside_and_restored(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = long_project(tmp_path)
    with Project.open(path) as project:
        backup = backup_project(project, root=root)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    damaged_bytes = path.read_bytes()

    kept = restore_backup(backup, target=path, root=root)

    assert kept.parent == path.parent and kept.read_bytes() == damaged_bytes
    assert size(kept.name) <= LONGEST_NAME_TO_CREATE
    assert " (damaged " in kept.name and kept.name.endswith(").diptych")
    assert LONG_STEM.startswith(kept.name.split(" (damaged ")[0])
    assert tag_names(path) == {"Kept"}


def test_a_deleted_project_with_a_long_name_is_restored_in_its_place(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = long_project(tmp_path)
    with Project.open(path) as project:
        backup = backup_project(project, root=root)
    for leftover in tmp_path.glob("*.diptych*"):
        leftover.unlink()

    assert restore_backup(backup, target=path, root=root) == backup
    assert tag_names(path) == {"Kept"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "backups"])


def test_a_replaced_project_with_a_long_name_is_kept_as_a_copy_beside_it(tmp_path: Path) -> None:
    path = long_project(tmp_path)
    project = Project.open(path)
    project.tags.add(name="Written later")
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    os.replace(other, path)

    followed = follow_file(project, fallback=tmp_path)

    assert followed is not None and followed.kind == "replaced"
    kept = followed.path
    assert kept.parent == path.parent and " (kept " in kept.name
    assert size(kept.name) <= LONGEST_NAME_TO_CREATE
    project.tags.add(name="Four")
    project.close()
    assert tag_names(kept) == {"Kept", "Written later", "Four"}
    assert tag_names(path) == {"From elsewhere"}


def test_the_command_line_keeps_an_older_project_with_a_long_name_and_updates_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / f"{LONG_STEM}.diptych"
    older_project(path)
    out, err = io.StringIO(), io.StringIO()

    assert main(["tag", str(path), "Theory"], stdout=out, stderr=err) == 0, err.getvalue()

    label = f" (before the update to format {SCHEMA_VERSION}).diptych"
    (copy,) = [p for p in tmp_path.iterdir() if p.name.endswith(label)]
    assert size(copy.name) <= LONGEST_NAME_TO_CREATE
    assert str(copy) in err.getvalue() + out.getvalue()
    conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == OLDER_FORMAT
    conn.close()
    assert tag_names(path) == {"Theory"}


@given(
    stem=st.text(min_size=1, max_size=300).filter(lambda s: "/" not in s and "\x00" not in s),
    label=st.sampled_from(["damaged 20261205-101010", "kept 20261205-101010", "x"]),
)
def test_a_set_aside_name_fits_and_keeps_its_label_and_suffix(stem: str, label: str) -> None:
    path = Path("/projects") / f"{stem}.diptych"
    name = set_aside_name(path, label).name
    assert size(name) <= LONGEST_NAME_TO_CREATE
    assert name.endswith(f" ({label}).diptych")
    kept_stem = name[: -len(f" ({label}).diptych")]
    assert stem.startswith(kept_stem)  # shortened by whole characters
    if size(f"{stem} ({label}).diptych") <= LONGEST_NAME_TO_CREATE:
        assert kept_stem == stem  # a short name is never shortened


def test_a_name_cut_inside_a_multibyte_character_loses_the_whole_character() -> None:
    name = fitting_name("é" * 200, ".part", room=0)
    assert name == "é" * 125 + ".part" and size(name) == 255 == NAME_MAX
    assert fitting_name("€" * 100, ".part", room=0) == "€" * 83 + ".part"  # 249 + 5 bytes


def test_a_deleted_project_with_the_longest_name_comes_back_writable(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    created = long_project(tmp_path)
    path = created.with_name(f"{LONG_STEM}abcd.diptych")  # renamed: 251 bytes, the most
    created.rename(path)
    assert size(path.name) == LONGEST_NAME_TO_OPEN
    with Project.open(path) as project:
        backup = backup_project(project, root=root)
    path.unlink()

    assert restore_backup(backup, target=path, root=root) == backup
    with Project.open(path) as restored:
        assert not restored.read_only
        restored.tags.add(name="Written after the restore")
    assert tag_names(path) == {"Kept", "Written after the restore"}
