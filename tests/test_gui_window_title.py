"""The window's title tells two projects of one name apart: a copy of a project keeps
its name, so the title names the file too where it is not named as the project."""

from __future__ import annotations

import shutil
from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import window_title
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def test_a_copy_of_a_project_has_a_title_of_its_own(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    original = tmp_path / "Sample project.diptych"
    create_sample_project(original).close()
    copy = tmp_path / "Sample project copy.diptych"
    shutil.copyfile(original, copy)
    titles = []
    for path in (original, copy):
        window = open_window(qtbot, context, Project.open(path))
        titles.append(window.windowTitle())
        assert window.windowFilePath() == str(path)
        window.close()
    assert titles == [
        "Sample project — Diptych",
        "Sample project — Sample project copy.diptych — Diptych",
    ]


def test_the_title_is_short_where_the_file_is_named_as_the_project() -> None:
    assert window_title("Fieldwork", Path("/p/fieldwork.diptych"), False) == "Fieldwork — Diptych"
    assert window_title("Fieldwork", Path("/p/Fieldwork.diptych"), True) == (
        "Fieldwork (read-only) — Diptych"
    )
    assert window_title("Fieldwork", Path("/p/old.diptych"), True) == (
        "Fieldwork — old.diptych (read-only) — Diptych"
    )
