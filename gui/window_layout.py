"""Where the window, its docks and its panes were: saved on closing, restored on opening."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from diptych.gui.pane_layout import pane_layout, restore_pane_layout
from diptych.storage.wording import counted, were

if TYPE_CHECKING:
    from diptych.gui.window_parts import WindowParts


def restore(window: WindowParts) -> None:
    """Window geometry, docks and the panes open last time on the window's project."""
    geometry, state = window.context.settings.window_state()
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    else:  # first start: leave most of the width to the articles, even on a small screen
        # Of the window as it will be shown: on a small screen it is narrowed to fit
        # (fit_to_screen), and the panels would keep the widths measured for a wider one.
        screen = window.screen() or QGuiApplication.primaryScreen()
        width = window.width()
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        window.resizeDocks(
            [window.docks["library"], window.docks["passage"]],
            [max(180, width // 6), max(240, width // 4)],
            Qt.Orientation.Horizontal,
        )
        welcome(window)
    session = window.session
    layout = window.context.settings.pane_layout(session.project.info().uuid, session.project.path)
    known = {a.id for a in session.articles()}
    if "panes" in layout:  # every pane closed last time stays so: the articles were put away
        restore_pane_layout(window.area, layout, known)
    else:
        for article_id in sorted(known)[:2]:  # two side by side on first start
            window.area.add_pane(article_id)


# Short enough to be read whole in the status bar of a laptop's window (1366 pixels at
# 125%), beside the coder's name: cut, it lost its last words, which name F1.
SAMPLE_WELCOME = (
    "Welcome! This sample project's memo (Memos panel) says how to start. Select words and"
    " press a digit key to tag them; F1 lists every key."
)


def welcome(window: WindowParts) -> None:
    """The very first window, on the sample project: the Memos panel in front, where its
    memo says how to start, and a line in the status bar pointing to it. (A project of
    the user's own, opened by name on a first start, is left to speak for itself.)"""
    if window.session.project.path == window.context.paths.sample_project:
        window.docks["memos"].raise_()
        window.context.messages.info(SAMPLE_WELCOME)


def save(window: WindowParts) -> None:
    """Remember the window and the open panes."""
    settings = window.context.settings
    settings.set_window_state(window.saveGeometry(), window.saveState())
    project = window.session.project
    settings.set_pane_layout(project.info().uuid, pane_layout(window.area), project.path)
    settings.sync()


def fit_to_screen(window: WindowParts) -> None:
    """Shrink the window to the available screen if it is larger.

    Panes restored from a wider screen can make the window wider than this one (each pane
    has a width it cannot go below), which put the panels on the right and the last panes
    off its edge: panes that do not fit are closed, empty ones first, then from the right,
    down to the two side by side that Diptych starts with, and the status bar says so.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    closed = _close_panes_beyond(window, available.width())
    if closed:
        window.session.messages.info(
            f"{counted(closed, 'pane')} of the last layout did not fit on this screen and "
            f"{were(closed)} closed."
        )
    if window.width() > available.width() or window.height() > available.height():
        window.resize(
            min(window.width(), available.width()), min(window.height(), available.height())
        )


def _close_panes_beyond(window: WindowParts, width: int) -> int:
    """Close panes until the window can be as narrow as ``width``; how many were closed."""
    area, closed, layout = window.area, 0, window.layout()
    while len(panes := area.panes()) > 2 and window.minimumSizeHint().width() > width:
        empty = [p for p in panes if p.article_id is None]
        area.close_pane((empty or panes)[-1])
        closed += 1
        # Measured again before the window is shown: it would keep the width of the panes
        # it had, its measure made with them.
        area.splitter.updateGeometry()
        area.updateGeometry()
        if layout is not None:
            layout.invalidate()
    return closed
