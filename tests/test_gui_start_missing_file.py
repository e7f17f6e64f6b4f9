"""``diptych open new.diptych`` for a file that is not there: the terminal and a message
box say it does not exist and how a new project is made (File > New project…, or
``diptych import new.diptych FILES``), and Diptych exits with status 2. It opened the
project used last instead, with no word of how to make the new one: a name typed for a
new project left the user working in an old one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import make_context
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui import app as app_module
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.sample import create_sample_project


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[list[str]]:
    """The texts of the message boxes shown (none is left waiting for a click)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    names = qapp.applicationName(), qapp.organizationName(), qapp.applicationDisplayName()
    yield shown
    qapp.setApplicationName(names[0])
    qapp.setOrganizationName(names[1])
    qapp.setApplicationDisplayName(names[2])


@pytest.fixture
def worked_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppContext:
    """The window's folders in ``tmp_path``, with a project used last; what the start
    sets for the whole process (crash handler, file dialogs, the collector) left alone."""
    context = make_context(tmp_path / "user")
    last = tmp_path / "Fieldwork.diptych"
    create_sample_project(last).close()
    context.settings.add_recent(last)
    monkeypatch.setattr(AppContext, "standard", staticmethod(lambda: context))
    for name in ("install_excepthook", "watch_file_dialogs", "keep_start_up_objects"):
        monkeypatch.setattr(app_module, name, lambda *args: None)
    return context


def windows() -> list[MainWindow]:
    """The windows on the screen."""
    shown = QApplication.topLevelWidgets()
    return [w for w in shown if isinstance(w, MainWindow) and w.isVisible()]


def test_opening_a_file_that_is_not_there_says_how_to_make_it_and_opens_nothing(
    worked_on: AppContext,
    boxes: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    new = tmp_path / "new study.diptych"
    stop = QTimer()  # a window opened would keep it waiting: closed again after a while
    stop.setSingleShot(True)
    stop.timeout.connect(QApplication.quit)
    stop.start(5_000)
    try:
        assert app_module.run_application(new) == 2
    finally:
        stop.stop()
    assert windows() == []  # neither the project used last nor the sample
    assert not new.exists()
    said = capsys.readouterr().err
    assert said == (
        f"diptych: {new}: does not exist. Check the name and folder. To make a new project"
        f" of that name, import articles into it: diptych import '{new}' FILES (or start"
        " diptych and choose File > New project…).\n"
    )
    assert boxes == [
        f"{new}: does not exist. Check the name and folder. To make a new project, start"
        f" Diptych and choose File > New project…, or import articles into it: diptych"
        f" import '{new}' FILES"
    ]


def test_a_file_that_is_there_is_opened(
    worked_on: AppContext, tmp_path: Path, qtbot: QtBot
) -> None:
    there = tmp_path / "there.diptych"
    create_sample_project(there).close()
    launcher = app_module.start(worked_on, there)
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert launcher.window.session.project.path == there
    assert windows() == [launcher.window]
