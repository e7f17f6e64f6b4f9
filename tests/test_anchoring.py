"""Passage anchors, and finding passages again in a changed article."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from diptych.storage.anchor_trust import MAX_FUZZY_LENGTH
from diptych.storage.anchoring import AnchorMethod, Reanchored, reanchor, reanchor_all
from diptych.storage.anchors import (
    CONTEXT_LENGTH,
    Anchor,
    AnchorError,
    find_quote,
    make_anchor,
    whole_characters,
)

ARTICLE = "\n".join(
    [
        "Coding manual",
        "Analysts read each interview twice before they code it. The first reading "
        "is for the story; the second is for the codes.",
        "Every passage gets at least one tag. A passage may hold several tags when the "
        "speaker moves between themes within a sentence.",
        "Memos record why a code was chosen. They are written the same day, while the "
        "reasons are fresh.",
        "When in doubt, leave the passage untagged and raise it at the weekly meeting.",
    ]
)


def paragraphs(text: str) -> list[str]:
    return text.split("\n")


def assert_consistent(result: Reanchored, new_text: str) -> None:
    """A found anchor always quotes the new text, with its context taken from it."""
    anchor = result.anchor
    if anchor is None:
        assert result.method is AnchorMethod.ORPHAN
        assert result.score == 0.0
        return
    assert result.method is not AnchorMethod.ORPHAN
    assert 0.0 < result.score <= 1.0
    assert anchor == make_anchor(new_text, anchor.start, anchor.end)


# --- making anchors -----------------------------------------------------------------


def test_make_anchor_takes_32_code_points_of_context() -> None:
    anchor = make_anchor(ARTICLE, 100, 120)
    assert anchor.exact == ARTICLE[100:120]
    assert anchor.prefix == ARTICLE[100 - CONTEXT_LENGTH : 100]
    assert anchor.suffix == ARTICLE[120 : 120 + CONTEXT_LENGTH]
    start = make_anchor(ARTICLE, 0, 6)
    assert (start.prefix, start.exact) == ("", "Coding")


def test_make_anchor_counts_code_points_of_emoji_and_cjk() -> None:
    text = "前文 👩\u200d🔬 研究者は漢字かなを読む 😀 end"
    start = text.index("研")
    anchor = make_anchor(text, start, start + 5)
    assert anchor.exact == "研究者は漢" == text[anchor.start : anchor.end]
    assert anchor.prefix == "前文 👩\u200d🔬 "
    emoji = make_anchor(text, text.index("😀"), text.index("😀") + 1)
    assert emoji.exact == "😀"
    assert emoji.suffix == " end"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 3, "not a passage"),
        (0, 0, "not a passage"),
        (5, 3, "not a passage"),
        (0, 10_000, "not a passage"),
        (13, 14, "only whitespace"),
    ],
)
def test_make_anchor_rejects_bad_ranges(start: int, end: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_anchor(ARTICLE, start, end)


def test_find_quote_counts_occurrences_from_one() -> None:
    first = find_quote(ARTICLE, "passage")
    second = find_quote(ARTICLE, "passage", occurrence=2)
    assert first.start == ARTICLE.index("passage")
    assert second.start == ARTICLE.index("passage", first.end)
    assert second.exact == "passage"


def test_find_quote_counts_without_overlap() -> None:
    assert find_quote("aaaa", "aa", occurrence=2).start == 2
    with pytest.raises(ValueError, match="occurs only 2 times, not 3"):
        find_quote("aaaa", "aa", occurrence=3)


def test_find_quote_explains_what_is_wrong() -> None:
    with pytest.raises(AnchorError, match=r"'tagless' is not in the text$"):
        find_quote(ARTICLE, "tagless")
    with pytest.raises(ValueError, match="occurs once, not 2 times"):
        find_quote(ARTICLE, "Coding manual", occurrence=2)
    with pytest.raises(ValueError, match="counted from 1"):
        find_quote(ARTICLE, "Coding", occurrence=0)
    with pytest.raises(ValueError, match="empty"):
        find_quote(ARTICLE, "  ")


# --- re-anchoring: examples ---------------------------------------------------------


def test_unchanged_text_keeps_every_position() -> None:
    anchors = [make_anchor(ARTICLE, s, s + 25) for s in range(0, len(ARTICLE) - 25, 37)]
    for result, anchor in zip(reanchor_all(anchors, ARTICLE), anchors, strict=True):
        assert result == Reanchored(anchor, AnchorMethod.POSITION, 1.0)


def test_moved_paragraph_is_found_by_quote() -> None:
    parts = paragraphs(ARTICLE)
    anchor = find_quote(ARTICLE, "Memos record why a code was chosen.")
    moved = "\n".join([parts[0], parts[3], parts[1], parts[2], parts[4]])
    for old_text in (None, ARTICLE):
        result = reanchor(anchor, moved, old_text=old_text)
        assert result.method is AnchorMethod.QUOTE
        assert result.anchor is not None
        assert result.anchor.start == moved.index("Memos record")
        assert result.anchor.exact == anchor.exact
        assert_consistent(result, moved)


def test_text_inserted_before_shifts_the_passage() -> None:
    anchor = find_quote(ARTICLE, "at least one tag")
    new_text = ARTICLE.replace("Coding manual", "Coding manual, second edition (2024)")
    result = reanchor(anchor, new_text, old_text=ARTICLE)
    assert result.method is AnchorMethod.QUOTE
    assert result.score == 1.0
    assert result.anchor is not None
    assert result.anchor.start == anchor.start + len(", second edition (2024)")


def test_deleted_paragraph_leaves_an_orphan() -> None:
    parts = paragraphs(ARTICLE)
    anchor = find_quote(ARTICLE, "They are written the same day")
    new_text = "\n".join(parts[:3] + parts[4:])
    for old_text in (None, ARTICLE):
        assert reanchor(anchor, new_text, old_text=old_text) == Reanchored(
            None, AnchorMethod.ORPHAN, 0.0
        )


def test_typo_fixed_in_the_passage_is_found_approximately() -> None:
    old_text = ARTICLE.replace("at least one tag", "at laest one tag")
    anchor = find_quote(old_text, "Every passage gets at laest one tag.")
    result = reanchor(anchor, ARTICLE, old_text=old_text)
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.exact == "Every passage gets at least one tag."
    assert 0.85 < result.score < 1.0
    assert_consistent(result, ARTICLE)


def test_whitespace_changes_are_found_approximately() -> None:
    anchor = find_quote(ARTICLE, "raise it at the weekly meeting")
    respaced = ARTICLE.replace("raise it at the weekly", "raise  it\nat   the\tweekly")
    result = reanchor(anchor, respaced)
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.exact == "raise  it\nat   the\tweekly meeting"
    # A short quote: six edits are more than a quarter of it, but spacing is forgiven.
    short = find_quote(ARTICLE, "a code was")
    result = reanchor(short, ARTICLE.replace("a code was", "a\n  code   was"))
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.exact == "a\n  code   was"


def test_old_text_locates_a_short_edited_quote_after_a_long_insertion() -> None:
    anchor = find_quote(ARTICLE, "weekly meeting")
    inserted = "A new section. " * 200
    new_text = inserted + ARTICLE.replace("weekly meeting", "weekly-meeting")
    result = reanchor(anchor, new_text, old_text=ARTICLE)
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.start == anchor.start + len(inserted)
    # Without the old text the quote is expected 3,000 characters too early, and a quote
    # this short is searched approximately only near where it is expected.
    assert reanchor(anchor, new_text).method is AnchorMethod.ORPHAN


def test_duplicate_quote_goes_to_the_occurrence_in_its_context() -> None:
    text = "The first tag is red. Then the tag moves.\nLater the tag is blue. Then the end."
    second = find_quote(text, "the tag", occurrence=2)
    assert second.prefix.endswith("Later ")
    new_text = "Preface.\n" + text.replace("Then the tag moves.", "Then it moves.")
    result = reanchor(second, new_text)
    assert result.method is AnchorMethod.QUOTE
    assert result.anchor is not None
    assert result.anchor.prefix.endswith("Later ")
    assert result.anchor.start == new_text.index("Later the tag") + len("Later ")


def test_short_quote_is_not_pinned_to_a_stray_occurrence() -> None:
    text = "Background. " * 40 + "We saw a fox by the river, then nothing."
    anchor = find_quote(text, "fox")
    other = "The kennel held a fox and hounds. " + "Unrelated filler text. " * 40
    assert reanchor(anchor, other).method is AnchorMethod.ORPHAN


def test_edited_quote_in_place_beats_an_exact_copy_elsewhere() -> None:
    text = ARTICLE + "\nAppendix: Every passage gets at least one tag."
    anchor = find_quote(text, "Every passage gets at least one tag.")
    edited = text.replace(
        "Every passage gets at least one tag. A", "Every passage gets at least a tag. A"
    )
    result = reanchor(anchor, edited, old_text=text)
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.start == anchor.start


def test_long_passage_with_a_typo_far_away_is_found() -> None:
    rng = random.Random(3)
    words = ["".join(rng.choices("etaoinshrdlu", k=rng.randint(2, 8))) for _ in range(300)]
    text = " ".join(rng.choice(words) for _ in range(8000))
    anchor = make_anchor(text, 20_000, 20_400)
    # The passage moves 15,000 characters earlier and gets a typo.
    moved = (
        text[:5_000] + text[20_000:20_400].replace(" ", "_", 1) + text[5_000:20_000] + text[20_400:]
    )
    result = reanchor(anchor, moved)
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.start == 5_000
    assert result.anchor.end == 5_400


def test_very_long_passage_is_found_exactly_only() -> None:
    text = "x" * 10 + "".join(chr(0x4E00 + i % 2000) for i in range(MAX_FUZZY_LENGTH + 50))
    anchor = make_anchor(text, 10, MAX_FUZZY_LENGTH + 30)
    assert reanchor(anchor, "yy" + text).method is AnchorMethod.QUOTE
    typo = text[:500] + "z" + text[501:]
    assert reanchor(anchor, typo).method is AnchorMethod.ORPHAN


def test_empty_new_text_orphans_everything() -> None:
    anchors = [find_quote(ARTICLE, "Memos"), find_quote(ARTICLE, "tag")]
    assert [r.method for r in reanchor_all(anchors, "")] == [AnchorMethod.ORPHAN] * 2
    assert reanchor_all([], ARTICLE) == []


def test_blank_stored_anchor_is_an_orphan() -> None:
    broken = Anchor(0, 1, " ", "", "x")
    assert reanchor(broken, ARTICLE).method is AnchorMethod.ORPHAN


# --- re-anchoring: properties -------------------------------------------------------

# Letters, spaces and line breaks, with CJK and astral characters: offsets must count code points.
LETTERS = "abcdefgh 漢字😀\n"
texts = st.text(alphabet=LETTERS, min_size=1, max_size=200)
# Inserted text uses characters the articles never hold, so it cannot contain the passage.
insertions = st.text(alphabet="0123456789#\n", min_size=1, max_size=80)


@st.composite
def passages(draw: st.DrawFn, text_strategy: st.SearchStrategy[str] = texts) -> tuple[str, Anchor]:
    text = draw(text_strategy)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    assume(text[start:end].strip())
    return text, make_anchor(text, start, end)


@settings(max_examples=150, deadline=None)
@given(passages())
def test_same_text_gives_the_same_position(case: tuple[str, Anchor]) -> None:
    text, anchor = case
    assert reanchor(anchor, text) == Reanchored(anchor, AnchorMethod.POSITION, 1.0)
    assert reanchor(anchor, text, old_text=text) == Reanchored(anchor, AnchorMethod.POSITION, 1.0)


@settings(max_examples=150, deadline=None)
@given(passages(), insertions, st.data())
def test_text_inserted_before_the_context_shifts_the_passage(
    case: tuple[str, Anchor], inserted: str, data: st.DataObject
) -> None:
    text, anchor = case
    at = data.draw(st.integers(0, anchor.start - len(anchor.prefix)))
    new_text = text[:at] + inserted + text[at:]
    expected = make_anchor(new_text, anchor.start + len(inserted), anchor.end + len(inserted))
    with_diff = reanchor(anchor, new_text, old_text=text)
    assert with_diff.anchor == expected
    assert with_diff.method in (AnchorMethod.QUOTE, AnchorMethod.POSITION)
    # Without the old text, the nearest occurrence in the same context wins: the same
    # one unless the quote and its context occur twice.
    whole = anchor.prefix + anchor.exact + anchor.suffix
    if text.count(whole) == 1:
        alone = reanchor(anchor, new_text)
        assert (alone.anchor, alone.method, alone.score) == (
            with_diff.anchor, with_diff.method, with_diff.score,
        )  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="abcdefgh \n", max_size=150),
    st.text(alphabet="漢字かなカタ", min_size=1, max_size=40),
    st.text(alphabet="abcdefgh \n", max_size=150),
)
def test_deleted_passage_with_nothing_alike_left_is_an_orphan(
    before: str, passage: str, after: str
) -> None:
    text = before + passage + after
    anchor = make_anchor(text, len(before), len(before) + len(passage))
    new_text = before + after
    for old_text in (None, text):
        result = reanchor(anchor, new_text, old_text=old_text)
        assert result == Reanchored(None, AnchorMethod.ORPHAN, 0.0)


prose_words = st.sampled_from(
    [
        "the",
        "analyst",
        "codes",
        "each",
        "passage",
        "with",
        "care",
        "and",
        "notes",
        "why",
        "漢字",
        "😀",
    ]
)
prose = st.lists(prose_words, min_size=30, max_size=80).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(prose, st.data())
def test_typo_inside_a_long_passage_is_found_with_the_new_text(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text) - 40))
    end = data.draw(st.integers(start + 40, min(len(text), start + 120)))
    anchor = make_anchor(text, start, end)
    assume(text.count(anchor.exact) == 1)  # else the quote is still there, exactly
    at = data.draw(st.integers(start + 1, end - 2))
    # A letter mistyped: a space typed over joins two words, and the passage's ends are
    # then put on the words of the joined text (a word further, beside a repeated one).
    assume(not text[at].isspace())
    typo = data.draw(st.sampled_from("XYZ"))
    new_text = text[:at] + typo + text[at + 1 :]
    for old_text in (None, text):
        result = reanchor(anchor, new_text, old_text=old_text)
        assert result.method is AnchorMethod.FUZZY
        assert result.anchor == make_anchor(new_text, start, end)
        assert 0.9 < result.score < 1.0


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str]:
    """An article and a version of it with a few random edits."""
    text = draw(prose)
    new_text = text
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(new_text)))
        cut = draw(st.integers(0, 20))
        pasted = draw(st.sampled_from(["", "new words ", "\n", "X", "  "]))
        new_text = new_text[:at] + pasted + new_text[at + cut :]
    return text, new_text


@settings(max_examples=40, deadline=None)
@given(edits(), st.data())
def test_reanchor_all_is_reanchor_for_each(versions: tuple[str, str], data: st.DataObject) -> None:
    text, new_text = versions
    anchors = []
    for _ in range(data.draw(st.integers(1, 6))):
        start = data.draw(st.integers(0, len(text) - 2))
        end = data.draw(st.integers(start + 1, min(len(text), start + 60)))
        if text[start:end].strip():
            anchors.append(make_anchor(text, start, end))
    for old_text in (None, text):
        together = reanchor_all(anchors, new_text, old_text=old_text)
        assert together == [reanchor(a, new_text, old_text=old_text) for a in anchors]
        for result in together:
            assert_consistent(result, new_text)


def test_a_text_respelt_with_combining_accents_keeps_whole_letters() -> None:
    import unicodedata

    old = "Le café du port est fermé le lundi, dit le patron du café."
    new = unicodedata.normalize("NFD", old)
    for quote in ("café", "fermé"):
        anchor = find_quote(old, quote)
        result = reanchor(anchor, new, old_text=old)
        assert result.method is AnchorMethod.FUZZY
        found = new[result.anchor.start : result.anchor.end]
        assert unicodedata.normalize("NFC", found) == quote  # the accent is not cut off


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("cafe\u0301 noir", 0, 4, (0, 5)),  # ends before the accent: takes it
        ("cafe\u0301 noir", 4, 10, (3, 10)),  # starts on the accent: takes its letter
        ("ok \U0001f44d\U0001f3fd yes", 3, 4, (3, 5)),  # a skin tone stays with its emoji
        ("a \U0001f469\u200d\U0001f4bb b", 2, 3, (2, 5)),  # a joined emoji sequence
        ("plain text", 2, 6, (2, 6)),  # nothing to widen
        ("e\u0301", 0, 2, (0, 2)),
    ],
)
def test_whole_characters(text: str, start: int, end: int, expected: tuple[int, int]) -> None:
    assert whole_characters(text, start, end) == expected
