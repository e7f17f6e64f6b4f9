"""F2 or Del in the Library on an article another window removed since this one last
looked at the file: said, naming the article, and the Library shows the project as it is,
where the window showed "Unexpected error" over "there is no article 2"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


@pytest.mark.parametrize(("key", "what"), [(Qt.Key.Key_F2, "renamed"),
                                           (Qt.Key.Key_Delete, "removed again")])  # fmt: skip
def test_an_article_removed_in_another_window_is_said_to_be_gone(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: Qt.Key,
    what: str,
) -> None:
    asked: list[str] = []

    def get_text(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        asked.append("title")
        return "New", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: asked.append("remove?") or True)
    said: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    crashed: list[str] = []
    window.session.messages.crashed.connect(lambda summary, _details: crashed.append(summary))
    title = window.session.articles()[1].title
    with Project.open(sample) as other:  # another window
        other.articles.remove(article_id=2)
    library = window.library
    library.select_article(2)  # as this window still shows it
    window.activateWindow()
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)

    qtbot.keyClick(library.view, key)

    assert crashed == [] and asked == []
    assert said == [
        f"“{title}” was removed, perhaps in another window, so it cannot be {what}. "
        "The window now shows the project as it is."
    ]
    assert [a.id for a in window.session.articles()] == [1]
    assert library.proxy.rowCount() == 1
