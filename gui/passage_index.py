"""Which passages cover which part of an article, bucketed by block.

The highlighter asks, for one block at a time, how to colour its characters; the margin
asks which passages are visible. Both questions are answered from per-block buckets, so
that adding one passage touches only the blocks it spans. Pure Python (no Qt), so that
it is tested on its own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from diptych.storage.document import Block


@dataclass(frozen=True, slots=True)
class Mark:
    """A passage as painted: its range and the colours of its tags, in codebook order."""

    annotation_id: int
    start: int
    end: int
    colors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of characters covered by the same passages."""

    start: int
    end: int
    marks: tuple[Mark, ...]


class PassageIndex:
    """Passages of one article, bucketed by the blocks they overlap.

    Args:
        blocks: the article's blocks (display-text ranges).
    """

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._starts = [b.start for b in blocks]
        self._ends = [b.end for b in blocks]
        self._buckets: dict[int, list[Mark]] = {}
        self._marks: dict[int, Mark] = {}

    def __len__(self) -> int:
        return len(self._marks)

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._marks

    def marks(self) -> list[Mark]:
        """Every mark, in text order."""
        return sorted(self._marks.values(), key=lambda m: (m.start, m.end, m.annotation_id))

    def get(self, annotation_id: int) -> Mark | None:
        """The mark of a passage, if indexed."""
        return self._marks.get(annotation_id)

    def reset(self, marks: Iterable[Mark]) -> None:
        """Replace every mark."""
        self._buckets.clear()
        self._marks.clear()
        for mark in marks:
            self.add(mark)

    def block_range(self, start: int, end: int) -> range:
        """Indexes of the blocks that overlap ``[start, end)``."""
        if not self._starts:
            return range(0)
        first = max(0, bisect_right(self._starts, start) - 1)
        last = max(first, bisect_right(self._starts, max(start, end - 1)) - 1)
        return range(first, last + 1)

    def add(self, mark: Mark) -> range:
        """Index a mark (replacing one with the same id); returns the blocks to repaint."""
        touched = self.remove(mark.annotation_id)
        self._marks[mark.annotation_id] = mark
        blocks = self.block_range(mark.start, mark.end)
        for index in blocks:
            self._buckets.setdefault(index, []).append(mark)
        return _union(touched, blocks)

    def remove(self, annotation_id: int) -> range:
        """Forget a mark; returns the blocks to repaint (empty if it was not indexed)."""
        mark = self._marks.pop(annotation_id, None)
        if mark is None:
            return range(0)
        blocks = self.block_range(mark.start, mark.end)
        for index in blocks:
            bucket = self._buckets.get(index, [])
            bucket[:] = [m for m in bucket if m.annotation_id != annotation_id]
        return blocks

    def marked_blocks(self) -> list[int]:
        """Indexes of the blocks that hold at least one passage, in order."""
        return sorted(index for index, bucket in self._buckets.items() if bucket)

    def in_block(self, index: int) -> list[Mark]:
        """Marks overlapping block ``index``."""
        return list(self._buckets.get(index, ()))

    def at(self, offset: int) -> list[Mark]:
        """Marks covering ``offset``, shortest first (the innermost passage first)."""
        if not self._starts:
            return []
        index = max(0, bisect_right(self._starts, offset) - 1)
        hits = [m for m in self._buckets.get(index, ()) if m.start <= offset < m.end]
        return sorted(hits, key=lambda m: (m.end - m.start, m.start, m.annotation_id))

    def segments(self, index: int) -> list[Segment]:
        """Runs of block ``index`` covered by the same marks (uncovered runs left out)."""
        marks = self._buckets.get(index)
        if not marks:
            return []
        lo, hi = self._starts[index], self._ends[index]
        # Sweep over start/end events so that many marks in one block stay cheap.
        events: dict[int, list[tuple[bool, Mark]]] = {}
        for mark in marks:
            events.setdefault(max(mark.start, lo), []).append((True, mark))
            events.setdefault(min(mark.end, hi), []).append((False, mark))
        active: dict[int, Mark] = {}
        result: list[Segment] = []
        edges = sorted(events)
        for position, following in zip(edges, [*edges[1:], hi], strict=True):
            for opens, mark in events[position]:
                if opens:
                    active[mark.annotation_id] = mark
                else:
                    active.pop(mark.annotation_id, None)
            if active and following > position:
                ordered = sorted(active.values(), key=lambda m: (m.start, m.annotation_id))
                result.append(Segment(position, following, tuple(ordered)))
        return result


def _union(a: range, b: range) -> range:
    if not a:
        return b
    if not b:
        return a
    return range(min(a.start, b.start), max(a.stop, b.stop))
