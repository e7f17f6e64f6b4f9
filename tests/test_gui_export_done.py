"""After an export, Open and Show in folder stand beside the status bar's "Exported to …":
the file just written, or its folder, one click away; they go with the message."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import KEY_LETTER, open_export_dialog
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_file_exported_and_its_folder_open_from_the_status_bar(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    bar = window.message_bar
    panel_top = window.docks["library"].geometry().bottom()
    bar_height = bar.height()
    dialog = open_export_dialog(qtbot, window)
    written = tmp_path / "brief.md"
    dialog.output.setText(str(written))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    assert window.message_bar.currentMessage().startswith(f"Exported to {written} (")
    done = window.export_done
    assert done is not None
    assert done.open_file.isVisible() and done.show_folder.isVisible()
    qtbot.wait(50)  # the layout settled: the panels did not move, the bar did not grow
    assert bar.height() == bar_height
    assert window.docks["library"].geometry().bottom() == panel_top

    qtbot.mouseClick(done.open_file, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(done.show_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(written), str(tmp_path)]
    assert QUrl.fromLocalFile(opened[0]).isLocalFile()

    window.session.messages.info("Something else happened.")
    assert not done.open_file.isVisible() and not done.show_folder.isVisible()


def test_no_status_bar_button_takes_a_menus_alt_letter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Alt+F opens the File menu after an export too: "Show in &folder" took Alt+F, which
    then went to that button first, and the File menu opened only at a second Alt+F."""
    window.offer_export(tmp_path / "brief.md")  # the buttons an export brings
    menus = {letter_of(a.text()) for a in window.menuBar().actions()} - {""}
    assert {"f", "e", "v", "t", "h"} <= menus
    buttons = window.message_bar.findChildren(QAbstractButton)
    letters = {b.text(): letter_of(b.text()) for b in buttons if letter_of(b.text())}
    assert letters  # Open and Show in folder have theirs
    assert not {text: k for text, k in letters.items() if k in menus}


def letter_of(text: str) -> str:
    """The Alt letter marked in a button's or menu's text ("" for none)."""
    found = KEY_LETTER.search(text.replace("&&", ""))
    return found.group(1).lower() if found else ""
