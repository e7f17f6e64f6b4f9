"""F2 and Del in the Library with no article selected (none yet, or the filter shows none)
say what to do, as Open beside does, where they did nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def said_for_keys(qtbot: QtBot, window: MainWindow) -> list[str]:
    """What F2, Del and Open beside say in the Library's list, with nothing selected."""
    said: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    library = window.library
    window.activateWindow()
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)
    assert library.selected_articles() == []
    qtbot.keyClick(library.view, Qt.Key.Key_F2)
    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    library.on_open_button_clicked()
    return said


def test_with_the_filter_showing_no_article_the_keys_say_to_clear_it(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    qtbot.keyClicks(window.library.filter, "zzzz")

    said = said_for_keys(qtbot, window)

    assert said == [
        "No article title contains “zzzz”: clear the filter (Esc in it) to rename one.",
        "No article title contains “zzzz”: clear the filter (Esc in it) to remove one.",
        "No article title contains “zzzz”: clear the filter (Esc in it) to open one beside.",
    ]
    with Project.open(sample, read_only=True) as project:
        assert len(project.articles.all()) == 2


def test_in_a_project_with_no_articles_the_keys_say_to_import_some(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, context, Project.create(tmp_path / "New study.diptych"))

    said = said_for_keys(qtbot, window)

    assert said == ["There are no articles yet: import some with Import… below."] * 3
