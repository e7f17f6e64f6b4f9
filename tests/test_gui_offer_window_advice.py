"""A project file that cannot be opened and has backups: the offer to restore one says
what to do in the window's words, not with a command to type."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_gui_damaged_project import offer_shown

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.storage.backup import backup_project
from diptych.storage.sample import create_sample_project


def test_a_project_overwritten_by_text_offers_its_backup_in_the_windows_words(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        backup_project(project, root=context.paths.backups, reason="on open")
    path.write_text("Minutes of the meeting\n" * 20)  # saved over by a text editor
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]

    launcher.open_path(path)

    offer = offer_shown(qtbot)
    assert "(File > Import articles…)" in offer.detailedText()
    assert "`diptych" not in offer.detailedText()
    offer.reject()
