"""Every tag ticked and Untagged passages not, in File > Export: the HTML report, the
JSON and the Markdown say untagged passages were left out, where they said "only the tags
Economy, ... and 2 more", as if some tags had been left out, or listed every tag."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def export_without_untagged(qtbot: QtBot, window: MainWindow, fmt: str, path: Path) -> str:
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    untagged = dialog.tags.item(dialog.tags.count() - 1)
    untagged.setCheckState(Qt.CheckState.Unchecked)  # every tag stays ticked
    dialog.output.setText(str(path))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["html", "json", "md"])
def test_every_tag_ticked_is_no_choice_of_tags(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, fmt: str
) -> None:
    text = export_without_untagged(qtbot, window, fmt, tmp_path / f"notes.{fmt}")
    if fmt == "html":
        found = re.search(r'<p class="summary">(.*?)</p>', text)
        assert found is not None
        said = found[1]
        assert said.endswith(" · grouped by tag · untagged passages left out")
    elif fmt == "md":
        said = next(line for line in text.splitlines() if line.startswith("- Scope:"))
        assert said == "- Scope: every article, every tag, no untagged passages"
    else:
        said = json.loads(text)["label"]
        assert said.endswith(" (untagged passages left out)")
    assert "only" not in said
