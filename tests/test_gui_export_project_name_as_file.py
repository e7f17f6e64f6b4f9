"""File > Export offers the project's name as the file's name: a name of any length, or
with a "/" in it, is offered as a file a file system takes, and a name typed too long
for one is refused in words, never with a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog
from pytestqt.qtbot import QtBot

from diptych.gui.export_destination import export_file_name, free_path
from diptych.gui.main_window import MainWindow

NAME_MAX = 255  # bytes of one file's name on Linux, macOS and Windows file systems


def export_offered(qtbot: QtBot, window: MainWindow) -> Path:
    """Press Export on what the dialog offers; the file written."""
    dialog = open_export_dialog(qtbot, window)
    offered = Path(dialog.output.text())
    folder = window.session.project.path.parent  # the first export goes beside the project
    assert offered.parent == folder  # a file in it, no folder of its own
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        dialog.export_button.click()
    written = Path(exported.args[0])
    assert written == offered and written.is_file()
    return written


@pytest.mark.parametrize(
    "name",
    [
        "Long " * 70,  # 350 letters
        "中国外交政策的转折点" * 9,  # 90 characters, 270 bytes
        "Über die Außenpolitik " * 12,  # letters of two bytes here and there
        "🇰🇷" * 40,  # flags: 8 bytes each
    ],
    ids=["letters", "chinese", "accents", "flags"],
)
def test_a_long_project_name_is_offered_cut_to_a_file_name(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    window.session.rename_project(name)
    written = export_offered(qtbot, window)
    assert len(written.name.encode("utf-8")) <= NAME_MAX
    stem = written.stem
    assert stem.endswith("…")
    assert name.strip().startswith(stem.removesuffix("…").rstrip())  # whole characters


def test_a_slash_in_the_project_name_is_no_folder(qtbot: QtBot, window: MainWindow) -> None:
    window.session.rename_project("Q1/Q2 brief: EU/US")
    written = export_offered(qtbot, window)
    assert written.name == "Q1\u2215Q2 brief\uff1a EU\u2215US.md"  # looks as the name does


def test_a_file_name_typed_too_long_is_refused_in_words(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_export_dialog(qtbot, window)
    posted: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: posted.append(text))
    too_long = window.session.project.path.parent / ("x" * 300 + ".md")
    dialog.output.setText(str(too_long))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(posted), timeout=10_000)
    assert posted[-1].startswith(f"{too_long}: cannot be written")
    assert dialog.isVisible() and dialog.export_button.isEnabled()  # to try another name


def test_a_free_name_is_found_whatever_the_file_system_says_of_it(tmp_path: Path) -> None:
    long_name = "x" * 300
    assert free_path(tmp_path, long_name, ".md") == tmp_path / f"{long_name}.md"


@pytest.mark.parametrize(
    ("name", "offered"),
    [
        ("", "Diptych export"),
        ("..", "Diptych export"),
        ("CON", "CON_"),
        ('Why "Made in China" matters?', "Why ＂Made in China＂ matters？"),
        ("Sample project", "Sample project"),
    ],
)
def test_the_name_offered_for_a_project(name: str, offered: str) -> None:
    assert export_file_name(name) == offered
