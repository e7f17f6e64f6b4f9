"""``diptych open FILE`` when FILE cannot be opened: the window starts on the sample project
in its stead, and the project Diptych starts on next time is still the one the user worked
on last, not that sample."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui import app as app_module
from diptych.gui.context import AppContext
from diptych.storage.sample import create_sample_project


def test_a_named_file_that_cannot_be_opened_leaves_the_last_project_to_start_on(
    qtbot: QtBot, tmp_path: Path, context: AppContext
) -> None:
    study = tmp_path / "Study.diptych"
    create_sample_project(study).close()
    context.settings.add_recent(study)
    named = tmp_path / "Other.diptych"
    named.write_text("Minutes of the trade talks\n" * 20, encoding="utf-8")

    launcher = app_module.start(context, named)
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert launcher.window.session.project.path == study  # the project used last, not the sample

    assert context.settings.last_project() == study  # the next start opens it again
