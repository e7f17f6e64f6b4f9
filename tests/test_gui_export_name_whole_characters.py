"""File > Export offers a long project name cut after a whole character as it is seen:
a flag, an accented letter or an emoji of several code points is not split in the file
name offered, nor in the file written."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import QTextBoundaryFinder
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def at_boundary(text: str, end: int) -> bool:
    """Whether Qt sees a character's end at code point ``end`` of ``text``."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    finder.setPosition(len(text[:end].encode("utf-16-le")) // 2)
    return finder.isAtBoundary()


@pytest.mark.parametrize(
    "name",
    [
        "🇰🇷" * 40,
        "Caf" + "e\u0301" * 120,
        "👨\u200d👩\u200d👧 " * 20,
        "👍🏽" * 30,
    ],
    ids=["flags", "accents", "families", "skin tones"],
)
def test_a_long_project_name_is_offered_cut_after_a_whole_character(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    window.session.rename_project(name)
    dialog = open_export_dialog(qtbot, window)
    offered = Path(dialog.output.text())
    kept = offered.stem.removesuffix("…")
    assert offered.stem.endswith("…") and name.startswith(kept) and kept
    assert at_boundary(name, len(kept)), ascii(name[len(kept) - 2 : len(kept) + 2])
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        dialog.export_button.click()
    assert Path(exported.args[0]) == offered and offered.is_file()
