"""Finding a quote in a text: exactly near a place, with its spacing changed, or with edits.

Approximate matching uses Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm for
approximate string matching based on dynamic programming", J. ACM 46(3), 1999), the one
the ``approx-string-match`` library behind the Hypothesis annotator uses. Each column of
the edit-distance matrix is held as two bit vectors (vertical +1 and -1 deltas); Python
ints serve as bit vectors of any width, so a pattern of any length is one "word". The
cost is a dozen integer operations per text character and grows slowly with the pattern
length: measured on CPython 3.11, about 1 µs per character for patterns of 32 to 1,000
characters, 1.5 µs at 2,000 and 4 µs at 10,000.

Errors are Levenshtein edits (insertions, deletions, substitutions), counted in code points.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True, slots=True)
class Match:
    """An approximate match of a pattern: ``text[start:end]`` with ``errors`` edits."""

    start: int
    end: int
    errors: int


def nearest_occurrence(text: str, needle: str, around: int) -> int | None:
    """Start of the occurrence of ``needle`` nearest to offset ``around``, if any.

    The search widens from ``around`` by steps, so a near occurrence costs little even in
    a long text, and none costs one scan of it.
    """
    around = min(max(0, around), len(text))
    low = high = around  # no occurrence starts in [low, high)
    span = 64
    while low > 0 or high < len(text):
        wider_low, wider_high = max(0, around - span), min(len(text), around + span)
        after = text.find(needle, high, wider_high + len(needle) - 1)
        before = text.rfind(needle, wider_low, low + len(needle) - 1)
        found = [at for at in (after, before) if at >= 0]
        if found:
            return min(found, key=lambda at: abs(at - around))
        low, high, span = wider_low, wider_high, span * 4
    return None


def occurrences_around(text: str, needle: str, around: int, limit: int) -> list[int]:
    """Starts of up to ``limit`` occurrences of ``needle`` on each side of offset ``around``."""
    found: list[int] = []
    at = text.find(needle, max(0, around))
    while at >= 0 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    before = 0
    at = text.rfind(needle, 0, max(0, around) + len(needle) - 1)
    while at >= 0 and before < limit:
        found.append(at)
        before += 1
        at = text.rfind(needle, 0, at + len(needle) - 1)
    return found


def search_respaced(
    text: str, quote: str, start: int = 0, end: int | None = None, *, limit: int = 50
) -> list[Match]:
    """Occurrences of ``quote`` in ``text[start:end]`` whose spacing differs.

    Each run of whitespace in the quote matches any run of whitespace (line breaks,
    tabs, no-break spaces...), so a reflowed or re-indented quote is found whatever the
    number of spaces changed. Such a match counts as one error; an identical one as none.
    The quote's longest word is looked for first, and the words around it checked from
    there; only its first 1,000 occurrences are tried.

    Returns:
        Up to ``limit`` matches, in text order; none if the quote holds no whitespace.
    """
    words = quote.split()
    if not words or (len(words) == 1 and words[0] == quote):
        return []
    start, end = max(0, start), len(text) if end is None else min(len(text), end)
    key = max(range(len(words)), key=lambda i: len(words[i]))
    found: list[Match] = []
    at = text.find(words[key], start, end)
    for _ in range(1000):
        if at < 0 or len(found) >= limit:
            break
        low = _words_before(text, words[:key], at, quote[0].isspace())
        high = _words_after(text, words[key:], at, quote[-1].isspace())
        if low is not None and high is not None and start <= low and high <= end:
            found.append(Match(low, high, int(text[low:high] != quote)))
        at = text.find(words[key], at + 1, end)
    return found


def _words_before(text: str, words: list[str], offset: int, space: bool) -> int | None:
    """Start of ``words`` (then whitespace if ``space``) ending just before ``offset``."""
    for word in reversed(words):
        gap = _space_start(text, offset)
        if gap == offset or gap < len(word) or not text.startswith(word, gap - len(word)):
            return None
        offset = gap - len(word)
    if space:
        gap = _space_start(text, offset)
        return gap if gap < offset else None
    return offset


def _words_after(text: str, words: list[str], offset: int, space: bool) -> int | None:
    """End of ``words`` from ``offset`` on, each after whitespace (and then some if ``space``)."""
    offset += len(words[0])
    for word in words[1:]:
        gap = _space_end(text, offset)
        if gap == offset or not text.startswith(word, gap):
            return None
        offset = gap + len(word)
    if space:
        gap = _space_end(text, offset)
        return gap if gap > offset else None
    return offset


def _space_start(text: str, offset: int) -> int:
    """Start of the run of whitespace that ends at ``offset``."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return offset


def _space_end(text: str, offset: int) -> int:
    """End of the run of whitespace that starts at ``offset``."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _masks(pattern: str) -> dict[str, int]:
    """For each character of ``pattern``, the bit set of the positions where it occurs."""
    masks: dict[str, int] = {}
    for index, ch in enumerate(pattern):
        masks[ch] = masks.get(ch, 0) | (1 << index)
    return masks


def _column_scores(text: str, pattern: str, *, anchored: bool) -> list[int]:
    """Edit distance at the bottom row of the matrix after each character of ``text``.

    Item ``j`` is the cost of matching all of ``pattern`` against a piece of ``text``
    ending at offset ``j + 1``. Unanchored, the piece may start anywhere (a search);
    anchored, it must start at offset 0 (a prefix alignment; the last item is the
    Levenshtein distance of the two strings).
    """
    m = len(pattern)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    carry = 1 if anchored else 0
    lookup = _masks(pattern).get
    pv, mv, score = full, 0, m
    scores = [0] * len(text)
    for j, ch in enumerate(text):
        eq = lookup(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (full ^ (xh | pv))
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        # Bits above the pattern are garbage from the carry; the masks drop them.
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = mh | (full ^ (xv | ph))
        mv = ph & xv
        scores[j] = score
    return scores


def end_errors(text: str, pattern: str) -> list[int]:
    """Fewest edits of a match of ``pattern`` ending at each offset of ``text``.

    Args:
        text: the text searched.
        pattern: a non-empty pattern.

    Returns:
        A list of ``len(text) + 1`` counts; item ``j`` is the smallest edit distance between
        ``pattern`` and any ``text[i:j]``. Item 0 is ``len(pattern)``.

    Raises:
        ValueError: if ``pattern`` is empty.
    """
    if not pattern:
        raise ValueError("the pattern is empty")
    return [len(pattern), *_column_scores(text, pattern, anchored=False)]


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between ``a`` and ``b`` (in code points)."""
    if not a or not b:
        return max(len(a), len(b))
    if len(a) > len(b):
        a, b = b, a
    return _column_scores(b, a, anchored=True)[-1]


def similarity(expected: str, actual: str) -> float:
    """How alike two short strings are: 1.0 when equal, 0.0 from half their length apart.

    Unrelated prose of the same length is about 60% apart in edits, so a plain
    ``1 - distance / length`` would give it a misleading 0.4; the scale stops at half.
    """
    length = max(len(expected), len(actual))
    if length == 0:
        return 1.0
    return max(0.0, 1.0 - 2.0 * edit_distance(expected, actual) / length)


def _match_start(text: str, pattern: str, end: int, errors: int) -> int:
    """Start of the longest ``text[start:end]`` within ``errors`` edits of ``pattern``."""
    low = max(0, end - len(pattern) - errors)
    reversed_piece = text[low:end][::-1]
    scores = _column_scores(reversed_piece, pattern[::-1], anchored=True)
    longest = max(j for j, score in enumerate(scores) if score <= errors)
    return end - longest - 1


def _valleys(scores: list[int], max_errors: int) -> list[int]:
    """End offsets of the runs of equal scores lower than both neighbouring runs.

    A long flat run (repetitive text) gives only its first and last four ends, which
    bounds the work spent finding starts.
    """
    ends: list[int] = []
    runs = [(score, len(list(group))) for score, group in groupby(scores)]
    at = 0
    for index, (score, length) in enumerate(runs):
        lower_than_before = index == 0 or runs[index - 1][0] > score
        lower_than_after = index == len(runs) - 1 or runs[index + 1][0] > score
        if score <= max_errors and lower_than_before and lower_than_after:
            run = range(at + 1, at + length + 1)
            ends.extend(run if length <= 8 else [*run[:4], *run[-4:]])
        at += length
    return ends


def search(text: str, pattern: str, max_errors: int, *, best_only: bool = True) -> list[Match]:
    """Approximate matches of ``pattern`` in ``text``, one per end offset, in text order.

    Where several starts give the same count for one end, the longest match is taken.

    Args:
        text: the text searched.
        pattern: the pattern (an empty pattern matches nothing).
        max_errors: the most edits allowed; clamped below ``len(pattern)`` so that an empty
            stretch of text never counts as a match.
        best_only: report only the matches with the fewest errors in the whole text (as
            ``approx-string-match`` does). Otherwise report the local bests: the ends
            whose count is lower than at the ends around them (see :func:`_valleys`), so
            that a slightly worse match is not hidden by a better one elsewhere.

    Returns:
        The matches, possibly none.
    """
    max_errors = min(max_errors, len(pattern) - 1)
    if max_errors < 0 or not text:
        return []
    scores = _column_scores(text, pattern, anchored=False)
    best = min(scores)
    if best > max_errors:
        return []
    if best_only:
        ends = [j + 1 for j, score in enumerate(scores) if score == best]
    else:
        ends = _valleys(scores, max_errors)
    return [
        Match(_match_start(text, pattern, end, scores[end - 1]), end, scores[end - 1])
        for end in ends
    ]


def search_window(
    text: str, pattern: str, max_errors: int, start: int, end: int, *, best_only: bool = True
) -> list[Match]:
    """:func:`search` restricted to ``text[start:end]``, with offsets in ``text``."""
    start, end = max(0, start), min(len(text), end)
    found = search(text[start:end], pattern, max_errors, best_only=best_only)
    return [Match(m.start + start, m.end + start, m.errors) for m in found]


class SeedIndex:
    """Finds approximate matches anywhere in a long text without scanning all of it.

    The index records where the text's ``gram``-character substrings start, sampled every
    ``step`` offsets, so that any unedited stretch of ``gram + step - 1`` characters holds
    at least one recorded substring. :meth:`search` looks up every substring of the
    pattern, gathers the places where they put the pattern (seeds), and runs Myers'
    algorithm only there. Building it takes about 0.25 s and 25 MB per million characters;
    a search then costs microseconds per pattern character plus the stretches verified.

    Args:
        text: the text to search.
        gram: length of the substrings recorded.
        step: distance between recorded substrings.
    """

    def __init__(self, text: str, *, gram: int = 8, step: int = 4) -> None:
        self.text = text
        self._gram = gram
        self._step = step
        table: dict[int, int | list[int]] = {}
        for at in range(0, len(text) - gram + 1, step):
            key = hash(text[at : at + gram])  # a collision only adds a seed to verify
            seen = table.get(key)
            if seen is None:
                table[key] = at
            elif isinstance(seen, int):
                table[key] = [seen, at]
            else:
                seen.append(at)
        self._table = table

    def search(
        self, pattern: str, max_errors: int, *, max_hits: int = 32, max_windows: int = 16
    ) -> list[Match]:
        """The best approximate matches in each stretch of the text that seeds point to.

        An unedited match gives a seed every ``step`` characters; a stretch is searched
        only if it holds a quarter of that (at least one), so a match is found when about
        a quarter of the pattern survives in unedited runs of ``gram + step - 1``
        characters or more. A substring recorded more than ``max_hits`` times seeds
        nothing, and only the ``max_windows`` stretches with the most seeds are searched.
        Patterns shorter than ``gram`` find nothing.

        Returns:
            The best matches of each stretch searched, in text order.
        """
        max_errors = min(max_errors, len(pattern) - 1)
        if max_errors < 0:
            return []
        needed = max(1, (len(pattern) - self._gram + 1) // (4 * self._step))
        windows = [w for w in self._windows(pattern, max_errors, max_hits) if w[2] >= needed]
        if len(windows) > max_windows:  # keep the stretches where most seeds agree
            windows = sorted(windows, key=lambda w: -w[2])[:max_windows]
            windows.sort()
        found: list[Match] = []
        for low, high, _seeds in windows:
            found.extend(search_window(self.text, pattern, max_errors, low, high))
        return found

    def _windows(self, pattern: str, margin: int, max_hits: int) -> list[list[int]]:
        """Stretches ``[low, high, seeds]`` that may hold a match, in text order."""
        diagonals: list[int] = []
        lookup, gram = self._table.get, self._gram
        for offset in range(len(pattern) - gram + 1):
            seen = lookup(hash(pattern[offset : offset + gram]))
            if isinstance(seen, int):
                diagonals.append(seen - offset)
            elif seen is not None and len(seen) <= max_hits:
                diagonals.extend(at - offset for at in seen)
        windows: list[list[int]] = []
        for diagonal in sorted(diagonals):
            low, high = diagonal - margin, diagonal + len(pattern) + margin
            if windows and low <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], high)
                windows[-1][2] += 1
            else:
                windows.append([low, high, 1])
        return windows
