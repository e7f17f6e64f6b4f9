"""A phrase pasted or typed in curly or other quotes (“…”, „…“, «…», ‚…‘) is a phrase, as in
straight quotes: it was searched as loose words, far more hits than the phrase. A straight
apostrophe inside a word (Xi's, as every keyboard types it) is the curly one (Xi’s): its
words were looked for anywhere, and a text with "Xi" and a lone "s" was found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search

ARTICLES = (
    ("Phrase", "The missiles ballistic were counted. Xi's trip to Paris."),
    ("Apart", "Ballistic tests, and missiles. President Xi met officials. The s-bahn was late."),
    ("Brücke", "Die Brücke der Außenpolitik. Eine Brücke. Außenpolitik."),
    ("Crise", "La crise à Montréal."),
)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "quotes.diptych") as project:
        for title, body in ARTICLES:
            text = f"{title}\n\n{body}"
            project.articles.add(parsed=parse_article(text.encode(), name=f"{title}.txt"))
        yield project


def titles(project: Project, query: str) -> list[str]:
    return sorted(hit.title for hit in search(project, query=query) if hit.kind == "article")


@pytest.mark.parametrize(
    "query",
    [
        '"missiles ballistic"',
        "“missiles ballistic”",
        "„missiles ballistic“",
        "«missiles ballistic»",
        "« missiles ballistic »",
        "»missiles ballistic«",
        "‚missiles ballistic‘",
        "‘missiles ballistic’",
        "‹missiles ballistic›",
    ],
)
def test_a_phrase_in_any_quotes_finds_only_the_phrase(project: Project, query: str) -> None:
    assert titles(project, query) == ["Phrase"]
    hit = next(h for h in search(project, query=query) if h.kind == "article")
    assert "[missiles ballistic]" in hit.snippet


def test_a_phrase_in_german_quotes_with_accents(project: Project) -> None:
    assert titles(project, "„Brücke der Außenpolitik“") == ["Brücke"]
    assert titles(project, "«crise à Montreal»") == ["Crise"]
    assert titles(project, "«crise Montreal»") == []  # not the words apart: à is between


def test_a_phrase_in_curly_quotes_left_out_is_left_out_whole(project: Project) -> None:
    assert titles(project, "ballistic -“missiles ballistic”") == ["Apart"]


def test_a_curly_apostrophe_inside_a_phrase_stays_inside_it(project: Project) -> None:
    assert titles(project, "‘Xi’s trip’") == ["Phrase"]
    assert titles(project, "‘Xi’s Paris’") == []  # a phrase: not its words apart


@pytest.mark.parametrize("query", ["Xi's", "Xi’s", "xi's"])
def test_a_word_with_an_apostrophe_is_found_whole_either_way(project: Project, query: str) -> None:
    assert titles(project, query) == ["Phrase"]  # not "Xi" and the s of s-bahn apart


def test_a_word_with_a_straight_apostrophe_is_left_out_whole(project: Project) -> None:
    assert titles(project, "officials OR trip -Xi's") == ["Apart"]
    assert titles(project, "Xi's OR bahn") == ["Apart", "Phrase"]  # still FTS5: OR read
