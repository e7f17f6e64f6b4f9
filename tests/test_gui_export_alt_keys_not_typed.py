"""File > Export: Alt and a letter no enabled field or button takes does nothing in the
Save to field. Alt+E with Export greyed typed an "e" into the file name, and the next
export wrote ``notes.mde``, a file no program opens as Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

pytestmark = pytest.mark.skipif(
    sys.platform == "darwin", reason="Option and a letter types a character on macOS"
)


def test_alt_letters_with_export_greyed_type_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    qtbot.waitUntil(dialog.isActiveWindow)  # its keys need it
    dialog.tags.set_all(False)  # no tag, nor Untagged passages: Export is greyed
    assert not dialog.export_button.isEnabled()
    target = tmp_path / "none-articles.md"
    qtbot.keyClick(dialog.output, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.output
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, str(target))
    for key in (Qt.Key.Key_E, Qt.Key.Key_X, Qt.Key.Key_O, Qt.Key.Key_Q):
        qtbot.keyClick(dialog.output, key, Qt.KeyboardModifier.AltModifier)
    assert dialog.output.text() == str(target)
    dialog.tags.set_all(True)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.keyClick(dialog.output, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert exported.args[0] == str(target) and target.is_file()


def type_key(widget: QWidget, text: str, modifiers: Qt.KeyboardModifier) -> None:
    """A key typing ``text`` pressed with ``modifiers``, as the keyboard layout reports it."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, modifiers, text))


def test_letters_and_altgr_letters_are_still_typed(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, "notes")
    # AltGr and a letter types one ("ą" on a Polish keyboard): Windows reports it as
    # Ctrl+Alt, X11 and Wayland with a modifier of its own.
    type_key(
        dialog.output, "ą", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    type_key(dialog.output, "ą", Qt.KeyboardModifier.GroupSwitchModifier)
    type_key(dialog.output, "x", Qt.KeyboardModifier.AltModifier)
    assert dialog.output.text() == "notesąą"
