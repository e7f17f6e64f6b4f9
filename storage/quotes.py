"""Finding a quote in a text without edits: exactly near a place, respaced, or by seeds.

The cheap searches re-anchoring tries before (and around) approximate matching: the
exact occurrences nearest a place, occurrences whose whitespace changed, and a seed index
of a long text's substrings that narrows approximate matching (:mod:`diptych.storage.fuzzy`)
to the few stretches that may hold a quote. Where an offset of an old text is expected
in its new version is told by :mod:`diptych.storage.line_diff`.
"""

from __future__ import annotations

from diptych.storage.fuzzy import Match, search_window


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


class _Folding(dict[str, str]):
    """How each character is written once folded (see :func:`fold`), worked out on first use."""

    def __missing__(self, char: str) -> str:
        import unicodedata  # on first use: most texts need no folding

        if char in _QUOTES:
            folded = _QUOTES[char]
        elif unicodedata.category(char) == "Cf" and char not in _JOINERS:
            folded = ""  # soft hyphens, zero-width spaces, direction marks
        else:
            folded = unicodedata.normalize("NFKD", char)
            if folded.isspace():
                folded = " "
        self[char] = folded
        return folded


_QUOTES = dict.fromkeys("‘’‚‛′", "'") | dict.fromkeys("“”„‟″", '"') | dict.fromkeys("‐‑", "-")
_JOINERS = "\u200c\u200d"  # they make emoji and some scripts' letters: kept
_FOLDING = _Folding()


def fold(text: str) -> str:
    """``text`` with the differences that re-extracting or re-publishing a text brings,
    and a reader does not see, taken out.

    Accented letters are decomposed (NFD and NFC texts agree), ligatures, no-break and
    other spaces, full-width forms and the like are replaced by their plain letters
    (NFKD), curly quotes and apostrophes become straight ones, and soft hyphens,
    zero-width spaces and direction marks are dropped. ASCII text is returned as it is.
    """
    if text.isascii():
        return text
    return "".join(map(_FOLDING.__getitem__, text))


def search_folded(text: str, quote: str, start: int = 0, end: int | None = None) -> list[Match]:
    """Occurrences of ``quote`` in ``text[start:end]`` that differ only as :func:`fold`
    and :func:`search_respaced` forgive: written with other accents' encoding, ligatures,
    quotes, soft hyphens or spacing. Each counts as one error (none if identical).

    Returns:
        The matches, in text order; none if neither the quote nor that stretch of text
        holds anything to fold.
    """
    start, end = max(0, start), len(text) if end is None else min(len(text), end)
    window = text[start:end]
    if window.isascii() and quote.isascii():
        return []  # nothing to fold: search_respaced does the rest
    pieces = list(map(_FOLDING.__getitem__, window))
    folded, needle = "".join(pieces), fold(quote)
    if not needle.strip():
        return []
    origin = [index for index, piece in enumerate(pieces) for _ in piece]  # folded -> window
    origin.append(len(window))
    places = search_respaced(folded, needle)
    at = folded.find(needle)
    while at >= 0 and len(places) < 50:
        places.append(Match(at, at + len(needle), 0))
        at = folded.find(needle, at + 1)
    found: dict[tuple[int, int], Match] = {}
    for place in places:
        if _splits_a_letter(folded, place.start, place.end):
            continue
        low, high = origin[place.start], origin[place.end - 1] + 1
        errors = int(window[low:high] != quote)
        found[low, high] = Match(start + low, start + high, errors)
    return sorted(found.values(), key=lambda m: (m.start, m.end))


def _splits_a_letter(folded: str, start: int, end: int) -> bool:
    """True if ``folded[start:end]`` begins or ends inside a letter (before an accent):
    "Gene" is not in "Genève", nor "cafe" in "café"."""
    from unicodedata import combining

    return bool(
        (start < len(folded) and combining(folded[start]))
        or (end < len(folded) and combining(folded[end]))
    )


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
