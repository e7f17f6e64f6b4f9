"""File > Open project on a file whose name ends in .diptych but which Diptych did not save
(text, another program's database): the advice never sends the user round in a circle,
to Import articles… on the file as it is, nor to "choose a .diptych file", which they did;
and Import articles… on a text file so named agrees with it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def text_file(path: Path) -> None:
    path.write_text("Minutes of the meeting\n" * 20, encoding="utf-8")


def other_programs_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()


def said_on_choosing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, action: str, path: Path
) -> str:
    """The message shown once ``path`` is chosen in the file dialog of File > ``action``."""
    said: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(path), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_args: ([str(path)], ""))
    )
    getattr(window.actions_, action).trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=5_000)
    return said[0]


@pytest.mark.parametrize("make", [text_file, other_programs_database], ids=["text", "database"])
def test_a_file_only_named_like_a_project_is_said_to_be_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Field study.diptych"
    make(path)
    project = window.session.project.path

    text = said_on_choosing(qtbot, window, monkeypatch, "open_project", path)

    assert text.startswith(f"{path}: ")
    assert "Choose a .diptych file" not in text
    assert "Only its name ends in .diptych" in text
    assert window.session.project.path == project


def test_the_advice_for_a_text_file_named_like_a_project_is_one_import_takes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Field study.diptych"
    text_file(path)

    opening = said_on_choosing(qtbot, window, monkeypatch, "open_project", path)
    importing = said_on_choosing(qtbot, window, monkeypatch, "import_articles", path)

    assert "rename it to end in .txt, .md or .html" in opening
    assert "is named like a Diptych project but holds plain text" in importing
    assert "rename it to end in .txt, .md or .html" in importing  # the same advice
    assert "Open project" not in importing
    renamed = path.rename(path.with_suffix(".txt"))
    count = len(window.session.articles())
    said_on_choosing(qtbot, window, monkeypatch, "import_articles", renamed)
    qtbot.waitUntil(lambda: len(window.session.articles()) == count + 1, timeout=5_000)
