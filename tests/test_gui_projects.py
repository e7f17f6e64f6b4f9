"""File menu: new project, open project, recent projects, the sample project."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def launcher_of(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.launcher  # type: ignore[attr-defined]  # set by gui_support.open_window


def test_new_project_opens_an_empty_window_and_joins_recent_projects(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = launcher_of(window)
    target = tmp_path / "Fieldwork.diptych"
    monkeypatch.setattr(dialogs, "choose_new_project", lambda _parent, _folder: target)
    window.actions_.new_project.trigger()
    new = launcher.window
    assert new is not window and target.exists()
    qtbot.addWidget(new)
    assert new.windowTitle().startswith("Fieldwork")
    assert new.area.panes() == [] and new.area.currentWidget() is new.area.hint
    assert new.library.model.rowCount() == 0
    recent = [a.text() for a in new.actions_.recent.actions()]
    assert recent[:2] == ["Fieldwork.diptych", "sample.diptych"]
    with Project.open(target, read_only=True) as project:
        assert project.info().name == "Fieldwork"


def test_open_project_and_recent_projects_switch_the_window(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    launcher = launcher_of(window)
    other = tmp_path / "Other.diptych"
    with Project.create(other) as project:
        project.tags.add(name="Only here")
    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: other)
    window.actions_.open_project.trigger()
    opened = launcher.window
    qtbot.addWidget(opened)
    assert opened.session.project.path == other
    assert [t.name for t in opened.session.ordered_tags()] == ["Only here"]
    # Back to the sample through File > Open recent.
    sample_action = next(
        a for a in opened.actions_.recent.actions() if a.text() == "sample.diptych"
    )
    sample_action.trigger()
    back = launcher.window
    qtbot.addWidget(back)
    assert back.session.project.path.name == "sample.diptych"
    assert len(back.area.panes()) == 2  # its layout came back


def test_open_the_sample_project_creates_it_again_if_deleted(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    launcher = launcher_of(window)
    assert not context.paths.sample_project.exists()
    window.actions_.open_sample.trigger()
    sample_window = launcher.window
    qtbot.addWidget(sample_window)
    assert sample_window.session.project.path == context.paths.sample_project
    assert sample_window.library.model.rowCount() == 2
