"""What the line diff of an article's old and new texts says of a passage's words.

Lines an update kept unchanged tell which old words each place of the new text holds:
re-anchoring (:mod:`diptych.storage.anchoring`) uses that to refuse words that were
already beside a passage, to cut them off an approximate match, and to keep what is left
of a passage partly deleted.
"""

from __future__ import annotations

import re

from diptych.storage.anchors import Anchor
from diptych.storage.fuzzy import Match, edit_distance
from diptych.storage.line_diff import LineDiff

PAIRED = 0.6
"""How alike (:meth:`OldText.likeness`) a new paragraph must be to the one that held a
passage to be that paragraph, edited: a sentence reworded, a clause or a table column
added. A paragraph rewritten beyond that is another one."""

LINE_REACH = 1_000
"""Characters of a very long line (a text without line breaks) compared on each side of
a place."""

_WORD = re.compile(r"\w+")


class OldText:
    """An article's old text, lined up with its new one by their line diff.

    Attributes:
        diff: the line diff of the old and new texts.
    """

    def __init__(self, text: str, diff: LineDiff, old_text: str) -> None:
        self._text = text
        self.diff = diff
        self._old_text = old_text
        self._related: bool | None = None  # found on first use

    def kept_place(self, anchor: Anchor) -> int | None:
        """Where the passage is in the new text if the update kept every line of it
        unchanged: its own words, whatever became of the paragraphs around it."""
        if not self.was_there(anchor):
            return None
        start = self.diff.new_offset(anchor.start)
        if self.diff.old_offset(start, start + len(anchor.exact)) != anchor.start:
            return None
        return start if self._text.startswith(anchor.exact, start) else None

    def line_recurs(self, anchor: Anchor) -> bool:
        """True if the passage's lines stand, the same, elsewhere in the old text too ("Read
        more" twice): the line diff pairs such lines arbitrarily, and says nothing of which
        is the passage's."""
        old, end = self._old_text, anchor.end
        first = old.rfind("\n", 0, anchor.start) + 1
        last = old.find("\n", end)
        lines = old[first : len(old) if last < 0 else last]
        framed, at = f"\n{old}\n", first  # at: the passage's lines, in ``framed``
        found = framed.find(f"\n{lines}\n")
        while found >= 0:
            if found != at:
                return True
            found = framed.find(f"\n{lines}\n", found + 1)
        return False

    def elsewhere(self, anchor: Anchor, start: int, end: int) -> bool:
        """True if ``new[start:end]`` is in lines the update kept unchanged from another place
        of the old text: other words, that were there already beside the passage."""
        was = self.diff.old_offset(start, end)
        return was is not None and not self.overlaps(anchor, was, end - start)

    def likeness(self, anchor: Anchor, start: int, end: int) -> float:
        """How alike the new paragraph around ``[start, end)`` and the passage's old one are,
        from 0 to 1: the share of their words they have in common (Dice's coefficient of
        their sets of words). Words, not characters: a clause moved within the sentence
        ("..., said Petra Wolf" become "According to Petra Wolf, ...") keeps them all."""
        old = _words(_line(self._old_text, anchor.start, anchor.end))
        new = _words(_line(self._text, start, end))
        if not old and not new:
            return 1.0
        return 2 * len(old & new) / (len(old) + len(new))

    def line_ordinal(self, anchor: Anchor) -> tuple[int, int] | None:
        """Which occurrence of its quote the passage is in its old line (from 0), and how many
        that line holds; None where its quote is not where it says in the old text (a
        passage stored wrong)."""
        old = self._old_text
        found = _occurrences(old, anchor.exact, *_line_bounds(old, anchor.start, anchor.end))
        if anchor.start not in found:
            return None
        return found.index(anchor.start), len(found)

    def occurrences_in_line(self, exact: str, at: int) -> list[int]:
        """The starts of the occurrences of ``exact`` in the new line holding offset ``at``."""
        return _occurrences(self._text, exact, *_line_bounds(self._text, at, at + len(exact)))

    def once_in_both(self, anchor: Anchor) -> int | None:
        """Where the passage's quote is in the new text if it occurs exactly once there, as
        a whole word if it was one, in the lines that replaced the passage's, and once in
        the old text (the passage), and the new text is the old one changed (not another
        text): the same words, a name or a table's row label, whatever was rewritten
        around them."""
        exact, text = anchor.exact, self._text
        if not self.was_there(anchor) or self._old_text.count(exact) != 1:
            return None
        at = text.find(exact)
        if at < 0 or text.find(exact, at + 1) >= 0:
            return None
        replaced = self.diff.replaced_by(anchor.start)
        if replaced is None or not replaced[0] <= at < replaced[1]:
            return None
        if not self.same_edges(anchor, at):
            return None  # "ptt" was a word; in "pttvo" it is not
        return at if self.related() else None

    def same_edges(self, anchor: Anchor, at: int) -> bool:
        """True if the quote at new offset ``at`` begins and ends inside a word, or not,
        as the passage did: "ia" as a word is not the "ia" inside "mgiaop"."""
        old, new, end = self._old_text, self._text, at + len(anchor.exact)
        was = (_joined(old, anchor.start), _joined(old, anchor.end))
        return was == (_joined(new, at), _joined(new, end))

    def related(self) -> bool:
        """True if the new text is the old one changed, not another text that shares
        hardly a phrase with it (:func:`~diptych.storage.text_likeness.unrelated`)."""
        if self._related is None:
            from diptych.storage.text_likeness import unrelated  # once, if ever needed

            self._related = not unrelated(self._old_text, self._text)
        return self._related

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


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) of ``text`` holding ``[start, end)``, at most
    :data:`LINE_REACH` characters on each side of it."""
    first = max(text.rfind("\n", 0, start) + 1, start - LINE_REACH)
    last = text.find("\n", end)
    return first, min(len(text) if last < 0 else last, end + LINE_REACH)


def _line(text: str, start: int, end: int) -> str:
    first, last = _line_bounds(text, start, end)
    return text[first:last]


def _joined(text: str, at: int) -> bool:
    """True if ``at`` is inside a word of ``text`` (letters or digits on both sides)."""
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _occurrences(text: str, exact: str, start: int, end: int) -> list[int]:
    """The starts of the occurrences of ``exact`` in ``text[start:end]``, overlapping ones
    too ("aa" twice in "aaa")."""
    found, at = [], text.find(exact, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(exact, at + 1, end)
    return found
