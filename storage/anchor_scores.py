"""How well a place in a new text agrees with a passage: the scores of re-anchoring.

Scores run from 0 to 1: ``0.6 * quote + 0.4 * context``, where ``quote`` is
``1 - errors / len(quote)`` and ``context`` the mean :func:`~diptych.storage.fuzzy.similarity`
of the old and new prefix and suffix, folded. An exact quote in its old context scores 1.0.
Which places are accepted is :mod:`diptych.storage.anchoring`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from diptych.storage.anchors import CONTEXT_LENGTH, Anchor
from diptych.storage.fuzzy import Match, similarity
from diptych.storage.quotes import fold

QUOTE_WEIGHT = 0.6
"""Share of the quote in a score; the context (prefix and suffix) has the rest."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that may hold a passage, with its score and distance from the expected place."""

    start: int
    end: int
    errors: int
    context: float
    score: float
    distance: int
    worded: float = 0.0
    """How well the context agrees where the passage had some (not at an end of the text)."""
    own: bool = False
    """In the paragraph the update made of the passage's own (the line diff pairs them, and
    they have most of their words in common): nothing elsewhere is more surely it."""
    doubtful: bool = False
    """The very words, but where it cannot be told they are the passage's own (a short
    quote that recurs, its paragraph rewritten): reported as found approximately."""

    def rank(self) -> tuple[float, int]:
        return (self.score, -self.distance)


def score_match(text: str, anchor: Anchor, match: Match, expected: int) -> Candidate:
    """``match`` in ``text`` scored against the quote and its old context (module docstring)."""
    wide = 2 * CONTEXT_LENGTH
    before = text[max(0, match.start - wide) : match.start]
    after = text[match.end : match.end + wide]
    sides = [
        (anchor.prefix, context_similarity(anchor.prefix, before)),
        (anchor.suffix, context_similarity(anchor.suffix, after, after=True)),
    ]
    context = (sides[0][1] + sides[1][1]) / 2
    worded = [agreed for old, agreed in sides if old]
    quote = 1.0 - match.errors / len(anchor.exact)
    score = QUOTE_WEIGHT * quote + (1.0 - QUOTE_WEIGHT) * context
    distance = abs(match.start - expected)
    return Candidate(
        match.start,
        match.end,
        match.errors,
        context,
        score,
        distance,
        sum(worded) / len(worded) if worded else 0.0,
    )


def context_similarity(old: str, new: str, *, after: bool = False) -> float:
    """How alike a passage's ``old`` prefix and the text ``new`` just before a place are
    (its suffix and the text just after, if ``after``).

    Both are compared folded (:func:`~diptych.storage.quotes.fold`), so that a text
    re-extracted in NFD or with straight quotes keeps its context; ``new`` holds up to
    twice :data:`CONTEXT_LENGTH` characters, of which as many folded ones as the old
    prefix has are compared. An old prefix shorter than that was cut short by the start
    of the text: it agrees only with a place as near the start, give or take blank lines,
    not with any place whose last few characters it happens to end like (the same for
    the end of the text and a suffix).
    """
    old_folded, new_folded = fold(old), fold(new)
    if after:  # the edit distance of two strings is that of the two reversed
        old_folded, new_folded = old_folded[::-1], new_folded[::-1]
    if len(old) == CONTEXT_LENGTH:
        new_folded = new_folded[max(0, len(new_folded) - len(old_folded)) :]
    else:
        new_folded = new_folded[-max(len(old_folded), CONTEXT_LENGTH) :]
        extra = len(new_folded) - len(old_folded)
        if extra > 0 and not new_folded[:extra].strip():
            new_folded = new_folded[extra:]
    return similarity(old_folded, new_folded)


def adjacent(text: str, anchor: Anchor, candidate: Candidate) -> int:
    """How many characters of ``text`` just before and just after the candidate are as they were
    (the words of its paragraph around it, when the paragraph moved)."""
    prefix, suffix = anchor.prefix, anchor.suffix
    before = 0
    while (
        before < len(prefix)
        and candidate.start - before > 0
        and text[candidate.start - before - 1] == prefix[-before - 1]
    ):
        before += 1
    after = 0
    while (
        after < len(suffix)
        and candidate.end + after < len(text)
        and text[candidate.end + after] == suffix[after]
    ):
        after += 1
    return before + after
