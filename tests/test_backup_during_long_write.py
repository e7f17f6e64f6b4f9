"""The hourly backup comes while a long write holds the project (an import of many
articles, in a worker or another window): the backup does not wait for it, holds the
project as it was before that write, and the write commits whole afterwards."""

from __future__ import annotations

import time
from pathlib import Path

from diptych.gui.backups import backup_job
from diptych.storage.project import Project


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {t.name for t in project.tags.all()}


def test_a_backup_taken_during_a_long_write_holds_the_state_before_it(tmp_path: Path) -> None:
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Saved before")
    writer = Project.open(path)
    try:
        with writer.transaction():  # the long write, still going on as the backup comes
            for number in range(300):
                writer.tags.add(name=f"Imported {number}")
            started = time.monotonic()
            backup = backup_job(path, tmp_path / "backups", "auto")(None)  # type: ignore[arg-type]
            waited = time.monotonic() - started
        assert waited < 4  # not the five seconds of waiting for a lock
        assert tag_names(backup) == {"Saved before"}
        assert len(tag_names(path)) == 301
    finally:
        writer.close()
