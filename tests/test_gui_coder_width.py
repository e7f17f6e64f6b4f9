"""The coder's name dialog shows a long name whole, as renaming an article shows a title."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow

LONG_NAME = "Maria-Fernanda Oliveira dos Santos e Silva (second coder)"


def test_the_coder_field_is_as_wide_as_the_name(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[tuple[int, int, str]] = []

    def look_then_answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
            QTimer.singleShot(10, look_then_answer)
            return
        field = dialog.findChild(QLineEdit)
        assert field is not None
        text_width = field.fontMetrics().horizontalAdvance(field.text())
        seen.append((field.contentsRect().width(), text_width, field.text()))
        dialog.accept()

    QTimer.singleShot(0, look_then_answer)
    answer = dialogs.ask_coder(window, LONG_NAME)
    assert seen, "the coder dialog was not shown"
    field_width, text_width, text = seen[0]
    assert text == LONG_NAME
    assert field_width >= text_width + 8  # the whole name, with the field's own margins
    assert answer == LONG_NAME
