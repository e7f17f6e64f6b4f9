"""Approximate string matching, checked against the textbook dynamic programme, and the
cheaper quote searches (exact near a place, respaced, seeded) that come before it."""

from __future__ import annotations

import random
import re
from itertools import groupby

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.fuzzy import (
    Match,
    edit_distance,
    end_errors,
    search,
    search_window,
    similarity,
)
from diptych.storage.quotes import (
    SeedIndex,
    nearest_occurrence,
    occurrences_around,
    search_respaced,
)


def reference_end_errors(text: str, pattern: str) -> list[int]:
    """Sellers' O(n*m) algorithm: fewest edits of a match ending at each offset."""
    column = list(range(len(pattern) + 1))
    ends = [len(pattern)]
    for ch in text:
        row = [0]
        for i, p in enumerate(pattern, 1):
            row.append(min(column[i] + 1, row[i - 1] + 1, column[i - 1] + (p != ch)))
        ends.append(row[-1])
        column = row
    return ends


def levenshtein(a: str, b: str) -> int:
    """Wagner-Fischer edit distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


# A small alphabet makes repeats and near misses common; the astral character checks
# that code points, not UTF-16 units, are counted.
small_text = st.text(alphabet="abc😀", max_size=40)
pattern_text = st.text(alphabet="abc😀", min_size=1, max_size=12)
long_pattern = st.text(alphabet="abcd", min_size=60, max_size=150)


@settings(max_examples=300, deadline=None)
@given(small_text, pattern_text)
def test_end_errors_match_the_dynamic_programme(text: str, pattern: str) -> None:
    assert end_errors(text, pattern) == reference_end_errors(text, pattern)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="abcd", max_size=200), long_pattern)
def test_end_errors_of_patterns_longer_than_a_machine_word(text: str, pattern: str) -> None:
    assert end_errors(text, pattern) == reference_end_errors(text, pattern)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abc😀", max_size=15), st.text(alphabet="abc😀", max_size=15))
def test_edit_distance_is_levenshtein(a: str, b: str) -> None:
    assert edit_distance(a, b) == levenshtein(a, b)


@settings(max_examples=300, deadline=None)
@given(small_text, pattern_text, st.integers(0, 6))
def test_search_returns_the_best_matches_with_their_longest_starts(
    text: str, pattern: str, max_errors: int
) -> None:
    ends = reference_end_errors(text, pattern)
    best = min(ends[1:], default=len(pattern))
    found = search(text, pattern, max_errors)
    if best > min(max_errors, len(pattern) - 1) or not text:
        assert found == []
        return
    assert [m.end for m in found] == [j for j, e in enumerate(ends) if j and e == best]
    for match in found:
        assert match.errors == best == levenshtein(text[match.start : match.end], pattern)
        longer = [levenshtein(text[s : match.end], pattern) for s in range(match.start)]
        assert all(errors > best for errors in longer)


@settings(max_examples=300, deadline=None)
@given(small_text, pattern_text, st.integers(0, 6))
def test_search_for_local_bests_reports_every_valley(
    text: str, pattern: str, max_errors: int
) -> None:
    ends = reference_end_errors(text, pattern)
    found = search(text, pattern, max_errors, best_only=False)
    limit = min(max_errors, len(pattern) - 1)
    for match in found:
        assert match.errors == ends[match.end] <= limit
        assert match.errors == levenshtein(text[match.start : match.end], pattern)
    # Each run of equal counts lower than the runs around it is a valley; its ends are
    # reported (the first and last four of a long one), and nothing else is.
    reported = {m.end for m in found}
    valleys: set[int] = set()
    runs = [(e, len(list(g))) for e, g in groupby(ends[1:])]
    at = 1
    for index, (errors, length) in enumerate(runs):
        lower = all(runs[i][0] > errors for i in (index - 1, index + 1) if 0 <= i < len(runs))
        if errors <= limit and lower:
            valley = set(range(at, at + length))
            assert {at, at + length - 1} <= reported
            assert len(reported & valley) == min(length, 8)
            valleys |= valley
        at += length
    assert reported <= valleys


def test_search_finds_a_typo() -> None:
    text = "The analyst read the report twice before coding it."
    assert search(text, "teh report", 2) == [Match(17, 27, 2)]
    assert Match(17, 27, 2) in search(text, "the reprot", 2)  # and shorter ones as good
    assert search(text, "the rep0rt", 1) == [Match(17, 27, 1)]
    assert search(text, "nothing like it", 3) == []


def test_search_never_counts_an_empty_stretch_as_a_match() -> None:
    assert search("xyz", "ab", 5) == []  # two errors: as good as matching nothing
    assert search("xbz", "ab", 5) == [Match(0, 2, 1)]
    assert search("xyz", "a", 5) == []
    assert search("", "a", 1) == []
    assert search("abc", "", 1) == []


def test_end_errors_rejects_an_empty_pattern() -> None:
    with pytest.raises(ValueError, match="empty"):
        end_errors("abc", "")


def test_search_window_reports_offsets_in_the_whole_text() -> None:
    text = "abc" * 10 + "hello world" + "abc" * 10
    assert search_window(text, "helo world", 1, 25, 50) == [Match(30, 41, 1)]
    assert search_window(text, "hello world", 0, -10, 10**6) == [Match(30, 41, 0)]
    assert search_window(text, "hello world", 1, 0, 30) == []


def test_similarity_scale() -> None:
    assert similarity("", "") == 1.0
    assert similarity("abcd", "abcd") == 1.0
    assert similarity("abcdefghij", "abcdefghiX") == pytest.approx(0.8)
    assert similarity("abcdefghij", "klmnopqrst") == 0.0
    assert similarity("abc", "") == 0.0


def test_nearest_occurrence_and_occurrences_around() -> None:
    text = "x.x..x...x"
    assert nearest_occurrence(text, "x", 4) == 5
    assert nearest_occurrence(text, "x", 3) == 2
    assert nearest_occurrence(text, "y", 3) is None
    assert sorted(occurrences_around(text, "x", 4, 1)) == [2, 5]
    assert sorted(occurrences_around(text, "x", 4, 10)) == [0, 2, 5, 9]
    assert sorted(occurrences_around("aaaa", "aa", 0, 10)) == [0, 1, 2]


def test_search_respaced_ignores_how_whitespace_changed() -> None:
    text = "Some words,\n   reflowed\tand  respaced here."
    assert search_respaced(text, "words, reflowed and respaced") == [Match(5, 37, 1)]
    assert search_respaced(text, " reflowed and ") == [Match(11, 29, 1)]
    assert search_respaced(text, "Some words,") == [Match(0, 11, 0)]
    assert search_respaced(text, "wordsreflowed") == []  # no whitespace to respace
    assert search_respaced(text, "Some words", 1) == []  # outside the range
    assert search_respaced("abc def", " def") == [Match(3, 7, 0)]
    assert search_respaced("abcdef", " def") == []  # the leading space is missing


def _prose(seed: int, words: int) -> str:
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choices("etaoinshrdlucmfwyp", k=rng.randint(2, 9))) for _ in range(400)
    ]
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def test_seed_index_finds_an_edited_passage_far_away() -> None:
    text = _prose(1, 20_000)
    passage = text[60_000:60_200]
    edited = passage[:50] + "XY" + passage[52:150] + passage[151:]
    found = SeedIndex(text).search(edited, len(edited) // 8)
    assert [(m.start, m.end) for m in found if m.errors <= 3] == [(60_000, 60_200)]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_seed_index_matches_are_true_matches(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="abcde ", min_size=50, max_size=400))
    start = data.draw(st.integers(0, len(text) - 30))
    pattern = text[start : start + data.draw(st.integers(16, 30))]
    pattern = data.draw(st.sampled_from([pattern, pattern[:5] + "z" + pattern[6:]]))
    found = SeedIndex(text, gram=4, step=2).search(pattern, 3, max_hits=1000)
    for match in found:
        assert match.errors == levenshtein(text[match.start : match.end], pattern) <= 3
    if pattern in text:
        assert any(m.errors == 0 for m in found)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab", max_size=300), st.text(alphabet="ab", min_size=1, max_size=3), st.data()
)
def test_nearest_occurrence_is_the_nearest(text: str, needle: str, data: st.DataObject) -> None:
    around = data.draw(st.integers(-5, len(text) + 5))
    starts = [i for i in range(len(text)) if text.startswith(needle, i)]
    found = nearest_occurrence(text, needle, around)
    if not starts:
        assert found is None
        return
    clamped = min(max(0, around), len(text))
    assert found in starts
    assert abs(found - clamped) == min(abs(s - clamped) for s in starts)
    after = [s for s in starts if s >= clamped][:2]
    before = [s for s in starts if s < clamped][-2:]
    assert sorted(occurrences_around(text, needle, around, 2)) == sorted(after + before)


def _respaced_reference(text: str, quote: str) -> re.Pattern[str]:
    """The quote as a regular expression: each run of whitespace stands for any run."""
    words = [re.escape(w) for w in quote.split()]
    lead = r"(?<!\s)\s+" if quote[0].isspace() else ""
    trail = r"\s+(?!\s)" if quote[-1].isspace() else ""
    return re.compile(lead + r"\s+".join(words) + trail)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t", max_size=40), st.text(alphabet="ab \n", min_size=1, max_size=8))
def test_search_respaced_agrees_with_a_regular_expression(text: str, quote: str) -> None:
    found = search_respaced(text, quote)
    if not quote.split() or quote.split() == [quote]:
        assert found == []
        return
    reference = _respaced_reference(text, quote)
    for match in found:
        assert reference.fullmatch(text, match.start, match.end)
        assert match.errors == int(text[match.start : match.end] != quote)
    if reference.search(text):
        assert found
