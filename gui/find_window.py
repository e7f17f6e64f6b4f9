"""The matches of words typed in an article's find bar, held a window at a time.

A common word has tens of thousands of matches in a long article. The bar highlights and
steps through :data:`~diptych.gui.find_bar.MAX_MATCHES` of them at a time, and reads the
next ones from where that window ends (or the ones before it) when a step goes past it: a
caret past the first window, or a step past its last match, went back to the top, and
every match after those was out of reach. Counting them all takes one pass of ``str.count``.
"""

from __future__ import annotations

from diptych.gui import find_bar
from diptych.gui.find_bar import count_all, find_all, find_before


class MatchWindow:
    """The matches of ``needle`` in ``text`` around where the reader is.

    Attributes:
        matches: the matches held, in the order of the text (display offsets).
        before: how many matches the article has before them.
        total: how many it has in all.
    """

    def __init__(self, text: str, needle: str, *, size: int | None = None) -> None:
        self._text, self._needle = text, needle
        self._size = size or find_bar.MAX_MATCHES
        self.total = count_all(text, needle) if needle else 0
        self.matches: list[tuple[int, int]] = []
        self.before = 0

    @property
    def whole(self) -> bool:
        """Whether the article's matches are few enough to be held all at once."""
        return self.total <= self._size

    def after(self, offset: int) -> int:
        """Hold the matches from the first at or after ``offset`` (round to the first of
        the article if none); the index of that first one. An article with few enough
        matches has them all held."""
        if self.whole:
            self.matches = find_all(self._text, self._needle, limit=self._size)
            self.before = 0
            return next((i for i, m in enumerate(self.matches) if m[0] >= offset), 0)
        self.matches = find_all(self._text, self._needle, start=offset, limit=self._size)
        if not self.matches and self.total:
            self.matches = find_all(self._text, self._needle, limit=self._size)
        self._count_before()
        return 0

    def ending_before(self, offset: int) -> int:
        """Hold the matches that end at or before ``offset``, up to it (round to the last
        of the article if none); the index of the last of them."""
        if self.whole:
            self.matches = find_all(self._text, self._needle, limit=self._size)
            self.before = 0
            earlier = [i for i, m in enumerate(self.matches) if m[1] <= offset]
            return earlier[-1] if earlier else len(self.matches) - 1
        self.matches = find_before(self._text, self._needle, offset, limit=self._size)
        if not self.matches and self.total:
            self.matches = find_before(self._text, self._needle, len(self._text), limit=self._size)
        self._count_before()
        return len(self.matches) - 1

    def step(self, index: int, step: int) -> int:
        """The index of the match ``step`` (1 or -1) from the one at ``index``, the window
        moved on (or round the article) when that one is outside it."""
        if not self.matches:
            return 0
        if self.whole:
            return (index + step) % len(self.matches)
        moved = index + step
        if 0 <= moved < len(self.matches):
            return moved
        if step > 0:  # past the last one held: the next ones, or round to the first
            last_end = self.matches[-1][1]
            more = self.before + len(self.matches) < self.total
            return self.after(last_end if more else 0)
        first_start = self.matches[0][0]  # before the first one held: the ones before it
        return self.ending_before(first_start if self.before else len(self._text))

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` is among the matches held (between the first and the last,
        or the window holds every match of the article)."""
        if not self.matches:
            return False
        if self.whole:
            return True
        return self.matches[0][0] <= offset <= self.matches[-1][1]

    def _count_before(self) -> None:
        first = self.matches[0][0] if self.matches else 0
        self.before = count_all(self._text, self._needle, end=first) if self.matches else 0
