"""Where the first export goes: File > Export offers the project's own folder (the brief
beside the project it comes from), or Documents for the built-in sample project, whose
folder is Diptych's own; after an export, the folder of the last one, as before."""

from __future__ import annotations

import shutil
from pathlib import Path

from gui_support import open_export_dialog, open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.paths import documents_folder
from diptych.storage.project import Project


def test_the_first_export_is_offered_beside_the_project(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    assert dialog.destination().parent == sample.parent
    dialog.close()


def test_the_sample_projects_first_export_is_offered_in_documents(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    built_in = context.paths.sample_project
    shutil.copy(sample, built_in)
    window = open_window(qtbot, context, Project.open(built_in))
    dialog = open_export_dialog(qtbot, window)
    assert dialog.destination().parent == documents_folder()
    assert dialog.destination().parent != context.paths.data
    dialog.close()


def test_after_an_export_its_folder_is_offered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "briefs"
    elsewhere.mkdir()
    dialog = open_export_dialog(qtbot, window)
    dialog.output.setText(str(elsewhere / "notes.md"))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    dialog = open_export_dialog(qtbot, window)
    assert dialog.destination().parent == elsewhere
    dialog.close()
