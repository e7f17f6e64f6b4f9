"""File > Open project and New project start in the folder the user keeps projects in: the
folder of a file last chosen there that could not be opened, else the open project's, else
the last opened one's, else Documents (or home); never the per-user data folder the sample
project lives in, nor the folder Diptych was started from."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def offered_folders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folder (or file) each file dialog is opened on; every dialog is cancelled."""
    offered: list[str] = []

    def cancelled(_parent: object, _caption: str, folder: str, *_rest: object) -> tuple[str, str]:
        offered.append(folder)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancelled))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancelled))
    return offered


def test_the_dialogs_start_in_the_open_projects_folder(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Fieldwork 2026"
    folder.mkdir()
    window = open_window(qtbot, context, Project.create(folder / "Interviews.diptych"))
    offered = offered_folders(monkeypatch)

    window.actions_.open_project.trigger()
    window.actions_.new_project.trigger()

    assert offered == [str(folder), str(folder / "Untitled project.diptych")]


def test_on_the_sample_project_they_start_where_the_last_project_was(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Studies"
    folder.mkdir()
    Project.create(folder / "Earlier.diptych").close()
    context.settings.add_recent(folder / "Earlier.diptych")
    sample = create_sample_project(context.paths.sample_project)
    window = open_window(qtbot, context, sample)
    offered = offered_folders(monkeypatch)

    window.actions_.open_project.trigger()

    assert offered == [str(folder)]


def test_with_no_project_of_the_users_they_start_in_documents_or_home(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    documents.mkdir(parents=True, exist_ok=True)
    window = open_window(qtbot, context, create_sample_project(context.paths.sample_project))
    offered = offered_folders(monkeypatch)

    window.actions_.open_project.trigger()
    documents.rmdir()
    window.actions_.open_project.trigger()

    assert offered == [str(documents), str(Path.home())]
    assert str(context.paths.sample_project.parent) not in offered[0]


def test_a_file_chosen_but_refused_brings_the_next_dialog_back_to_its_folder(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "Projects"
    home.mkdir()
    window = open_window(qtbot, context, Project.create(home / "Interviews.diptych"))
    elsewhere = tmp_path / "From a colleague"
    elsewhere.mkdir()
    (elsewhere / "Broken.diptych").write_bytes(b"not a project at all" * 10)
    offered: list[str] = []
    answers = [str(elsewhere / "Broken.diptych"), ""]

    def chosen(_parent: object, _caption: str, folder: str, *_rest: object) -> tuple[str, str]:
        offered.append(folder)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(chosen))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    errors: list[str] = []
    context.messages.posted.connect(lambda _level, _title, text: errors.append(text))

    window.actions_.open_project.trigger()
    window.actions_.new_project.trigger()

    assert "Broken.diptych" in errors[0]
    assert window.session.project.path == home / "Interviews.diptych"
    assert offered == [str(home), str(elsewhere / "Untitled project.diptych")]
