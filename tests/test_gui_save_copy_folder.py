"""Save a copy… offers a folder the user can find the copy in again: the one the last copy
was chosen in, else beside the project, but not beside the sample project, which lives in
Diptych's own hidden data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.paths import documents_folder
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def offered_name(
    qtbot: QtBot, context: AppContext, path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The file name Save a copy… offers first, for the project at ``path``."""
    offered: list[str] = []

    def cancel(_parent, _title, name, *_args):  # type: ignore[no-untyped-def]
        offered.append(name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancel))
    window = open_window(qtbot, context, Project.open(path))
    window.actions_.save_copy.trigger()
    assert len(offered) == 1
    return Path(offered[0])


def test_a_copy_of_the_sample_is_offered_in_documents_not_the_hidden_data_folder(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = context.paths.sample_project
    create_sample_project(sample).close()
    offered = offered_name(qtbot, context, sample, monkeypatch)
    assert offered == documents_folder() / "Sample project (copy).diptych"
    assert context.paths.data not in offered.parents


def test_a_copy_of_another_project_is_offered_beside_it(
    qtbot: QtBot, context: AppContext, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered = offered_name(qtbot, context, sample, monkeypatch)
    assert offered == sample.with_name("sample (copy).diptych")


def test_the_next_copy_is_offered_in_the_folder_the_last_one_was_saved_in(
    qtbot: QtBot, context: AppContext, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = tmp_path / "USB stick"
    backups.mkdir()
    (backups / "Taken.diptych").write_bytes(b"")  # a copy never replaces it: refused
    offered: list[str] = []
    answers = [str(backups / "Taken.diptych"), str(backups / "Monday.diptych"), "", ""]

    def chosen(_parent, _title, name, *_args):  # type: ignore[no-untyped-def]
        offered.append(name)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    said: list[str] = []
    context.messages.posted.connect(lambda _level, _title, text: said.append(text))
    window = open_window(qtbot, context, Project.open(sample))

    window.actions_.save_copy.trigger()  # refused: the file is there
    qtbot.waitUntil(lambda: any("already exists" in text for text in said), timeout=5_000)
    window.actions_.save_copy.trigger()
    qtbot.waitUntil(lambda: (backups / "Monday.diptych").exists(), timeout=5_000)
    window.actions_.save_copy.trigger()
    window.close()
    again = open_window(qtbot, context, Project.open(sample))  # as after a restart
    again.actions_.save_copy.trigger()

    copy = "sample (copy).diptych"
    assert offered == [
        str(sample.with_name(copy)),
        str(backups / copy),
        str(backups / copy),
        str(backups / copy),
    ]
