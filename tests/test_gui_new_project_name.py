"""File > New project: the file chosen always gets the project suffix, so that it shows in
File > Open project's list, even when its name has a dot of its own ("Study v1.2")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs


@pytest.mark.parametrize(
    ("typed", "created"),
    [
        ("Fieldwork", "Fieldwork.diptych"),
        ("Fieldwork.diptych", "Fieldwork.diptych"),
        ("Fieldwork.DIPTYCH", "Fieldwork.DIPTYCH"),
        ("Study v1.2", "Study v1.2.diptych"),
        ("Interviews 2024.03", "Interviews 2024.03.diptych"),
    ],
)
def test_a_new_project_file_always_ends_in_the_project_suffix(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, created: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen = str(tmp_path / typed)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (chosen, "")))
    assert dialogs.choose_new_project(parent, tmp_path) == tmp_path / created
