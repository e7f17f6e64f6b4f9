"""Importing several REFI-QDA files: what the files before a refused one added is in the
project (each is committed on its own), so the window shows it too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx


def study(tmp_path: Path) -> Path:
    """A REFI-QDA project with one article, "Field notes"."""
    with Project.create(tmp_path / "other.diptych") as other:
        text = b"Field notes\n\nThe harbour was quiet."
        other.articles.add(parsed=parse_article(text, name="field.txt"))
        path = tmp_path / "study.qdpx"
        path.write_bytes(export_qdpx(collect(other), None))
    return path


def test_cancel_after_the_first_file_shows_what_it_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.storage.refiqda_import as refiqda_import

    real_import = refiqda_import.import_exchange_file

    def import_then_cancel(*args: Any, **kwargs: Any) -> Any:
        summary = real_import(*args, **kwargs)
        for worker in list(window.importer.workers._running):
            worker.cancel()  # Cancel pressed while the first file was imported
        return summary

    monkeypatch.setattr(refiqda_import, "import_exchange_file", import_then_cancel)
    second = tmp_path / "second.qdpx"
    second.write_bytes(b"never read")
    infos: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: infos.append(text))

    window.importer.import_files([study(tmp_path), second])
    qtbot.waitUntil(lambda: any("cancelled" in t for t in infos), timeout=10_000)

    assert "Field notes" in [a.title for a in window.session.articles()]


def test_a_refused_second_file_leaves_the_first_ones_articles_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    good = study(tmp_path)
    bad = tmp_path / "broken.qdpx"
    bad.write_bytes(b"not a zip file")
    errors: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: errors.append(text) if level >= Level.ERROR else None
    )
    titles_before = [a.title for a in window.session.articles()]
    assert "Field notes" not in titles_before

    window.importer.import_files([good, bad])
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog), timeout=10_000)

    assert any("broken.qdpx" in e for e in errors)
    with Project.open(window.session.project.path, read_only=True) as project:
        assert "Field notes" in [a.title for a in project.articles.all()]  # committed
    assert "Field notes" in [a.title for a in window.session.articles()]  # and shown
