"""File > Open project never starts in the per-user data folder of the sample project,
also when that folder is reached through a symbolic link (a home folder linked elsewhere):
the recent projects are kept as resolved paths, the sample's path as the platform gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import make_context, open_window
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.storage.sample import create_sample_project


def test_the_sample_reached_through_a_link_is_not_where_the_dialog_starts(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real-user"
    real.mkdir()
    linked = tmp_path / "user"
    linked.symlink_to(real, target_is_directory=True)
    context = make_context(linked)
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    documents.mkdir(parents=True, exist_ok=True)
    window = open_window(qtbot, context, create_sample_project(context.paths.sample_project))
    offered: list[str] = []

    def cancelled(_parent: object, _caption: str, folder: str, _filter: str) -> tuple[str, str]:
        offered.append(folder)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancelled))

    window.actions_.open_project.trigger()

    assert offered == [str(documents)]
