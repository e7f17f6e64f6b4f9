"""A name cut to fit a file system is cut between characters as a reader sees them: a
flag, an accented letter, an emoji of several code points is kept whole or left out,
never split. Qt's own boundary finder is the judge of where a character ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTextBoundaryFinder

from diptych.storage.refiqda_names import MAX_NAME_BYTES, SourceNames, file_safe_name
from diptych.storage.whole_characters import whole_end


def at_boundary(text: str, end: int) -> bool:
    """Whether Qt sees a character's end at code point ``end`` of ``text``."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    finder.setPosition(len(text[:end].encode("utf-16-le")) // 2)  # Qt counts UTF-16 units
    return finder.isAtBoundary()


NAMES = {
    "flags": "🇰🇷" * 40,
    "accents": "e\u0301" * 120,
    "accents after a letter": "a" * 196 + "e\u0301\u0308" + "x" * 10,
    "family": "👨\u200d👩\u200d👧" * 20,
    "skin tones": "👍🏽" * 30,
    "hearts": "❤\ufe0f" * 60,
    "scotland": "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f" * 9,
    "jamo": "\u1100\u1161\u11a8" * 30,
    "conjuncts": "क्ष" * 25,
    "flag after letters": "a" * 195 + "🇰🇷" * 3,
}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_long_name_is_cut_after_a_whole_character(name: str) -> None:
    cut = file_safe_name(name, fallback="x")
    assert cut.endswith("…") and len(cut.encode("utf-8")) <= MAX_NAME_BYTES
    kept = cut.removesuffix("…")
    assert name.startswith(kept) and kept
    assert at_boundary(name, len(kept)), ascii(name[len(kept) - 3 : len(kept) + 3])


def test_no_more_is_left_out_than_the_character_that_did_not_fit() -> None:
    assert file_safe_name("🇰🇷" * 40, fallback="x") == "🇰🇷" * 24 + "…"  # 196 bytes
    assert file_safe_name("e\u0301" * 120, fallback="x") == "e\u0301" * 65 + "…"
    assert file_safe_name("a" * 196 + "e\u0301" + "x" * 5, fallback="x") == "a" * 196 + "…"


def test_a_numbered_name_is_cut_whole_too() -> None:
    names = SourceNames()
    first = names.claim("ab" + "🇰🇷" * 40, fallback="a.txt")
    second = names.claim("ab" + "🇰🇷" * 40, fallback="b.txt")
    assert first == "ab" + "🇰🇷" * 24 + "…"  # 197 bytes
    assert second == "ab" + "🇰🇷" * 23 + "… (2)"  # room for 47 indicators: 23 flags


def test_a_single_character_longer_than_a_name_is_still_cut() -> None:
    name = "x" + "\u0301" * 300  # no whole character fits: cut between code points
    assert len(file_safe_name(name, fallback="y").encode("utf-8")) <= MAX_NAME_BYTES


PIECES = [
    "a", "e", "東", " ", "\u0301", "\u0308", "\u200d", "\u200c", "👨", "👩", "👧", "👍",
    "🏽", "❤", "\ufe0f", "🏴", "\U000e0067", "\U000e007f", "\u1100", "\u1161",
    "\u11a8", "\uac00", "क", "\u094d", "ष", "ำ", "\uff9e",
]  # fmt: skip
# Flags apart: Qt 6.11 pairs the regional indicators after an emoji from the wrong one.
FLAGS = ["🇰", "🇷", "🇫", "a", "e\u0301", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join), st.data())
def test_every_cut_falls_where_a_character_ends(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    cut = whole_end(text, end)
    assert 0 <= cut <= end
    assert at_boundary(text, cut), ascii(text)


@given(st.lists(st.sampled_from(FLAGS), min_size=1, max_size=30).map("".join), st.data())
def test_every_cut_among_flags_falls_between_two(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    cut = whole_end(text, end)
    assert 0 <= cut <= end
    assert at_boundary(text, cut), ascii(text)
