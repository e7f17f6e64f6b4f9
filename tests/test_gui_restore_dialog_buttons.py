"""The Restore button of File > Restore from backup, the offer's Restore from backup…, and
File > Export's Export button wear an icon as Cancel beside them does, where the desktop
shows icons on dialog buttons (as most Linux desktops do): a button without one beside a
Cancel with one looked amiss."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QWidget,
)
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog, RestoreOffer
from diptych.storage.backup_folders import BackupInfo
from diptych.storage.errors import DamagedProjectError


class IconsOnButtons(QProxyStyle):
    """The application's style, with icons on dialog buttons as on a Linux desktop (the
    offscreen platform shows none)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # type: ignore[no-untyped-def]
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)


@pytest.fixture
def icons_on_buttons(qapp: QApplication) -> Iterator[None]:
    name = qapp.style().name()
    qapp.setStyle(IconsOnButtons(QStyleFactory.create(name)))
    yield
    qapp.setStyle(QStyleFactory.create(name))


def has_icon(button: QAbstractButton) -> bool:
    return not button.icon().isNull()


def cancel_of(dialog: QWidget) -> QAbstractButton:
    buttons = dialog.findChildren(QAbstractButton)
    (cancel,) = [b for b in buttons if b.text().replace("&", "") == "Cancel"]
    return cancel


def test_restore_has_an_icon_as_cancel_has(
    qtbot: QtBot, icons_on_buttons: None, launched: MainWindow
) -> None:
    window = launched
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    seen: list[tuple[bool, bool]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, RestoreDialog)
            seen.append((has_icon(cancel_of(dialog)), has_icon(dialog.restore_button)))
        finally:
            if dialog is not None:
                dialog.reject()

    QTimer.singleShot(0, look)
    window.actions_.restore_backup.trigger()  # File > Restore from backup…
    assert seen == [(True, True)]


def test_the_offer_for_a_damaged_file_dresses_its_restore_button_as_cancel(
    qtbot: QtBot, icons_on_buttons: None, window: MainWindow, tmp_path: Path
) -> None:
    backup = BackupInfo(tmp_path / "b.diptych", datetime.now(UTC), 2048, "on-open")
    error = DamagedProjectError("is damaged", path=tmp_path / "study.diptych")
    offer = RestoreOffer(error, [backup], window.workers)
    qtbot.addWidget(offer)
    offer.show()
    assert has_icon(cancel_of(offer)) and has_icon(offer.restore_button)


def test_without_icons_on_dialog_buttons_restore_has_none_either(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = RestoreDialog([], window.workers, window)
    qtbot.addWidget(dialog)
    assert not has_icon(dialog.restore_button)


def test_export_has_an_icon_as_cancel_has(
    qtbot: QtBot, icons_on_buttons: None, window: MainWindow
) -> None:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    assert has_icon(cancel_of(dialog)) and has_icon(dialog.export_button)
