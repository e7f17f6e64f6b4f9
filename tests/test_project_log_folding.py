"""Project.fold_log: the write-ahead log copied into the project file, never waiting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from diptych.storage.project import Project


def test_fold_log_says_whether_the_file_alone_holds_everything(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Trade", color="#F7A85C")
        stamp = project.log_stamp()
        assert stamp is not None
        reader = sqlite3.connect(path)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM tags").fetchone()  # a snapshot held open
        project.tags.add(name="Security", color="#E8656A")

        assert project.fold_log() is False  # the reader holds the last commit back
        reader.rollback()
        reader.close()
        assert project.fold_log() is True
        assert project.log_stamp() != stamp  # commits move the stamp ...
        folded = project.log_stamp()
        project.fold_log()
        assert project.log_stamp() == folded  # ... a fold does not
