"""A project and a copy of it (File > Save a copy…, or a copy made in a file manager) are
one project as far as their uuid goes: each still opens on its own panes, as it was left,
never on the panes the other was left with (whose articles may be others by then)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from diptych.gui.main_window import MainWindow
from diptych.gui.project_copy import copy_job
from diptych.storage.project import Project


def switch_to(qtbot: QtBot, window: MainWindow, path: Path) -> MainWindow:
    """File > Open project… on ``path``: the window that takes the place of ``window``."""
    window.launcher.open_path(path)  # type: ignore[attr-defined]
    opened: MainWindow = window.launcher.window  # type: ignore[attr-defined]
    assert opened is not window and opened.session.project.path == path
    qtbot.waitUntil(lambda: not isValid(window), timeout=10_000)
    opened.launcher = window.launcher  # type: ignore[attr-defined]
    return opened


def test_a_project_and_its_copy_each_open_on_their_own_panes(
    qtbot: QtBot, launched: MainWindow, sample: Path, tmp_path: Path
) -> None:
    copy, _named = copy_job(sample, tmp_path / "sample (copy).diptych")(lambda _d, _t: True)
    with Project.open(copy, read_only=True) as copied, Project.open(sample) as original:
        assert copied.info().uuid == original.info().uuid
    area = launched.area
    assert [p.article_id for p in area.panes()] == [1, 2]
    area.close_pane(area.panes()[1])  # the project is left with one pane: article 1

    in_copy = switch_to(qtbot, launched, copy)
    in_copy.area.close_all()
    in_copy.area.add_pane(2)  # the copy is left with one pane: article 2
    in_copy.area.add_pane(None)

    back = switch_to(qtbot, in_copy, sample)
    assert [p.article_id for p in back.area.panes()] == [1]
    again = switch_to(qtbot, back, copy)
    assert [p.article_id for p in again.area.panes()] == [2, None]
