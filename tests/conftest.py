"""Shared fixtures. Every test runs offscreen with its data folders inside tmp_path.

GUI tests share the sample project (``sample``), an application context (``context``), the
window on the sample project (``window``) and a session without a window (``session``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from diptych.gui.context import AppContext
    from diptych.gui.main_window import MainWindow
    from diptych.gui.session import ProjectSession


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every per-user folder at a temporary directory, never the real home."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "runtime"))
    (home / "runtime").mkdir(mode=0o700)
    return home


@pytest.fixture(autouse=True)
def _no_window_left_open() -> Iterator[None]:
    """Close what a test left on the screen: a message box or dialog of a window that was
    closed but not deleted stays visible, and would be found by the next test that looks
    for the visible message box. Storage-only runs never load Qt for this."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    if app is None:
        return
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.close()


# -- the sample project and the window on it ---------------------------------------------
# The GUI modules are imported inside the fixtures, so that storage-only runs never load them.


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The built-in sample project, as a file in ``tmp_path``."""
    from diptych.storage.sample import create_sample_project

    path = tmp_path / "sample.diptych"
    create_sample_project(path).close()
    return path


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    """An application context whose folders and settings live in ``tmp_path/user``."""
    from gui_support import make_context

    return make_context(tmp_path / "user")


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    """The main window on ``sample``, shown, with its panes built."""
    from gui_support import open_window

    from diptych.storage.project import Project

    return open_window(qtbot, context, Project.open(sample))


@pytest.fixture
def launched(qtbot: QtBot, context: AppContext, sample: Path) -> Iterator[MainWindow]:
    """The window on ``sample`` shown by a launcher (``launched.launcher``), which replaces
    it on File > Restore from backup or when another project is opened. The launcher leaves
    a replaced window alive; qtbot would close it again at the end and that can raise, so
    the windows are closed here instead."""
    from shiboken6 import isValid

    from diptych.gui.launcher import Launcher
    from diptych.storage.project import Project

    launcher = Launcher(context)
    window = launcher.show_project(Project.open(sample))
    window.launcher = launcher  # type: ignore[attr-defined]
    qtbot.waitExposed(window)
    yield window
    for shown in {window, launcher.window}:
        if shown is not None and isValid(shown):
            if shown.isVisible():
                shown.close()
            shown.deleteLater()
    qtbot.waitUntil(lambda: not isValid(window))


@pytest.fixture
def session(qapp: QApplication, tmp_path: Path) -> Iterator[ProjectSession]:
    """A session on a new sample project, without a window; the coder is "Tester"."""
    from diptych.gui.messages import MessageBridge
    from diptych.gui.session import ProjectSession
    from diptych.storage.sample import create_sample_project

    project = create_sample_project(tmp_path / "s.diptych")
    opened = ProjectSession(project, MessageBridge(), coder="Tester")
    yield opened
    opened.close()


@pytest.fixture
def undo_failures(session: ProjectSession) -> list[str]:
    """The messages ``session`` posted saying an undo or redo failed."""
    seen: list[str] = []
    session.messages.posted.connect(
        lambda _level, title, text: seen.append(text) if title == "Undo/redo failed" else None
    )
    return seen
