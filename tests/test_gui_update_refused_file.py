"""Update from newer file… with a file that cannot be read as an article: the message names
the article left as it was, and its advice is to update from the file, not to import it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("newer.txt", bytes(range(256)) * 8),  # NUL bytes: not text
        ("newer", b"A newer version with no extension.\n"),
        ("newer.pdf", b"A newer version saved as something else.\n"),
    ],
)
def test_a_refused_newer_file_names_the_article_left_unchanged(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes,
) -> None:
    newer = tmp_path / name
    newer.write_bytes(data)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(newer), ""))
    )
    article = window.session.articles()[1]
    text_before = window.session.project.articles.get(article_id=article.id).text
    said: list[tuple[str, str]] = []
    window.session.messages.posted.connect(lambda _level, title, text: said.append((title, text)))

    window.library.reimportRequested.emit(article.id)  # the Library menu's item
    qtbot.waitUntil(lambda: bool(said), timeout=5_000)

    title, text = said[0]
    assert title == "Update article"
    assert text.startswith(f"“{article.title}” was not updated; its text and passages")
    assert str(newer) in text
    assert "import it again" not in text and "import that" not in text
    assert "Update from newer file" in text and "…." not in text
    assert window.session.project.articles.get(article_id=article.id).text == text_before


def test_a_project_chosen_as_the_newer_file_is_to_be_imported_as_refi_qda(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "Colleague.diptych"
    Project.create(project).close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(project), ""))
    )
    said: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: said.append(text))

    window.library.reimportRequested.emit(window.session.articles()[0].id)
    qtbot.waitUntil(lambda: bool(said), timeout=5_000)

    # a .qdpx is imported, never chosen as an article's newer version
    assert said[0].endswith("export it there as REFI-QDA (File > Export…) and import that file.")
