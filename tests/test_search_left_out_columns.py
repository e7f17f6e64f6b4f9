"""``-note:word`` and ``-title:word`` leave out what has the word in that column (a
passage whose note has it, an article whose title has it), and nothing else: they were
read as the left-out word "note" with ":word" looked for, which found exactly what was to
be left out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.search import search, why_nothing_found
from diptych.storage.search_words import split_excluded


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "steel.diptych") as project:
        for name, text in (
            ("tariffs.txt", "Steel tariffs\n\nSteel mills closed. 中国外交政策 steel."),
            ("quotas.txt", "Quotas\n\nSteel quotas rose. 外交 steel again."),
        ):
            article = project.articles.add(parsed=parse_article(text.encode(), name=name))
            at = project.articles.get(article_id=article.id).text.index("\nSteel") + 1
            passage = project.annotations.add(article_id=article.id, start=at, end=at + 5)
            note = "Lefèvre says 外交" if name == "tariffs.txt" else "nobody says 外交"
            project.annotations.set_note(annotation_id=passage.id, note=note)
        project.memos.set(kind=MemoKind.PROJECT, text="Steel memo, after Lefèvre")
        project.memos.set(kind=MemoKind.ARTICLE, target_id=2, text="Steel memo on quotas")
        yield project


def found(project: Project, query: str) -> list[str]:
    return sorted(f"{hit.kind} {hit.title}: {hit.shown}" for hit in search(project, query=query))


def test_a_left_out_word_in_a_column_is_a_left_out_term_of_that_column() -> None:
    assert split_excluded("steel -note:Lefevre") == ("steel", ['{note}:"Lefevre"'])
    assert split_excluded("steel -title:quotas*") == ("steel", ['{title}:"quotas"*'])
    assert split_excluded('steel -{exact note}:"says it"') == ("steel", ['{exact note}:"says it"'])


def test_minus_note_leaves_out_the_passages_and_memos_whose_note_has_the_word(
    project: Project,
) -> None:
    assert found(project, "steel -note:lefevre") == [
        "article Quotas: Quotas\nSteel quotas rose. 外交 steel again.",
        "article Steel tariffs: Steel tariffs\nSteel mills closed. 中国外交政策 steel.",
        "memo Quotas: Steel memo on quotas",  # the project's memo names Lefèvre
        "passage Quotas: Steel",  # the other passage's note names him
    ]


def test_minus_title_leaves_out_the_articles_so_titled_only(project: Project) -> None:
    assert found(project, "steel -title:tariffs") == [
        "article Quotas: Quotas\nSteel quotas rose. 外交 steel again.",
        "memo Quotas: Steel memo on quotas",
        "memo steel: Steel memo, after Lefèvre",
        "passage Quotas: Steel",
        "passage Steel tariffs: Steel",  # a passage has no title: not left out by it
    ]


def test_a_left_out_column_term_alone_finds_nothing_and_says_why(project: Project) -> None:
    assert found(project, "-note:lefevre") == []
    assert why_nothing_found("-note:lefevre") == (
        "-word only leaves out what has it; add a word to look for"
    )


def test_minus_note_leaves_out_so_with_chinese_words_too(project: Project) -> None:
    passages = [h.title for h in search(project, query="外交 -note:lefevre") if h.kind == "passage"]
    assert passages == ["Quotas"]
    assert sorted((h.kind, h.title) for h in search(project, query="外交 -title:tariffs")) == [
        ("article", "Quotas"),
        ("passage", "Quotas"),
        ("passage", "Steel tariffs"),  # a passage has no title: not left out by it
    ]
