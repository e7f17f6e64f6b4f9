"""Restoring a project file too damaged to open: the offer of its one backup does not call
it "the newest", and the list of backups says what becomes of the damaged file (kept next
to it, renamed), not that the project is backed up first, which it cannot be."""

from __future__ import annotations

from pathlib import Path

import pytest
from damaged_files import damage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreOffer
from diptych.storage.backup import backup_project
from diptych.storage.sample import create_sample_project


@pytest.fixture
def study(tmp_path: Path, context: AppContext) -> Path:
    """A project with one backup, then damaged."""
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        backup_project(project, root=context.paths.backups, reason="on open")
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    return path


def offer_shown(qtbot: QtBot) -> RestoreOffer:
    def shown() -> list[RestoreOffer]:
        widgets = QApplication.topLevelWidgets()
        return [o for o in widgets if isinstance(o, RestoreOffer) and o.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()))
    return shown()[0]


def test_the_offer_and_the_list_say_what_becomes_of_the_damaged_file(
    qtbot: QtBot, window: MainWindow, study: Path
) -> None:
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    launcher.open_path(study)
    offer = offer_shown(qtbot)
    informative = offer.informativeText()
    assert informative.startswith("Diptych has a backup of it, from ")
    assert "newest" not in informative

    offer.restore_button.click()
    qtbot.waitUntil(lambda: offer.dialog.isVisible())
    said = " ".join(label.text() for label in offer.dialog.findChildren(QLabel))
    assert "The damaged file is kept next to the project, renamed." in said
    assert "backed up first" not in said
    assert "backed up first" not in offer.dialog.list.accessibleDescription()
    offer.dialog.reject()
