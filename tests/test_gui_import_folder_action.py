"""File > Import folder… (Ctrl+Shift+I): a folder's article files, its sub-folders' too,
imported from the keyboard, without dragging the folder onto the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_ctrl_shift_i_imports_a_chosen_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Field notes"
    (folder / "week 2").mkdir(parents=True)
    (folder / "Day 1.md").write_text("# Day one\n\nArrived in Seoul.\n", encoding="utf-8")
    (folder / "week 2" / "Day 8.txt").write_text("Day eight\n\nTalks.\n", encoding="utf-8")
    asked: list[str] = []

    def get_existing_directory(_parent, caption, _folder):  # type: ignore[no-untyped-def]
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(get_existing_directory))
    action = window.actions_.import_folder
    assert action.shortcut() == QKeySequence("Ctrl+Shift+I")
    assert action in window.menuBar().actions()[0].menu().actions()
    before = len(window.session.articles())

    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        pane = window.area.current
        assert pane is not None
        pane.view.setFocus()
        qtbot.keyClick(pane.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip

    assert asked == ["Import a folder"]
    titles = [a.title for a in window.session.articles()]
    assert len(titles) == before + 2
    assert titles[-2:] == ["Day one", "Day eight"]


def test_cancelling_the_folder_dialog_imports_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: ""))
    before = len(window.session.articles())
    window.actions_.import_folder.trigger()
    assert not window.workers.busy  # no import started
    assert len(window.session.articles()) == before
