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
from dataclasses import dataclass, replace
from enum import StrEnum

from diptych.storage.anchor_diff import PAIRED, OldText
from diptych.storage.anchor_edges import word_edges
from diptych.storage.anchor_scores import Candidate, context_similarity, score_match
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

SURE_CONTEXT = 0.5
"""How much of its context, and of each side of it, a short quote's occurrence needs to agree
to be reported as moved, not as found approximately (outside its own paragraph)."""

RIVAL_CONTEXT = 0.25
"""How much of its context an occurrence of the quote in another paragraph needs to agree to
make the best one doubtful."""

PAIRED_MARGIN = 0.2
"""How much more alike than any other a paragraph must be to the passage's to be taken as
its own."""


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
        kept = self._old.kept_place(anchor) if self._old else None
        if kept is not None:  # its own words, in lines the update kept: nothing else is it
            end = kept + len(anchor.exact)
            held = self._holds(anchor, kept)
            if held or not self._old or not self._old.line_recurs(anchor):
                new = make_anchor(self._text, kept, end)
                method = AnchorMethod.POSITION if kept == anchor.start else AnchorMethod.QUOTE
                score = 1.0 if held else self._score(anchor, kept, end)
                return Reanchored(new, method, score, shifted=kept != anchor.start)
        moved = self._old.diff.new_offset(anchor.start) if self._old else anchor.start
        expected = min(max(0, moved), len(self._text))
        for start in dict.fromkeys((expected, anchor.start)):
            if self._holds(anchor, start):  # as it was, and in the same context
                new = make_anchor(self._text, start, start + len(anchor.exact))
                method = AnchorMethod.POSITION if start == anchor.start else AnchorMethod.QUOTE
                return Reanchored(new, method, 1.0, shifted=start == expected != anchor.start)
        best = self._best_exact(anchor, expected)
        if best is None or (best.score < 1.0 and not best.own):
            near = [c for c in (best, self._best_near(anchor, expected)) if c is not None]
            best = max(near, key=Candidate.rank, default=None)
        if best is None and len(anchor.exact) >= DISTINCT_LENGTH:
            best = self._best_far(anchor, expected)
        if best is None:
            best = self._best_left(anchor, expected)
        if best is None:
            best = self._best_once(anchor, expected)
        if best is None:
            return _ORPHAN
        return self._result(anchor, best, expected)

    def _holds(self, anchor: Anchor, start: int) -> bool:
        """True if the quote and its old context are at ``start``, and are not words the
        update kept from another place of the old text."""
        text, end = self._text, start + len(anchor.exact)
        before = start - len(anchor.prefix)
        return (
            before >= 0
            and text.startswith(anchor.exact, start)
            and text.startswith(anchor.prefix, before)
            and text.startswith(anchor.suffix, end)
            and self._at_ends(anchor, start, end)
            and not self._elsewhere(anchor, start, end)
        )

    def _score(self, anchor: Anchor, start: int, end: int) -> float:
        return score_match(self._text, anchor, Match(start, end, 0), start).score

    def _elsewhere(self, anchor: Anchor, start: int, end: int) -> bool:
        return self._old is not None and self._old.elsewhere(anchor, start, end)

    def _at_ends(self, anchor: Anchor, start: int, end: int) -> bool:
        """False if a context cut short by the start (or end) of the old text is not at
        the start (or end) of the new one, give or take blank lines: a passage that opened
        the text, found after other words, is not in its old context."""
        text = self._text
        if len(anchor.prefix) < CONTEXT_LENGTH and text[: start - len(anchor.prefix)].strip():
            return False
        tail = end + len(anchor.suffix)
        return len(anchor.suffix) == CONTEXT_LENGTH or _VISIBLE.search(text, tail) is None

    def _result(self, anchor: Anchor, best: Candidate, expected: int) -> Reanchored:
        start, end = best.start, best.end
        if self._text[start:end] != anchor.exact:  # an approximate match: on whole words
            start, end = word_edges(
                self._text, start, end, anchor.exact, before=anchor.prefix, after=anchor.suffix
            )
        # Whole characters: an approximate match may split one, and so may the very quote
        # found in a text that decomposes its accents ("cafe" in "cafe" + U+0301).
        start, end = whole_characters(self._text, start, end)
        new = make_anchor(self._text, start, end)
        if new.exact != anchor.exact or best.doubtful:
            method = AnchorMethod.FUZZY
        elif start == anchor.start:
            method = AnchorMethod.POSITION
        else:
            method = AnchorMethod.QUOTE
        return Reanchored(
            new, method, best.score, shifted=method is AnchorMethod.QUOTE and start == expected
        )

    def _best_exact(self, anchor: Anchor, expected: int) -> Candidate | None:
        """The exact occurrence in the passage's own paragraph, edited (:meth:`_own`), else
        the one whose context agrees best, nearest first among equals: doubtful if the
        quote is short and its context says little, or others could be it as well."""
        length = len(anchor.exact)
        if anchor.exact not in self._text:  # one scan, not the several of the searches below
            return None
        whole = anchor.prefix + anchor.exact + anchor.suffix
        at = nearest_occurrence(self._text, whole, expected - len(anchor.prefix))
        start = -1 if at is None else at + len(anchor.prefix)
        if (
            at is not None
            and self._at_ends(anchor, start, start + length)
            and not self._elsewhere(anchor, start, start + length)
        ):  # the old context, whole: nothing can agree better
            return Candidate(start, start + length, 0, 1.0, 1.0, abs(start - expected))
        starts = occurrences_around(self._text, anchor.exact, expected, MAX_OCCURRENCES)
        if at is not None:
            starts.append(start)
        candidates = [
            score_match(self._text, anchor, Match(s, s + length, 0), expected)
            for s in dict.fromkeys(starts)
        ]
        own, torn = self._own(anchor, candidates, expected)
        if own is not None:
            return own
        trusted = [c for c in candidates if plausible(self._text, self._old, anchor, c)]
        best = max(trusted, key=Candidate.rank, default=None)
        if best is None or self._old is None:
            return best  # without the old text, the context is all there is to go by
        line = self._line_start(best.start)
        rivals = [  # in other paragraphs, with as much context as a short quote needs
            c for c in trusted if self._line_start(c.start) != line and c.context >= RIVAL_CONTEXT
        ]
        weak = length < DISTINCT_LENGTH and (
            best.context < SURE_CONTEXT or self._one_sided(anchor, best)
        )
        return replace(best, doubtful=True) if rivals or weak or torn else best

    def _one_sided(self, anchor: Anchor, candidate: Candidate) -> bool:
        """True if the context agrees on one side of ``candidate`` only (less than
        :data:`SURE_CONTEXT` on the other): the paragraph after the passage's, say, now
        after another paragraph put in the place of its own, which says nothing of it."""
        wide, text = 2 * CONTEXT_LENGTH, self._text
        before = text[max(0, candidate.start - wide) : candidate.start]
        after = text[candidate.end : candidate.end + wide]
        full = CONTEXT_LENGTH  # a side cut short by an end of the text tells little here
        sides = [
            context_similarity(anchor.prefix, before) if len(anchor.prefix) == full else 1.0,
            context_similarity(anchor.suffix, after, after=True)
            if len(anchor.suffix) == full
            else 1.0,
        ]
        return min(sides) < SURE_CONTEXT

    def _line_start(self, offset: int) -> int:
        return self._text.rfind("\n", 0, offset) + 1

    def _own(
        self, anchor: Anchor, candidates: list[Candidate], expected: int
    ) -> tuple[Candidate | None, bool]:
        """The occurrence in the paragraph the update made of the passage's own, if one
        paragraph holding the quote is clearly it (:data:`PAIRED`): a paragraph edited,
        or moved, keeps its passage, however its neighbours changed. The same occurrence
        of the quote in it, if it holds as many as before; else the best, doubtful. And
        whether two paragraphs are as like the passage's, neither surely its own."""
        old = self._old
        if old is None or not old.was_there(anchor) or not old.related():
            return None, False
        lines: dict[int, list[Candidate]] = {}
        for candidate in candidates:
            start, end = candidate.start, candidate.end
            changed = old.diff.old_offset(start, end) is None  # kept lines: not edited
            if changed and old.same_edges(anchor, start):
                lines.setdefault(self._line_start(candidate.start), []).append(candidate)
        alike = sorted(
            (
                (old.likeness(anchor, found[0].start, found[0].end), line)
                for line, found in lines.items()
            ),
            reverse=True,
        )
        if not alike or alike[0][0] < PAIRED:
            return None, False
        if len(alike) > 1 and alike[1][0] > alike[0][0] - PAIRED_MARGIN:
            return None, True
        found = lines[alike[0][1]]
        placed = old.line_ordinal(anchor)
        starts = old.occurrences_in_line(anchor.exact, found[0].start)
        if placed is not None and len(starts) == placed[1]:  # as many as before: the same one
            ordinal = placed[0]
            match = Match(starts[ordinal], starts[ordinal] + len(anchor.exact), 0)
            return replace(score_match(self._text, anchor, match, expected), own=True), False
        return replace(max(found, key=Candidate.rank), doubtful=True), False  # compared

    def _best_once(self, anchor: Anchor, expected: int) -> Candidate | None:
        """A short quote once in the old text and once in the new, which is the old one
        changed: the same words (a name, a row's label), whose context was rewritten;
        doubtful, to be looked at."""
        if self._old is None or len(anchor.exact) >= DISTINCT_LENGTH:
            return None
        at = self._old.once_in_both(anchor)
        if at is None:
            return None
        match = Match(at, at + len(anchor.exact), 0)
        return replace(score_match(self._text, anchor, match, expected), doubtful=True)

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
