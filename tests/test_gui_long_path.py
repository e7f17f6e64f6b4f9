"""File > Open on a project in folders nested so deep that SQLite cannot take its path:
the window says why and what to do, and stays on the project it shows."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def test_opening_a_project_too_deep_for_sqlite_says_so(
    qtbot: QtBot, launched: MainWindow, sample: Path, tmp_path: Path
) -> None:
    launcher: Launcher = launched.launcher  # type: ignore[attr-defined]
    folder = tmp_path / "archive"
    for level in range(5):
        folder = folder / f"{level} {'Projekt Übersicht ' * 5}"
    folder.mkdir(parents=True)
    deep = folder / "study.diptych"
    shutil.copy(sample, deep)
    assert len(str(deep).encode()) > 512
    said: list[tuple[int, str]] = []
    launched.context.messages.posted.connect(lambda level, _t, text: said.append((level, text)))

    launcher.open_path(deep)

    assert launcher.window is launched  # still on the project it showed
    assert len(said) == 1 and said[0][0] == Level.ERROR
    text = said[0][1]
    assert deep.name in text and "bytes long" in text and "Move it" in text
    assert "exist" not in text  # it does
