"""Back and Forward in a pane, as in a browser: where the pane's reader was before each jump.

A jump is another article opened in the pane (from the Library, a search result, a passage
of another article) or a search result or passage gone to in the article shown. Back
returns to the article as it was left: the line at the top of the view, and the caret or
the selection if they were in view; Forward undoes Back. An article removed from the
project leaves every history. A pane keeps its history while it is open, no longer.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from diptych.gui import pane_reading

if TYPE_CHECKING:
    from diptych.gui.article_pane import ArticlePane

MAX_PLACES = 50  # of each way: a reader goes back a few steps, not a whole day's


@dataclass(frozen=True)
class ReadingPlace:
    """Where a pane's reader was in an article (offsets of its display text).

    Attributes:
        article_id: the article shown.
        top: the offset of the line at the top of the view.
        caret: the caret's offset if it was in view, else None.
        selection: the selected range if the caret was in view, else None.
    """

    article_id: int
    top: int
    caret: int | None = None
    selection: tuple[int, int] | None = None


class PaneHistory(QObject):
    """The places one pane goes Back and Forward to.

    Args:
        pane: the pane whose reader it follows (and its parent).

    Signals:
        changed(): going Back or Forward became possible or impossible.
    """

    changed = Signal()

    def __init__(self, pane: ArticlePane) -> None:
        super().__init__(pane)
        self.pane = pane
        self._back: list[ReadingPlace] = []
        self._forward: list[ReadingPlace] = []

    @property
    def can_go_back(self) -> bool:
        """True if there is a place to go back to."""
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        """True if there is a place gone back from to go forward to."""
        return bool(self._forward)

    @property
    def back_article(self) -> int | None:
        """The article Back goes to (None: nowhere)."""
        return self._back[-1].article_id if self._back else None

    @property
    def forward_article(self) -> int | None:
        """The article Forward goes to (None: nowhere)."""
        return self._forward[-1].article_id if self._forward else None

    def leave(self) -> None:
        """The reader jumps elsewhere: remember where they are (the places gone back from
        are forgotten, as in a browser)."""
        here = self.here()
        if here is None:
            return
        if not self._back or self._back[-1] != here:
            self._back.append(here)
            del self._back[:-MAX_PLACES]
        self._forward.clear()
        self.changed.emit()

    def go_back(self) -> None:
        """Return to the place left last."""
        self._step(self._back, self._forward)

    def go_forward(self) -> None:
        """Return to the place last gone back from."""
        self._step(self._forward, self._back)

    def keep_only(self, article_ids: Container[int]) -> None:
        """Forget the places in articles not among ``article_ids`` (removed ones)."""
        before = (self.can_go_back, self.can_go_forward)
        for places in (self._back, self._forward):
            places[:] = [p for p in places if p.article_id in article_ids]
        if (self.can_go_back, self.can_go_forward) != before:
            self.changed.emit()

    def here(self) -> ReadingPlace | None:
        """Where the reader is now (None: the pane shows no article)."""
        pane = self.pane
        if pane.article_id is None:
            return None
        if pane.loader.current is None:  # still being read: it was never shown
            return ReadingPlace(pane.article_id, 0)
        caret = pane.caret_in_view()
        selection = pane.selection() if caret is not None else None
        return ReadingPlace(pane.article_id, pane.reading_place(), caret, selection)

    def _step(self, source: list[ReadingPlace], target: list[ReadingPlace]) -> None:
        if not source:
            return
        here = self.here()
        place = source.pop()
        if here is not None:
            target.append(here)
            del target[:-MAX_PLACES]
        self.changed.emit()
        if place.article_id != self.pane.article_id:
            self.pane.loader.open(place.article_id)  # not a jump: nothing to remember
        self.pane.when_loaded(lambda: self._arrive(place))

    def _arrive(self, place: ReadingPlace) -> None:
        """Show ``place`` in the pane (offsets beyond a text since shortened at its end)."""
        pane, shown = self.pane, self.pane.loader.current
        if pane.article_id != place.article_id or shown is None:
            return  # it could not be read (gone meanwhile)
        length = len(shown.builder.content.text)
        top = min(place.top, length)
        caret = top if place.caret is None else min(place.caret, length)
        pane.read_on(top, caret)
        if place.selection is not None:
            start, end = (min(end, length) for end in place.selection)
            pane.view.select_range(start, end, scroll=False)
            pane_reading.scroll_to_place(pane.view, top)  # the selection moved it
