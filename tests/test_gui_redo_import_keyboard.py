"""Undoing the first import into a new project closes its only pane; redoing it opens the
article again, and the keyboard goes back to it, as after the import itself: it was left
in the Library's filter field, where the next key typed to tag filtered the Library."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[int]:
    """File > Import articles… of two files; the ids of the articles made."""
    files = []
    for name in ("notes.md", "plain.txt"):
        path = tmp_path / name
        path.write_text(f"# {name}\n\nDay one of the talks.\n", encoding="utf-8")
        files.append(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a: (files, "")))
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as done:
        window.actions_.import_articles.trigger()
    return done.args[0]


def test_redoing_the_import_that_emptied_the_panes_gives_the_keyboard_to_its_article(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, context, Project.create(tmp_path / "study.diptych"))
    window.activateWindow()  # the window's keys need it active
    qtbot.waitUntil(window.isActiveWindow)
    new = imported(qtbot, window, tmp_path, monkeypatch)
    qtbot.waitUntil(lambda: window.area.current is not None)
    pane = window.area.current
    assert pane is not None and pane.article_id in new
    qtbot.waitUntil(pane.view.hasFocus)  # as after any import: the article has the keyboard

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert window.area.panes() == []
    assert window.statusBar().currentMessage() == "Undone: Import 2 articles"
    focus = QApplication.focusWidget()
    assert focus is not window.library.filter  # still in the reading area, now empty
    assert focus is not None and window.area.isAncestorOf(focus)

    qtbot.keyClick(focus, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert window.statusBar().currentMessage() == "Redone: Import 2 articles"
    qtbot.waitUntil(lambda: window.area.current is not None)
    reopened = window.area.current
    assert reopened is not None and reopened.article_id in new
    qtbot.waitUntil(reopened.view.hasFocus)
    qtbot.keyClick(reopened.view, Qt.Key.Key_X)  # read on, no filter typed
    assert window.library.filter.text() == ""
    assert window.library.model.rowCount() == 2


def test_closing_the_last_pane_leaves_the_keyboard_in_the_reading_area(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its hint, which a screen reader reads, says how to open an article; the keys of
    an article there say that none is open."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first, second = window.area.panes()
    second.view.setFocus()
    qtbot.waitUntil(second.view.hasFocus)
    window.area.close_pane(second)
    assert QApplication.focusWidget() is first.view  # its neighbour takes it
    window.area.close_pane(first)
    assert QApplication.focusWidget() is window.area.hint
    assert window.area.currentWidget() is window.area.hint
    qtbot.keyClick(window.area.hint, Qt.Key.Key_F8)
    assert window.statusBar().currentMessage().startswith("No article is open")
