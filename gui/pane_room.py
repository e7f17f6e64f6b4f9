"""Room for panes side by side: whether another one fits, and what to say of the articles
left out of a request to open several when it does not."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QSplitter, QWidget


def room_for_another_pane(splitter: QSplitter, panes: Sequence[QWidget]) -> bool:
    """True if one more pane fits at its narrowest beside ``panes``, sharing the width of
    ``splitter`` (which holds them), the window growing at most to the edge of its screen
    (to the right, as it grows): beyond, the panels beside the reading area would go off it."""
    if not panes:
        return True
    narrowest = max(p.minimumSizeHint().width() for p in panes)
    needed = (len(panes) + 1) * narrowest + len(panes) * splitter.handleWidth()
    window = splitter.window()
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > screen.width():
        return True  # wider than its screen already: nothing left to keep on it
    # A window placed right of the screen's left edge has that much less room: it
    # grew off the screen by a pane at each pane opened (800, 1037, 1495 pixels wide).
    spare = screen.x() + screen.width() - (frame.x() + frame.width())
    return needed <= splitter.width() + max(spare, 0)


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
