"""Re-anchoring never moves a passage onto other words whose context disagrees.

An article updated by a news site or re-extracted from a PDF: a passage whose words are
gone must become an orphan, not jump to the same common words somewhere else.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from diptych.storage.anchor_trust import FAR_LENGTH
from diptych.storage.anchoring import AnchorMethod, reanchor, reanchor_all
from diptych.storage.anchors import find_quote, make_anchor
from diptych.storage.line_diff import LineDiff

PARAGRAPHS = [
    "WASHINGTON — The United States and China agreed on Tuesday to resume talks on "
    "tariffs, officials said.",
    "The agreement, reached after two days of meetings in Geneva, covers steel, aluminium "
    "and soybeans.",
    "“We are cautiously optimistic,” said the trade representative, who declined to give "
    "a timeline.",
    "Critics in Congress called the deal a symbolic restart rather than a real breakthrough.",
    "Markets rose 2 per cent on the news; the US dollar fell against the euro.",
    "Analysts said the US position had hardened since the spring, when the US first raised duties.",
]
ARTICLE = "\n\n".join(PARAGRAPHS)


def test_a_dateline_is_not_moved_onto_the_same_word_in_an_unrelated_text() -> None:
    # The passage opens the article, so its prefix is empty: an empty prefix agrees only
    # with a place at the start of the new text, not with every place.
    anchor = find_quote(ARTICLE, "WASHINGTON")
    unrelated = (
        "Brussels — The European Commission said on Monday it would fine three banks. " * 20
        + "A spokesman in WASHINGTON declined to comment on the fines. "
        + "Regulators and banks will meet again in the spring. " * 20
    )
    for old_text in (ARTICLE, None):
        assert reanchor(anchor, unrelated, old_text=old_text).method is AnchorMethod.ORPHAN


def test_the_last_words_are_not_moved_onto_the_same_words_far_before_the_end() -> None:
    anchor = find_quote(ARTICLE, "raised duties.")
    new_text = (
        "The ministry raised duties. Nothing else was said about trade that week. "
        + "Unrelated reporting on the weather and the harvest. " * 30
    )
    assert reanchor(anchor, new_text, old_text=ARTICLE).method is AnchorMethod.ORPHAN


def test_a_passage_at_the_start_still_follows_blank_lines_added_before_it() -> None:
    anchor = find_quote(ARTICLE, "WASHINGTON")
    new_text = "\n\n" + ARTICLE.replace("on Tuesday", "on Wednesday")
    result = reanchor(anchor, new_text)
    assert result.anchor is not None
    assert result.anchor.start == 2
    assert result.score == 1.0


def test_a_short_quote_in_a_deleted_paragraph_becomes_an_orphan() -> None:
    # "US" occurs again in the next paragraph, a few words away: other words.
    anchor = find_quote(ARTICLE, "US")
    assert anchor.suffix.startswith(" dollar")
    new_text = "\n\n".join(PARAGRAPHS[:4] + PARAGRAPHS[5:])
    for old_text in (ARTICLE, None):
        assert reanchor(anchor, new_text, old_text=old_text).method is AnchorMethod.ORPHAN


def test_a_word_of_a_rewritten_paragraph_is_not_pinned_to_its_namesake() -> None:
    anchor = find_quote(ARTICLE, "talks")
    new_text = "\n\n".join(["Officials expect talks to follow within weeks.", *PARAGRAPHS[1:]])
    # Once in the old text and once in the paragraph put in the place of its own: the
    # same word, perhaps, and said to be worth a look, never simply moved.
    result = reanchor(anchor, new_text, old_text=ARTICLE)
    assert result.method is AnchorMethod.FUZZY
    # Twice in that paragraph: neither is surely it.
    twice = new_text.replace("weeks.", "weeks, and talks on steel later.", 1)
    assert reanchor(anchor, twice, old_text=ARTICLE).method is AnchorMethod.ORPHAN


def test_a_short_quote_in_a_lightly_edited_sentence_is_still_found() -> None:
    anchor = find_quote(ARTICLE, "2 per cent")
    new_text = ARTICLE.replace(
        "Markets rose 2 per cent on the news", "Shares rose 2 per cent on news"
    )
    result = reanchor(anchor, new_text, old_text=ARTICLE)
    assert result.anchor is not None
    assert result.anchor.exact == "2 per cent"
    assert result.anchor.start == new_text.index("2 per cent")


# Two hundred made-up words: unrelated texts share words, not runs of them.
WORDS = sorted(
    {"".join(random.Random(n).choices("bdfgklmnprstvaeiou", k=2 + n % 6)) for n in range(200)}
)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32))
@example(9287)  # a word ending a paragraph: the selection once ran on into the next one
def test_a_text_replaced_by_an_unrelated_one_orphans_every_short_passage(seed: int) -> None:
    rng = random.Random(seed)

    def prose(paragraphs: int) -> str:
        return "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 40))) + "."
            for _ in range(paragraphs)
        )

    old, new = prose(8), prose(8)
    starts = [i for i in range(1, len(old) - 12) if old[i - 1] == " "]
    anchors = []
    for start in rng.sample(starts, 40):  # one word, as an analyst selects it
        end = re.compile(r"\s").search(old, start)  # not over a paragraph's end: two words
        anchors.append(make_anchor(old, start, end.start() if end else len(old)))
    results = reanchor_all(anchors, new, old_text=old)
    assert [r.method for r in results] == [AnchorMethod.ORPHAN] * len(anchors)


REPORT = [
    "WASHINGTON — The United States and China agreed on Tuesday to resume talks on tariffs, "
    "officials said.",
    "The agreement, reached after two days of meetings in Geneva, covers steel, aluminium and "
    "soybeans.",
    "Critics argued that the United States had conceded too much, according to people "
    "familiar with the talks.",
    "Markets rose 2 per cent on the news; the US dollar fell against the euro.",
    "Analysts said the United States position had hardened since the spring.",
]
REPORT_TEXT = "\n\n".join(REPORT)


def test_a_phrase_of_a_deleted_paragraph_is_not_moved_onto_its_namesake_kept_elsewhere() -> None:
    # The next paragraph but one says "the United States" too: it was there already.
    anchor = find_quote(REPORT_TEXT, "the United States", occurrence=1)
    assert anchor.prefix.endswith("argued that ")
    new_text = "\n\n".join(REPORT[:2] + REPORT[3:])
    assert reanchor(anchor, new_text, old_text=REPORT_TEXT).method is AnchorMethod.ORPHAN


def test_a_stock_phrase_of_a_deleted_paragraph_does_not_jump_to_a_new_one_far_away() -> None:
    anchor = find_quote(REPORT_TEXT, "according to people familiar")
    later = [f"Paragraph {n} of the live report, on the markets and the talks." for n in range(12)]
    new_text = "\n\n".join(
        REPORT[:2] + REPORT[3:] + later + ["No date was set, according to people familiar with it."]
    )
    assert reanchor(anchor, new_text, old_text=REPORT_TEXT).method is AnchorMethod.ORPHAN


def test_a_phrase_in_a_sentence_rewritten_around_it_is_still_found() -> None:
    anchor = find_quote(REPORT_TEXT, "according to people familiar")
    rewritten = "The talks, according to people familiar with them, went badly for Washington."
    new_text = "\n\n".join([*REPORT[:2], rewritten, *REPORT[3:]])
    result = reanchor(anchor, new_text, old_text=REPORT_TEXT)
    assert result.anchor is not None
    assert result.anchor.start == new_text.index("according to people familiar")


def test_a_whole_paragraph_moved_far_away_is_still_found() -> None:
    anchor = find_quote(REPORT_TEXT, REPORT[2])
    later = [f"Paragraph {n} of the live report, on the markets and the talks." for n in range(12)]
    new_text = "\n\n".join([*REPORT[:2], *REPORT[3:], *later, REPORT[2], "The end."])
    result = reanchor(anchor, new_text, old_text=REPORT_TEXT)
    assert result.method is AnchorMethod.QUOTE
    assert result.anchor is not None
    assert result.anchor.start == new_text.index(REPORT[2])


def test_a_passage_in_one_of_two_identical_paragraphs_follows_the_one_kept() -> None:
    text = "\n\n".join([REPORT[0], "Read more: trade", REPORT[1], "Read more: trade", REPORT[4]])
    anchor = find_quote(text, "Read more: trade", occurrence=2)
    # The first copy (and the paragraph after it) are deleted.
    new_text = "\n\n".join([REPORT[0], "Read more: trade", REPORT[4]])
    result = reanchor(anchor, new_text, old_text=text)
    assert result.anchor is not None
    assert result.anchor.start == new_text.index("Read more: trade")


@pytest.mark.parametrize(
    ("quote", "deleted", "kept"),
    [
        (
            "symbolic restart rather than a real breakthrough.\n\nMarkets",
            4,
            "symbolic restart rather than a real breakthrough.",
        ),
        ("declined to give a timeline.\n\nCritics", 3, "declined to give a timeline."),
    ],
)
def test_a_passage_over_two_paragraphs_keeps_what_is_left_and_takes_no_other_word(
    quote: str, deleted: int, kept: str
) -> None:
    # The passage ends with the first word of a paragraph that is deleted: the next
    # paragraph's first word ("Analysts", "Markets") was never part of it.
    anchor = find_quote(ARTICLE, quote)
    new_text = "\n\n".join(PARAGRAPHS[:deleted] + PARAGRAPHS[deleted + 1 :])
    result = reanchor(anchor, new_text, old_text=ARTICLE)
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.exact == kept
    assert result.anchor.start == new_text.index(kept)


def test_a_passage_over_two_paragraphs_the_first_deleted_starts_at_the_second() -> None:
    anchor = find_quote(ARTICLE, "breakthrough.\n\n" + PARAGRAPHS[4])
    new_text = "\n\n".join(PARAGRAPHS[:3] + PARAGRAPHS[4:])
    result = reanchor(anchor, new_text, old_text=ARTICLE)
    assert result.anchor is not None
    assert result.anchor.exact == PARAGRAPHS[4]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32))
def test_one_of_fifty_occurrences_of_a_word_follows_its_paragraph(seed: int) -> None:
    """ "US" occurs in every sentence: only the passage's context tells them apart."""
    rng = random.Random(seed)
    paragraphs = [
        " ".join(rng.choice([*WORDS[:40], *["US"] * 8]) for _ in range(rng.randint(20, 40)))
        + " US."
        for _ in range(16)
    ]
    old = "\n\n".join(paragraphs)
    assert old.count("US") >= 50
    # Not the last paragraph: there the end of the text is context too, which every
    # version's last "US." shares in these made-up texts.
    keep = rng.randrange(len(paragraphs) - 1)
    paragraph_start = old.index(paragraphs[keep])
    occurrences = [
        paragraph_start + i
        for i in range(len(paragraphs[keep]))
        if paragraphs[keep].startswith("US", i)
    ]
    start = rng.choice(occurrences)
    anchor = make_anchor(old, start, start + 2)
    # Other paragraphs are deleted, added and edited: the passage's is left alone.
    edited = list(paragraphs)
    others = [i for i in range(len(paragraphs)) if i != keep]
    for i in rng.sample(others, 3):
        edited[i] = edited[i].replace("US", "EU", 1)
    deleted = rng.choice(others)
    edited[deleted] = ""
    edited.insert(rng.randrange(len(edited)), "US officials said the US and the US agree.")
    new = "\n\n".join(p for p in edited if p)
    expected = new.index(paragraphs[keep]) + start - paragraph_start
    result = reanchor(anchor, new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.start == expected
    # The passage's paragraph deleted: every other "US" is another one.
    gone = "\n\n".join(p for i, p in enumerate(paragraphs) if i != keep)
    assert reanchor(anchor, gone, old_text=old).method is AnchorMethod.ORPHAN


def test_a_heading_between_two_rewritten_paragraphs_stays_with_its_line() -> None:
    old = (
        "Trade talks resume after a long pause in the spring.\n\nAnalysis\n\n"
        "The deal is a symbolic restart rather than a breakthrough, critics say."
    )
    new = (
        "Tariff negotiations begin again following months of silence.\n\nAnalysis\n\n"
        "Critics call it little more than a gesture, with nothing settled."
    )
    anchor = find_quote(old, "Analysis")
    # Its context is all new, but the update kept its line: it is the same heading.
    result = reanchor(anchor, new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.start == new.index("Analysis")
    # Another "Analysis" in a new line is not it.
    other = new.replace("\n\nAnalysis\n\n", "\n\n").replace("settled.", "settled. Analysis")
    assert reanchor(anchor, other, old_text=old).method is AnchorMethod.ORPHAN


def test_a_passage_opening_a_repetitive_text_is_not_shifted_by_a_refrain() -> None:
    # A chant transcribed: the passage is the first three refrains, and the transcript
    # is corrected in its first word. The same three refrains, followed by the same ones,
    # occur one refrain later, but with other words before them than the start of the text.
    old = "Go team go! " * 12 + "said the crowd."
    anchor = make_anchor(old, 0, len("Go team go! ") * 3 - 1)
    new = "Go, team go! " + old[len("Go team go! ") :]
    for old_text in (old, None):
        result = reanchor(anchor, new, old_text=old_text)
        assert result.method is AnchorMethod.FUZZY
        assert result.anchor is not None
        assert result.anchor.start == 0
        assert result.anchor.exact == "Go, team go! Go team go! Go team go!"
    # The same at the end of the text.
    old = "The crowd chanted: " + "go team go, " * 11 + "go team go"
    anchor = find_quote(old, "go team go, go team go, go team go", occurrence=4)
    assert anchor.suffix == ""
    new = old[: -len("go team go")] + "go team, go"
    result = reanchor(anchor, new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.end == len(new)


# As many words as an article has: the last word of a deleted paragraph is seldom that
# of the one before it too.
MORE_WORDS = sorted(
    {"".join(random.Random(n).choices("bdfgklmnprstvaeiou", k=3 + n % 5)) for n in range(3000)}
)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**32), st.sampled_from(["stays", "moves", "deleted"]))
def test_a_passage_follows_its_paragraph_through_paragraph_edits_or_becomes_an_orphan(
    seed: int, fate: str
) -> None:
    """Paragraphs added, deleted and reworded around the passage's own: it is found
    exactly where its paragraph went, or, that paragraph deleted, is an orphan. A
    paragraph moved far away takes along a passage of a sentence (FAR_LENGTH characters
    or more); a word or two, their context gone, would be no surer than an orphan."""
    rng = random.Random(seed)

    def paragraph() -> str:
        return " ".join(rng.choice(MORE_WORDS) for _ in range(rng.randint(8, 40))) + "."

    paragraphs = [paragraph() for _ in range(rng.randint(3, 12))]
    old = "\n\n".join(paragraphs)
    own = rng.randrange(len(paragraphs))
    words = [m.span() for m in re.finditer(r"\S+", paragraphs[own])]
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + rng.choice([0, 0, 1, 3, 8]))
    if fate == "moves":
        while last + 1 < len(words) and words[last][1] - words[first][0] < FAR_LENGTH:
            last += 1
        assume(words[last][1] - words[first][0] >= FAR_LENGTH)
    offset = old.index(paragraphs[own])
    anchor = make_anchor(old, offset + words[first][0], offset + words[last][1])
    before, after = paragraphs[:own], paragraphs[own + 1 :]
    for _ in range(rng.randint(1, 4)):  # edit the other paragraphs
        side = rng.choice([before, after])
        action = rng.choice(["add", "delete", "reword"])
        if action == "add" or not side:
            side.insert(rng.randint(0, len(side)), paragraph())
        elif action == "delete":
            side.pop(rng.randrange(len(side)))
        else:
            at = rng.randrange(len(side))
            side[at] = side[at].replace(" ", f" {rng.choice(MORE_WORDS)} ", 1)
    others = before + after
    if fate == "deleted":
        new = "\n\n".join(others) or "Nothing."
        assert reanchor(anchor, new, old_text=old).method is AnchorMethod.ORPHAN
        return
    place = rng.randint(0, len(others)) if fate == "moves" else len(before)
    new = "\n\n".join([*others[:place], paragraphs[own], *others[place:]])
    start = new.index(paragraphs[own]) + anchor.start - offset
    result = reanchor(anchor, new, old_text=old)
    assert result.anchor is not None
    assert (result.anchor.start, result.anchor.end) == (start, start + len(anchor.exact))


def test_a_passage_whose_paragraph_now_opens_the_text_compares_all_its_prefix() -> None:
    # The paragraph before was deleted: fewer than CONTEXT_LENGTH characters are left
    # before the passage, and they are compared with the end of its old prefix.
    old = (
        "Intro.\n\nAnalysts at the bank said tariffs would rise sharply next year.\n\n"
        "More text here."
    )
    new = "Analysts at the bank said tariffs could climb.\n\nOther text."
    anchor = find_quote(old, "tariffs")
    result = reanchor(anchor, new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.start == new.index("tariffs")


def test_a_two_letter_passage_is_not_moved_onto_another_two_letter_word() -> None:
    # "EU" opened a deleted paragraph; the next one, edited, opens with "US", one letter
    # apart, after the same paragraph break as before.
    old = (
        "Talks resumed in Geneva on Tuesday.\n\nEU leaders said they would watch closely.\n\n"
        "US officials declined to comment."
    )
    new = "Talks resumed in Geneva on Tuesday.\n\nUS officials declined to comment at once."
    anchor = find_quote(old, "EU")
    assert reanchor(anchor, new, old_text=old).method is AnchorMethod.ORPHAN


def test_a_short_passage_ending_the_text_is_not_moved_onto_a_like_word_ending_it() -> None:
    # The last paragraph, ending "2024.", was deleted; the new last one ends "2025.":
    # both end the text, which is all their contexts share.
    old = (
        "The tariffs were first raised in the spring.\n\n"
        "Officials expect the next round of talks to end in 2024."
    )
    new = (
        "The tariffs were first raised in the spring.\n\n"
        "Analysts doubt that any deal can be signed before 2025."
    )
    anchor = find_quote(old, "2024.")
    assert anchor.suffix == ""
    assert reanchor(anchor, new, old_text=old).method is AnchorMethod.ORPHAN
    # Nor when the paragraph before (edited), ending "2025.", now comes before the same one.
    three = (
        "Prices rose again in 2025.\n\nOfficials expect a deal in 2024.\n\n"
        "Markets were calm on the news."
    )
    anchor = find_quote(three, "2024.")
    without = three.replace("Officials expect a deal in 2024.\n\n", "").replace("rose", "fell")
    assert reanchor(anchor, without, old_text=three).method is AnchorMethod.ORPHAN
    # A typo fixed in the same place, with its words around it, is still found.
    typo = old.replace("2024.", "2O24.")
    result = reanchor(find_quote(typo, "2O24."), old, old_text=typo)
    assert result.anchor is not None
    assert result.anchor.exact == "2024."


def test_a_one_sentence_paragraph_moved_far_down_is_still_found() -> None:
    # Shorter than its context on both sides, and with its neighbours all new.
    sentence = "The talks resume in Geneva on the first of May."
    filler = [" ".join(random.Random(n).choices(MORE_WORDS, k=12)) + "." for n in range(12)]
    old = "\n\n".join([*filler[:2], sentence, *filler[2:]])
    new = "\n\n".join([*filler[:2], *filler[3:], sentence, "Reporting by the desk."])
    anchor = find_quote(old, sentence)
    result = reanchor(anchor, new, old_text=old)
    assert result.method is AnchorMethod.QUOTE
    assert result.anchor is not None
    assert result.anchor.start == new.index(sentence)


@pytest.mark.parametrize(
    ("quote", "deleted", "left"),
    [
        ("a real breakthrough.\n\nMarkets rose 2 per cent", 3, "Markets rose 2 per cent"),
        (
            "give a timeline.\n\nCritics in Congress called the deal a symbolic restart",
            2,
            "Critics in Congress called the deal a symbolic restart",
        ),
        ("a real breakthrough.\n\nMarkets", 3, None),  # less than half is left
    ],
)
def test_a_passage_over_two_paragraphs_keeps_the_larger_part_left(
    quote: str, deleted: int, left: str | None
) -> None:
    anchor = find_quote(ARTICLE, quote)
    new_text = "\n\n".join(PARAGRAPHS[:deleted] + PARAGRAPHS[deleted + 1 :])
    result = reanchor(anchor, new_text, old_text=ARTICLE)
    if left is None:
        assert result.method is AnchorMethod.ORPHAN
        return
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.exact == left
    assert result.anchor.start == new_text.index(left)


def test_the_last_paragraph_is_unchanged_when_one_is_added_after_it() -> None:
    old = "First paragraph.\n\nLast paragraph, as it was."
    new = old + "\n\nA paragraph added at the end."
    last = old.index("Last")
    assert LineDiff(old, new).old_offset(last, last + 10) == last
