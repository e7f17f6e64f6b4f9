"""Text as the filters compare it: without case or accents, quotes and spaces as typed.

The Library's title filter and the Passages filter both match this way, so that "xi's"
finds "Xi’s", "reunion" finds "Réunion" and "strasse" finds "Straße".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from diptych.storage.typed_quotes import as_typed

_NOT_ASCII = re.compile("[^\x00-\x7f]+")


def fold(text: str) -> str:
    """``text`` without case or accents, its curly quotes straight (see
    :func:`~diptych.storage.typed_quotes.as_typed`).

    Only the runs of characters that are not ASCII go through Unicode's decomposition,
    each run once (they repeat: curly quotes, the same accented letters); decomposing
    and sifting whole passages character by character took ~0.7 s for 40,000 of them.
    Every step works character by character, so folding the runs apart from their
    neighbours comes to the same as folding the whole text.
    """
    text = as_typed(text)  # before decomposing: an acute accent typed as an apostrophe
    if text.isascii():
        return text.lower()
    return _NOT_ASCII.sub(_folded_run, text).casefold()


def _folded_run(match: re.Match[str]) -> str:
    return _fold_run(match.group())


@lru_cache(maxsize=4096)
def _fold_run(run: str) -> str:
    from diptych.storage.search_folding import UNSTROKED  # Ø, Ł as the plain letter

    decomposed = unicodedata.normalize("NFKD", run).translate(UNSTROKED)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@lru_cache(maxsize=16_384)
def folded(text: str) -> str:
    """:func:`fold`, remembered: for short texts asked about again and again (the titles
    of the Library, each time the filter changes)."""
    return fold(text)
