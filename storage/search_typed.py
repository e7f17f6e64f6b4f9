"""A search read as it is typed: the word being typed is the start of a word.

The Search panel searches while the user types, so the last word of its query is usually
not finished: ``semicond`` on its way to ``semiconductor``. Read as a whole word it finds
nothing, where Find in article and the Passages filter, which find any part of a word,
already show it; read as a prefix (FTS5's ``semicond*``) it finds what the finished word
will. The words before it were finished with a space, and stay whole words.
"""

from __future__ import annotations

import re

from diptych.storage.search_cjk import holds_cjk
from diptych.storage.search_folding import RAISED, as_searched

_OPERATORS = frozenset({"AND", "OR", "NEAR"})  # NOT is a word (see search_words)
_LAST_WORD = re.compile(r"\w+\Z")
_RUN_BEFORE = re.compile(r"\S*\Z")
_SHORTEST = 2
"""Letters a word needs to be read as a prefix: a single one begins so many words that
every snippet would be marked all over, and Xi's ends with one."""


def as_typed(query: str) -> str:
    """``query`` (without the spaces around it) with the word being typed at its end read
    as a prefix: ``semicond`` as ``semicond*``, an unclosed ``"South Kor`` as the phrase
    ``"South Kor"*``.

    The query is left as it is where its last word is finished or a prefix would not
    serve: after a space, a closing quote or parenthesis (the user finished it) or a ``*``
    (a prefix already); a single letter (see :data:`_SHORTEST`); an operator (``OR``,
    ``AND``, ``NEAR``) or a column's name before ``:``; a word left out (``-word``),
    which as a prefix would leave out more than was typed;
    a Chinese, Japanese or Korean word, which is found inside the runs of characters
    already (see :mod:`diptych.storage.search_cjk`); a number raised after a word
    (began¹, a footnote's, searched as a word of its own: see
    :mod:`diptych.storage.search_folding`).
    """
    typed = query.strip()
    if not typed or query[-1].isspace() or typed[-1] in RAISED:
        return typed
    text = as_searched(typed)  # ＂ as ", ＡＰＥＣ as APEC: as the search reads it
    if text.count('"') % 2:  # in a phrase still open: it is closed, a prefix at its end
        opened = text.rindex('"')
        fits = _prefix_fits(text, _chunk_start(text, opened), text[opened + 1 :])
        return typed + '"*' if fits else typed
    word = _LAST_WORD.search(text)
    if word is None or word[0] in _OPERATORS:
        return typed
    return typed + "*" if _prefix_fits(text, _chunk_start(text, word.start()), word[0]) else typed


def _chunk_start(text: str, at: int) -> int:
    """Where the run of characters without a space that holds ``at`` starts."""
    run = _RUN_BEFORE.search(text, 0, at)
    return at if run is None else run.start()


def _prefix_fits(text: str, start: int, term: str) -> bool:
    """Whether the term that starts at ``start`` of ``text`` (its words ``term``, the last
    one ending ``text``) may end with a prefix: it ends with a word not in Chinese,
    Japanese or Korean, and it is not left out (``-word``)."""
    last = _LAST_WORD.search(term)
    if last is None or len(last[0]) < _SHORTEST or holds_cjk(last[0]):
        return False
    return not text.startswith("-", start)
