"""Full-text search: a query valid for one kind of hit is not lost for the other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search

TEXT = "Harbour report\n\nThe zebra crossing near the harbour was repainted."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "search.diptych") as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="h.txt"))
        start = project.articles.get(article_id=article.id).text.index("zebra")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 5, note="Striped animal"
        )
        yield project


def test_a_column_filter_on_article_titles_finds_the_article(project: Project) -> None:
    hits = search(project, query="title:harbour")
    assert [(h.kind, h.title) for h in hits] == [("article", "Harbour report")]


def test_a_column_filter_on_passage_notes_finds_the_passage(project: Project) -> None:
    hits = search(project, query="note:striped")
    assert [h.kind for h in hits] == ["passage"]
    assert "[Striped]" in hits[0].snippet


def test_plain_words_and_bad_syntax_still_search_both(project: Project) -> None:
    assert sorted(h.kind for h in search(project, query="zebra")) == ["article", "passage"]
    assert sorted(h.kind for h in search(project, query='zebra "unbalanced')) == []
    assert sorted(h.kind for h in search(project, query="zebra (")) == ["article", "passage"]


# FTS5's snippet() weighs every occurrence against every other: 20,000 occurrences of the
# word in one article took 3.5 s, 400,000 (a 2 MB article) about twenty minutes, on the
# window's thread as the user typed. The timeout is a guard against that hang, not a
# measure: the search itself takes about a second.
@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["article", "passage"])
def test_a_word_that_occurs_everywhere_in_a_long_text_is_found_at_once(
    tmp_path: Path, kind: str
) -> None:
    text = "Long dispatch. " + "word " * 400_000
    with Project.create(tmp_path / "long.diptych") as project:
        article = project.articles.add(parsed=parse_article(text.encode(), name="long.txt"))
        whole = project.articles.get(article_id=article.id).text
        project.annotations.add(article_id=article.id, start=0, end=len(whole))
        hits = [h for h in search(project, query="word") if h.kind == kind]
    assert len(hits) == 1
    assert hits[0].snippet.startswith("Long dispatch. [word] [word]")
    assert hits[0].snippet.endswith("…") and len(hits[0].snippet) < 200


def test_snippets_mark_the_words_found_in_context(project: Project) -> None:
    hits = {h.kind: h.snippet for h in search(project, query="harb*")}
    assert hits["article"] == (
        "[Harbour] report\nThe zebra crossing near the [harbour] was repainted."
    )
    hits = {h.kind: h.snippet for h in search(project, query='"striped animal"')}
    assert hits == {"passage": "[Striped animal]"}


def test_a_query_of_operators_alone_marks_nothing(project: Project) -> None:
    assert all("[" not in h.snippet for h in search(project, query="NOT AND"))
    assert search_snippet("Trade and more", "AND") == "Trade and more"


def search_snippet(text: str, query: str) -> str:
    from diptych.storage.search_snippets import snippet
    from diptych.storage.search_words import terms_pattern

    return snippet(text, terms_pattern(query))


@pytest.fixture
def two_articles(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "minus.diptych") as project:
        for text in (
            "Korea summit\n\nKorea and the alliance with Washington.",
            "Korea trade\n\nKorea and its exports of ships.",
            "Alliance history\n\nThe alliance since 1953.",
        ):
            project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
        yield project


def test_a_word_with_a_minus_is_left_out(two_articles: Project) -> None:
    hits = search(two_articles, query="korea -alliance")
    assert [h.title for h in hits] == ["Korea trade"]
    assert "[Korea]" in hits[0].snippet and "alliance" not in hits[0].snippet.lower()


def test_a_prefix_and_a_phrase_can_be_left_out(two_articles: Project) -> None:
    assert [h.title for h in search(two_articles, query="korea -allian*")] == ["Korea trade"]
    hits = search(two_articles, query='korea -"its exports"')
    assert [h.title for h in hits] == ["Korea summit"]


def test_left_out_words_alone_find_nothing(two_articles: Project) -> None:
    assert search(two_articles, query="-alliance") == []
    assert search(two_articles, query="-alliance -korea") == []


def test_a_hyphen_inside_a_word_is_not_a_minus(two_articles: Project) -> None:
    titles = {h.title for h in search(two_articles, query="korea-alliance")}
    assert titles == {"Korea summit"}  # both words, as before


def test_a_hyphenated_word_is_left_out_whole(tmp_path: Path) -> None:
    """``-e-mail`` leaves out what has "e-mail"; it used to leave out every "e" and ask
    for "mail"."""
    with Project.create(tmp_path / "mail.diptych") as project:
        for text in ("Steel by e-mail\n\nSteel offers by e-mail.", "Steel mill\n\nSteel."):
            project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
        assert [h.title for h in search(project, query="steel -e-mail")] == ["Steel mill"]
        assert [h.title for h in search(project, query="steel -e-ma*")] == ["Steel mill"]


def test_left_out_words_also_apply_when_the_rest_is_not_valid_fts5(two_articles: Project) -> None:
    hits = search(two_articles, query="korea ( -alliance")  # "(" alone: the words instead
    assert [h.title for h in hits] == ["Korea trade"]


def test_a_minus_inside_a_quoted_phrase_is_part_of_the_phrase(tmp_path: Path) -> None:
    with Project.create(tmp_path / "phrase.diptych") as project:
        for text in (
            "Costs\n\nA cost-benefit analysis of the port.",
            "Benefits\n\nThe cost and the benefit were weighed apart.",
        ):
            project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
        hits = search(project, query='"cost -benefit"')
        assert [h.title for h in hits] == ["Costs"]
        assert [h.title for h in search(project, query='"cost -benefit" -port')] == []
