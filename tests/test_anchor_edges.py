"""A passage found approximately in a newer text begins and ends on whole words, with the
words its quote began and ended with, where the approximate search cut a word in half
("...for three s") or stopped short of a last word that only moved."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from diptych.storage.anchoring import AnchorMethod, reanchor
from diptych.storage.anchors import make_anchor

INTERVIEW = (
    "Transcript of the meeting.\n\nThe union says wages have fallen behind inflation for"
    " three years. Management disagrees.\n\nWe will hold out. Simple as that, really. They"
    " can hold out much longer - maybe a month.\n\nEnd of the transcript."
)
REWRITTEN = (
    "Transcript of the meeting.\n\nThe union says pay has fallen behind inflation for three"
    " straight years, a claim management disputes.\n\nWe will hold out. Simple as that -"
    " really. They can hold out much longer, maybe a month or two.\n\nEnd of the transcript."
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The union says wages have fallen behind inflation for three years.",
            "The union says pay has fallen behind inflation for three straight years,",
        ),
        ("We will hold out. Simple as that, really.", "We will hold out. Simple as that - really."),
        ("can hold out much longer - maybe a month.", "can hold out much longer, maybe a month"),
    ],
)  # fmt: skip
def test_a_passage_found_approximately_keeps_its_first_and_last_words(old: str, new: str) -> None:
    start = INTERVIEW.index(old)
    anchor = make_anchor(INTERVIEW, start, start + len(old))
    for old_text in (INTERVIEW, None):
        found = reanchor(anchor, REWRITTEN, old_text=old_text)
        assert found.method is AnchorMethod.FUZZY
        assert found.anchor is not None and found.anchor.exact == new


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


words = st.sampled_from(
    ["the", "union", "wages", "pay", "fell", "inflation", "three", "years", "port", "strike",
     "managers", "said", "it", "was", "late", "again", "Seoul", "talks", "résumé", "naïve"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(words, min_size=40, max_size=80), st.data())
def test_ends_on_word_edges_stay_on_word_edges(text_words: list[str], data: st.DataObject) -> None:
    text = " ".join(text_words) + "."
    first = data.draw(st.integers(0, len(text_words) - 12))
    last = data.draw(st.integers(first + 6, first + 11))
    start = len(" ".join(text_words[:first])) + (1 if first else 0)
    end = len(" ".join(text_words[: last + 1]))
    anchor = make_anchor(text, start, end)
    edited = list(text_words)
    at = data.draw(st.integers(first + 1, last - 1))
    edited[at] = data.draw(words)  # a word inside the passage changed
    if data.draw(st.booleans()):
        edited.insert(data.draw(st.integers(first + 1, last)), data.draw(words))
    new_text = " ".join(edited) + "."
    assume(anchor.exact not in new_text)
    found = reanchor(anchor, new_text, old_text=text)
    if found.anchor is None:
        return
    s, e = found.anchor.start, found.anchor.end
    assert not (0 < s < len(new_text) and is_word(new_text[s - 1]) and is_word(new_text[s]))
    assert not (0 < e < len(new_text) and is_word(new_text[e - 1]) and is_word(new_text[e]))
