"""The matches of words typed in an article's find bar, held a window at a time.

A common word has tens of thousands of matches in a long article. The bar highlights and
steps through :data:`~diptych.gui.find_bar.MAX_MATCHES` of them at a time, and reads the
next ones from where that window ends (or the ones before it) when a step goes past it: a
caret past the first window, or a step past its last match, went back to the top, and
every match after those was out of reach. Counting them all takes one pass of ``str.count``.
The places a project search found in an article (:class:`FoundWindow`) are held and stepped
through the same way.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

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
        self._length = len(text)
        self._size = size or find_bar.MAX_MATCHES
        self.total = count_all(text, needle) if needle else 0
        self.matches: list[tuple[int, int]] = []
        self.before = 0

    def _from(self, offset: int) -> list[tuple[int, int]]:
        """The first matches (a window of them) that start at or after ``offset``."""
        return find_all(self._text, self._needle, start=offset, limit=self._size)

    def _up_to(self, offset: int) -> list[tuple[int, int]]:
        """The last matches (a window of them) that end at or before ``offset``."""
        return find_before(self._text, self._needle, offset, limit=self._size)

    def _count_up_to(self, offset: int) -> int:
        """How many matches there are before ``offset``."""
        return count_all(self._text, self._needle, end=offset)

    @property
    def whole(self) -> bool:
        """Whether the article's matches are few enough to be held all at once."""
        return self.total <= self._size

    def after(self, offset: int) -> int:
        """Hold the matches from the first at or after ``offset`` (round to the first of
        the article if none); the index of that first one. An article with few enough
        matches has them all held."""
        if self.whole:
            self.matches = self._from(0)
            self.before = 0
            return next((i for i, m in enumerate(self.matches) if m[0] >= offset), 0)
        self.matches = self._from(offset)
        if not self.matches and self.total:
            self.matches = self._from(0)
        self._count_before()
        return 0

    def ending_before(self, offset: int) -> int:
        """Hold the matches that end at or before ``offset``, up to it (round to the last
        of the article if none); the index of the last of them."""
        if self.whole:
            self.matches = self._from(0)
            self.before = 0
            earlier = [i for i, m in enumerate(self.matches) if m[1] <= offset]
            return earlier[-1] if earlier else len(self.matches) - 1
        self.matches = self._up_to(offset)
        if not self.matches and self.total:
            self.matches = self._up_to(self._length)
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
        return self.ending_before(first_start if self.before else self._length)

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
        self.before = self._count_up_to(first) if self.matches else 0


class FoundWindow(MatchWindow):
    """The places a project search found in an article (``found``, in the order of the
    text, none overlapping), held and stepped through a window at a time as typed words'
    matches are: an article opened from a search's result holds all of them, tens of
    thousands in a long article, and F3 reached only the first window's (the rest were
    out of reach, and the bar said "5000+" where the result counted them all)."""

    def __init__(
        self, found: list[tuple[int, int]], length: int, *, size: int | None = None
    ) -> None:
        super().__init__("", "", size=size)
        self._found = found
        self._starts = [start for start, _ in found]
        self._ends = [end for _, end in found]
        self._length = length
        self.total = len(found)

    def _from(self, offset: int) -> list[tuple[int, int]]:
        first = bisect_left(self._starts, offset)
        return self._found[first : first + self._size]

    def _up_to(self, offset: int) -> list[tuple[int, int]]:
        last = bisect_right(self._ends, offset)
        return self._found[max(0, last - self._size) : last]

    def _count_up_to(self, offset: int) -> int:
        return bisect_left(self._starts, offset)
