"""A pane put back by undoing its article's removal is the current pane and has the
keyboard: the keys (1-9, F8) act on the pane marked current, so they must go on in it,
not in its neighbour (which took the keys when the pane closed) nor nowhere."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RemoveArticle
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow


def test_the_pane_put_back_by_undo_has_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    first, second = window.area.panes()
    removed = first.article_id
    assert removed is not None and second.article_id is not None
    first.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.view)

    perform(window.session, RemoveArticle(window.session, removed))
    qtbot.waitUntil(lambda: window.area.panes() == [second])
    assert QApplication.focusWidget() is second.view  # its neighbour took the keys

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(window.area.panes()) == 2)
    back = window.area.panes()[0]
    assert back.article_id == removed and window.area.current is back
    qtbot.waitUntil(lambda: QApplication.focusWidget() is back.view)


def test_the_pane_put_back_takes_the_keyboard_left_nowhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    first, second = window.area.panes()
    removed = first.article_id
    assert removed is not None
    first.view.setFocus()  # the current pane as it goes: it comes back current
    qtbot.waitUntil(lambda: window.area.current is first)
    perform(window.session, RemoveArticle(window.session, removed))
    qtbot.waitUntil(lambda: window.area.panes() == [second])
    focus = QApplication.focusWidget()
    if focus is not None:
        focus.clearFocus()
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(window.area.panes()) == 2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.area.panes()[0].view)


def test_the_keyboard_stays_in_the_library_it_was_in(qtbot: QtBot, window: MainWindow) -> None:
    first, _second = window.area.panes()
    removed = first.article_id
    assert removed is not None
    window.library.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.library.view)
    perform(window.session, RemoveArticle(window.session, removed))
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(window.area.panes()) == 2)
    assert QApplication.focusWidget() is window.library.view
