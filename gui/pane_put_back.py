"""Panes put back where they stood when their article's removal is undone, and the
keyboard for the current one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from diptych.gui.article_pane import ArticlePane
from diptych.gui.pane_layout import restore_pane
from diptych.gui.removed_panes import RemovedPanes

if TYPE_CHECKING:
    from diptych.gui.pane_area import PaneArea


def put_back_panes(area: PaneArea, removed: RemovedPanes) -> None:
    """Open again each pane of ``removed`` whose article is in the project again and shown
    in no pane: in its place, at its zoom and reading place; the one that was current is
    current again, with the keyboard (see :func:`keys_to_pane_put_back`)."""
    listed = {a.id for a in area.session.articles()}
    current = None
    for closed in removed.back(listed, {p.article_id for p in area.panes()}):
        index = min(closed.index, area.splitter.count())
        pane = area.add_pane(closed.article_id, index=index, resume=False)  # as it was
        if pane is not None:
            restore_pane(pane, {"zoom_percent": closed.zoom, "offset": closed.place})
            current = pane if closed.current else current
    if current is not None:
        area.set_current(current)
        keys_to_pane_put_back(area, current)


def keys_to_pane_put_back(area: QWidget, pane: ArticlePane | None) -> None:
    """Give the keyboard to the text of ``pane``, put back into ``area`` as its current
    pane, if the keyboard was in the reading area, on the window or nowhere: the keys
    (1-9, F8) act on the current pane, and went on in its neighbour (which took them when
    the pane closed) or did nothing until the text was clicked. In a panel (the Library
    the removal was undone from), the keyboard stays there."""
    if pane is None:
        return
    focus = QApplication.focusWidget()
    if focus is None or focus is area.window() or area.isAncestorOf(focus):
        pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
