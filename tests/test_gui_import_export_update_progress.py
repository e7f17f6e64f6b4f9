"""The progress of Update from newer file… is titled as the update it is ("Update
article", as its messages are), not "Import"; that of a folder's import says it reads a
folder's files, not as if the folder were one file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_update_progress_is_titled_update_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    article = window.session.articles()[0]
    newer = tmp_path / article.source_name  # its own file's newer version: no question
    newer.write_text("A newer text\n\nWith other words.\n", encoding="utf-8")
    before = set(window.findChildren(QProgressDialog))
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
        shown = [d for d in window.findChildren(QProgressDialog) if d not in before]
        assert [d.windowTitle() for d in shown] == ["Update article"]
        assert shown[0].labelText() == f"Reading {article.source_name}…"


def test_the_progress_of_a_folder_import_says_it_reads_a_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "talks.txt").write_text("Talks\n\nDay one.\n", encoding="utf-8")
    before = set(window.findChildren(QProgressDialog))
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([folder])
        shown = [d for d in window.findChildren(QProgressDialog) if d not in before]
        assert [d.labelText() for d in shown] == ["Reading the files in the folder Downloads…"]
