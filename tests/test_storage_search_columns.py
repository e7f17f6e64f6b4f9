"""Search snippets: a column filter (note:, title:) names where to look, not a word found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_words import terms_pattern

TEXT = "Minutes\n\nThe title of the note was changed before the budget vote."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "columns.diptych") as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="m.txt"))
        text = project.articles.get(article_id=article.id).text
        start = text.index("The title")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 22, note="Cut the budget"
        )
        yield project


def test_a_note_filter_shows_the_note_with_the_word_found(project: Project) -> None:
    passages = [h for h in search(project, query="note:budget") if h.kind == "passage"]
    # The quote has the word "note" but not "budget": the note is where the hit is.
    assert [h.snippet for h in passages] == ["Cut the [budget]"]


def test_a_title_filter_does_not_mark_the_word_title(project: Project) -> None:
    hits = search(project, query="title: minutes")
    assert [h.kind for h in hits] == ["article"]
    assert hits[0].snippet.startswith("[Minutes]")
    assert "[title]" not in hits[0].snippet


def test_column_names_are_not_terms_but_the_same_words_in_a_phrase_are() -> None:
    pattern = terms_pattern('{exact note}: budget OR note : "the note: here"')
    found = {m.group(0).lower() for m in pattern.finditer("budget exact the note here")}
    assert found == {"budget", "the", "note", "here"}
    assert not terms_pattern("note:").search("a note")
