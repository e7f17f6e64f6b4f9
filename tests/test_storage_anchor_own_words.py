"""A passage stays on its own words when an article is updated.

News pages are revised all day: a live blog adds the next figure beside the last one
("The death toll rose to 15..." after "...rose to 12..."), a speaker's sentence follows
another's, paragraphs are reordered, and every paragraph ends ", police said.". A
passage whose words the update left as they were, in their own paragraph, stays on them,
however its neighbours changed; a passage whose paragraph was edited or moved follows
that paragraph, not the same words in another; where that cannot be told, it is reported
as found approximately (worth a look), never as simply moved.
"""

from __future__ import annotations

import random
import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from diptych.storage.anchoring import AnchorMethod, reanchor, reanchor_all
from diptych.storage.anchors import find_quote, make_anchor

LEAD = (
    "The storm made landfall near Brest shortly after midnight, bringing gusts of up to 160 km/h."
)
TOLL = "The death toll rose to 12 on Monday morning, police said."
RAIL = "Rail services between Brest and Quimper remain suspended until further notice."


def blog(*paragraphs: str) -> str:
    return "\n\n".join(["# Storm Kira: live updates", *paragraphs])


def test_a_sentence_left_as_it_was_keeps_its_passage_beside_a_newer_figure() -> None:
    old = blog(LEAD, TOLL, RAIL)
    lead = (
        "The storm made landfall near Brest shortly after midnight on Sunday, bringing gusts "
        "of up to 170 km/h along the coast."
    )
    newer = "The death toll rose to 15 on Monday evening, police said."
    new = blog(lead, TOLL, newer, RAIL)
    result = reanchor(find_quote(old, TOLL), new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.start == new.index(TOLL)
    assert result.in_place
    # The same when the paragraph holding it was edited elsewhere: it is still its own.
    edited = blog(lead, TOLL + " More to follow.", newer, RAIL)
    result = reanchor(find_quote(old, TOLL), edited, old_text=old)
    assert result.anchor is not None
    assert result.anchor.start == edited.index(TOLL)
    assert result.method is AnchorMethod.QUOTE


def test_a_speakers_sentence_is_not_moved_onto_another_speakers_new_one() -> None:
    mayor = "The mayor said the water would peak on Wednesday."
    governor = "The governor said the water would peak on Thursday."
    old = blog(LEAD, mayor, governor, RAIL)
    new = blog(LEAD, governor, "The mayor says the water will peak on Thursday.", RAIL)
    results = reanchor_all([find_quote(old, mayor), find_quote(old, governor)], new, old_text=old)
    assert results[1].anchor is not None
    assert results[1].anchor.start == new.index(governor)
    assert results[1].in_place
    assert results[0].method in (AnchorMethod.FUZZY, AnchorMethod.ORPHAN)  # never the governor's


SUBJECTS = ["The mayor", "Police", "The prefect", "Officials", "Rescue teams", "The army"]
VERBS = ["said", "warned", "confirmed", "reported"]
OBJECTS = [
    "the death toll rose to {n}",
    "{n} homes were without power",
    "{n} people were evacuated",
    "{n} schools stayed closed",
]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 2**32),
    st.sampled_from(["after", "before"]),
    st.booleans(),
)
@example(seed=5, side="after", edit_before=True)
def test_a_coded_sentence_left_as_it_was_stays_whatever_copy_is_added_beside_it(
    seed: int, side: str, edit_before: bool
) -> None:
    """A live blog of one-sentence paragraphs; the coded one is left as it was, a copy
    with newer figures is added right after (or before) it, and the paragraph before it
    may be edited too: the passage stays on the sentence it was made on."""
    rng = random.Random(seed)

    def sentence() -> str:
        said = rng.choice(OBJECTS).format(n=rng.randint(2, 90))
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {said}."

    paragraphs = list(dict.fromkeys(sentence() for _ in range(8)))  # each once
    own = rng.randrange(1, len(paragraphs) - 1)
    old = blog(*paragraphs)
    start = old.index("\n\n" + paragraphs[own]) + 2
    anchor = make_anchor(old, start, start + len(paragraphs[own]))
    newer = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), paragraphs[own])
    assume(newer not in paragraphs)
    edited = list(paragraphs)
    edited.insert(own + 1 if side == "after" else own, newer)
    if edit_before:
        edited[own - 1] = edited[own - 1].replace(".", " on Sunday.", 1)
    new = blog(*edited)
    result = reanchor(anchor, new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.exact == paragraphs[own]
    position = new.index("\n\n" + paragraphs[own] + "\n\n" + newer) if side == "after" else None
    if position is None:
        position = new.index(newer + "\n\n" + paragraphs[own]) + len(newer)
    assert result.anchor.start == position + 2
    assert result.in_place


POLICE = [
    "Two people died in Quimper when a tree fell on their car, police said.",
    "A fisherman is missing off Roscoff, police said.",
    "A school roof collapsed in Morlaix, police said.",
    "Power was restored to 10,000 homes, the grid operator said.",
]


def said_in(text: str, paragraph: str) -> int:
    """Where "police said" of ``paragraph`` is in ``text``."""
    return text.index(paragraph) + paragraph.index("police said")


def test_an_attribution_follows_its_own_paragraph_when_paragraphs_are_reordered() -> None:
    old = blog(*POLICE)
    quimper, morlaix = (
        find_quote(old, "police said", occurrence=1),
        find_quote(old, "police said", occurrence=3),
    )
    three = POLICE[0].replace("Two", "Three")
    overnight = POLICE[2].replace("Morlaix,", "Morlaix overnight,")
    new = blog(POLICE[1], overnight, three, POLICE[3])
    results = reanchor_all([quimper, morlaix], new, old_text=old)
    assert [r.anchor.start if r.anchor else None for r in results] == [
        said_in(new, three),
        said_in(new, overnight),
    ]
    assert [r.method for r in results] == [AnchorMethod.QUOTE, AnchorMethod.QUOTE]


def test_an_attribution_whose_paragraph_was_rewritten_is_reported_approximate() -> None:
    # Its paragraph rewritten beyond recognition, two new ones saying "police said": it
    # cannot be told which is its own, and that is said, not a silent move.
    old = blog(*POLICE)
    morlaix = find_quote(old, "police said", occurrence=3)
    new = blog(
        POLICE[0],
        POLICE[1],
        "Roofs were torn off across Finistere, police said.",
        "Two ferries were cancelled, police said.",
        POLICE[3],
    )
    result = reanchor(morlaix, new, old_text=old)
    assert result.method in (AnchorMethod.FUZZY, AnchorMethod.ORPHAN)


PLACES = ["Quimper", "Roscoff", "Morlaix", "Brest", "Lorient", "Vannes", "Rennes", "Lannion"]
EVENTS = [
    "a tree fell on a car",
    "a roof collapsed",
    "a boat sank",
    "a bridge was closed",
    "a school was flooded",
]


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32), st.booleans())
def test_a_moved_paragraphs_attribution_is_never_silently_put_on_another(
    seed: int, edit: bool
) -> None:
    """Paragraphs all ending ", police said."; the coded one moved elsewhere (and perhaps
    edited): its passage follows it, or is reported as found approximately."""
    rng = random.Random(seed)
    paragraphs = list(
        dict.fromkeys(
            f"In {rng.choice(PLACES)}, {rng.choice(EVENTS)} on Monday, police said."
            for _ in range(10)
        )
    )
    old = blog(*paragraphs)
    own = rng.randrange(len(paragraphs))
    anchor = make_anchor(old, said_in(old, paragraphs[own]), said_in(old, paragraphs[own]) + 11)
    moved = paragraphs.pop(own)
    if edit:
        moved = moved.replace(" on Monday", " overnight")
    paragraphs.insert(rng.choice([i for i in range(len(paragraphs) + 1) if i != own]), moved)
    new = blog(*paragraphs)
    result = reanchor(anchor, new, old_text=old)
    if result.method is AnchorMethod.QUOTE:
        assert result.anchor is not None
        assert result.anchor.start == said_in(new, moved)


COUNCILLOR = "The response was too slow, said {name}, a local councillor, on Monday."
REWORDED = "{name}, a local councillor, said on Monday that the response had been too slow."
FILLER = [
    f"Paragraph {k} about the storm, with gusts and rain across the region." for k in range(6)
]


def test_a_name_in_a_sentence_rewritten_around_it_follows_it() -> None:
    for name in ("Claudia Maicher", "Petra Wolf"):
        old = blog(*FILLER[:3], COUNCILLOR.format(name=name), *FILLER[3:])
        new = blog(*FILLER[:3], REWORDED.format(name=name), *FILLER[3:])
        result = reanchor(find_quote(old, name), new, old_text=old)
        assert result.anchor is not None
        assert result.anchor.start == new.index(name)
        assert result.method is AnchorMethod.QUOTE


def test_a_table_rows_label_follows_it_when_a_column_is_added() -> None:
    rows = ["Gauge\tSunday 18:00\tMonday 06:00", "Dresden\t6.40 m\t7.12 m", "Pirna\t7.02 m\t7.55 m"]
    wider = [
        "Gauge\tSunday 18:00\tMonday 06:00\tMonday 12:00",
        "Dresden\t6.40 m\t7.12 m\t7.48 m",
        "Pirna\t7.02 m\t7.55 m\t7.90 m",
    ]
    old = blog(LEAD, "\n".join(rows), RAIL)
    new = blog(LEAD, "\n".join(wider), RAIL)
    result = reanchor(find_quote(old, "Pirna"), new, old_text=old)
    assert result.anchor is not None
    assert result.anchor.start == new.index("Pirna")
    assert result.method is not AnchorMethod.ORPHAN


def test_a_short_quote_once_in_both_texts_is_found_approximately_not_orphaned() -> None:
    # Its paragraph rewritten (few words in common), but the name is once in the old
    # text and once in the new one, in the paragraph put in its place: the same words,
    # worth a look.
    old = blog(LEAD, "Mayor Dirk Hilbert opened the shelter at the Messe on Sunday.", RAIL)
    new = blog(LEAD, "Hundreds queued outside as Dirk Hilbert spoke.", RAIL)
    result = reanchor(find_quote(old, "Dirk Hilbert"), new, old_text=old)
    assert result.method is AnchorMethod.FUZZY
    assert result.anchor is not None
    assert result.anchor.start == new.index("Dirk Hilbert")
    # Twice in the new text: which one cannot be told.
    twice = new.replace("spoke.", "spoke. Dirk Hilbert left at noon.")
    assert reanchor(find_quote(old, "Dirk Hilbert"), twice, old_text=old).anchor is None
    # Once, but in a paragraph added elsewhere, its own deleted: not it.
    elsewhere = blog(LEAD, RAIL, "Hundreds queued outside as Dirk Hilbert spoke.")
    assert reanchor(find_quote(old, "Dirk Hilbert"), elsewhere, old_text=old).anchor is None
