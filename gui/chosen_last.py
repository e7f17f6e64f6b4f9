"""Which the user chose last: text selected in a pane, or a passage in the Passages list.

Tagging from the Codebook (Enter, the keys 1-9) or the palette acts on one of two things:
text selected in the current pane, or the selected passage. Text left selected in a pane
(a word found with Ctrl+F, say) stays selected while the user goes on to choose a passage
in the Passages list, which the Passage panel then shows: that passage, chosen after the
text, is what the user means to tag, not the text left behind. This keeps the order.
"""

from __future__ import annotations

from itertools import count
from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from diptych.gui.article_pane import ArticlePane
from diptych.gui.pane_area import PaneArea


class ChosenLast(QObject):
    """Tells whether text selected in a pane was selected before a passage was chosen.

    Args:
        area: the reading area, whose panes' text selections are followed.
        parent: the owner.

    A passage counts as chosen when :meth:`passage_chosen` is called (a row chosen in the
    Passages list) or the keyboard goes into one of the widgets given to :meth:`watch`
    (the Passage panel, which shows the selected passage).
    """

    def __init__(self, area: PaneArea, parent: QObject) -> None:
        super().__init__(parent)
        self._ticks = count(1)
        self._passage = 0  # when a passage was last chosen (0: never)
        self._text: WeakKeyDictionary[ArticlePane, int] = WeakKeyDictionary()
        self._watched: list[QWidget] = []
        area.currentPaneChanged.connect(self.on_area_current_pane_changed)
        for pane in area.panes():
            self._follow(pane)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_app_focus_changed)

    def watch(self, widget: QWidget) -> None:
        """The keyboard going into ``widget`` chooses the selected passage it shows."""
        self._watched.append(widget)

    def passage_chosen(self) -> None:
        """The user chose a passage just now."""
        self._passage = next(self._ticks)

    def text_chosen(self, pane: ArticlePane) -> None:
        """The user chose the text selected in ``pane`` just now (its menu opened on it)."""
        self._text[pane] = next(self._ticks)

    def left_behind(self, pane: ArticlePane) -> bool:
        """True if the text selected in ``pane`` was selected before a passage was chosen."""
        return self._passage > self._text.get(pane, 0)

    def on_area_current_pane_changed(self, pane: object) -> None:
        """Follow the selection of a pane first seen (a new pane becomes the current one)."""
        if isinstance(pane, ArticlePane):
            self._follow(pane)

    def _follow(self, pane: ArticlePane) -> None:
        if pane not in self._text:
            self._text[pane] = 0
            pane.view.selectionChanged.connect(lambda p=pane: self.on_view_selection_changed(p))

    def on_view_selection_changed(self, pane: ArticlePane) -> None:
        """Text selected (or a selection grown or shrunk) in ``pane``: chosen now."""
        if pane.view.textCursor().hasSelection():
            self._text[pane] = next(self._ticks)

    def on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """The keyboard went into a watched widget from outside it: its passage is chosen."""
        for widget in self._watched:
            if not isValid(widget):
                continue
            inside_now = new is not None and (new is widget or widget.isAncestorOf(new))
            inside_before = old is not None and (old is widget or widget.isAncestorOf(old))
            if inside_now and not inside_before:
                self.passage_chosen()
