"""An imported article opens beside the articles being read, not in place of one of them;
with no room for another pane it opens as the Library opens an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.pane_area import MAX_PANES


def import_one(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> int:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_args: ([str(path)], ""))
    )
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.actions_.import_articles.trigger()
    return int(imported.args[0][0])


def shown(window: MainWindow) -> list[int | None]:
    return [p.article_id for p in window.area.panes()]


def test_an_imported_article_opens_beside_the_two_being_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.resize(1600, 900)
    before = shown(window)
    assert len(before) == 2 and all(before)
    path = tmp_path / "talks.md"
    path.write_text("# Talks in Seoul\n\nDay one.\n", encoding="utf-8")

    new = import_one(qtbot, window, path, monkeypatch)

    assert shown(window) == [*before, new]  # both still there, the new one beside them
    assert window.area.current is window.area.pane_for(new)


def test_with_no_room_left_it_opens_in_the_current_pane(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.resize(2400, 900)
    for _ in range(MAX_PANES - len(window.area.panes())):
        window.area.add_pane(1)
    assert len(window.area.panes()) == MAX_PANES
    path = tmp_path / "talks.md"
    path.write_text("# Talks in Seoul\n\nDay one.\n", encoding="utf-8")

    new = import_one(qtbot, window, path, monkeypatch)

    assert len(window.area.panes()) == MAX_PANES
    assert window.area.current is not None and window.area.current.article_id == new
