"""How far re-anchoring searches for a passage, and which places it trusts.

The limits of the searches (:mod:`diptych.storage.anchoring`): how far from its place a
quote is looked for, how many edits an approximate match may hold, the score it needs;
and :func:`plausible`, which refuses a place that is surely other words, whatever its
score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diptych.storage.anchor_scores import adjacent

if TYPE_CHECKING:
    from diptych.storage.anchor_diff import OldText
    from diptych.storage.anchor_scores import Candidate
    from diptych.storage.anchors import Anchor

NEAR_MARGIN = 256
"""Code points searched on each side of the expected position (plus the quote's length)."""

DISTINCT_LENGTH = 16
"""Quotes at least this long are searched approximately in the whole text, and trusted
far from their place even when their context has changed."""

MAX_FUZZY_LENGTH = 20_000
"""Longer quotes are found again only exactly (an approximate search would take seconds)."""

FAR_LENGTH = 40
"""Characters (the quote and the context just around it that is unchanged) a quote needs
to be trusted far from its place when most of its context was rewritten: a moved
paragraph's sentence, not a stock phrase ("according to people familiar")."""

MIN_FUZZY_SCORE = 0.5
"""Approximate matches scoring less are not accepted."""

MAX_OCCURRENCES = 50
"""Exact occurrences examined on each side of the expected position."""


def near_errors(length: int) -> int:
    """Edits allowed in an approximate match of a quote of ``length`` near its place.

    A quarter of the quote: enough for a few typos or respaced words in a sentence, while
    a quote rewritten beyond that is better reported as an orphan than pinned to the
    wrong words. One edit at least, but none in a quote of one to three characters, which
    one edit makes another word ("rg" and "dg", "the" and "she"). Short quotes still need
    context to be accepted (see the score).
    """
    return max(1, length // 4) if length >= 4 else 0


def far_errors(length: int) -> int:
    """Edits allowed in an approximate match of a quote found far from its place.

    An eighth of the quote: a match far away must be more alike to be trusted.
    """
    return max(1, length // 8)


def plausible(text: str, old: OldText | None, anchor: Anchor, candidate: Candidate) -> bool:
    """False for words of ``text`` that are not the passage, as far as can be told; ``old``
    is what the line diff says of the old text, if it is known.

    - Words in lines the new text kept unchanged from another place of the old text
      were there already, beside the passage: they are other words, whatever they say
      (unless their lines and the passage's were the same). Words that were part of
      the passage are its own (what is left of a passage partly deleted), and the
      passage in its own unchanged lines is itself, whatever became of its context
      (a heading between two rewritten paragraphs).
    - Short quotes recur by chance ("the data", "in 2020", "US"), so their context
      must vouch for them, even exact and near their place: a quarter of it agreeing,
      such as half of the prefix or of the suffix. If the quote itself differs, three
      quarters of the context it has must agree: "2024." is not "2025." because both
      end the text (which counts as agreeing but says little), nor because both end a
      paragraph before the same one. A short quote whose
      prefix and suffix are both rewritten (its paragraph deleted, the whole text
      replaced) is an orphan, not the same common words a few lines away.
    - Longer quotes recur too ("the United States", "according to people familiar"):
      with their context rewritten they are trusted near their place (a sentence
      rewritten around them), and far from it only if they and the unchanged text
      right around them make :data:`FAR_LENGTH` characters (a paragraph moved).
    """
    if old is not None:
        was = old.diff.old_offset(candidate.start, candidate.end)
        size = candidate.end - candidate.start
        if was is not None and not old.overlaps(anchor, was, size):
            return False
        if was == anchor.start and candidate.errors == 0 and old.was_there(anchor):
            return True  # the passage's own words, in its own unchanged lines
    length = len(anchor.exact)
    if length < DISTINCT_LENGTH and candidate.errors:  # a short quote spelt otherwise
        return candidate.worded >= 0.75
    if candidate.context >= 0.25:
        return True
    if length < DISTINCT_LENGTH:
        return False
    if candidate.distance <= NEAR_MARGIN + length:
        return True
    return length + adjacent(text, anchor, candidate) >= FAR_LENGTH
