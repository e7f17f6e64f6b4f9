"""Finding passages again when an article's text changes.

A passage is anchored by offsets and by its quote in context (:mod:`diptych.storage.anchors`).
When the analyst re-imports a newer version of an article, :func:`reanchor_all` looks for
every passage in the new text, in this order:

1. where the old position is expected now (the old offsets, or where a line diff of the
   old and new texts says they moved), if the quote and its context are still there;
2. every exact occurrence of the quote, ranked by how well its context agrees, then by
   distance from the expected position (:mod:`diptych.storage.quotes`);
3. approximate matches of the quote (Myers' algorithm, :mod:`diptych.storage.fuzzy`)
   near the expected position, then anywhere in the text, scored on quote and context;
   near it, also the quote respaced or spelt with other invisible differences (NFD
   accents, ligatures, soft hyphens, straight quotes: :func:`~diptych.storage.quotes.fold`).

An exact occurrence wins unless its context disagrees and an approximate match near the
expected position scores higher. A place is refused, whatever its score, when it is
surely other words (:func:`~diptych.storage.anchor_trust.plausible`): words the line
diff shows were already elsewhere in the old text, a short quote whose context does not
vouch for it, a longer one with a rewritten context far from its place. A passage found
nowhere is an orphan: it is reported, never dropped; keeping it is the caller's business.
Better an orphan, which the analyst re-attaches, than a passage silently moved onto other
words.

Places are scored from 0 to 1 on the quote and its context
(:mod:`diptych.storage.anchor_scores`); what the line diff says of a place's words is
:mod:`diptych.storage.anchor_diff`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from diptych.storage.anchor_diff import OldText
from diptych.storage.anchor_edges import word_edges
from diptych.storage.anchor_scores import Candidate, score_match
from diptych.storage.anchor_trust import (
    DISTINCT_LENGTH,
    MAX_FUZZY_LENGTH,
    MAX_OCCURRENCES,
    MIN_FUZZY_SCORE,
    NEAR_MARGIN,
    far_errors,
    near_errors,
    plausible,
)
from diptych.storage.anchors import CONTEXT_LENGTH, Anchor, make_anchor, whole_characters
from diptych.storage.errors import Cancelled
from diptych.storage.fuzzy import Match, search_window
from diptych.storage.line_diff import LineDiff
from diptych.storage.quotes import (
    SeedIndex,
    nearest_occurrence,
    occurrences_around,
    search_folded,
    search_respaced,
)


class AnchorMethod(StrEnum):
    """How a passage was found again in a new text."""

    POSITION = "position"
    QUOTE = "quote"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Reanchored:
    """A passage looked for in a new text.

    Attributes:
        anchor: its anchor in the new text, or None for an orphan.
        method: how it was found.
        score: confidence from 0.0 (orphan) to 1.0 (exact quote in its old context).
        shifted: found by its quote exactly where the edits before it put it (text
            added or cut above it): the same place for the analyst, though not the same
            offsets.
    """

    anchor: Anchor | None
    method: AnchorMethod
    score: float
    shifted: bool = False

    @property
    def in_place(self) -> bool:
        """True if the passage is where it was, as the analyst sees it: at its old
        offsets, or where the text added or cut before it shifted it."""
        return self.method is AnchorMethod.POSITION or self.shifted


_ORPHAN = Reanchored(None, AnchorMethod.ORPHAN, 0.0)


def reanchor(anchor: Anchor, new_text: str, *, old_text: str | None = None) -> Reanchored:
    """Find one passage again in ``new_text`` (see the module docstring for how).

    Args:
        anchor: the passage's anchor in the old text.
        new_text: the article's new display text.
        old_text: the old display text, if known: positions are then expected where a
            line diff says the old text moved, which finds moved passages faster and
            more surely.

    Returns:
        The passage's new anchor, how it was found and how sure that is.
    """
    return reanchor_all([anchor], new_text, old_text=old_text)[0]


def reanchor_all(
    anchors: Sequence[Anchor],
    new_text: str,
    *,
    old_text: str | None = None,
    keep_going: Callable[[], bool] | None = None,
) -> list[Reanchored]:
    """:func:`reanchor` for many passages of one article, diffing the texts only once.

    ``keep_going``, if given, is asked before each passage is looked for; once it returns
    False the work stops with :class:`~diptych.storage.errors.Cancelled`.
    """
    diff = LineDiff(old_text, new_text) if old_text is not None else None
    finder = _Finder(new_text, diff, old_text or "")
    if keep_going is None:
        return [finder.locate(anchor) for anchor in anchors]
    results = []
    for anchor in anchors:
        if not keep_going():
            raise Cancelled
        results.append(finder.locate(anchor))
    return results


_VISIBLE = re.compile(r"\S")


class _Finder:
    """Looks for passages in one new text."""

    def __init__(self, text: str, diff: LineDiff | None, old_text: str) -> None:
        self._text = text
        self._old = OldText(text, diff, old_text) if diff is not None else None
        self._index: SeedIndex | None = None  # built on the first search far away

    def locate(self, anchor: Anchor) -> Reanchored:
        """Where ``anchor``'s passage is in the text, if anywhere."""
        if not anchor.exact.strip() or not self._text:
            return _ORPHAN
        moved = self._old.diff.new_offset(anchor.start) if self._old else anchor.start
        expected = min(max(0, moved), len(self._text))
        for start in dict.fromkeys((expected, anchor.start)):
            if self._holds(anchor, start):  # as it was, and in the same context
                new = make_anchor(self._text, start, start + len(anchor.exact))
                method = AnchorMethod.POSITION if start == anchor.start else AnchorMethod.QUOTE
                return Reanchored(new, method, 1.0, shifted=start == expected != anchor.start)
        best = self._best_exact(anchor, expected)
        if best is None or best.score < 1.0:
            near = [c for c in (best, self._best_near(anchor, expected)) if c is not None]
            best = max(near, key=Candidate.rank, default=None)
        if best is None and len(anchor.exact) >= DISTINCT_LENGTH:
            best = self._best_far(anchor, expected)
        if best is None:
            best = self._best_left(anchor, expected)
        if best is None:
            return _ORPHAN
        return self._result(anchor, best.start, best.end, best.score, expected)

    def _holds(self, anchor: Anchor, start: int) -> bool:
        """True if the quote and its old context are at ``start``."""
        text, end = self._text, start + len(anchor.exact)
        before = start - len(anchor.prefix)
        return (
            before >= 0
            and text.startswith(anchor.exact, start)
            and text.startswith(anchor.prefix, before)
            and text.startswith(anchor.suffix, end)
            and self._at_ends(anchor, start, end)
        )

    def _at_ends(self, anchor: Anchor, start: int, end: int) -> bool:
        """False if a context cut short by the start (or end) of the old text is not at
        the start (or end) of the new one, give or take blank lines: a passage that opened
        the text, found after other words, is not in its old context."""
        text = self._text
        if len(anchor.prefix) < CONTEXT_LENGTH and text[: start - len(anchor.prefix)].strip():
            return False
        tail = end + len(anchor.suffix)
        return len(anchor.suffix) == CONTEXT_LENGTH or _VISIBLE.search(text, tail) is None

    def _result(
        self, anchor: Anchor, start: int, end: int, score: float, expected: int
    ) -> Reanchored:
        if self._text[start:end] != anchor.exact:  # an approximate match: on whole words
            start, end = word_edges(
                self._text, start, end, anchor.exact, before=anchor.prefix, after=anchor.suffix
            )
        # Whole characters: an approximate match may split one, and so may the very quote
        # found in a text that decomposes its accents ("cafe" in "cafe" + U+0301).
        start, end = whole_characters(self._text, start, end)
        new = make_anchor(self._text, start, end)
        if new.exact != anchor.exact:
            method = AnchorMethod.FUZZY
        elif start == anchor.start:
            method = AnchorMethod.POSITION
        else:
            method = AnchorMethod.QUOTE
        return Reanchored(
            new, method, score, shifted=method is AnchorMethod.QUOTE and start == expected
        )

    def _best_exact(self, anchor: Anchor, expected: int) -> Candidate | None:
        """The exact occurrence whose context agrees best, nearest first among equals."""
        length = len(anchor.exact)
        if anchor.exact not in self._text:  # one scan, not the several of the searches below
            return None
        whole = anchor.prefix + anchor.exact + anchor.suffix
        at = nearest_occurrence(self._text, whole, expected - len(anchor.prefix))
        start = -1 if at is None else at + len(anchor.prefix)
        if at is not None and self._at_ends(anchor, start, start + length):
            # the old context, whole: nothing can agree better
            return Candidate(start, start + length, 0, 1.0, 1.0, abs(start - expected))
        starts = occurrences_around(self._text, anchor.exact, expected, MAX_OCCURRENCES)
        if at is not None:
            starts.append(start)
        candidates = (
            score_match(self._text, anchor, Match(s, s + length, 0), expected) for s in starts
        )
        trusted = (c for c in candidates if plausible(self._text, self._old, anchor, c))
        return max(trusted, key=Candidate.rank, default=None)

    def _best_left(self, anchor: Anchor, expected: int) -> Candidate | None:
        """What is left of a passage most of which is in lines the update kept (a passage
        over two paragraphs, the shorter one deleted), if it is at least half of it."""
        kept = self._old.kept_part(anchor) if self._old is not None else None
        if kept is None:
            return None
        start, end = kept
        if 2 * (end - start) < len(anchor.exact.strip()):
            return None
        left = score_match(
            self._text, anchor, Match(start, end, len(anchor.exact) - (end - start)), expected
        )
        accepted = left.score >= MIN_FUZZY_SCORE and plausible(self._text, self._old, anchor, left)
        return left if accepted else None

    def _best_near(self, anchor: Anchor, expected: int) -> Candidate | None:
        """The best approximate match around the expected position."""
        length = len(anchor.exact)
        margin = NEAR_MARGIN + length
        low, high = expected - margin, expected + length + margin
        found = search_respaced(self._text, anchor.exact, low, high)
        found += search_folded(self._text, anchor.exact, low, high)
        if length <= MAX_FUZZY_LENGTH:
            errors = near_errors(length)
            found += search_window(self._text, anchor.exact, errors, low, high, best_only=False)
        return self._best_fuzzy(anchor, found, expected)

    def _best_far(self, anchor: Anchor, expected: int) -> Candidate | None:
        """The best approximate match anywhere, held to a stricter error bound."""
        length = len(anchor.exact)
        found = search_respaced(self._text, anchor.exact)
        if length <= MAX_FUZZY_LENGTH:
            if self._index is None:
                self._index = SeedIndex(self._text)
            found += self._index.search(anchor.exact, far_errors(length))
        return self._best_fuzzy(anchor, found, expected)

    def _best_fuzzy(self, anchor: Anchor, found: list[Match], expected: int) -> Candidate | None:
        """The best of the approximate matches ``found`` that are good enough to accept."""
        old = self._old
        trimmed = (m if old is None else old.trim(anchor, m) for m in found)
        candidates = (
            score_match(self._text, anchor, m, expected)
            for m in trimmed
            if self._text[m.start : m.end].strip()
        )
        accepted = (
            c
            for c in candidates
            if c.score >= MIN_FUZZY_SCORE and plausible(self._text, self._old, anchor, c)
        )
        return max(accepted, key=Candidate.rank, default=None)
