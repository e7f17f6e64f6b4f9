"""Dialogs fit the screen they open on: File > Export was 720 x 520 pixels, taller than a
1,366 x 768 laptop's screen at a scale of 1.5 (910 x 512), and Restore from backup 400
pixels tall whatever the screen. Their lists scroll in what room there is; their buttons
stay on the screen."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog
from diptych.gui.shortcuts_box import shortcuts
from diptych.gui.tag_dialog import TagDialog
from diptych.storage.backup_folders import BackupInfo

LAPTOP = QRect(0, 0, 910, 512)  # 1,366 x 768 at a scale of 1.5
SCALED_3 = QRect(0, 0, 640, 360)  # 1,920 x 1,080 at a scale of 3
TITLE_BAR = 24  # at least, above the dialog's contents


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(LAPTOP))
    return LAPTOP


def assert_on_screen(qtbot: QtBot, dialog: QDialog, screen: QRect) -> None:
    qtbot.waitExposed(dialog)
    assert dialog.width() <= screen.width()
    assert dialog.height() + TITLE_BAR <= screen.height()
    assert dialog.minimumSizeHint().height() + TITLE_BAR <= screen.height()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None and buttons.isVisible()
    assert buttons.geometry().bottom() < dialog.height()


def test_the_export_dialog_fits_a_scaled_laptop_screen(
    qtbot: QtBot, window: MainWindow, laptop: QRect
) -> None:
    dialog = open_export_dialog(qtbot, window)
    assert_on_screen(qtbot, dialog, laptop)
    assert dialog.width() >= 700  # as wide as it was: there is room


@pytest.mark.parametrize("screen", [LAPTOP, SCALED_3])
def test_restore_from_backup_fits_a_small_screen(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    screen: QRect,
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(screen))
    backups = []
    for hour in range(30):
        path = tmp_path / f"backup-{hour}.diptych"
        shutil.copy(sample, path)
        backups.append(
            BackupInfo(path, datetime(2026, 12, 3, hour % 24, tzinfo=UTC), 2048, "hourly")
        )
    dialog = RestoreDialog(backups, window.workers, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_on_screen(qtbot, dialog, screen)
    assert dialog.list.verticalScrollBar().maximum() > 0  # the backups scroll


@pytest.mark.parametrize("screen", [LAPTOP, SCALED_3])
def test_the_tag_dialog_and_the_keyboard_shortcuts_fit_a_small_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, screen: QRect
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(screen))
    dialog = TagDialog(window.session.codebook(), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_on_screen(qtbot, dialog, screen)
    dialog.close()

    box = shortcuts(window)
    qtbot.waitExposed(box)
    assert box.height() + TITLE_BAR <= screen.height()
    assert box.table.verticalScrollBar().maximum() > 0  # the list scrolls
