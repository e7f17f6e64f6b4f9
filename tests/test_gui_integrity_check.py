"""A big project's integrity pass runs in a worker once the window is up; damage it finds
is handled as if the file had failed to open, and no backup is taken of a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest
from damaged_files import damage_table
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui import backups, project_opening
from diptych.gui.app import start
from diptych.gui.context import AppContext
from diptych.gui.restore_dialog import RestoreOffer
from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import list_backups
from diptych.storage.database import check_file
from diptych.storage.errors import DamagedProjectError
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

DAMAGED_TABLE = "articles_folded"  # read by search only: the window opens without it


@pytest.fixture
def every_file_is_big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every project counts as big: its integrity pass is left to the worker."""
    monkeypatch.setattr(project_opening, "CHECK_ON_OPEN_LIMIT", 0)
    monkeypatch.setattr(backups, "ON_OPEN_DELAY_MS", 10)


def backup_count(context: AppContext) -> int:
    return sum(len(list_backups(folder)) for folder in context.paths.backups.glob("*"))


def test_a_file_damaged_where_the_window_does_not_read_fails_the_integrity_pass(
    tmp_path: Path,
) -> None:
    path = tmp_path / "Study.diptych"
    create_sample_project(path).close()
    damage_table(path, DAMAGED_TABLE)
    with pytest.raises(DamagedProjectError, match=r"Study\.diptych"):
        Project.open(path)  # checked before it is shown, whatever its size

    with Project.open(path, check_limit=0) as project:  # a big file: left to the caller
        assert not project.verified
        assert project.articles.all()  # it reads
    with pytest.raises(DamagedProjectError, match=r"Study\.diptych"):
        check_file(path)


def test_opening_never_writes_to_a_big_file_before_checking_it(tmp_path: Path) -> None:
    """Opening writes when the file lacks a reading index: the pass runs first."""
    path = tmp_path / "Study.diptych"
    with create_sample_project(path) as project:
        project.db.execute("DROP INDEX articles_library")
    damage_table(path, DAMAGED_TABLE)
    before = path.read_bytes()
    with pytest.raises(DamagedProjectError):
        Project.open(path, check_limit=0)
    assert path.read_bytes() == before


def test_an_intact_big_project_is_checked_then_backed_up(
    qtbot: QtBot, context: AppContext, tmp_path: Path, every_file_is_big: None
) -> None:
    path = tmp_path / "Study.diptych"
    create_sample_project(path).close()

    launcher = start(context, path)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert not window.session.project.verified  # shown before its pass
    assert not window.backups.timer.isActive()  # the backups wait for it
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=10_000)
    assert launcher.window is window  # kept open
    assert backup_count(context) == 1


def test_damage_found_after_opening_moves_to_the_sample_and_offers_the_backup(
    qtbot: QtBot, context: AppContext, tmp_path: Path, every_file_is_big: None
) -> None:
    path = tmp_path / "Study.diptych"
    with create_sample_project(path) as project:
        project.tags.add(name="Before the damage")
        backup_project(project, root=context.paths.backups)
    damage_table(path, DAMAGED_TABLE)
    damaged = path.read_bytes()

    launcher = start(context, path)
    first = launcher.window
    assert first is not None and first.session.project.path == path  # deleted once replaced

    qtbot.waitUntil(
        lambda: any(
            o.isVisible() for o in QApplication.topLevelWidgets() if isinstance(o, RestoreOffer)
        ),
        timeout=10_000,
    )
    offer = next(o for o in QApplication.topLevelWidgets() if isinstance(o, RestoreOffer))
    assert offer.text() == "Study.diptych is damaged."
    window = launcher.window
    assert window is not None and window is not first
    qtbot.addWidget(window)
    assert window.session.project.path == context.paths.sample_project
    said = window.message_bar.currentMessage()  # the sample is not shown without a word
    assert said.startswith(f"The Sample project is open: {path} could not be opened.")
    assert backup_count(context) == 1  # none taken of the damaged file
    assert path.read_bytes() == damaged

    offer.restore_button.click()
    qtbot.waitUntil(lambda: offer.dialog.isVisible())
    offer.dialog.restore_button.click()
    qtbot.waitUntil(
        lambda: launcher.window is not None and launcher.window.session.project.path == path
    )
    restored = launcher.window
    qtbot.addWidget(restored)
    assert restored.session.project.tags.find(name="Before the damage") is not None


def test_a_big_damaged_sample_project_is_put_aside_with_its_recent_changes(
    qtbot: QtBot, context: AppContext, every_file_is_big: None
) -> None:
    sample = context.paths.sample_project
    with create_sample_project(sample) as project:
        project.tags.add(name="Coded in the sample")
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage_table(sample, DAMAGED_TABLE)

    launcher = start(context, None)
    first = launcher.window  # deleted once replaced
    assert first is not None
    qtbot.waitUntil(lambda: launcher.window is not first, timeout=10_000)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.project.path == sample  # a fresh sample project
    assert window.session.project.tags.find(name="Coded in the sample") is None
    aside = [p for p in sample.parent.iterdir() if "(could not be opened" in p.name]
    assert [p.suffix for p in aside] == [".diptych"]
    with Project.open(aside[0], check_limit=0, read_only=True) as kept:
        assert kept.tags.find(name="Coded in the sample") is not None


def test_a_sample_project_that_fails_to_open_is_put_aside_with_its_wal(
    qtbot: QtBot, context: AppContext
) -> None:
    """Changes committed to the -wal file alone (the program was killed) go along with
    the file put aside: SQLite finds them there by the file's new name."""
    sample = context.paths.sample_project
    project = create_sample_project(sample)
    project.db.execute("PRAGMA wal_autocheckpoint = 0")
    project.tags.add(name="Only in the log")
    wal = Path(f"{sample}-wal")
    logged = wal.read_bytes()
    assert logged  # the tag is in the -wal, not yet in the file
    size = sample.stat().st_size
    project.close()
    wal.write_bytes(logged)  # as a killed program leaves it
    sample.write_bytes(b"\0" * size)  # beside a file damaged beyond opening

    launcher = start(context, None)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    aside = [p for p in sample.parent.iterdir() if "(could not be opened" in p.name]
    assert sorted(p.suffix for p in aside) == [".diptych", ".diptych-wal"]
    assert next(p for p in aside if p.suffix == ".diptych-wal").read_bytes() == logged


@pytest.mark.parametrize("big", [False, True], ids=["checked-on-open", "checked-by-worker"])
def test_a_project_damaged_in_its_search_index_alone_opens_with_it_rebuilt(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, big: bool
) -> None:
    if big:
        monkeypatch.setattr(project_opening, "CHECK_ON_OPEN_LIMIT", 0)
    path = tmp_path / "Study.diptych"
    with create_sample_project(path) as project:
        project.tags.add(name="After the last backup")
    damage_table(path, "articles_fts_idx")
    told: list[str] = []
    context.messages.posted.connect(lambda _level, _title, text: told.append(text))

    launcher = start(context, path)
    qtbot.waitUntil(lambda: any("search index" in text for text in told), timeout=10_000)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.project.path == path  # not the sample, nor a backup
    assert window.session.project.tags.find(name="After the last backup") is not None
    said = next(text for text in told if "search index" in text)
    kept = next(tmp_path.glob("Study (damaged *).diptych"))
    assert str(kept) in said and "is as it was" in said
    assert not any(isinstance(o, RestoreOffer) for o in QApplication.topLevelWidgets())
