"""Update from newer file…: the file dialog, which hides the window, names the article
whose newer version it asks for."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from diptych.gui.main_window import MainWindow


def test_the_newer_version_dialog_names_the_article(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    captions: list[str] = []

    def cancelled(_parent: object, caption: str, _folder: str, _filter: str) -> tuple[str, str]:
        captions.append(caption)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancelled))
    article = window.session.articles()[1]
    window.library.reimportRequested.emit(article.id)  # the Library menu's item
    assert captions == [f"Newer version of “{article.title}”"]
