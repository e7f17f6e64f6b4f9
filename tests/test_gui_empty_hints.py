"""An empty codebook says how to add a tag, as an empty Library says how to import; the
reading area's hint, with no pane open, sits in the middle of the area."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_context, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_panel import EMPTY_CODEBOOK
from diptych.storage.project import Project


def test_an_empty_codebook_says_how_to_add_a_tag_until_it_has_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "new.diptych"):
        pass
    project = Project.open(tmp_path / "new.diptych")
    window = open_window(qtbot, make_context(tmp_path / "user"), project)
    window.docks["codebook"].show()
    panel = window.tags
    assert panel.empty_hint.isVisible() and panel.empty_hint.text() == EMPTY_CODEBOOK
    assert panel.view.accessibleDescription() == EMPTY_CODEBOOK

    window.session.add_tag(name="Trade")
    assert not panel.empty_hint.isVisible()
    assert panel.view.accessibleDescription() == ""


def test_a_read_only_empty_codebook_does_not_point_to_a_disabled_button(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "new.diptych"):
        pass
    project = Project.open(tmp_path / "new.diptych", read_only=True)
    window = open_window(qtbot, make_context(tmp_path / "user"), project)
    window.docks["codebook"].show()
    assert window.tags.empty_hint.isVisible()
    assert window.tags.empty_hint.text() == "No tags yet."


def test_the_sample_codebook_shows_no_hint(window: MainWindow) -> None:
    window.docks["codebook"].show()
    assert not window.tags.empty_hint.isVisible()


def test_the_reading_area_hint_is_centred(window: MainWindow) -> None:
    for pane in list(window.area.panes()):
        window.area.close_pane(pane)
    assert window.area.currentWidget() is window.area.hint
    assert window.area.hint.alignment() & Qt.AlignmentFlag.AlignHCenter
    assert window.area.hint.alignment() & Qt.AlignmentFlag.AlignVCenter
