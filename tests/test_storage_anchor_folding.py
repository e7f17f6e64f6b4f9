"""Passages survive a text re-extracted or re-published with invisible differences.

A PDF extracted again, or an article copied from another site, spells the same words with
decomposed accents (NFD instead of NFC), ligatures, soft hyphens, no-break spaces or
straight instead of curly quotes. A passage is found again where its words are, even a
short one, and never inside a longer letter.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.anchoring import AnchorMethod, reanchor, reanchor_all
from diptych.storage.anchors import find_quote, make_anchor
from diptych.storage.quotes import fold, search_folded

FRENCH = (
    "Le ministre a déclaré à Genève que la coopération économique reprendrait « très vite ».\n\n"
    "Les marchés ont réagi avec prudence ; l’euro a progressé face au dollar."
)
VIETNAMESE = (
    "Thủ tướng Phạm Minh Chính đã gặp Tổng thống tại Hà Nội vào thứ Ba để bàn về thuế quan.\n\n"
    "Hai bên đồng ý tiếp tục đàm phán trong tháng tới."
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("quote", ["Genève", "déclaré", "marchés", "réagi", "Les marchés"])
@pytest.mark.parametrize("form", ["NFD", "NFC"])
def test_a_short_accented_quote_survives_a_change_of_normal_form(quote: str, form: str) -> None:
    old = FRENCH if form == "NFD" else nfd(FRENCH)
    new = unicodedata.normalize(form, FRENCH)
    anchor = find_quote(old, unicodedata.normalize("NFD" if form == "NFC" else "NFC", quote))
    result = reanchor(anchor, new, old_text=old)
    expected = unicodedata.normalize(form, quote)
    assert result.anchor is not None
    assert result.anchor.exact == expected
    assert result.anchor.start == new.index(expected)
    assert result.method is AnchorMethod.FUZZY


def test_a_place_name_in_a_heavily_accented_text_survives_decomposition() -> None:
    anchor = find_quote(VIETNAMESE, "Hà Nội")
    new = nfd(VIETNAMESE)
    result = reanchor(anchor, new, old_text=VIETNAMESE)
    assert result.anchor is not None
    assert result.anchor.exact == nfd("Hà Nội")
    assert result.anchor.start == new.index(nfd("Hà Nội"))


@pytest.mark.parametrize(
    ("quote", "respelt"),
    [
        ("officials", "o\ufb03cials"),  # ffi ligature
        ("efficient", "e\ufb03cient"),
        ("flawless", "\ufb02awless"),  # fl ligature
        ("“No,”", '"No,"'),  # curly quotes straightened
        ("it’s", "it's"),
        ("symbolic restart", "sym\u00adbolic\nre\u00adstart"),  # soft hyphens and a reflow
        ("2 per cent", "2\u00a0per\u00a0cent"),  # no-break spaces
    ],
)
def test_a_short_quote_survives_a_re_extraction(quote: str, respelt: str) -> None:
    old = (
        f"Before the vote the {quote} were heard. Critics in Congress were not convinced, and "
        "the debate went on."
    )
    new = old.replace(quote, respelt)
    anchor = find_quote(old, quote)
    result = reanchor(anchor, new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.exact == respelt
    assert result.anchor.start == anchor.start


def test_a_quote_is_not_found_inside_an_accented_letter() -> None:
    assert [m.start for m in search_folded("Il a vu Genève, puis Gene.", "Gene")] == [21]
    assert search_folded("Un café noir", "cafe") == []
    # Found approximately instead, the passage takes the whole letter, accent and all.
    old, new = "Un mot: cafe.\n\nFin.", nfd("Un mot: café.\n\nFin.")
    result = reanchor(find_quote(old, "cafe"), new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.exact == nfd("café")


def test_fold_leaves_plain_text_and_emoji_alone() -> None:
    assert fold("plain ASCII text") == "plain ASCII text"
    assert fold("👍🏽 🏳️\u200d🌈") == "👍🏽 🏳️\u200d🌈"
    assert fold("o\ufb03\u00adcial “quote”") == 'official "quote"'


SYLLABLES = ["ba", "té", "lô", "mè", "nu", "çi", "rô", "sa", "ké", "dù", "fo", "gỳ", "pã", "vi"]
WORDS = sorted({"".join(random.Random(n).choices(SYLLABLES, k=1 + n % 4)) for n in range(300)})


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32), st.sampled_from(["NFD", "NFKD"]))
def test_every_passage_of_a_text_decomposed_again_is_found_where_its_words_are(
    seed: int, form: str
) -> None:
    rng = random.Random(seed)
    old = "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 30))) + "." for _ in range(6)
    )
    new = unicodedata.normalize(form, old)
    words = [m.span() for m in re.finditer(r"\S+", old)]
    anchors = []
    for first in rng.sample(range(len(words) - 3), 20):  # one to three words
        last = first + rng.randint(0, 2)
        anchors.append(make_anchor(old, words[first][0], words[last][1]))
    for anchor, result in zip(anchors, reanchor_all(anchors, new, old_text=old), strict=True):
        start = len(unicodedata.normalize(form, old[: anchor.start]))
        end = start + len(unicodedata.normalize(form, anchor.exact))
        assert result.anchor is not None, anchor
        assert (result.anchor.start, result.anchor.end) == (start, end)
