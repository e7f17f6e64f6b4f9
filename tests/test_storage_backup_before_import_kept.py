"""The backup taken before an import is kept as one, also when the project had not changed
since its newest backup taken while working: that one was reused, and deleted as soon as the
next was taken (minutes later), though the import's message said the state before it was
kept among the backups."""

from __future__ import annotations

from pathlib import Path

from diptych.storage.backup import RECENT_REASON, backup_project
from diptych.storage.backup_folders import list_backups
from diptych.storage.project import Project


def test_a_backup_before_an_import_outlives_the_next_one_taken_while_working(
    tmp_path: Path,
) -> None:
    path, root = tmp_path / "p.diptych", tmp_path / "backups"
    with Project.create(path) as project:
        project.tags.add(name="Before")
    with Project.open(path) as project:
        working = backup_project(project, root=root, reason=RECENT_REASON)
        before = backup_project(project, root=root, reason="before import")
        assert before != working and before.exists() and not working.exists()
        project.tags.add(name="Imported")
        backup_project(project, root=root, reason=RECENT_REASON)
        backup_project(project, root=root, reason=RECENT_REASON)  # nothing new: reused
        project.tags.add(name="More work")
        backup_project(project, root=root, reason=RECENT_REASON)
    listed = list_backups(before.parent)
    assert [b.reason for b in listed] == [RECENT_REASON, "before-import"]
    assert listed[1].path == before
    assert "before an import" in listed[1].label
    with Project.open(before) as kept:
        assert [t.name for t in kept.tags.codebook().ordered()] == ["Before"]


def test_an_earlier_backup_of_another_kind_is_left_as_it_is(tmp_path: Path) -> None:
    path, root = tmp_path / "p.diptych", tmp_path / "backups"
    with Project.create(path) as project:
        project.tags.add(name="Before")
    with Project.open(path) as project:
        opened = backup_project(project, root=root, reason="open")
        assert backup_project(project, root=root, reason="before import") == opened
