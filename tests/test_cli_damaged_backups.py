"""A damaged project on the command line is told to be restored from a backup only when
Diptych has one: a file without backups was sent to the window, which then said it had
none. The backups are those the window keeps, in its per-user folders."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from damaged_files import damage

from diptych.gui import __main__ as entry
from diptych.gui.paths import AppPaths
from diptych.storage.backup import backup_project
from diptych.storage.cli import main
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project
from diptych.storage.sqlite_errors import MAYBE_BACKUP_ADVICE, NO_BACKUP_ADVICE, RESTORE_ADVICE


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """The window's per-user folders, in ``tmp_path``."""
    paths = AppPaths(data=tmp_path / "user" / "data", config=tmp_path / "user" / "config")
    paths.ensure()
    monkeypatch.setattr(AppPaths, "located", classmethod(lambda cls: paths))
    return paths


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What the ``diptych`` command says on stderr."""
    assert entry.main(argv) == 2
    return capsys.readouterr().err


def test_a_damaged_file_without_backups_is_not_promised_any(
    user: AppPaths, damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(damaged)
    err = said(["articles", str(damaged)], capsys)
    assert err.startswith(f"diptych: {damaged}: is damaged")
    assert NO_BACKUP_ADVICE in err and RESTORE_ADVICE not in err


def test_a_damaged_file_with_backups_is_told_to_restore_one(
    user: AppPaths, damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Project.open(damaged) as project:
        backup_project(project, root=user.backups, reason="on-open")
    damage(damaged)
    err = said(["articles", str(damaged)], capsys)
    assert RESTORE_ADVICE in err and NO_BACKUP_ADVICE not in err


def test_without_the_window_the_backups_are_not_promised_either(damaged: Path) -> None:
    damage(damaged)
    out, err = io.StringIO(), io.StringIO()
    assert main(["tags", str(damaged)], stdout=out, stderr=err) == 2
    assert MAYBE_BACKUP_ADVICE in err.getvalue() and RESTORE_ADVICE not in err.getvalue()
