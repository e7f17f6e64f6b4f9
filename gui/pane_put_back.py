"""The keyboard for a pane put back where it stood (its article's removal undone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from diptych.gui.article_pane import ArticlePane


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
