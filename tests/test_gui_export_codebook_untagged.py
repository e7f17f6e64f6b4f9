"""A REFI-QDA codebook holds tags alone: the Export dialog's Untagged passages is not
offered for it (as the articles are not), and a codebook without a tag is refused, as an
export without a passage is; with Untagged passages still ticked, it was written empty."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def untagged_row(dialog: ExportDialog) -> QListWidgetItem:
    return dialog.tags.item(dialog.tags.count() - 1)


def test_a_codebook_without_a_tag_is_refused_not_written_empty(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("qdc"))
    dialog.tags.set_all(False)
    untagged_row(dialog).setCheckState(Qt.CheckState.Checked)  # as it may be left
    output = tmp_path / "codebook.qdc"
    dialog.output.setText(str(output))
    dialog.start()
    assert dialog.worker is None
    assert not output.exists()
    level, title, text = posted[-1]
    assert (level, title) == (Level.ERROR, "Export")
    assert "tag" in text
    dialog.reject()


def test_untagged_passages_is_offered_for_every_format_but_a_codebook(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_export_dialog(qtbot, window)
    row = untagged_row(dialog)
    for key in ("md", "csv", "html", "json", "qdpx", "qdc", "md"):
        dialog.format.setCurrentIndex(dialog.format.findData(key))
        enabled = bool(row.flags() & Qt.ItemFlag.ItemIsEnabled)
        assert enabled == (key != "qdc"), key
    dialog.reject()
