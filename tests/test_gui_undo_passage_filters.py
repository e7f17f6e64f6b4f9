"""The Passages list filtered by a tag (Show its passages) or an article: the tag deleted
or the article removed, the filter falls back to every tag or article; undone with
Ctrl+Z, the list is filtered by it again, as the reader left it. A filter chosen by hand
meanwhile is kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
DIPLOMACY = 4


def listed(qtbot: QtBot, window: MainWindow) -> set[int]:
    model = window.passages.model
    qtbot.waitUntil(lambda: not model.reading)
    return {model.passage(row).id for row in range(model.rowCount())}


def undo_in_the_codebook(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tags.view.setFocus()
    qtbot.waitUntil(window.tags.view.hasFocus)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Z, CONTROL)


def test_the_tag_filter_comes_back_with_the_tag(qtbot: QtBot, window: MainWindow) -> None:
    window.tags.confirm = lambda *_args: True  # type: ignore[method-assign]  # Del: yes
    everything = listed(qtbot, window)
    window.tags.showPassagesRequested.emit(DIPLOMACY)  # the tag's menu: Show its passages
    filtered = listed(qtbot, window)
    assert filtered and filtered != everything
    window.tags.select_tag(DIPLOMACY)
    window.tags.view.setFocus()
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)
    assert window.passages.tag_combo.currentData() is None  # every tag

    undo_in_the_codebook(qtbot, window)

    assert window.passages.tag_combo.currentData() == DIPLOMACY
    assert listed(qtbot, window) == filtered


def test_a_filter_chosen_meanwhile_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    window.tags.confirm = lambda *_args: True  # type: ignore[method-assign]  # Del: yes
    window.tags.showPassagesRequested.emit(DIPLOMACY)
    window.tags.select_tag(DIPLOMACY)
    window.tags.view.setFocus()
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)
    combo = window.passages.tag_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the reader chooses the first tag
    chosen = combo.currentData()
    assert chosen is not None

    undo_in_the_codebook(qtbot, window)

    assert combo.currentData() == chosen


def test_the_article_filter_comes_back_with_the_article(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    combo = window.passages.article_combo
    combo.setCurrentIndex(combo.findData(2))
    filtered = listed(qtbot, window)
    assert filtered == {p.id for p in window.session.article_passages(2)}
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    window.library.select_article(2)
    window.library.view.setFocus()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    assert combo.currentData() is None

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.library.view, Qt.Key.Key_Z, CONTROL)

    assert combo.currentData() == 2
    assert listed(qtbot, window) == filtered
