"""File > Import folder… imports the articles in the folder chosen: a symbolic link in it to
somewhere else on the disk is skipped, and the box that says what was left out names it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_a_link_to_outside_the_folder_is_skipped_and_named(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private = tmp_path / "private"
    private.mkdir()
    (private / "diary.md").write_text("# My diary\n\nNot for the project.\n", encoding="utf-8")
    folder = tmp_path / "Field notes"
    folder.mkdir()
    (folder / "Day 1.md").write_text("# Day one\n\nArrived in Seoul.\n", encoding="utf-8")
    (folder / "Day 2.md").symlink_to(folder / "Day 1.md")  # inside: imported once
    (folder / "diary.md").symlink_to(private / "diary.md")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_args: str(folder))
    )
    before = len(window.session.articles())

    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        pane = window.area.current
        assert pane is not None
        pane.view.setFocus()
        qtbot.keyClick(pane.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip

    titles = [a.title for a in window.session.articles()]
    assert len(titles) == before + 1 and titles[-1] == "Day one"
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.windowTitle() == "Import"
    assert box.text().split("\n\n") == [
        f"{folder}: 1 symbolic link to outside the folder was skipped (diary.md). Only what "
        "is inside the folder chosen is imported; choose the files or folders a link leads "
        "to themselves to import them.",
        f"{folder}: 1 symbolic link that leads round in a loop was skipped (loop).",
    ]
    box.close()
