"""Another project opened, a new one created, a backup restored: the window that takes the
place of the last has nothing to undo from the project before (Edit > Undo is greyed and
named plainly, Ctrl+Z changes no file), and what is done in it undoes in it alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog
from diptych.storage.project import Project

CONTROL = Qt.KeyboardModifier.ControlModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def rows(path: Path) -> list[tuple]:
    """Every passage, tag and memo of the file."""
    conn = sqlite3.connect(path)
    try:
        return [
            *conn.execute("SELECT id, start_pos, end_pos, note FROM annotations ORDER BY id"),
            *conn.execute("SELECT * FROM annotation_tags ORDER BY 1, 2"),
            *conn.execute("SELECT id, name, color, parent_id FROM tags ORDER BY id"),
            *conn.execute("SELECT id, text FROM memos ORDER BY id"),
        ]
    finally:
        conn.close()


def tag_with_the_first_key(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert window.actions_.undo.isEnabled()


def nothing_to_undo(qtbot: QtBot, window: MainWindow, *paths: Path) -> None:
    """Edit > Undo greyed and named plainly; Ctrl+Z in the window changes none of ``paths``."""
    qtbot.waitExposed(window)
    assert not window.actions_.undo.isEnabled() and not window.actions_.redo.isEnabled()
    assert window.actions_.undo.text() == "&Undo"
    assert window.actions_.redo.text() == "&Redo"
    before = [rows(path) for path in paths]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.library.view.setFocus()
    qtbot.waitUntil(window.library.view.hasFocus)
    qtbot.keyClick(window.library.view, Qt.Key.Key_Z, CONTROL)
    assert [rows(path) for path in paths] == before


def test_open_and_new_project_leave_the_last_projects_steps_behind(
    qtbot: QtBot, launched: MainWindow, sample: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    launcher = launched.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: all(not p.is_loading for p in launched.area.panes()), timeout=10_000)
    tag_with_the_first_key(qtbot, launched)
    other = tmp_path / "Other.diptych"
    with Project.create(other) as project:
        project.tags.add(name="Only here")
    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: other)
    launched.actions_.open_project.trigger()
    opened = launcher.window
    assert opened is not launched and opened.session.project.path == other
    nothing_to_undo(qtbot, opened, sample, other)

    # A step in the other project undoes there, and only that step.
    opened.tags.select_tag(opened.session.ordered_tags()[0].id)
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    opened.tags.confirm = lambda *_args: True  # type: ignore[method-assign]
    opened.tags.view.setFocus()
    qtbot.keyClick(opened.tags.view, Qt.Key.Key_Delete)
    assert rows(other) == []
    assert opened.actions_.undo.text() == "&Undo Delete tag “Only here”"
    kept = rows(sample)
    qtbot.keyClick(opened.tags.view, Qt.Key.Key_Z, CONTROL)
    assert [r[1] for r in rows(other)] == ["Only here"] and rows(sample) == kept
    assert not opened.actions_.undo.isEnabled()

    new = tmp_path / "Fieldwork.diptych"
    monkeypatch.setattr(dialogs, "choose_new_project", lambda _parent, _folder: new)
    opened.actions_.new_project.trigger()
    created = launcher.window
    assert created is not opened and created.session.project.path == new
    nothing_to_undo(qtbot, created, sample, other, new)


def test_a_restored_backup_has_nothing_to_undo(qtbot: QtBot, launched: MainWindow) -> None:
    window = launched
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=10_000)
    tag_with_the_first_key(qtbot, window)
    path = window.session.project.path

    def choose_the_first() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        dialog.restore_button.click()

    QTimer.singleShot(0, choose_the_first)
    window.actions_.restore_backup.trigger()
    restored = window.launcher.window  # type: ignore[attr-defined]
    assert restored is not window
    nothing_to_undo(qtbot, restored, path)
