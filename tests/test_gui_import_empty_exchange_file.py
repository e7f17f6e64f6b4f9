"""File > Import on an empty REFI-QDA codebook or project (nothing in it, or only white
space): the window says the file is empty, naming it and what to do, as it says of an empty
article file, and the project keeps everything it held."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project


def contents(project: Project) -> tuple[list[str], list[str], int]:
    titles = [a.title for a in project.articles.all()]
    tags = [t.name for t in project.tags.all()]
    return titles, tags, len(project.annotations.query())


def errors_on_importing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, paths: list[Path]
) -> list[str]:
    """The errors shown once ``paths`` are chosen in File > Import's file dialog."""
    errors: list[str] = []
    window.session.messages.posted.connect(
        lambda level, _title, text: errors.append(text) if level >= Level.ERROR else None
    )
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *_args: ([str(path) for path in paths], "")),
    )
    window.actions_.import_articles.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog), timeout=10_000)
    return errors


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("Codes from QualCoder.qdc", b"", "codebook"),
        ("Codes from QualCoder.qdc", b"\n  \n", "codebook"),
        ("Study.qdpx", b"", "project"),
    ],
    ids=["empty-codebook", "blank-codebook", "empty-project"],
)
def test_an_empty_refi_qda_file_is_said_to_be_empty(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes,
    what: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with Project.open(window.session.project.path, read_only=True) as project:
        saved = contents(project)
    shown = [a.title for a in window.session.articles()]

    errors = errors_on_importing(qtbot, window, monkeypatch, [path])

    assert errors == [
        f"{path}: is empty. Copy or download the file again, or export the {what} again"
        " from the program that made it."
    ]
    with Project.open(window.session.project.path, read_only=True) as project:
        assert contents(project) == saved
    assert [a.title for a in window.session.articles()] == shown
