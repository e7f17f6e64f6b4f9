"""A panel shown beside the panes (View menu, Ctrl+Shift+M/P) never pushes the window past
its screen: on a 1,024-pixel screen with three panes, showing the Passage panel made the
window 1,071 pixels wide (its least width with the panel), the panel's buttons off the
screen, and it stayed so once the panel was hidden, the last pane's ✕ and scroll bar off
the screen; the next start closed a pane. The window grows for a panel up to its screen's
edge and narrows again as the panel is hidden; a panel with no room beside the panes is
not shown, and the status bar says why.

The offscreen screen is 800 pixels wide: the window is as wide as it, with two panes
beside the Library, or three with the Library hidden (the 1,024-pixel case, scaled)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.pane_room import PANEL_NO_ROOM

RIGHT_PANELS = ("passage", "passages", "search", "memos")


def screen_of(window: MainWindow) -> QRect:
    return window.screen().availableGeometry()


def on_screen(window: MainWindow) -> bool:
    return screen_of(window).contains(window.frameGeometry())


def set_up(qtbot: QtBot, window: MainWindow, panes: int, library: bool, width: int) -> None:
    """The right-hand panels hidden, the Library shown or not, ``panes`` panes, the window
    ``width`` pixels wide (its frame) at the screen's left edge."""
    for name in RIGHT_PANELS:
        window.docks[name].hide()
    window.docks["library"].setVisible(library)
    window.docks["codebook"].hide()
    while len(window.area.panes()) < panes:
        window.actions_.new_pane.trigger()
        QApplication.processEvents()
    settle(qtbot)
    frame = window.frameGeometry().size() - window.size()
    window.resize(width - frame.width(), screen_of(window).height() - 100)
    window.move(screen_of(window).topLeft())
    settle(qtbot)
    assert window.frameGeometry().width() == width
    assert len(window.area.panes()) == panes
    assert on_screen(window)


def settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(20)


@pytest.mark.parametrize(("panes", "library"), [(2, True), (3, False)])
@pytest.mark.parametrize("panel", RIGHT_PANELS)
def test_showing_and_hiding_a_panel_keeps_the_window_on_its_screen(
    qtbot: QtBot, window: MainWindow, panel: str, panes: int, library: bool
) -> None:
    set_up(qtbot, window, panes, library, screen_of(window).width())
    width = window.width()
    messages: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: messages.append(text))
    toggle = window.docks[panel].toggleViewAction()

    toggle.trigger()  # shown
    settle(qtbot)
    assert on_screen(window)
    if window.docks[panel].isHidden():  # no room beside the panes: said, not shown
        assert not toggle.isChecked()
        assert messages[-1] == PANEL_NO_ROOM.format(panel=window.docks[panel].windowTitle())
    else:
        assert window.minimumSizeHint().width() <= window.width()
        toggle.trigger()  # hidden
        settle(qtbot)
    assert on_screen(window)
    assert window.width() == width
    assert len(window.area.panes()) == panes  # no pane closed


def test_the_passage_panel_with_no_room_is_refused_and_the_panes_stay(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Three panes leave no room for the Passage panel at its narrowest: it is not shown."""
    set_up(qtbot, window, 3, False, screen_of(window).width())
    window.docks["passage"].toggleViewAction().trigger()
    settle(qtbot)
    assert window.docks["passage"].isHidden()
    assert on_screen(window)
    assert len(window.area.panes()) == 3


@pytest.mark.parametrize("key", ["show_memos", "show_passages"])
def test_the_keys_going_to_a_panel_keep_the_window_on_its_screen(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    set_up(qtbot, window, 2, True, screen_of(window).width())
    width = window.width()
    getattr(window.actions_, key).trigger()
    settle(qtbot)
    assert on_screen(window)
    assert window.width() == width


def test_a_window_grown_for_a_panel_narrows_again_as_it_is_hidden(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Where it fits, the window grows for the panel (rather than the panes going below
    their least width), and is made as narrow again once the panel is hidden."""
    set_up(qtbot, window, 3, False, screen_of(window).width() - 60)
    width = window.width()
    search = window.docks["search"].toggleViewAction()
    search.trigger()
    settle(qtbot)
    assert window.docks["search"].isVisible()
    assert width < window.width() and on_screen(window)
    search.trigger()
    settle(qtbot)
    assert window.width() == width


def test_a_window_grown_past_the_screens_right_edge_is_moved_back_onto_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    set_up(qtbot, window, 3, False, screen_of(window).width() - 60)
    window.move(screen_of(window).x() + 50, window.y())  # 10 pixels from its right edge
    settle(qtbot)
    assert on_screen(window)
    window.docks["search"].toggleViewAction().trigger()
    settle(qtbot)
    assert window.docks["search"].isVisible()
    assert on_screen(window)
