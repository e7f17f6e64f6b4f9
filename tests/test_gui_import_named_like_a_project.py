"""Importing, in the window, a text file whose name ends in .diptych: it is said to be
named like a project but to hold plain text, with how to import it, never called a project
to open; another program's database so named is said to be one; the other files chosen with
it are imported, and nothing in the project is lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot
from test_import_named_like_a_project import OTHER_PROGRAMS

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


HOLDS_TEXT = (
    "is named like a Diptych project but holds plain text. To import it as an article, rename"
    " it to end in .txt, .md or .html and import it again."
)


def write_text(path: Path) -> None:
    path.write_text("Minutes of the meeting\n\nThe harbour was quiet.\n", encoding="utf-8")


def write_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()


@pytest.mark.parametrize(
    ("how", "write", "said"),
    [
        ("menu", write_text, HOLDS_TEXT),
        ("library", write_text, HOLDS_TEXT),
        ("menu", write_database, OTHER_PROGRAMS),
    ],
    ids=["text-menu", "text-library", "database-menu"],
)
def test_a_file_named_like_a_project_is_said_to_be_what_it_is(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    write: Callable[[Path], None],
    said: str,
) -> None:
    named = tmp_path / "Field study.diptych"
    write(named)
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

    assert warnings == [f"1 file could not be imported:\n\n{named}: {said}"]
    with Project.open(window.session.project.path, read_only=True) as project:
        assert [a.title for a in project.articles.all()] == [*saved, "Harbour report"]
    assert "Harbour report" in [a.title for a in window.session.articles()]
