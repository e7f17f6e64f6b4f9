"""Confirmations name an article as the Library lists it: two articles with the same title
(two outlets' copies of one wire story) are told apart by their file's name there, and so
in the question whose answer removes or replaces one of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.library_panel import removal_question
from diptych.gui.main_window import MainWindow


def import_copies(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> dict[str, int]:
    for name, body in (("reuters.txt", "The port reopened."), ("ap.txt", "Ships sail again.")):
        (tmp_path / name).write_text(f"Harbour reopens\n\n{body}\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([tmp_path / "reuters.txt", tmp_path / "ap.txt"])
    return {a.source_name: a.id for a in window.session.articles() if a.source_name}


def test_removing_one_of_two_namesakes_names_its_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = import_copies(qtbot, window, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_plain", lambda _p, _t, text: asked.append(text) or False)
    dialogs.remove_article(window, window.session, ids["ap.txt"])
    assert asked and "“Harbour reopens (ap.txt)”" in asked[0]
    assert ids["ap.txt"] in {a.id for a in window.session.articles()}  # answered No


def test_removing_several_names_namesakes_by_their_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = import_copies(qtbot, window, tmp_path)
    text = removal_question(window.session, [ids["ap.txt"], ids["reuters.txt"]])
    assert "“Harbour reopens (ap.txt)”" in text and "“Harbour reopens (reuters.txt)”" in text


def test_the_newer_version_dialog_names_a_namesake_by_its_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = import_copies(qtbot, window, tmp_path)
    captions: list[str] = []

    def cancelled(_parent: object, caption: str, _folder: str, _filter: str) -> tuple[str, str]:
        captions.append(caption)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancelled))
    window.library.reimportRequested.emit(ids["reuters.txt"])
    assert captions == ["Newer version of “Harbour reopens (reuters.txt)”"]
