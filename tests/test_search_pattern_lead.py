"""The pattern that marks a search's words in a text starts with the letters those words
start with (so that it skips through a long text quickly), and marks exactly what the
pattern written plainly, a word's start and then its spellings, marks."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from diptych.storage.search_words import _BETWEEN, _STARTS, _pattern, _term_regex, terms_pattern

WORD_LETTERS = "aeiksσ_2éñ"  # cased, accented forms, a final sigma, _ and a digit
TEXT_LETTERS = "aAeEéÉiIkKsSσΣςñÑ_2ß中 -'\n"

words = st.tuples(st.text(WORD_LETTERS, min_size=1, max_size=4), st.booleans())
phrases = st.lists(st.lists(words, min_size=1, max_size=2), min_size=1, max_size=4)


def plainly(phrases: list[list[tuple[str, bool]]]) -> re.Pattern[str]:
    """The pattern as written plainly: the start of a word, then any of the phrases, the
    longest first."""
    longest = sorted(phrases, key=lambda p: sum(len(w) + 1 for w, _ in p), reverse=True)
    alternatives = [_BETWEEN.join(_term_regex(w, prefix) for w, prefix in p) for p in longest]
    return re.compile(f"{_STARTS}(?:{'|'.join(alternatives)})")


@given(phrases, st.text(TEXT_LETTERS, max_size=40))
def test_the_pattern_marks_what_the_plain_pattern_marks(
    query: list[list[tuple[str, bool]]], text: str
) -> None:
    expected = [m.span() for m in plainly(query).finditer(text)]
    assert [m.span() for m in _pattern(query).finditer(text)] == expected


def test_the_pattern_starts_with_the_first_letters_of_its_words() -> None:
    pattern = terms_pattern("tide harbour").pattern
    assert pattern.startswith("[")
    lead = pattern[1 : pattern.index("]")]
    assert {"t", "T", "h", "H"} <= set(lead) and "a" not in lead
    text = "Ships at the harbour, high tide; the Harbourmaster's tide-tables"
    marked = [text[m.start() : m.end()] for m in terms_pattern("tide harbour").finditer(text)]
    assert marked == ["harbour", "tide", "tide"]
