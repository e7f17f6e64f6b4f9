"""Room for panes side by side: whether another one fits, the window grown for it (rather
than the panels beside the reading area squeezed) and narrowed again when it closes, the
panels' widths given back, and what to say of the articles left out of a request to open
several when it does not fit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget
from shiboken6 import isValid


def room_for_another_pane(splitter: QSplitter, panes: Sequence[QWidget]) -> bool:
    """True if one more pane fits at its narrowest beside ``panes``, sharing the width of
    ``splitter`` (which holds them), the window growing at most to the edge of its screen
    (to the right, as it grows): beyond, the panels beside the reading area would go off it."""
    if not panes:
        return True
    window = splitter.window()
    if window.frameGeometry().width() > window.screen().availableGeometry().width():
        return True  # wider than its screen already: nothing left to keep on it
    return _needed_width(splitter, panes) <= splitter.width() + _spare_width(window)


def grow_for_another_pane(splitter: QSplitter, panes: Sequence[QWidget]) -> Growth | None:
    """Widen the window by what the reading area lacks for one more pane at its narrowest
    beside ``panes``, up to the edge of its screen (see :func:`room_for_another_pane`): the
    window would otherwise find the room in the panels beside the reading area, squeezed to
    a few letters of their tabs and columns. Returns how it grew (None: it did not), for
    :func:`shrink_back` when the pane closes."""
    window = splitter.window()
    if not panes or not _resizable(window):
        return None
    grow = min(_needed_width(splitter, panes) - splitter.width(), _spare_width(window))
    if grow <= 0:
        return None
    window.resize(window.width() + grow, window.height())
    return Growth(grow, window.width())


class Growth(NamedTuple):
    """How the window grew for a pane: by ``width`` pixels, to ``reached``."""

    width: int
    reached: int


def shrink_back(window: QWidget, growth: Growth) -> bool:
    """Make ``window`` as narrow again as before it grew by ``growth`` for a pane now
    closed, if it is still as wide as that left it (a window the user has resized, or
    maximized, since is left as it is); True if it did."""
    if not _resizable(window) or window.width() != growth.reached:
        return False
    window.resize(window.width() - growth.width, window.height())
    return True


def _resizable(window: QWidget) -> bool:
    """True if the window's width is the program's to change: shown, and neither
    maximized nor full screen."""
    return window.isVisible() and not (window.isMaximized() or window.isFullScreen())


def _needed_width(splitter: QSplitter, panes: Sequence[QWidget]) -> int:
    """The width of ``panes`` and one more, each at the narrowest any of them can be."""
    narrowest = max(p.minimumSizeHint().width() for p in panes)
    return (len(panes) + 1) * narrowest + len(panes) * splitter.handleWidth()


def _spare_width(window: QWidget) -> int:
    """How much wider ``window`` can grow before its right edge reaches its screen's.

    A window placed right of the screen's left edge has that much less room: it grew off
    the screen by a pane at each pane opened (800, 1037, 1495 pixels wide)."""
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    return max(screen.x() + screen.width() - (frame.x() + frame.width()), 0)


def panel_widths(window: QWidget) -> dict[QDockWidget, int]:
    """The width of each panel docked beside the reading area of ``window`` (none if it is
    no main window)."""
    if not isinstance(window, QMainWindow):
        return {}
    sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    return {
        dock: dock.width()
        for dock in window.findChildren(QDockWidget)
        if dock.isVisible() and not dock.isFloating() and window.dockWidgetArea(dock) in sides
    }


def give_back_panel_widths(window: QWidget, widths: Mapping[QDockWidget, int]) -> None:
    """Widen the panels of ``window`` narrower than ``widths`` (as they were before a pane
    was added) back to them, as far as the reading area leaves room."""
    if not isinstance(window, QMainWindow):
        return
    narrower = [d for d, w in widths.items() if isValid(d) and d.isVisible() and d.width() < w]
    if narrower:
        window.resizeDocks(narrower, [widths[d] for d in narrower], Qt.Orientation.Horizontal)


def left_out_message(
    labels: Mapping[int, str], left_out: Sequence[int], asked: int, already: int, why: str
) -> str:
    """What to say when ``left_out`` of ``asked`` articles to open found no pane (``why``),
    ``already`` more of the request being open already; each named by its ``labels`` line."""
    named = [f"“{labels[i]}”" for i in left_out[:3] if i in labels]
    more = len(left_out) - len(named)
    names = ", ".join(named) + (f" and {more} more" if more > 0 else "")
    opened = asked - len(left_out)
    if not opened and not already:  # none opened: the other way to read one
        which = "the article" if len(left_out) == 1 else "an article"
        return (
            f"Not opened: {names}. {why} Or double-click {which} in the Library to show it "
            "in the current pane."
        )
    open_before = f" ({already} open already)" if already else ""
    return (
        f"Opened {opened} of the {asked + already} articles{open_before}: {why} "
        f"Not opened: {names}."
    )
