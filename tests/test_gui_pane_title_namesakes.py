"""Two articles of one title (two outlets' copies of one wire story) side by side: each
pane's title names its file, as the Library's line does, where both read the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RenameArticle
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow


def titles(window: MainWindow) -> list[str]:
    return [pane.header.title.full_text() for pane in window.area.panes()]


def test_panes_on_namesake_articles_name_their_files(qtbot: QtBot, window: MainWindow) -> None:
    first, second = window.session.articles()
    assert titles(window) == [first.title, second.title]

    perform(window.session, RenameArticle(window.session, second.id, first.title))

    library = [window.library.model.index(row, 0).data() for row in range(2)]
    assert titles(window) == library
    assert titles(window) == [  # the sample's files are no files of the user's: numbered
        f"{first.title} (1)",
        f"{first.title} (2)",
    ]
    window.session.undo_stack.undo()
    assert titles(window) == [first.title, second.title]


def test_a_namesake_opened_later_is_told_apart_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = window.session.articles()[0]
    copy = tmp_path / "wire copy.md"
    copy.write_text(f"# {first.title}\n\nThe same story, as another outlet ran it.\n")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_args, **_kw: ([str(copy)], ""))
    )
    window.actions_.import_articles.trigger()  # opens the new article in a pane of its own
    qtbot.waitUntil(lambda: len(window.area.panes()) == 3, timeout=5_000)
    qtbot.waitUntil(lambda: not window.area.panes()[2].is_loading, timeout=5_000)

    assert titles(window)[0] == first.title  # the sample's: from no file of the user's
    assert titles(window)[2] == f"{first.title} (wire copy.md)"
