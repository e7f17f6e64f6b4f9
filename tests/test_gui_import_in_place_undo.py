"""An imported article opened in place of a pane's article (no room for another pane):
the status bar says so, undoing the import gives the pane back its article where it was
read, Back as it was, and redoing shows the imported article there again."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from diptych.gui.article_model import article_label
from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_area import MAX_PANES
from diptych.storage.importing import parse_article

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def loaded(qtbot: QtBot, pane: ArticlePane) -> None:
    qtbot.waitUntil(lambda: not pane.is_loading and pane.loader.current is not None)


def no_room_left(qtbot: QtBot, window: MainWindow) -> ArticlePane:
    """Every pane the window can hold open, the second sample article read in the second
    one, down its text, after the first (Back returns to that)."""
    window.resize(2400, 900)
    for _ in range(MAX_PANES - len(window.area.panes())):
        window.area.add_pane(1)
    pane = keyboard_in(qtbot, window, 1)
    assert pane.article_id == 2
    window.area.show_in(pane, 1)
    window.area.show_in(pane, 2)
    loaded(qtbot, pane)
    text = pane.loader.current.builder.content.text  # type: ignore[union-attr]
    place = text.index("\n", len(text) // 2) + 1  # a paragraph half-way down
    pane.read_on(place, place)
    assert pane.reading_place() > 0 and pane.history.back_article == 1
    return pane


def import_one(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> int:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_args: ([str(path)], ""))
    )
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.actions_.import_articles.trigger()
    return int(imported.args[0][0])


def test_undoing_an_import_opened_in_place_gives_the_pane_its_article_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = no_room_left(qtbot, window)
    read_at, label = pane.reading_place(), article_label(window.session, 2)
    path = tmp_path / "japan summit.md"
    path.write_text("# Tokyo and Seoul resume talks\n\nDay one.\n", encoding="utf-8")

    new = import_one(qtbot, window, path, monkeypatch)

    assert pane.article_id == new and len(window.area.panes()) == MAX_PANES
    assert window.message_bar.currentMessage() == (
        "Imported 1 article. “Tokyo and Seoul resume talks” opened in place of"
        f" “{label}”: no room for another pane (Back returns to it)."
    )
    loaded(qtbot, pane)
    pane.view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL)  # Undo: Import

    assert new not in [a.id for a in window.session.articles()]
    assert pane in window.area.panes() and len(window.area.panes()) == MAX_PANES
    assert pane.article_id == 2
    loaded(qtbot, pane)
    assert pane.reading_place() == read_at  # where it was read
    assert pane.history.back_article == 1 and not pane.history.can_go_forward

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL | SHIFT)  # Redo

    assert pane.article_id == new and len(window.area.panes()) == MAX_PANES
    assert pane.history.back_article == 2  # Back leads to the article read before

    loaded(qtbot, pane)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL)  # undone again
    assert pane.article_id == 2 and pane.history.back_article == 1


def test_an_article_opened_in_place_and_left_closes_its_pane_when_removed_as_before(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = no_room_left(qtbot, window)
    path = tmp_path / "japan summit.md"
    path.write_text("# Tokyo and Seoul resume talks\n\nDay one.\n", encoding="utf-8")
    new = import_one(qtbot, window, path, monkeypatch)
    window.area.show_in(pane, 1)  # the reader went on to another article...
    window.area.show_in(pane, new)  # ...and came back to the new one
    loaded(qtbot, pane)
    pane.view.setFocus()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL)  # Undo: Import

    assert pane not in window.area.panes()  # closed, as a removed article's pane is
    assert len(window.area.panes()) == MAX_PANES - 1


def test_what_the_status_bar_said_before_the_import_is_not_said_again_with_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A REFI-QDA import whose summary is a box says nothing in the status bar as it ends.
    pane = no_room_left(qtbot, window)
    label = article_label(window.session, 2)
    window.message_bar.say("Passage tagged “Energy” — Ctrl+Z to undo")
    qtbot.waitUntil(lambda: not window.message_bar.said_just_now)  # an earlier step's
    with window.session.project.transaction():  # as the import's own connection does
        new = window.session.project.articles.add(
            parsed=parse_article(b"Tokyo and Seoul resume talks\n\nDay one.", name="summit.txt")
        ).id
    window.session.changed_by_worker()

    window.importer.imported.emit([new])

    assert pane.article_id == new
    assert window.message_bar.currentMessage() == (
        "“Tokyo and Seoul resume talks” opened in place of"
        f" “{label}”: no room for another pane (Back returns to it)."
    )
