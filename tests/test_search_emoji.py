"""An emoji is searched for where it is written, alone or in a phrase: the index reads an
emoji as a space, so a search for 🎉 "had no word", and a phrase with one was the phrase
without it, found where the text has another emoji (news 🎉 for, for "news ❤️ for")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.search import search, why_nothing_found

PARTY = "Party 🎉\n\nGreat news 🎉 for the team 👍🏽 and the 🇫🇷 delegation."
ROCKET = "Launch\n\nGreat news 🚀 for the team and the 🇩🇪 delegation."
PLAIN = "Plain\n\nGreat news for the team."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "emoji.diptych") as project:
        for name, text in (("p.txt", PARTY), ("r.txt", ROCKET), ("n.txt", PLAIN)):
            project.articles.add(parsed=parse_article(text.encode(), name=name))
        text = project.articles.get(article_id=3).text
        at = text.index("Great")
        passage = project.annotations.add(article_id=3, start=at, end=at + 5)
        project.annotations.set_note(annotation_id=passage.id, note="emoji 🎉 note")
        project.memos.set(kind=MemoKind.PROJECT, text="Count the 🎉 posts")
        yield project


def found(project: Project, query: str) -> list[str]:
    return sorted(f"{hit.kind} {hit.snippet}" for hit in search(project, query=query))


def test_an_emoji_alone_finds_the_texts_notes_and_memos_that_have_it(project: Project) -> None:
    assert found(project, "🎉") == [
        "article Party [🎉]\nGreat news [🎉] for the team 👍🏽 and the 🇫🇷 delegation.",
        "memo Count the [🎉] posts",
        "passage emoji [🎉] note",
    ]
    assert why_nothing_found("🎉") is None  # not "there is no word in this search"


def test_a_phrase_with_an_emoji_finds_that_emoji_only(project: Project) -> None:
    assert found(project, '"news ❤️ for"') == []
    assert found(project, '"news 🎉 for"') == [
        "article Party 🎉\nGreat [news 🎉 for] the team 👍🏽 and the 🇫🇷 delegation."
    ]
    assert [h.title for h in search(project, query='"news 🚀 for"')] == ["Launch"]


def test_an_emoji_and_a_word_are_both_looked_for(project: Project) -> None:
    assert found(project, "🎉 note") == ["passage emoji [🎉 note]"]  # one after the other
    assert [h.title for h in search(project, query="🇫🇷 delegation")] == ["Party 🎉"]
    assert sorted(h.title for h in search(project, query="team 👍🏽 OR 🚀")) == [
        "Launch",
        "Party 🎉",
    ]


def test_an_emoji_left_out_leaves_out_what_has_it(project: Project) -> None:
    titles = sorted(h.title for h in search(project, query="delegation -🎉"))
    assert titles == ["Launch"]
    assert why_nothing_found("-🎉") == "-word only leaves out what has it; add a word to look for"


def test_an_emoji_is_marked_whole_with_its_skin_tone(project: Project) -> None:
    hit = next(h for h in search(project, query="👍") if h.kind == "article")
    assert "the team [👍🏽] and" in hit.snippet  # the whole emoji, not half of it
