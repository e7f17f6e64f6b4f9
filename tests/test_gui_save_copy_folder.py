"""Save a copy… offers a folder the user can find the copy in again: beside the project,
but not beside the sample project, which lives in Diptych's own hidden data folder."""

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
