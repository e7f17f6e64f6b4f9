"""File > New project on the name of a project that exists: the file dialog does not offer
to replace it (Diptych never replaces a project file with an empty one, so a Yes was then
refused); the refusal says to choose another name, under New project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

Message = tuple[int, str, str]


def test_the_new_project_dialog_never_offers_to_replace_a_project(
    launched: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / "Field study.diptych"
    Project.create(taken).close()
    asked: list[Any] = []

    def answer(parent: QWidget, *args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(kwargs.get("options", args[4] if len(args) > 4 else None))
        return str(taken), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    posted: list[Message] = []
    launched.context.messages.posted.connect(lambda *args: posted.append(args))

    launched.actions_.new_project.trigger()

    [options] = asked
    assert options is not None
    assert options & QFileDialog.Option.DontConfirmOverwrite
    [(_level, title, text)] = posted
    assert title == "New project"
    assert "already exists" in text and "Choose another name" in text
    assert taken.stat().st_size > 0  # the project is still there, as it was


def test_a_name_typed_without_its_ending_gets_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "Study v1.2"), "")
    )
    assert dialogs.choose_new_project(window, tmp_path) == tmp_path / "Study v1.2.diptych"
