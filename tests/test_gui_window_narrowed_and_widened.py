"""A window made narrower and then as wide again (unmaximised, then maximised) gives its
panels back the width the narrower window took from them: Qt gave all of it to the reading
area, and the Library and the Passages panel stayed squeezed, their tabs cut short. A
panel the user narrows by hand stays as narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_panels_get_their_width_back_when_the_window_is_wide_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.waitExposed(window)
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    docks = [window.docks["library"], window.docks["passages"]]
    window.resizeDocks(docks, [260, 380], Qt.Orientation.Horizontal)  # as the user has them
    qtbot.waitUntil(lambda: docks[0].width() >= 250 and docks[1].width() >= 370)
    qtbot.wait(50)
    before = [dock.width() for dock in docks]

    window.resize(900, 620)
    qtbot.waitUntil(lambda: all(d.width() < w for d, w in zip(docks, before, strict=True)))
    qtbot.wait(50)
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: [d.width() for d in docks] == before, timeout=3000)

    window.resizeDocks(docks[:1], [200], Qt.Orientation.Horizontal)  # narrowed by hand
    qtbot.waitUntil(lambda: docks[0].width() <= 210)
    qtbot.wait(100)
    assert docks[0].width() <= 210  # left as the user made it
