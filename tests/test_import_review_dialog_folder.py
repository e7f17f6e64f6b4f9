"""The import dialogs open in the folder the last file was chosen from, so that articles
downloaded to one folder are imported in several goes without finding it each time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_next_import_dialog_opens_where_the_last_file_was_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    first, newer = downloads / "talks.md", downloads / "talks-v2.md"
    first.write_text("# Talks in Seoul\n\nDay one.\n", encoding="utf-8")
    newer.write_text("# Talks in Seoul\n\nDay one, revised.\n", encoding="utf-8")
    opened_in: list[str] = []

    def get_open_file_names(_parent, _caption, folder, _filter):  # type: ignore[no-untyped-def]
        opened_in.append(folder)
        return [str(first)], ""

    def get_open_file_name(_parent, _caption, folder, _filter):  # type: ignore[no-untyped-def]
        opened_in.append(folder)
        return str(newer), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    button = next(b for b in window.library.findChildren(QPushButton) if b.text() == "Import…")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.choose_newer_version(imported.args[0][0])
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):  # its text was updated
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened_in == ["", str(downloads), str(downloads)]
