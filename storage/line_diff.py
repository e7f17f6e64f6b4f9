"""Where an offset of an old text is expected in its new version, from a diff of their
lines: re-anchoring (:mod:`diptych.storage.anchoring`) searches there first after an
article's text changes, and :mod:`diptych.storage.anchor_diff` reads which words the
unchanged lines kept.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class LineDiff:
    """Where each offset of an old text is expected in a new one, from a diff of their lines.

    Offsets in unchanged lines move with them; offsets in changed lines are placed in
    proportion within the lines that replaced them; deleted lines map to where they were.
    """

    def __init__(self, old_text: str, new_text: str) -> None:
        from difflib import SequenceMatcher  # only when an article's text changes

        old_lines = old_text.splitlines(keepends=True)
        new_lines = new_text.splitlines(keepends=True)
        old_at = [0, *accumulate(map(len, old_lines))]
        new_at = [0, *accumulate(map(len, new_lines))]
        self._starts: list[int] = []
        self._blocks: list[tuple[int, int, int, int, bool]] = []
        self._kept_starts: list[int] = []  # new starts of the unchanged runs of lines
        self._kept: list[tuple[int, int, int]] = []  # (new start, new end, old start)
        # Lines compare without their breaks: the last line, once a paragraph is added
        # after it, gains one and is still the same line.
        old_keys = [line.rstrip("\r\n") for line in old_lines]
        new_keys = [line.rstrip("\r\n") for line in new_lines]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys).get_opcodes():
            if i1 < i2:  # inserted lines hold no old offset
                self._starts.append(old_at[i1])
                self._blocks.append(
                    (old_at[i1], old_at[i2], new_at[j1], new_at[j2], tag == "equal")
                )
            if tag == "equal":
                self._kept_starts.append(new_at[j1])
                self._kept.append((new_at[j1], new_at[j2], old_at[i1]))

    def new_offset(self, offset: int) -> int:
        """The offset in the new text where old ``offset`` is expected."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return 0
        old_a, old_b, new_a, new_b, equal = self._blocks[index]
        if equal or offset >= old_b:
            return min(new_a + offset - old_a, new_b)
        return new_a + (offset - old_a) * (new_b - new_a) // (old_b - old_a)

    def replaced_by(self, offset: int) -> tuple[int, int] | None:
        """The new lines that replaced the changed line holding old ``offset`` (those the diff
        put in the place of its run of changed lines), as new offsets; None if that line was
        kept, or deleted with nothing in its place."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        _old_a, old_b, new_a, new_b, equal = self._blocks[index]
        if equal or offset >= old_b or new_a == new_b:
            return None
        return new_a, new_b

    def kept_lines(self, offset: int) -> tuple[int, int, int] | None:
        """The run of unchanged lines holding new ``offset``: its new start and end, and
        its old start; None if ``offset`` is in lines that were changed or inserted."""
        index = bisect_right(self._kept_starts, offset) - 1
        if index < 0 or offset >= self._kept[index][1]:
            return None
        return self._kept[index]

    def kept_part(self, start: int, end: int) -> tuple[int, int] | None:
        """The longest part of old ``[start, end)`` in lines the new text kept, as new
        offsets; None if all of it was changed or deleted."""
        best: tuple[int, int] | None = None
        for new_a, new_b, old_a in self._kept:
            old_b = old_a + new_b - new_a
            low, high = max(start, old_a), min(end, old_b)
            if low < high and (best is None or high - low > best[1] - best[0]):
                best = (new_a + low - old_a, new_a + high - old_a)
        return best

    def old_offset(self, start: int, end: int) -> int | None:
        """Where ``new[start:end]`` was in the old text, if it lies in unchanged lines.

        None if any of it is in lines that were changed or inserted.
        """
        index = bisect_right(self._kept_starts, start) - 1
        if index < 0:
            return None
        new_a, new_b, old_a = self._kept[index]
        return old_a + start - new_a if end <= new_b else None
