"""The hourly backup comes while a long write holds the project (an import of many
articles, in a worker or another window): the backup does not wait for it, holds the
project as it was before that write, and the write commits whole afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.gui.backups import backup_job
from diptych.storage import database
from diptych.storage.project import Project


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {t.name for t in project.tags.all()}


def test_a_backup_taken_during_a_long_write_holds_the_state_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Saved before")
    writer = Project.open(path)
    try:
        with writer.transaction():  # the long write, still going on as the backup comes
            for number in range(300):
                writer.tags.add(name=f"Imported {number}")
            # With no busy timeout, a backup that needed the writer's lock would fail at
            # once ("database is locked") rather than wait for the write to end.
            monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 0)
            backup = backup_job(path, tmp_path / "backups", "auto")(None)  # type: ignore[arg-type]
            monkeypatch.undo()
        assert tag_names(backup) == {"Saved before"}
        assert len(tag_names(path)) == 301
    finally:
        writer.close()
