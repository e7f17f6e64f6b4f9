"""File > Project name…: the project's name, which the window's title and the exports'
titles show, given in a small dialog as one undo step. A project begun from the sample
was "Sample project" in every export, with no way to name it; a copy saved of a project
named after its file is named after the copy's file."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog, open_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from diptych.gui import project_copy
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def file_menu_item(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    file = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return next(a for a in file.actions() if a.text().replace("&", "") == text)


def answer_name(qtbot: QtBot, name: str, seen: list[str]) -> None:
    """Type ``name`` into the dialog as it shows, and press Enter."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
        QTimer.singleShot(10, lambda: answer_name(qtbot, name, seen))
        return
    field = dialog.findChild(QLineEdit)
    assert field is not None
    seen += [dialog.windowTitle(), field.text()]
    field.selectAll()
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_project_is_named_from_the_file_menu_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[str] = []
    item = file_menu_item(window, "Project name…")
    assert item.isEnabled()
    QTimer.singleShot(0, lambda: answer_name(qtbot, "  Korea   brief ", seen))
    item.trigger()

    assert seen == ["Project name", "Sample project"]
    assert window.session.project.info().name == "Korea brief"
    assert window.windowTitle() == "Korea brief — sample.diptych — Diptych"
    assert window.statusBar().currentMessage() == "Project named “Korea brief” — Ctrl+Z to undo"
    html = export_project(window.session.project, fmt="html", options=ExportOptions())
    assert b"<title>Korea brief: tagged notes</title>" in html
    dialog = open_export_dialog(qtbot, window)
    assert Path(dialog.output.text()).stem == "Korea brief"  # the file offered, as named
    dialog.reject()

    assert window.actions_.undo.text() == "&Undo Rename project to “Korea brief”"
    window.actions_.undo.trigger()
    assert window.session.project.info().name == "Sample project"
    assert window.windowTitle() == "Sample project — sample.diptych — Diptych"
    window.actions_.redo.trigger()
    assert window.session.project.info().name == "Korea brief"
    assert window.windowTitle() == "Korea brief — sample.diptych — Diptych"


def test_cancelling_or_keeping_the_name_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
            QTimer.singleShot(10, cancel)
            return
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    window.actions_.project_name.trigger()
    QTimer.singleShot(0, lambda: answer_name(qtbot, "Sample project", []))
    window.actions_.project_name.trigger()
    QTimer.singleShot(0, lambda: answer_name(qtbot, " Sample  project ", []))  # spaces only
    window.actions_.project_name.trigger()
    assert window.session.project.info().name == "Sample project"
    assert window.session.undo_stack.count() == 0  # no step that would change nothing


def test_a_read_only_project_cannot_be_renamed(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample, read_only=True))
    assert not window.actions_.project_name.isEnabled()


@pytest.mark.parametrize(
    ("name", "copy_name"),
    [("Sample project", "Korea brief"), ("Fieldwork 2025", "Fieldwork 2025")],
)
def test_a_copy_of_a_project_named_after_its_file_is_named_after_the_copy(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    copy_name: str,
) -> None:
    path = tmp_path / "Sample project.diptych"  # where a first start puts the sample
    with create_sample_project(path) as project:
        project.rename(name=name)
    window = open_window(qtbot, context, Project.open(path))
    target = tmp_path / "copies" / "Korea brief.diptych"
    target.parent.mkdir()
    monkeypatch.setattr(project_copy, "choose_copy", lambda *_args: target)
    window.actions_.save_copy.trigger()
    qtbot.waitUntil(lambda: "Saved a copy" in window.statusBar().currentMessage(), timeout=5000)
    with Project.open(target, read_only=True) as copy:
        assert copy.info().name == copy_name
    assert window.session.project.info().name == name  # the project itself keeps its name
    said = window.statusBar().currentMessage()
    assert ("named “Korea brief” after it" in said) == (name != copy_name)


def test_undo_keeps_a_name_given_meanwhile_in_another_window(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    QTimer.singleShot(0, lambda: answer_name(qtbot, "Korea brief", []))
    window.actions_.project_name.trigger()
    with Project.open(sample) as other:
        other.rename(name="Named elsewhere")
    window.actions_.undo.trigger()
    assert window.session.project.info().name == "Named elsewhere"
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Named elsewhere — "))
