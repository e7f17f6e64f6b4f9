"""Search marks and finds the words the index found: whole words (a ``prefix*`` the start
of one), and a word typed without its accents in the text that has them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_snippets import snippet
from diptych.storage.search_words import all_found, terms_pattern

FILLER = " ".join(["Routine paragraph of filler words."] * 12)
TEXT = (
    f"Closing time\n\nCoffee and costs came first. {FILLER} "
    "In C you write it once, said the café owner in Zürich; cafe prices were revisited "
    "before the visit."
)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "words.diptych") as project:
        project.articles.add(parsed=parse_article(TEXT.encode(), name="closing.txt"))
        yield project


def test_a_word_is_marked_whole_not_as_the_start_of_longer_ones() -> None:
    assert snippet("Coffee and costs. In C it is cost.", terms_pattern("c cost")) == (
        "Coffee and costs. In [C] it is [cost]."
    )
    assert snippet("Costs and cost.", terms_pattern("cost*")) == "[Costs] and [cost]."
    assert snippet("Москва and ΣΟΦΊΑ", terms_pattern("москва σοφία")) == "[Москва] and [ΣΟΦΊΑ]"


def test_the_snippet_is_cut_around_the_word_found_not_a_longer_one(project: Project) -> None:
    (hit,) = search(project, query="C")
    assert "[C] you write" in hit.snippet
    assert "Coffee" not in hit.snippet and "[C" not in hit.snippet.replace("[C]", "")


def test_a_word_typed_without_accents_is_marked_where_the_text_has_them(
    project: Project,
) -> None:
    (hit,) = search(project, query="zurich")
    assert "[Zürich]" in hit.snippet
    (hit,) = search(project, query="café")
    assert "[café] owner" in hit.snippet and "[cafe] prices" in hit.snippet
    start, end = hit.matches[0]
    assert hit.shown[start:end] == "café"


def test_the_first_place_found_is_a_whole_word_phrase_or_folded_word() -> None:
    from diptych.storage.search_words import first_found

    def found(query: str) -> str | None:
        span = first_found(TEXT, query)
        return TEXT[span[0] : span[1]] if span else None

    assert found("visit") == "visit"  # not the start of "revisited"
    assert found("zurich") == "Zürich"
    assert found("title:closing") == "Closing"  # the column's name is no word
    assert found("Owner's") is None
    assert found('"cafe owner"') == "café owner"
    assert found("prices-were") == "prices were"  # written as one: found as one
    assert found("revisit*") == "revisited"
    assert found("visit -coffee") == "visit"
    assert found("NEAR(visit cafe)") == "café"
    assert found("zzz") is None


def test_a_snippet_is_not_cut_inside_a_word_written_with_an_apostrophe() -> None:
    text = f"{FILLER} Xi’s aides met the café owner over lunch at noon today, it’s said, quietly."
    cut = snippet(text, terms_pattern("cafe"))
    assert cut.startswith("…Xi’s aides met the [café]")
    assert cut.endswith("at noon today, it’s…")
    text = f"{FILLER} The talks went on late into the night, Xi’s aides said."
    assert snippet(text, terms_pattern("talks")).endswith("the night, Xi’s…")


@pytest.fixture
def visits(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "visits.diptych") as project:
        for text in (
            "Visit\n\nThe state visit of the diplomats was planned by e-mail.",
            "Mail\n\nThe post said so, and the title and note were sent on.",
        ):
            project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
        article = project.articles.add(
            parsed=parse_article(b"Memo\n\nA visit of state.", name="m.txt")
        )
        start = project.articles.get(article_id=article.id).text.index("visit")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 5, note="See the title."
        )
        yield project


def titles(project: Project, query: str) -> list[str]:
    return sorted(f"{h.kind} {h.title}" for h in search(project, query=query))


def test_an_operator_left_dangling_while_typing_is_not_searched_as_a_word(
    visits: Project,
) -> None:
    everything = ["article Memo", "article Visit", "passage Memo"]
    assert titles(visits, "visit") == everything
    assert titles(visits, "visit OR") == everything  # not only texts with "or" in them
    assert titles(visits, "visit AND") == everything  # nor with "and"


def test_a_prefix_stays_a_prefix_where_the_query_is_not_fts5(visits: Project) -> None:
    assert titles(visits, "diplomat* (") == ["article Visit"]


def test_a_column_of_the_other_index_finds_nothing_there(visits: Project) -> None:
    assert titles(visits, "title:visit") == ["article Visit"]  # no passage with "title"
    assert titles(visits, "note:title") == ["passage Memo"]  # no article with "note"


def test_all_found_lists_each_word_and_phrase_where_the_search_finds_it() -> None:
    text = "The APEC summit; ＡＰＥＣ summits. An apex, and the summit again."
    found = [text[s:e] for s, e in all_found(text, 'APEC "summit again" summits', limit=10)]
    assert found == ["APEC", "ＡＰＥＣ", "summits", "summit again"]
    assert [text[s:e] for s, e in all_found(text, "summit*", limit=2)] == ["summit", "summits"]
    assert all_found(text, "APEC -summit", limit=10) == all_found(text, "APEC", limit=10)
