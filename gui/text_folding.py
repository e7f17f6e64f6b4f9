"""Text as the filters compare it: without case, accents or marks, quotes and spaces as
typed.

The Library's title filter and the Passages filter both match this way, so that "xi's"
finds "Xi’s", "reunion" finds "Réunion", "strasse" finds "Straße", "Βουλη" finds "Βουλή"
and "объем" finds "объём", as the search and Find in article compare words (see
:func:`~diptych.storage.search_folding.plain`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from diptych.storage.typed_quotes import as_typed

_NOT_ASCII = re.compile("[^\x00-\x7f]+")


def fold(text: str) -> str:
    """``text`` without case, accents or marks, its curly quotes straight (see
    :func:`~diptych.storage.typed_quotes.as_typed`).

    Only the runs of characters that are not ASCII are folded, each run once (they
    repeat: curly quotes, the same accented letters); folding whole passages character
    by character took ~0.7 s for 40,000 of them. Every step works character by
    character (an accent written after its letter folds to nothing, as the letter
    written with it folds to the letter), so folding the runs apart from their
    neighbours comes to the same as folding the whole text.
    """
    text = as_typed(text)  # before folding: an acute accent typed as an apostrophe
    if text.isascii():
        return text.lower()
    return _NOT_ASCII.sub(_folded_run, text).casefold()


def _folded_run(match: re.Match[str]) -> str:
    return _fold_run(match.group())


@lru_cache(maxsize=4096)
def _fold_run(run: str) -> str:
    from diptych.storage.search_folding import plain  # as the search compares words

    return plain(run)


@lru_cache(maxsize=16_384)
def folded(text: str) -> str:
    """:func:`fold`, remembered: for short texts asked about again and again (the titles
    of the Library, each time the filter changes)."""
    return fold(text)
