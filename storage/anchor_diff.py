"""What the line diff of an article's old and new texts says of a passage's words.

Lines an update kept unchanged tell which old words each place of the new text holds:
re-anchoring (:mod:`diptych.storage.anchoring`) uses that to refuse words that were
already beside a passage, to cut them off an approximate match, and to keep what is left
of a passage partly deleted.
"""

from __future__ import annotations

from diptych.storage.anchors import Anchor
from diptych.storage.fuzzy import Match, edit_distance
from diptych.storage.line_diff import LineDiff


class OldText:
    """An article's old text, lined up with its new one by their line diff.

    Attributes:
        diff: the line diff of the old and new texts.
    """

    def __init__(self, text: str, diff: LineDiff, old_text: str) -> None:
        self._text = text
        self.diff = diff
        self._old_text = old_text

    def was_there(self, anchor: Anchor) -> bool:
        """True if the passage is in the old text where its offsets say (not an orphan)."""
        return self._old_text.startswith(anchor.exact, anchor.start)

    def kept_part(self, anchor: Anchor) -> tuple[int, int] | None:
        """Where the lines the update kept hold part of the passage in the new text, without
        the blanks at its ends (a passage over two paragraphs, the shorter one deleted)."""
        if not self.was_there(anchor):
            return None
        kept = self.diff.kept_part(anchor.start, anchor.end)
        if kept is None:
            return None
        start, end = kept
        text = self._text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def trim(self, anchor: Anchor, match: Match) -> Match:
        """``match`` without the words at its ends that were beside the passage, not in it.

        An approximate match may reach over a deleted stretch into words that were there
        already (a passage over two paragraphs, the second deleted, ending in the first
        word of the third); unchanged lines say which old words each of its ends holds.
        """
        diff, text = self.diff, self._text
        start, end = match.start, match.end
        if not self.was_there(anchor):
            return match  # an orphan: its offsets are not in the old text
        kept = diff.kept_lines(start)
        if kept is not None and kept[2] + start - kept[0] < anchor.start:
            start = min(start + anchor.start - (kept[2] + start - kept[0]), kept[1])
        kept = diff.kept_lines(end - 1)
        if kept is not None and kept[2] + end - kept[0] > anchor.end:
            end = max(end - (kept[2] + end - kept[0] - anchor.end), kept[0])
        if (start, end) == (match.start, match.end):
            return match
        while start < end and text[start].isspace():  # the break between the paragraphs
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return Match(start, start, len(anchor.exact))
        return Match(start, end, edit_distance(anchor.exact, text[start:end]))

    def overlaps(self, anchor: Anchor, was: int, size: int) -> bool:
        """True if a candidate's ``size`` characters, at ``was`` in the old text, were (some of) the
        passage's, or the same lines as the passage's. (An orphan was nowhere in the old
        text: its offsets are those of an older one, and say nothing of this one.)"""
        if not self.was_there(anchor):
            return False
        if was < anchor.end and anchor.start < was + size:
            return True
        return self.twin(anchor, was)

    def twin(self, anchor: Anchor, old_start: int) -> bool:
        """True if the passage's lines in the old text recur, the same, at ``old_start``.

        A line diff pairs identical lines arbitrarily ("Read more" twice, one of them
        deleted): the one kept may be either, and the passage's context is to decide.
        """
        old, length = self._old_text, len(anchor.exact)

        def lines(start: int) -> tuple[int, str]:
            first = old.rfind("\n", 0, start) + 1
            last = old.find("\n", start + length)
            return start - first, old[first : len(old) if last < 0 else last]

        return lines(old_start) == lines(anchor.start)
