"""Ctrl+Z right after importing a colleague's REFI-QDA project takes that import back (and
Ctrl+Shift+Z brings it back), never an older step below it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot
from test_exchange_undo import other_project
from test_exchange_undo_bulk import ARTICLES, study

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.exporting import collect
from diptych.storage.refiqda_export import export_qdpx

CONTROL = Qt.KeyboardModifier.ControlModifier


def titles(window: MainWindow) -> list[str]:
    return [a.title for a in window.session.articles()]


def tags(window: MainWindow) -> list[str]:
    return [t.name for t in window.session.ordered_tags()]


def memos(window: MainWindow) -> list[str]:
    return [m.text for m in window.session.project.memos.all()]


def test_ctrl_z_after_a_qdpx_import_takes_that_import_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    plain = tmp_path / "plain1.txt"
    plain.write_text("A plain note\n\nWritten by hand.\n", encoding="utf-8")
    window.importer.import_files([plain])
    qtbot.waitUntil(lambda: "A plain note" in titles(window), timeout=10_000)
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog), timeout=10_000)
    before = (tags(window), window.session.project.annotations.count(), memos(window))
    said: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: said.append(text))

    # "Harbour log", tags Sea and Sea/Fishing, a passage by Chiara with a note, memos
    window.importer.import_files([other_project(tmp_path)])
    qtbot.waitUntil(lambda: any("other.qdpx" in text for text in said), timeout=10_000)
    assert "Harbour log" in titles(window)
    assert window.actions_.undo.text() == "&Undo Import “other.qdpx”"
    assert any("Ctrl+Z" in text for text in said if "other.qdpx" in text)
    imported = (tags(window), window.session.project.annotations.count(), memos(window))

    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert "Harbour log" not in titles(window)
    assert "A plain note" in titles(window)  # the older step is still done
    assert (tags(window), window.session.project.annotations.count(), memos(window)) == before
    assert "Chiara" not in [c.name for c in window.session.project.annotations.coders()]

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | Qt.KeyboardModifier.ShiftModifier)
    assert "Harbour log" in titles(window)
    assert (tags(window), window.session.project.annotations.count(), memos(window)) == imported
    (harbour,) = [a.id for a in window.session.articles() if a.title == "Harbour log"]
    assert window.library.selected_articles() == [harbour]  # brought back, selected


def test_ctrl_z_after_a_refused_second_file_takes_back_the_first(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.qdpx"
    bad.write_bytes(b"not a zip file")
    errors: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: errors.append(text) if level >= Level.ERROR else None
    )
    window.importer.import_files([other_project(tmp_path), bad])
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "Harbour log" in titles(window)
    assert errors[0].endswith(
        "The files imported before it are in the project; Edit > Undo (Ctrl+Z) takes the"
        " import back."
    )

    window.actions_.undo.trigger()
    assert "Harbour log" not in titles(window)


def test_ctrl_z_after_cancel_between_two_files_takes_back_the_first(
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
    said: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: said.append(text))
    window.importer.import_files([other_project(tmp_path), second])
    qtbot.waitUntil(lambda: any("cancelled" in t for t in said), timeout=10_000)
    assert "Harbour log" in titles(window)
    assert "Edit > Undo (Ctrl+Z) takes the import back" in said[-1]

    window.actions_.undo.trigger()
    assert "Harbour log" not in titles(window)


def test_undo_and_redo_of_a_big_import_show_its_rows_in_the_window_lists(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    qdpx = tmp_path / "colleague.qdpx"
    with study(tmp_path / "colleague.diptych") as source:
        qdpx.write_bytes(export_qdpx(collect(source), None))
        wanted = {p.uuid for p in source.annotations.query()}
    window.docks["passages"].show()
    said: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: said.append(text))
    window.importer.import_files([qdpx])
    qtbot.waitUntil(lambda: any("colleague.qdpx" in text for text in said), timeout=20_000)
    library, passages, codebook = window.library.model, window.passages.model, window.tags.model

    def listed() -> tuple[int, set[str], set[str]]:
        titles = {library.summary(row).title for row in range(library.rowCount())}
        shown = {passages.passage(row).uuid for row in range(passages.rowCount())}
        dispatches = sum(title.startswith("Dispatch ") for title in titles)
        names = {codebook.tag(codebook.index(row, 0)).name for row in range(codebook.rowCount())}
        return dispatches, shown & wanted, names & {"Theme 0", "Theme 1", "Theme 2"}

    qtbot.waitUntil(lambda: not passages.reading)
    imported = listed()
    assert imported == (ARTICLES, wanted, {"Theme 0", "Theme 1", "Theme 2"})

    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    qtbot.waitUntil(lambda: not passages.reading)
    assert listed() == (0, set(), set())

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not passages.reading)
    assert listed() == imported
    assert len(window.library.selected_articles()) == ARTICLES  # brought back, selected
