"""The export dialog's lists of articles and tags line up with the fields above and below
them, as a form's fields do, instead of standing in from both edges."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def left_right(widget: QWidget, dialog: ExportDialog) -> tuple[int, int]:
    left = widget.mapTo(dialog, QPoint(0, 0)).x()
    return left, left + widget.width()


def test_the_lists_line_up_with_the_format_and_the_file_fields(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    format_left, format_right = left_right(dialog.format, dialog)
    articles_left, _ = left_right(dialog.articles, dialog)
    _, tags_right = left_right(dialog.tags, dialog)
    output_left, _ = left_right(dialog.output, dialog)
    assert articles_left == format_left == output_left
    assert tags_right == format_right
