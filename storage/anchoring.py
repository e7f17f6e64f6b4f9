"""Passage anchors, and finding passages again when an article's text changes.

A passage is anchored to the article's display text as the W3C Web Annotation selectors
do it: by code-point offsets ``[start, end)`` (a TextPositionSelector) and by its exact
text with up to :data:`CONTEXT_LENGTH` code points of context on each side (a
TextQuoteSelector). When the analyst re-imports a newer version of an article,
:func:`reanchor_all` looks for every passage in the new text, in this order:

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
surely other words (:meth:`_Finder._plausible`): words the line diff shows were already
elsewhere in the old text, a short quote whose context does not vouch for it, a longer
one with a rewritten context far from its place. A passage found nowhere is an orphan:
it is reported, never dropped; keeping it is the caller's business. Better an orphan,
which the analyst re-attaches, than a passage silently moved onto other words.

Scores run from 0 to 1: ``0.6 * quote + 0.4 * context``, where ``quote`` is
``1 - errors / len(quote)`` and ``context`` the mean :func:`~diptych.storage.fuzzy.similarity`
of the old and new prefix and suffix, folded. An exact quote in its old context scores 1.0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from diptych.storage.errors import Cancelled
from diptych.storage.fuzzy import Match, edit_distance, search_window, similarity
from diptych.storage.quotes import (
    LineDiff,
    SeedIndex,
    fold,
    nearest_occurrence,
    occurrences_around,
    search_folded,
    search_respaced,
)

CONTEXT_LENGTH = 32
"""Code points of context kept on each side of a passage."""

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

QUOTE_WEIGHT = 0.6
"""Share of the quote in a score; the context (prefix and suffix) has the rest."""


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


class AnchorError(ValueError):
    """A range or a quote that does not make a passage of the text.

    Its message is a clause without a final full stop, ready to become an
    :class:`~diptych.storage.errors.InputError` where the user gave the range or quote.
    """


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is in an article's display text.

    Attributes:
        start: first code point of the passage.
        end: one past its last code point.
        exact: the passage's text, ``text[start:end]``.
        prefix: up to :data:`CONTEXT_LENGTH` code points just before ``start``.
        suffix: up to :data:`CONTEXT_LENGTH` code points just after ``end``.
    """

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


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
    """

    anchor: Anchor | None
    method: AnchorMethod
    score: float


_ORPHAN = Reanchored(None, AnchorMethod.ORPHAN, 0.0)


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``.

    Raises:
        AnchorError: (a ValueError) if the range is empty, outside the text or only whitespace.
    """
    if not 0 <= start < end <= len(text):
        raise AnchorError(
            f"the range {start}-{end} is not a passage of a {len(text)}-character text"
        )
    exact = text[start:end]
    if exact.isspace():
        raise AnchorError(f"the range {start}-{end} holds only whitespace")
    prefix = text[max(0, start - CONTEXT_LENGTH) : start]
    return Anchor(start, end, exact, prefix, text[end : end + CONTEXT_LENGTH])


def find_quote(text: str, exact: str, *, occurrence: int = 1) -> Anchor:
    """The anchor of the ``occurrence``-th (1-based) occurrence of ``exact`` in ``text``.

    Occurrences are counted without overlapping, as a reader finding them one by one would.

    Raises:
        AnchorError: (a ValueError) if the quote is blank, or is not in the text that
            many times.
    """
    if occurrence < 1:
        raise AnchorError(f"occurrences are counted from 1, not {occurrence}")
    if not exact.strip():
        raise AnchorError("the quote is empty")
    shown = exact if len(exact) <= 40 else exact[:37] + "..."
    at = -len(exact)
    for count in range(occurrence):
        at = text.find(exact, at + len(exact))
        if at < 0 and count == 0:
            raise AnchorError(f"the quote {shown!r} is not in the text")
        if at < 0:
            times = "once" if count == 1 else f"only {count} times"
            raise AnchorError(f"the quote {shown!r} occurs {times}, not {occurrence} times")
    return make_anchor(text, at, at + len(exact))


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


def whole_characters(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that it does not split a character as a reader sees it.

    An approximate match may end between a letter and its combining accent (a text that
    spells "café" as "cafe" + U+0301), or inside an emoji sequence (skin tone, joiner):
    the passage then takes the whole character, not half of it.
    """
    while 0 < start < len(text) and _continues(text[start]):
        start -= 1
    while end < len(text) and (_continues(text[end]) or text[end - 1] == _JOINER):
        end += 1
    return start, end


_JOINER = "\u200d"
_VISIBLE = re.compile(r"\S")


def _continues(char: str) -> bool:
    """True if ``char`` belongs to the character before it (a mark, a joiner, a modifier)."""
    import unicodedata  # on first use: most passages are found where they were

    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == _JOINER
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # emoji skin tones
    )


def _context_similarity(old: str, new: str, *, after: bool = False) -> float:
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


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A place that may hold a passage, with its score and distance from the expected place."""

    start: int
    end: int
    errors: int
    context: float
    score: float
    distance: int
    worded: float = 0.0
    """How well the context agrees where the passage had some (not at an end of the text)."""

    def rank(self) -> tuple[float, int]:
        return (self.score, -self.distance)


class _Finder:
    """Looks for passages in one new text."""

    def __init__(self, text: str, diff: LineDiff | None, old_text: str) -> None:
        self._text = text
        self._diff = diff
        self._old_text = old_text
        self._index: SeedIndex | None = None  # built on the first search far away

    def locate(self, anchor: Anchor) -> Reanchored:
        """Where ``anchor``'s passage is in the text, if anywhere."""
        if not anchor.exact.strip() or not self._text:
            return _ORPHAN
        moved = self._diff.new_offset(anchor.start) if self._diff else anchor.start
        expected = min(max(0, moved), len(self._text))
        for start in dict.fromkeys((expected, anchor.start)):
            if self._holds(anchor, start):  # as it was, and in the same context
                new = make_anchor(self._text, start, start + len(anchor.exact))
                method = AnchorMethod.POSITION if start == anchor.start else AnchorMethod.QUOTE
                return Reanchored(new, method, 1.0)
        best = self._best_exact(anchor, expected)
        if best is None or best.score < 1.0:
            near = [c for c in (best, self._best_near(anchor, expected)) if c is not None]
            best = max(near, key=_Candidate.rank, default=None)
        if best is None and len(anchor.exact) >= DISTINCT_LENGTH:
            best = self._best_far(anchor, expected)
        if best is None:
            best = self._best_left(anchor, expected)
        if best is None:
            return _ORPHAN
        return self._result(anchor, best.start, best.end, best.score)

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

    def _result(self, anchor: Anchor, start: int, end: int, score: float) -> Reanchored:
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
        return Reanchored(new, method, score)

    def _candidate(self, anchor: Anchor, match: Match, expected: int) -> _Candidate:
        """``match`` scored against the quote and its old context (module docstring)."""
        text = self._text
        wide = 2 * CONTEXT_LENGTH
        before = text[max(0, match.start - wide) : match.start]
        after = text[match.end : match.end + wide]
        sides = [
            (anchor.prefix, _context_similarity(anchor.prefix, before)),
            (anchor.suffix, _context_similarity(anchor.suffix, after, after=True)),
        ]
        context = (sides[0][1] + sides[1][1]) / 2
        worded = [agreed for old, agreed in sides if old]
        quote = 1.0 - match.errors / len(anchor.exact)
        score = QUOTE_WEIGHT * quote + (1.0 - QUOTE_WEIGHT) * context
        distance = abs(match.start - expected)
        return _Candidate(
            match.start,
            match.end,
            match.errors,
            context,
            score,
            distance,
            sum(worded) / len(worded) if worded else 0.0,
        )

    def _best_exact(self, anchor: Anchor, expected: int) -> _Candidate | None:
        """The exact occurrence whose context agrees best, nearest first among equals."""
        length = len(anchor.exact)
        if anchor.exact not in self._text:  # one scan, not the several of the searches below
            return None
        whole = anchor.prefix + anchor.exact + anchor.suffix
        at = nearest_occurrence(self._text, whole, expected - len(anchor.prefix))
        start = -1 if at is None else at + len(anchor.prefix)
        if at is not None and self._at_ends(anchor, start, start + length):
            # the old context, whole: nothing can agree better
            return _Candidate(start, start + length, 0, 1.0, 1.0, abs(start - expected))
        starts = occurrences_around(self._text, anchor.exact, expected, MAX_OCCURRENCES)
        if at is not None:
            starts.append(start)
        candidates = (self._candidate(anchor, Match(s, s + length, 0), expected) for s in starts)
        plausible = (c for c in candidates if self._plausible(anchor, c))
        return max(plausible, key=_Candidate.rank, default=None)

    def _plausible(self, anchor: Anchor, candidate: _Candidate) -> bool:
        """False for words that are not the passage, as far as can be told.

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
        if self._diff is not None:
            was = self._diff.old_offset(candidate.start, candidate.end)
            if was is not None and not self._overlaps(anchor, was, candidate):
                return False
            if was == anchor.start and candidate.errors == 0 and self._was_there(anchor):
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
        return length + self._adjacent(anchor, candidate) >= FAR_LENGTH

    def _adjacent(self, anchor: Anchor, candidate: _Candidate) -> int:
        """How many characters just before and just after the candidate are as they were
        (the words of its paragraph around it, when the paragraph moved)."""
        text, prefix, suffix = self._text, anchor.prefix, anchor.suffix
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

    def _best_left(self, anchor: Anchor, expected: int) -> _Candidate | None:
        """What is left of a passage most of which is in lines the update kept (a passage
        over two paragraphs, the shorter one deleted), if it is at least half of it."""
        if self._diff is None or not self._was_there(anchor):
            return None
        kept = self._diff.kept_part(anchor.start, anchor.end)
        if kept is None:
            return None
        start, end = kept
        text = self._text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if 2 * (end - start) < len(anchor.exact.strip()):
            return None
        left = self._candidate(
            anchor, Match(start, end, len(anchor.exact) - (end - start)), expected
        )
        accepted = left.score >= MIN_FUZZY_SCORE and self._plausible(anchor, left)
        return left if accepted else None

    def _was_there(self, anchor: Anchor) -> bool:
        """True if the passage is in the old text where its offsets say (not an orphan)."""
        return self._old_text.startswith(anchor.exact, anchor.start)

    def _trim(self, anchor: Anchor, match: Match) -> Match:
        """``match`` without the words at its ends that were beside the passage, not in it.

        An approximate match may reach over a deleted stretch into words that were there
        already (a passage over two paragraphs, the second deleted, ending in the first
        word of the third); unchanged lines say which old words each of its ends holds.
        """
        diff, text = self._diff, self._text
        start, end = match.start, match.end
        if diff is None or not self._was_there(anchor):
            return match  # no diff, or an orphan: its offsets are not in the old text
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

    def _overlaps(self, anchor: Anchor, was: int, candidate: _Candidate) -> bool:
        """True if the candidate's words, at ``was`` in the old text, were (some of) the
        passage's, or the same lines as the passage's. (An orphan was nowhere in the old
        text: its offsets are those of an older one, and say nothing of this one.)"""
        if not self._was_there(anchor):
            return False
        if was < anchor.end and anchor.start < was + candidate.end - candidate.start:
            return True
        return self._twin(anchor, was)

    def _twin(self, anchor: Anchor, old_start: int) -> bool:
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

    def _best_near(self, anchor: Anchor, expected: int) -> _Candidate | None:
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

    def _best_far(self, anchor: Anchor, expected: int) -> _Candidate | None:
        """The best approximate match anywhere, held to a stricter error bound."""
        length = len(anchor.exact)
        found = search_respaced(self._text, anchor.exact)
        if length <= MAX_FUZZY_LENGTH:
            if self._index is None:
                self._index = SeedIndex(self._text)
            found += self._index.search(anchor.exact, far_errors(length))
        return self._best_fuzzy(anchor, found, expected)

    def _best_fuzzy(self, anchor: Anchor, found: list[Match], expected: int) -> _Candidate | None:
        """The best of the approximate matches ``found`` that are good enough to accept."""
        trimmed = (self._trim(anchor, m) for m in found)
        candidates = (
            self._candidate(anchor, m, expected)
            for m in trimmed
            if self._text[m.start : m.end].strip()
        )
        accepted = (
            c for c in candidates if c.score >= MIN_FUZZY_SCORE and self._plausible(anchor, c)
        )
        return max(accepted, key=_Candidate.rank, default=None)
