"""The progress of Update from newer file… is titled as the update it is ("Update
article", as its messages are), not "Import"; that of a folder's import says it reads a
folder's files, not as if the folder were one file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_update_progress_is_titled_update_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    article = window.session.articles()[0]
    newer = tmp_path / article.source_name  # its own file's newer version: no question
    text = window.session.project.articles.get(article_id=article.id).text
    newer.write_text(f"{text}\n\nA paragraph added.\n", encoding="utf-8")
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


def test_a_folder_import_says_when_it_saves_what_it_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Once every file was read the bar stood at 99% while the articles and their index
    # were written, minutes for long ones, as if the import had hung.
    folder = tmp_path / "Week 2"
    folder.mkdir()
    for n in range(3):
        (folder / f"talks-{n}.txt").write_text(f"Talks {n}\n\nDay {n}.\n", encoding="utf-8")
    said: list[tuple[str, object]] = []
    label, ranges = QProgressDialog.setLabelText, QProgressDialog.setRange

    def set_label(dialog: QProgressDialog, text: str) -> None:
        said.append(("label", text))
        label(dialog, text)

    def set_range(dialog: QProgressDialog, low: int, high: int) -> None:
        said.append(("range", (low, high)))
        ranges(dialog, low, high)

    monkeypatch.setattr(QProgressDialog, "setLabelText", set_label)
    monkeypatch.setattr(QProgressDialog, "setRange", set_range)
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([folder])
    saving = [i for i, (kind, what) in enumerate(said) if kind == "label" and "Saving" in str(what)]
    assert saving, said
    assert said[saving[0]] == ("label", "Saving the articles read into the project (3 files)…")
    assert said[saving[0] + 1] == ("range", (0, 0))  # a busy bar, not 99%
    assert ("range", (0, 3)) in said[: saving[0]]  # the files counted as they were read
