"""The bar of tabs of panels tabbed together (Passages, Search and Memos), which the Tab key
goes through from a pane's header buttons, has an accessible name, as the other controls
have, where it had none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.window_focus import PANEL_TABS


def test_tab_from_the_header_buttons_reaches_panel_tabs_with_a_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = window.area.panes()[-1].header.zoom_in_button
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    bars: list[QTabBar] = []
    for _ in range(60):  # on through the panels, until the bar of their tabs
        focus = QApplication.focusWidget()
        assert focus is not None
        if isinstance(focus, QTabBar) and focus.parent() is window:
            bars.append(focus)
            break
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert bars, "Tab never reached the panels' tabs"
    titles = [bars[0].tabText(i) for i in range(bars[0].count())]
    assert {"Passages", "Search", "Memos"} <= set(titles)
    assert bars[0].accessibleName() == PANEL_TABS == "Panels"


def test_panels_tabbed_together_later_have_their_tabs_named_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.tabifyDockWidget(window.docks["library"], window.docks["codebook"])
    qtbot.waitUntil(lambda: len(_panel_bars(window)) == 2)
    assert [b.accessibleName() for b in _panel_bars(window)] == [PANEL_TABS] * 2


def _panel_bars(window: MainWindow) -> list[QTabBar]:
    """The bars of panel tabs shown (Qt keeps spare ones hidden)."""
    return [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]
