"""Importing, in the window, a text file whose name ends in .diptych: it is said to be
named like a project but to hold plain text, with how to import it, never called a project
to open; the other files chosen with it are imported, and nothing in the project is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project


def choose_import(window: MainWindow, qtbot: QtBot, how: str) -> None:
    """Start an import the way the user does: File > Import articles…, or the Library's
    Import… button."""
    if how == "menu":
        window.actions_.import_articles.trigger()
        return
    button = next(b for b in window.library.findChildren(QPushButton) if b.text() == "Import…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("how", ["menu", "library"])
def test_a_text_file_named_like_a_project_is_said_to_hold_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    named = tmp_path / "Field study.diptych"
    named.write_text("Minutes of the meeting\n\nThe harbour was quiet.\n", encoding="utf-8")
    other = tmp_path / "Harbour.txt"
    other.write_text("Harbour report\n\nShips came in at dawn.\n", encoding="utf-8")
    with Project.open(window.session.project.path, read_only=True) as project:
        saved = [a.title for a in project.articles.all()]
    warnings: list[str] = []
    window.session.messages.posted.connect(
        lambda level, _title, text: warnings.append(text) if level >= Level.WARNING else None
    )
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *_args: ([str(named), str(other)], "")),
    )

    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        choose_import(window, qtbot, how)

    assert warnings == [
        "1 file could not be imported:\n\n"
        f"{named}: is named like a Diptych project but holds plain text. To import it as an"
        " article, rename it to end in .txt, .md or .html and import it again."
    ]
    with Project.open(window.session.project.path, read_only=True) as project:
        assert [a.title for a in project.articles.all()] == [*saved, "Harbour report"]
    assert "Harbour report" in [a.title for a in window.session.articles()]
