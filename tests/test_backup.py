"""Automatic backups with SQLite's online backup API, pruning, and restoring."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from damaged_files import damage

from diptych.storage.backup import RECENT_REASON, backup_project, prune
from diptych.storage.backup_folders import backup_folder, backups_for_path, list_backups
from diptych.storage.backup_restore import restore_backup
from diptych.storage.errors import DamagedProjectError, NotAProjectError
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def test_backup_is_a_consistent_project_taken_while_open(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    with create_sample_project(tmp_path / "p.diptych") as project:
        backup = backup_project(project, root=root, reason="on open")
        project.tags.add(name="Later")
        infos = list_backups(backup_folder(root, project))
    assert [i.path for i in infos] == [backup] and infos[0].reason == "on-open"
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Project.open(backup, read_only=True) as copy:
        assert "Later" not in [t.name for t in copy.tags.all()]
        assert copy.annotations.count() == 6


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    with create_sample_project(tmp_path / "p.diptych") as project:
        made = []
        for n in range(5):
            project.tags.add(name=f"Tag {n}")  # a change: each backup is a new state
            made.append(backup_project(project, root=root, keep=3))
        folder = backup_folder(root, project)
    remaining = [i.path for i in list_backups(folder)]
    assert remaining == list(reversed(made[-3:]))
    assert prune(folder, keep=1) == list(reversed(made[-3:-1]))


def _fake_backups(folder: Path, sizes: list[int], reason: str = "hourly") -> list[Path]:
    """Backup files of the given sizes, oldest first (only names and sizes matter to pruning;
    the files are sparse, so that big ones take no room)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n, size in enumerate(sizes):
        path = folder / f"20261203-10{n:02d}00-000000-{reason}.diptych"
        with path.open("wb") as file:
            file.truncate(size)
        made.append(path)
    return made


def test_backups_of_a_big_project_keep_within_their_room(tmp_path: Path) -> None:
    folder = tmp_path / "backups" / "p"
    made = _fake_backups(folder, [1000] * 12)
    # Room for 5,000 bytes: the five newest; the twelve fit the count of twenty.
    removed = prune(folder, keep=20, budget=5000)
    assert sorted(removed) == made[:7]
    assert [b.path for b in list_backups(folder)] == list(reversed(made[7:]))


def test_the_room_is_at_least_five_copies_of_the_newest_backup(tmp_path: Path) -> None:
    folder = tmp_path / "backups" / "p"
    made = _fake_backups(folder, [1000] * 8)
    prune(folder, keep=20, budget=10)  # a budget below one copy still leaves five copies
    assert [b.path for b in list_backups(folder)] == list(reversed(made[3:]))


def test_the_newest_three_stay_whatever_their_size(tmp_path: Path) -> None:
    folder = tmp_path / "backups" / "p"
    made = _fake_backups(folder, [100, 100, 9000, 9000, 100])  # grew, then shrank
    prune(folder, keep=20, budget=500)  # five copies of the newest: 500 bytes
    assert [b.path for b in list_backups(folder)] == list(reversed(made[2:]))


def test_backups_before_an_update_are_outside_the_room(tmp_path: Path) -> None:
    folder = tmp_path / "backups" / "p"
    upgrade = _fake_backups(folder / "old", [4000], reason="before-upgrade")[0]
    kept_upgrade = upgrade.rename(folder / "20261203-090000-000000-before-upgrade.diptych")
    made = _fake_backups(folder, [1000] * 6)
    prune(folder, keep=20, budget=5000)
    names = [b.path for b in list_backups(folder)]
    assert names == [*reversed(made[1:]), kept_upgrade]


def test_a_restore_keeps_every_backup_whatever_their_room(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "p.diptych"
    with create_sample_project(path) as project:
        first = backup_project(project, root=root, reason="on open")
        project.tags.add(name="Since")  # the backup before the restore is a new state
        folder = backup_folder(root, project)
    made = _fake_backups(folder, [300 * 2**20] * 6)  # older, together beyond 1 GiB
    restore_backup(first, target=path, root=root)
    assert set(made) <= {b.path for b in list_backups(folder)}


def test_a_snapshot_of_an_unchanged_project_is_not_kept(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "p.diptych"
    with create_sample_project(path) as project:
        first = backup_project(project, root=root, reason="on open", keep=2)
        project.tags.add(name="Changed")
        second = backup_project(project, root=root, reason="hourly", keep=2)
        folder = backup_folder(root, project)
    for _ in range(3):  # opened again and again without a change
        with Project.open(path) as project:
            assert backup_project(project, root=root, reason="on open", keep=2) == second
    assert [b.path for b in list_backups(folder)] == [second, first]  # the older state stays
    with Project.open(path) as project:
        project.tags.add(name="Changed again")
        third = backup_project(project, root=root, reason="on open", keep=2)
    assert third not in (first, second)
    assert [b.path for b in list_backups(folder)] == [third, second]


def test_only_the_newest_backup_taken_while_working_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "p.diptych"
    with create_sample_project(path) as project:
        opened = backup_project(project, root=root, reason="on open")
        recents = []
        for name in ("One", "Two", "Three"):
            project.tags.add(name=name)
            recents.append(backup_project(project, root=root, reason=RECENT_REASON))
        project.tags.add(name="Four")
        hourly = backup_project(project, root=root, reason="hourly")
        folder = backup_folder(root, project)
    assert len(set(recents)) == 3
    assert [b.path for b in list_backups(folder)] == [hourly, recents[-1], opened]
    assert "(latest, while working, " in list_backups(folder)[1].label
    with Project.open(recents[-1], read_only=True) as newest:
        assert {"One", "Two", "Three"} <= {t.name for t in newest.tags.all()}


def test_restoring_the_newest_backup_of_an_unchanged_project_keeps_it(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "p.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root, reason="on open")
        folder = backup_folder(root, project)
    safety = restore_backup(backup, target=path, root=root)
    assert safety == backup and backup.exists()  # the same state: one file serves both
    assert [b.path for b in list_backups(folder)] == [backup]
    with Project.open(path) as project:
        assert project.annotations.count() == 6


def test_restore_goes_back_and_keeps_a_safety_copy(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "p.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root)
        project.tags.add(name="Added after the backup")
    safety = restore_backup(backup, target=path, root=root)
    with Project.open(path) as project:
        assert project.tags.find(name="Added after the backup") is None
        assert project.annotations.count() == 6
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Project.open(safety, read_only=True) as before:
        assert before.tags.find(name="Added after the backup") is not None


def test_restore_refuses_a_file_that_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    create_sample_project(path).close()
    bogus = tmp_path / "bogus.diptych"
    bogus.write_text("not a database", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotAProjectError):
        restore_backup(bogus, target=path, root=tmp_path / "backups")
    assert path.read_bytes() == before


def test_a_damaged_project_is_restored_and_the_damaged_file_kept(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root, reason="on open")
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(DamagedProjectError, match="from a backup"):
        Project.open(path)
    # The file cannot be opened, so its uuid cannot be read: its backups are found by path.
    assert [b.path for b in backups_for_path(root, path)] == [backup]

    kept = restore_backup(backup, target=path, root=root)

    assert kept.parent == path.parent and kept.name.startswith("Field study (damaged ")
    assert kept.read_bytes() == damaged_bytes  # nothing thrown away
    with Project.open(path) as restored:
        assert restored.annotations.count() == 6
        assert restored.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_deleted_project_is_restored_from_its_backup(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "p.diptych"
    with create_sample_project(path) as project:
        backup = backup_project(project, root=root)
    for leftover in tmp_path.glob("p.diptych*"):
        leftover.unlink()
    assert restore_backup(backup, target=path, root=root) == backup
    with Project.open(path) as restored:
        assert restored.annotations.count() == 6


def test_backups_are_found_by_path_only_for_that_file(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    one, two = tmp_path / "one.diptych", tmp_path / "two.diptych"
    with create_sample_project(one) as first, create_sample_project(two) as second:
        mine = backup_project(first, root=root)
        backup_project(second, root=root)
    assert [b.path for b in backups_for_path(root, one)] == [mine]
    assert backups_for_path(root, tmp_path / "never backed up.diptych") == []
    assert backups_for_path(tmp_path / "no backups yet", one) == []
    moved = tmp_path / "moved" / "one.diptych"
    moved.parent.mkdir()
    one.rename(moved)
    with Project.open(moved) as project:  # its next backup notes where it is now
        backup_project(project, root=root, reason="hourly")
    assert mine in [b.path for b in backups_for_path(root, moved)]


def test_a_backup_is_listed_with_why_it_was_taken_in_words(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from diptych.storage.backup_folders import BackupInfo

    when = datetime(2026, 12, 3, 9, 14, 2, tzinfo=UTC)
    labels = [
        BackupInfo(tmp_path / "b.diptych", when, 192_512, reason).label
        for reason in ("on-open", "before-import", "before-restore", "hourly", "odd-one")
    ]
    whys = [label.split("(", 1)[1].rsplit(",", 1)[0] for label in labels]
    assert whys == ["when opened", "before an import", "before a restore", "hourly", "odd one"]
    assert labels[0].endswith(", 188 KB)")
