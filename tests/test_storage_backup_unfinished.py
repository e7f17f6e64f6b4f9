"""A backup cut short (Diptych killed while writing it) leaves ``NAME.diptych.part`` and
its journal in the project's backups folder: the next backup removes it once nothing has
written to it for a while (one being written by another window is left alone), and until
then it counts against the backups' room."""

from __future__ import annotations

import os
import time
from pathlib import Path

from diptych.storage.backup import backup_project, prune
from diptych.storage.backup_folders import backup_folder, list_backups
from diptych.storage.sample import create_sample_project


def cut_short(folder: Path, stamp: str, size: int, *, age: float) -> tuple[Path, Path]:
    """A backup left unfinished ``age`` seconds ago: its part file and journal."""
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / f"{stamp}-on-open.diptych.part"
    journal = part.with_name(part.name + "-journal")
    for path in (part, journal):
        with path.open("wb") as file:
            file.truncate(size)
        when = time.time() - age
        os.utime(path, (when, when))
    return part, journal


def test_the_next_backup_removes_one_cut_short_and_leaves_one_being_written(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    with create_sample_project(tmp_path / "p.diptych") as project:
        folder = backup_folder(root, project)
        stale = cut_short(folder, "20261208-010834-783176", 4096, age=3600)
        writing = cut_short(folder, "20261208-010843-767222", 4096, age=2)

        backup = backup_project(project, root=root, reason="on open")

    assert [b.path for b in list_backups(folder)] == [backup]
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in writing)


def test_an_unfinished_backup_counts_against_the_room(tmp_path: Path) -> None:
    folder = tmp_path / "backups" / "p"
    folder.mkdir(parents=True)
    made = []
    for n in range(6):
        path = folder / f"20261203-10{n:02d}00-000000-hourly.diptych"
        with path.open("wb") as file:
            file.truncate(1000)
        made.append(path)
    cut_short(folder, "20261203-110000-000000", 1000, age=5)  # 2,000 bytes with its journal

    prune(folder, keep=20, budget=5000)  # five copies of 1,000: room for three beside it

    assert [b.path for b in list_backups(folder)] == list(reversed(made[3:]))
