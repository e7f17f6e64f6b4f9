"""The line at the top of an article view kept there while the text is laid out anew.

After a zoom or a new width, the line the reader was at goes back to the top of the view
once the text is laid out down to it. Deep in a long table that takes longer than a moment
(a table costs ten times as much a character as paragraphs), so it is laid out in short
steps (:class:`~diptych.gui.layout_pacer.LayoutPacer`) while the view keeps its last
picture. The reader may act before then: a click, a key, the wheel or the scroll bar
first has the line put back at once, so that it acts on the text shown, not on the top of
the article the view is scrolled to meanwhile; and a jump elsewhere (F8, a result opened,
the find bar) is not undone by the line put back after it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QAbstractSlider, QTextEdit

from diptych.gui.layout_pacer import LayoutPacer
from diptych.gui.table_positions import has_pieces


class RelayoutPlace:
    """The place pending at the top of ``view`` while its text is laid out anew.

    Args:
        view: the article's text view.
    """

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.pacer = LayoutPacer(view)
        self.pending: int | None = None  # the document position whose line goes back up
        self._put_back: Callable[[], None] | None = None
        view.verticalScrollBar().actionTriggered.connect(self._on_scroll_bar_used)
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def relaid_out(self, place: int | None, put_back: Callable[[], None]) -> None:
        """The text was laid out anew (a new font or width): have it laid out down to the
        document position ``place`` and ``put_back`` its line at the top, then the rest in
        short steps; deep in a long table, the view keeps its last picture until then."""
        self.give_up()  # a place pending is in ``place`` (a new resize or zoom)
        document = self.view.document()
        if place is None or not has_pieces(document):
            if place is not None:  # paragraphs: laid out down to it in a moment
                put_back()
            self.pacer.pace(document)
            return
        self.pending, self._put_back = place, put_back
        self.scroll_to_top_unseen()
        self.view.viewport().setUpdatesEnabled(False)
        self.pacer.pace(document, until=place, then=self._back_at_top)

    def settle(self) -> None:
        """Put the line pending back at the top now (the reader acts on the view), laying
        the text out down to it at once; the rest is still laid out in short steps."""
        if self.pending is None:
            return
        self.pacer.stop()
        self._back_at_top()
        self.pacer.pace(self.view.document())

    def give_up(self) -> None:
        """Stop laying the text out for a place pending, and show the view again."""
        self.pacer.stop()
        if self.pending is not None:
            self.pending, self._put_back = None, None
            self.view.viewport().setUpdatesEnabled(True)

    def scroll_to_top_unseen(self) -> None:
        """Scroll to the top without telling anyone (the viewport, the margin): while the
        text is laid out again, asking what is at the place scrolled to would lay it all
        out down to there at once."""
        bar = self.view.verticalScrollBar()
        with QSignalBlocker(bar):
            bar.setValue(0)

    def _back_at_top(self) -> None:
        put_back, self._put_back = self._put_back, None
        self.pending = None
        if put_back is not None:
            put_back()
        self.view.viewport().setUpdatesEnabled(True)

    def _on_scrolled(self) -> None:
        """The view was scrolled elsewhere while the line waited (only this scrolls it
        unseen): a jump, which putting the line back would undo."""
        if self.pending is not None:
            self.give_up()
            self.pacer.pace(self.view.document())  # the rest, still in short steps

    def _on_scroll_bar_used(self, action: int) -> None:
        """A drag of the scroll bar, or a click on it, starts from the place shown."""
        if action != QAbstractSlider.SliderAction.SliderNoAction.value:
            self.settle()
