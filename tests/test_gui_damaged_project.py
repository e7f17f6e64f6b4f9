"""A project file too damaged to open: the message offers its backups, and restoring one
opens it again with the damaged file kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from damaged_files import damage
from gui_support import make_context
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.app import start
from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.restore_dialog import RestoreOffer
from diptych.storage.backup import backup_project
from diptych.storage.sample import create_sample_project

Message = tuple[int, str, str]


@pytest.fixture
def study(tmp_path: Path, context: AppContext) -> Path:
    """A project with one backup, then damaged; it holds a tag added before the backup."""
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        project.tags.add(name="Before the damage")
        backup_project(project, root=context.paths.backups, reason="on open")
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    return path


def offer_shown(qtbot: QtBot) -> RestoreOffer:
    qtbot.waitUntil(
        lambda: any(
            o.isVisible() for o in QApplication.topLevelWidgets() if isinstance(o, RestoreOffer)
        )
    )
    return next(
        o for o in QApplication.topLevelWidgets() if isinstance(o, RestoreOffer) and o.isVisible()
    )


def restore_newest(qtbot: QtBot, offer: RestoreOffer) -> None:
    offer.restore_button.click()
    qtbot.waitUntil(lambda: offer.dialog.isVisible())
    assert offer.dialog.list.count() == 1
    offer.dialog.restore_button.click()


def test_opening_a_damaged_project_offers_its_backup_and_restores_it(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    study: Path,
    tmp_path: Path,
) -> None:
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    damaged = study.read_bytes()

    launcher.open_path(study)  # File > Open, or Open Recent

    offer = offer_shown(qtbot)
    assert offer.text() == "Field study.diptych is damaged."
    assert "a backup of it" in offer.informativeText()
    restore_newest(qtbot, offer)

    qtbot.waitUntil(
        lambda: launcher.window is not None and launcher.window.session.project.path == study
    )
    restored = launcher.window
    assert restored is not None and restored.isVisible()
    assert restored.session.project.tags.find(name="Before the damage") is not None
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("Field study (damaged ")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # nothing thrown away


def test_cancelling_the_offer_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    study: Path,
) -> None:
    before = study.read_bytes()
    window.launcher.open_path(  # type: ignore[attr-defined]
        study
    )
    offer = offer_shown(qtbot)
    offer.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not offer.isVisible())
    assert study.read_bytes() == before
    assert window.launcher.window is window  # type: ignore[attr-defined]  # still open on it


def test_a_damaged_file_without_backups_is_only_a_message(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
) -> None:
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    earlier = set(QApplication.topLevelWidgets())
    path = tmp_path / "Never backed up.diptych"
    create_sample_project(path).close()
    damage(path)
    window.launcher.open_path(  # type: ignore[attr-defined]
        path
    )
    errors = [m for m in posted if m[0] == Level.ERROR]
    assert len(errors) == 1 and "Never backed up.diptych" in errors[0][2]
    shown = [w for w in QApplication.topLevelWidgets() if w not in earlier and w.isVisible()]
    assert not [w for w in shown if isinstance(w, RestoreOffer)]


def test_a_damaged_last_project_at_start_up_opens_the_sample_and_offers_the_backup(
    qtbot: QtBot, tmp_path: Path
) -> None:
    context = make_context(tmp_path / "user")
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        project.tags.add(name="Before the damage")
        backup_project(project, root=context.paths.backups)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    context.settings.add_recent(path)
    damage(path)

    launcher = start(context, None)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.project.path == context.paths.sample_project  # the window starts
    offer = offer_shown(qtbot)
    restore_newest(qtbot, offer)
    qtbot.waitUntil(
        lambda: launcher.window is not None and launcher.window.session.project.path == path
    )
    assert launcher.window.session.project.tags.find(name="Before the damage") is not None
    qtbot.addWidget(launcher.window)
