"""Room for panes side by side: whether another one fits, the window grown for it (rather
than the panels beside the reading area squeezed) and narrowed again when it closes, the
panels' widths given back, and what to say of the articles left out of a request to open
several when it does not fit. And room for a panel shown beside the panes: the window grows
for it up to its screen's edge, no further, and is narrowed again as the panel is hidden
(:class:`PanelRoom`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
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


PANEL_NO_ROOM = (
    "There is no room for the {panel} panel beside these panes on this screen: close a "
    "pane, or hide another panel (View menu)."
)


class PanelRoom(QObject):
    """Keeps a panel shown beside the reading area (View menu, Ctrl+Shift+M…) from pushing
    the window past its screen's edge.

    Qt grows the window for the panel as far as the panes beside it need (each has a width
    it cannot go below); a window then reaching past its screen's right edge is moved left.
    Where even the panes at their narrowest leave no room for the panel, it is not
    shown, the window keeps its width and the status bar says why: the window had grown
    past a 1,024-pixel screen, cutting off the panel's buttons, then, once the panel was
    hidden, the last pane's; and the next start closed a pane that no longer fitted. A
    window grown for a panel is made as narrow again as the panel is hidden (if it still
    has the width it grew to).

    Args:
        window: the main window.
        docks: its panels.
        refused: says why a panel was not shown.
    """

    def __init__(
        self, window: QMainWindow, docks: Iterable[QDockWidget], refused: Callable[[str], None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._refused = refused
        self._grown: dict[QDockWidget, Growth] = {}
        # The window's width before the event being handled: a panel shown by a key
        # (dock.show()) has grown the window already as it says it is shown.
        self._width = window.width()
        self._noting = False
        window.installEventFilter(self)
        for dock in docks:
            dock.toggleViewAction().toggled.connect(partial(self._toggled, dock))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self._noting:
            self._noting = True
            QTimer.singleShot(0, self, self._note_width)
        return super().eventFilter(watched, event)

    def _note_width(self) -> None:
        self._noting = False
        self._width = self._window.width()

    def _toggled(self, dock: QDockWidget, shown: bool) -> None:
        window = self._window
        if not _resizable(window):  # being restored, or maximized: its width is not ours
            self._grown.pop(dock, None)
            return
        if shown:  # measured once the window is laid out with the panel
            width = self._width
            QTimer.singleShot(0, self, lambda: self._shown(dock, width))
        elif (growth := self._grown.pop(dock, None)) is not None:
            QTimer.singleShot(0, self, lambda: self._shrink(growth))

    def _shown(self, dock: QDockWidget, before: int) -> None:
        """Keep the window on its screen now that ``dock`` is shown, the window ``before``
        pixels wide until then."""
        window = self._window
        if not isValid(dock) or dock.isHidden() or dock.isFloating() or not _resizable(window):
            return
        _lay_out(window)
        screen = window.screen().availableGeometry()
        room = screen.width() - (window.frameGeometry().width() - window.width())
        if before > room:  # wider than its screen already: nothing left to keep on it
            return
        if window.minimumSizeHint().width() > room:
            dock.hide()
            _lay_out(window)
            window.resize(before, window.height())
            self._refused(PANEL_NO_ROOM.format(panel=dock.windowTitle()))
            return
        frame = window.frameGeometry()
        beyond = frame.x() + frame.width() - (screen.x() + screen.width())
        if beyond > 0:
            window.move(window.x() - beyond, window.y())
        if window.width() > before:
            self._grown[dock] = Growth(window.width() - before, window.width())

    def _shrink(self, growth: Growth) -> None:
        _lay_out(self._window)  # its least width, without the panel
        shrink_back(self._window, growth)


def _lay_out(window: QWidget) -> None:
    """Have ``window`` take the size its layout gives it now (its least, with the panels
    shown now), rather than at the next turn of the event loop."""
    layout = window.layout()
    if layout is not None:
        layout.activate()


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
