"""Panes closed because their article was removed from the project: undo brings the
article back, and each of its panes opens again as it was (in its place among the others,
at its zoom, at the place the reader had reached, the current one current again)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from diptych.gui import pane_reading
from diptych.gui.article_pane import ArticlePane


@dataclass(frozen=True)
class ClosedPane:
    """A pane closed as its article went.

    Attributes:
        article_id: the article it showed.
        index: its place among the panes left open as it closed (0 leftmost).
        zoom: its zoom, in percent.
        place: the article offset at the top of its view (0 at the beginning).
        current: whether it was the current pane.
    """

    article_id: int
    index: int
    zoom: int
    place: int
    current: bool


class RemovedPanes:
    """The panes closed as their articles were removed, in the order they closed."""

    def __init__(self) -> None:
        self._closed: list[ClosedPane] = []

    def note(self, pane: ArticlePane, article_id: int, index: int, *, current: bool) -> None:
        """``pane``, showing ``article_id`` at ``index``, closes: its article was removed.
        Its reading place is read from its view (the pane shows no article any more)."""
        place = pane_reading.reading_place(pane.view) if pane.loader.current is not None else 0
        self._closed.append(ClosedPane(article_id, index, pane.zoom, place, current))

    def holds(self, article_id: int) -> bool:
        """Whether a pane of ``article_id`` closed as it was removed."""
        return any(c.article_id == article_id for c in self._closed)

    def back(self, listed: Collection[int], shown: Collection[int | None]) -> list[ClosedPane]:
        """The panes to open again, of the articles ``listed`` in the project again but
        ``shown`` in no pane: the last closed first, so that each finds the neighbours it
        had. They are forgotten here."""
        back = [c for c in self._closed if c.article_id in listed]
        self._closed = [c for c in self._closed if c.article_id not in listed]
        return [c for c in reversed(back) if c.article_id not in shown]
