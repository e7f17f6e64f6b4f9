"""Another project opened (or the one open, again): the new window takes the place, size
and panels of the window it replaces, as they are now, not as they were when Diptych was
last closed; the project opened again keeps its window, with its panes as they are now."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_a_project_opened_takes_the_size_and_panels_of_the_window_now(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    launched.resize(launched.width(), 650)  # the screen of the tests is 800 pixels high
    assert launched.height() == 650
    launched.docks["library"].hide()
    other = tmp_path / "Field study.diptych"
    Project.create(other).close()

    launched.launcher.open_path(other)  # type: ignore[attr-defined]

    window = launched.launcher.window  # type: ignore[attr-defined]
    assert window is not launched
    assert window.session.project.path == other
    assert window.height() == 650
    assert window.docks["library"].isHidden()
    assert not window.docks["codebook"].isHidden()


def test_the_project_open_opened_again_keeps_its_panes_as_they_are(
    qtbot: QtBot, launched: MainWindow, sample: Path
) -> None:
    first = launched.area.panes()[0]
    first.set_zoom(150)
    launched.area.close_pane(launched.area.panes()[1])

    launched.launcher.open_path(sample)  # type: ignore[attr-defined]

    window = launched.launcher.window  # type: ignore[attr-defined]
    assert window is launched  # it is already open: the window stays, as it is
    assert [p.zoom for p in window.area.panes()] == [150]
