"""File > Import folder… on a folder holding a page a browser saved whole ("story.html" and
its "story_files"): the page is one article, the frames of its adverts in "story_files"
are none, and the import says nothing of that folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_import_page_folders import saved_page

from diptych.gui.main_window import MainWindow


def test_a_saved_pages_folder_of_files_is_not_imported_nor_said(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = saved_page(tmp_path / "Downloads")
    said: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: said.append(text))
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_args: str(folder))
    )
    before = [a.title for a in window.session.articles()]

    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.actions_.import_folder.trigger()

    titles = [a.title for a in window.session.articles()]
    assert titles[len(before) :] == ["Notes", "Story"]
    assert not [text for text in said if "_files" in text or "empty" in text]
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
