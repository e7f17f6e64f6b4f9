"""Where the window, its docks and its panes were: saved on closing, restored on opening."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from diptych.gui.main_window import MainWindow


def restore(window: MainWindow) -> None:
    """Window geometry, docks and the panes open last time on the window's project."""
    geometry, state = window.context.settings.window_state()
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    else:  # first start: leave most of the width to the articles, even on a small screen
        width = window.width()
        window.resizeDocks(
            [window.docks["library"], window.docks["passage"]],
            [max(180, width // 6), max(240, width // 4)],
            Qt.Orientation.Horizontal,
        )
    session = window.session
    layout = window.context.settings.pane_layout(session.project.info().uuid)
    known = {a.id for a in session.articles()}
    if layout.get("panes"):
        window.area.restore(layout, known)
    else:
        for article_id in sorted(known)[:2]:  # two side by side on first start
            window.area.add_pane(article_id)


def save(window: MainWindow) -> None:
    """Remember the window and the open panes."""
    settings = window.context.settings
    settings.set_window_state(window.saveGeometry(), window.saveState())
    settings.set_pane_layout(window.session.project.info().uuid, window.area.state())
    settings.sync()


def fit_to_screen(window: QWidget) -> None:
    """Shrink the window to the available screen if it is larger."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    if window.width() > available.width() or window.height() > available.height():
        window.resize(
            min(window.width(), available.width()), min(window.height(), available.height())
        )
