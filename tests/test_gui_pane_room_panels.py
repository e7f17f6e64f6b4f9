"""New panes take their room from the panes beside them, or from the screen as the window
grows, never from the panels beside the reading area: on a 1,280-pixel window, two new panes
squeezed the Passages/Search/Memos tabs to "Pass… Se… Me…", and closing the panes left them
so. Where neither leaves room for a pane of a readable width, the status bar says so.

The offscreen screen is 800 pixels wide: these tests give the window a wider one, as a
reader's would be."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

NO_ROOM = (
    "There is no room for another pane beside these: close a pane, hide a panel (View menu), "
    "or make the window wider."
)


@pytest.fixture
def wide_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[QRect]:
    """A screen of 1,920 by 1,080 pixels, as the window sees it."""
    screen = QRect(0, 0, 1920, 1080)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(screen))
    yield screen


def set_panels(qtbot: QtBot, window: MainWindow, width: int, left: int) -> dict[str, int]:
    """The window ``width`` wide at ``left``, its Library 240 and Passages 360 pixels wide;
    their widths."""
    window.resize(width, 720)
    window.move(left, 0)
    qtbot.waitUntil(lambda: window.width() == width)
    library, passages = window.docks["library"], window.docks["passages"]
    window.resizeDocks([library, passages], [240, 360], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: (library.width(), passages.width()) == (240, 360))
    return panel_widths(window)


def panel_widths(window: MainWindow) -> dict[str, int]:
    QApplication.processEvents()
    return {name: window.docks[name].width() for name in ("library", "passage", "passages")}


def new_pane(window: MainWindow) -> None:
    window.actions_.new_pane.trigger()
    QApplication.processEvents()


def test_new_panes_widen_the_window_and_leave_the_panels_their_width(
    qtbot: QtBot, window: MainWindow, wide_screen: QRect
) -> None:
    before = set_panels(qtbot, window, 1280, 0)

    new_pane(window)
    new_pane(window)

    assert len(window.area.panes()) == 4
    assert panel_widths(window) == before
    assert 1280 < window.width() <= wide_screen.width()
    for pane in window.area.panes():
        assert pane.width() >= pane.minimumSizeHint().width()
    for pane in window.area.panes()[2:]:
        window.area.close_pane(pane)
    qtbot.waitUntil(lambda: len(window.area.panes()) == 2)
    assert panel_widths(window) == before


def test_closing_the_panes_makes_the_window_as_narrow_as_before_they_opened(
    qtbot: QtBot, window: MainWindow, wide_screen: QRect
) -> None:
    before = set_panels(qtbot, window, 1280, 0)
    new_pane(window)
    grown_once = window.width()
    new_pane(window)
    assert 1280 < grown_once < window.width()

    panes = window.area.panes()
    qtbot.mouseClick(panes[3].header.close_button, Qt.MouseButton.LeftButton)  # its ✕
    qtbot.waitUntil(lambda: window.width() == grown_once)
    qtbot.mouseClick(panes[2].header.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert panel_widths(window) == before
    for pane in window.area.panes():
        assert pane.width() >= pane.minimumSizeHint().width()


def test_a_window_resized_by_hand_since_keeps_its_width_when_panes_close(
    qtbot: QtBot, window: MainWindow, wide_screen: QRect
) -> None:
    set_panels(qtbot, window, 1280, 0)
    new_pane(window)
    new_pane(window)
    window.resize(window.width() + 40, window.height())  # the reader's own width
    qtbot.waitUntil(lambda: window.width() > 1280)
    chosen = window.width()
    for pane in window.area.panes()[2:]:
        window.area.close_pane(pane)
    qtbot.waitUntil(lambda: len(window.area.panes()) == 2)
    assert window.width() == chosen


def test_with_no_room_on_the_screen_the_panels_keep_their_width_and_it_is_said(
    qtbot: QtBot, window: MainWindow, wide_screen: QRect
) -> None:
    # At the right edge of its screen the window cannot grow: the panes share its width.
    before = set_panels(qtbot, window, 1280, wide_screen.width() - 1280 - 4)
    messages: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: messages.append(text))

    for _ in range(3):
        new_pane(window)

    assert panel_widths(window) == before
    assert window.frameGeometry().right() <= wide_screen.right()
    assert messages and messages[-1] == NO_ROOM
    for pane in window.area.panes():
        assert pane.width() >= pane.minimumSizeHint().width()


def test_closing_panes_gives_squeezed_panels_their_width_back(
    qtbot: QtBot, window: MainWindow, wide_screen: QRect
) -> None:
    before = set_panels(qtbot, window, 1280, 0)
    new_pane(window)
    # A window that could not grow (its width held): the panels gave the new pane room.
    window.setFixedWidth(window.width())
    new_pane(window)
    window.setMinimumWidth(0)
    window.setMaximumWidth(16777215)

    for pane in window.area.panes()[2:]:
        window.area.close_pane(pane)

    qtbot.waitUntil(lambda: panel_widths(window) == before)
