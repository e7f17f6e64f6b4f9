"""The snippets of search results: the words of a text around its first match, with
where the matches are in them."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from diptych.storage.search_cjk import CUT_WORDS, holds_cjk
from diptych.storage.search_folding import FoldedText
from diptych.storage.search_words import WORD

_JOINED_BEFORE = re.compile(r"\w\S*\Z")  # the rest of a word written as one before a cut
_JOINED_AFTER = re.compile(r"\S*\w")  # and after one
SNIPPET_WORDS = 12
"""Words shown around the first match (as FTS5's snippet showed)."""
_BEFORE = 4  # of them before the first match
_REACH = 40  # characters per word looked at around the match: a bounded piece of the text

Snippet = tuple[str, tuple[tuple[int, int], ...]]  # the words shown, and the matches in them


def bracketed(cut: Snippet) -> str:
    """The snippet with each match in ``[`` ``]`` (for a terminal, which has no bold)."""
    shown, matches = cut
    parts, at = [], 0
    for start, end in matches:
        parts += [shown[at:start], "[", shown[start:end], "]"]
        at = end
    return "".join(parts) + shown[at:]


def snippet(text: str, pattern: re.Pattern[str]) -> str:
    """:func:`snippet_of` with each match in ``[`` ``]``."""
    return bracketed(snippet_of(text, pattern))


def snippet_of(text: str, pattern: re.Pattern[str], folded: FoldedText | None = None) -> Snippet:
    """About :data:`SNIPPET_WORDS` words of ``text`` around the first match of ``pattern``
    (the start of the text if none: the match was in another column),
    with ``…`` where the text goes on, and where the matches are in them. The pattern is
    looked for in the text folded (see :mod:`diptych.storage.search_folding`), the
    matches marked on the text's own characters (``folded``: the text folded, if it is
    at hand)."""
    folded = FoldedText(text) if folded is None else folded
    first = folded.first(pattern)
    at = first[0] if first else 0
    reach = _REACH * SNIPPET_WORDS
    words, joined_before, joined_after = _words_of(pattern.pattern)
    before = list(words.finditer(text, max(0, at - _REACH * _BEFORE), at))[-_BEFORE:]
    after = list(islice(words.finditer(text, at, at + reach), SNIPPET_WORDS - len(before)))
    start = before[0].start() if before else at
    end = after[-1].end() if after else min(len(text), at + reach)
    # Cut between words, not inside one the index splits (Xi’s read "…s aides").
    if joined := joined_before.search(text, max(0, start - _REACH), start):
        start = joined.start()
    if joined := joined_after.match(text, end, end + _REACH):
        end = joined.end()
    if start < _REACH * _BEFORE and not WORD.search(text, 0, start):
        start = 0  # nothing but punctuation before: show it
    if len(text) - end < _REACH and not WORD.search(text, end):
        end = len(text)  # nothing but punctuation after: show it
    lead = "…" if start > 0 else ""
    shown = lead + text[start:end] + ("…" if end < len(text) else "")
    found = folded.spans(pattern, start, end)
    return shown, tuple((s - start + len(lead), e - start + len(lead)) for s, e in found)


@lru_cache(maxsize=8)
def _words_of(pattern: str) -> tuple[re.Pattern[str], ...]:
    """How the snippets of the matches of ``pattern`` (as written: a compiled pattern is
    hashed from its whole program at each look-up) count words and keep them whole (the
    simpler patterns, which are faster, unless it holds Chinese, Japanese or Korean)."""
    return CUT_WORDS if holds_cjk(pattern) else (WORD, _JOINED_BEFORE, _JOINED_AFTER)
