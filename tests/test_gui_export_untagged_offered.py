"""File > Export after an export of one tag: every tag came back ticked, Untagged passages
not (it was the one choice of the tag list remembered), so the next "full" export left the
untagged passages out, said only by its Scope line. Now the whole list comes back ticked,
and a line under the Tags list says whenever untagged passages are left out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def tags_none_button(dialog: ExportDialog) -> QPushButton:
    """The Tags column's None (the Articles column's comes first)."""
    return [b for b in dialog.findChildren(QPushButton) if b.text() == "None"][1]


def export(qtbot: QtBot, dialog: ExportDialog, path: Path) -> set[str]:
    """Export to a CSV file, clicking Export; the passages' uuids in it."""
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, str(path))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    rows = csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")))
    return {row["uuid"] for row in rows}


def untagged_item_checked(dialog: ExportDialog) -> bool:
    return dialog.tags.item(dialog.tags.count() - 1).checkState() == Qt.CheckState.Checked


def test_after_an_export_of_one_tag_the_next_exports_everything(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    loose = window.session.project.annotations.add(article_id=1, start=0, end=20, note="loose")
    first = open_export_dialog(qtbot, window)
    assert first.untagged_note.isHidden()
    qtbot.mouseClick(tags_none_button(first), Qt.MouseButton.LeftButton)
    first.tags.item(0).setCheckState(Qt.CheckState.Checked)  # one tag alone
    assert first.untagged_note.isVisible()
    assert "Untagged passages are left out" in first.untagged_note.text()
    assert loose.uuid not in export(qtbot, first, tmp_path / "one-tag.csv")

    again = open_export_dialog(qtbot, window)  # Ctrl+E again: everything, as it says
    assert again.tags.checked() is None and untagged_item_checked(again)
    assert again.options().untagged and again.untagged_note.isHidden()
    assert loose.uuid in export(qtbot, again, tmp_path / "everything.csv")


def test_the_line_follows_untagged_passages_and_the_format(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_export_dialog(qtbot, window)
    untagged = dialog.tags.item(dialog.tags.count() - 1)
    untagged.setCheckState(Qt.CheckState.Unchecked)  # every tag still ticked
    assert dialog.untagged_note.isVisible()
    dialog.format.setCurrentIndex(dialog.format.findData("qdc"))  # a codebook: no passage
    assert dialog.untagged_note.isHidden()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.untagged_note.isVisible()
    untagged.setCheckState(Qt.CheckState.Checked)
    assert dialog.untagged_note.isHidden()
    qtbot.mouseClick(tags_none_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.untagged_note.isHidden()  # nothing to export: the choice hint says so
    assert dialog.choice_hint.isVisible()
    dialog.reject()


def test_an_earlier_version_s_remembered_untagged_is_not_offered(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Earlier versions kept Untagged passages unticked in the settings file."""
    window.context.settings._qsettings.setValue("export/include_untagged", "false")
    dialog = open_export_dialog(qtbot, window)
    assert untagged_item_checked(dialog) and dialog.untagged_note.isHidden()
    dialog.reject()
