"""File > Export writes Markdown that reads cleanly anywhere: no Obsidian block ids unless
"Block ids for Obsidian links" is checked, a choice offered again by the next export."""

from __future__ import annotations

import re
from pathlib import Path

from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow

BLOCK_ID = re.compile(r"^\^[0-9a-f-]{36}(?:-\d+)?$", re.M)


def export(qtbot: QtBot, dialog: ExportDialog, target: Path) -> str:
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return target.read_text(encoding="utf-8")


def test_markdown_has_block_ids_only_when_asked_for_and_the_choice_is_kept(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    assert dialog.fmt() == "md" and not dialog.block_ids.isChecked()
    assert dialog.block_ids.isEnabled()
    plain = export(qtbot, dialog, tmp_path / "brief.md")
    assert "> — *" in plain and not BLOCK_ID.search(plain)
    dialog = open_export_dialog(qtbot, window)
    assert not dialog.block_ids.isChecked()
    qtbot.mouseClick(dialog.block_ids, Qt.MouseButton.LeftButton)
    assert dialog.block_ids.isChecked()
    linked = export(qtbot, dialog, tmp_path / "vault.md")
    assert len(BLOCK_ID.findall(linked)) == linked.count("> — *")  # one after each quote
    again = open_export_dialog(qtbot, window)
    assert again.block_ids.isChecked()  # offered as the last export chose it
    again.reject()


def test_block_ids_are_offered_for_markdown_alone(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.block_ids.setChecked(True)
    for fmt in ("csv", "html", "json"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        assert not dialog.block_ids.isEnabled()
        assert not dialog.options().block_ids
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert dialog.block_ids.isEnabled() and dialog.options().block_ids
    dialog.reject()
