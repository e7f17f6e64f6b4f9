"""A word with a footnote number typed after it in superscript (began¹, as pasted from a
PDF or a word processor) is found by the word, in articles, passages, notes and memos,
and the word's own characters are marked. A subscript stays part of its word (CO₂ is
CO2), and so do modifier letters (Mᵐᵉ is Mme, 1ᵉʳ is 1er)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.search import SearchHit, search
from diptych.storage.search_words import all_found, first_found

NOTED = (
    "The war\n\nThe war began¹ in 1914 and ended,² as Keegan wrote,³ in 1918.¹⁰ "
    "Emissions of CO₂ rose by 10⁶ tonnes over 40 km² of coast; Mᵐᵉ Curie came 1ᵉʳ."
)
PLAIN = "Climate notes\n\nThe CO2 level rose, and co2 is counted in 106 places."


def marked(hit: SearchHit) -> list[str]:
    return [hit.shown[s:e] for s, e in hit.matches]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "notes.diptych") as project:
        project.articles.add(parsed=parse_article(NOTED.encode(), name="war.txt"))
        project.articles.add(parsed=parse_article(PLAIN.encode(), name="climate.txt"))
        yield project


def found(project: Project, query: str) -> list[tuple[str, str, list[str]]]:
    return sorted((hit.kind, hit.title, marked(hit)) for hit in search(project, query=query))


@pytest.mark.parametrize(
    ("query", "word"),
    [("began", "began"), ("ended", "ended"), ("WROTE", "wrote"), ("1918", "1918")],
)
def test_a_word_with_a_footnote_number_is_found_and_its_letters_marked(
    project: Project, query: str, word: str
) -> None:
    assert found(project, query) == [("article", "The war", [word])]


def test_the_number_raised_after_a_word_is_a_word_of_its_own(project: Project) -> None:
    assert found(project, "km") == [("article", "The war", ["km"])]
    assert found(project, "10") == [("article", "The war", ["¹⁰", "10"])]  # note 10, and 10⁶
    assert found(project, "106") == [("article", "Climate notes", ["106"])]  # not 10⁶
    assert found(project, "began¹") == [("article", "The war", ["began¹"])]  # typed with it


@pytest.mark.parametrize("query", ["CO2", "co2", "CO₂", "co₂", "Co2"])
def test_co2_and_co_subscript_2_find_each_other_in_any_case(project: Project, query: str) -> None:
    assert found(project, query) == [
        ("article", "Climate notes", ["CO2", "co2"]),
        ("article", "The war", ["CO₂"]),
    ]


def test_a_subscript_stays_part_of_its_word(project: Project) -> None:
    assert found(project, "co") == []  # carbon monoxide is not CO₂


def test_modifier_letters_stay_part_of_their_word(project: Project) -> None:
    assert found(project, "Mme") == [("article", "The war", ["Mᵐᵉ"])]
    assert found(project, "1er") == [("article", "The war", ["1ᵉʳ"])]


def test_passages_notes_and_memos_are_found_by_the_word(project: Project) -> None:
    war = project.articles.all()[0]
    text = project.articles.get(article_id=war.id).text
    at = text.index("began¹")
    project.annotations.add(article_id=war.id, start=at, end=at + 6)
    passage = project.annotations.add(article_id=war.id, start=0, end=3)
    project.annotations.set_note(annotation_id=passage.id, note="Compare Clark's *Sleepwalkers*²")
    project.memos.set(kind=MemoKind.PROJECT, text="Keegan¹ and Clark² disagree.")
    assert found(project, "began") == [
        ("article", "The war", ["began"]),
        ("passage", "The war", ["began"]),
    ]
    assert found(project, "sleepwalkers") == [("passage", "The war", ["Sleepwalkers"])]
    assert found(project, "note:clark") == [
        ("memo", "notes", ["Clark"]),
        ("passage", "The war", ["Clark"]),
    ]
    assert found(project, "keegan") == [
        ("article", "The war", ["Keegan"]),
        ("memo", "notes", ["Keegan"]),
    ]


def test_the_pane_selects_the_word_without_its_number() -> None:
    text = "Then it began¹²³ at once."
    start = text.index("began")
    assert first_found(text, "began") == (start, start + 5)
    assert first_found(text, "began¹²³") == (start, start + 8)  # typed with it: whole
    assert first_found(text, '"began¹²³"') == (start, start + 8)  # a phrase: whole
    assert first_found(text, "at") == (text.index("at"), text.index("at") + 2)


def test_a_number_raised_after_a_word_is_looked_for_with_it() -> None:
    text = "Output grew to 10⁶ tonnes; in 2010 some 6 mills closed, 10 more in 2016."
    raised = text.index("10⁶")
    assert all_found(text, "10⁶", limit=10) == [(raised, raised + 3)]  # once, not 10 and 6
    assert all_found(text, "10⁶ tonnes", limit=10) == [(raised, raised + 3), (19, 25)]
    assert all_found(text, '"10⁶ tonnes"', limit=10) == [(raised, raised + 10)]
    assert all_found(text, "-10⁶ mills", limit=10) == [(42, 47)]


def test_an_article_with_the_two_numbers_apart_is_not_found_by_the_raised_one(
    project: Project,
) -> None:
    apart = b"Tallies\n\nIn 2010 some 10 of 6 mills."
    project.articles.add(parsed=parse_article(apart, name="t.txt"))
    assert found(project, "10⁶") == [("article", "The war", ["10⁶"])]
    assert found(project, "-10⁶ mills") == [("article", "Tallies", ["mills"])]
