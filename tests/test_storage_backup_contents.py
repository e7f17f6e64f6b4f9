"""What a backup holds, counted from the backup file without a window: the articles and
passages, or that it cannot be read; nothing is made beside it in the backup folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.backup import backup_project
from diptych.storage.backup_contents import (
    UNREADABLE,
    BackupContents,
    read_all_contents,
    read_contents,
)
from diptych.storage.errors import Cancelled
from diptych.storage.sample import create_sample_project


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    with create_sample_project(tmp_path / "sample.diptych") as project:
        return backup_project(project, root=tmp_path / "backups", reason="on open")


def test_a_backup_holds_the_articles_and_passages_of_the_project_then(backup: Path) -> None:
    before = sorted(p.name for p in backup.parent.iterdir())
    contents = read_contents(path=backup)
    assert contents == BackupContents(articles=2, passages=6)
    assert str(contents) == "2 articles, 6 passages"
    assert str(BackupContents(1, 1)) == "1 article, 1 passage"
    assert sorted(p.name for p in backup.parent.iterdir()) == before  # no -journal, -shm


def test_a_damaged_or_missing_backup_cannot_be_read(backup: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.diptych"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 200)
    found = read_all_contents(paths=[backup, damaged, tmp_path / "gone.diptych"])
    assert found[1:] == [UNREADABLE, UNREADABLE]
    assert str(UNREADABLE) == "cannot be read"


def test_reading_stops_when_cancelled(backup: Path) -> None:
    with pytest.raises(Cancelled):
        read_all_contents(paths=[backup, backup], progress=lambda done, _total: done < 1)
