"""NOT in capitals is a word, as in a headline or a quotation pasted (NOT GUILTY, DO NOT
TOUCH), as AND, OR and NEAR typed alone are: read as FTS5's "leave out", it found nothing
for a verbatim quotation, or the texts without the words after it, with no word of why
(``-word`` is the documented way to leave out)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search

VERDICT = (
    "Verdict\n\nThe jury found the defendant NOT GUILTY. Outside, signs reading"
    " DO NOT TOUCH OUR PENSIONS. This is not a drill."
)
OTHER = "Harbour\n\nThe jury is out at the harbour, and the drill went on."
CHINESE = "外交\n\n外交部 said this is NOT a drill."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "verdict.diptych") as project:
        for name, text in (("v.txt", VERDICT), ("o.txt", OTHER), ("c.txt", CHINESE)):
            project.articles.add(parsed=parse_article(text.encode(), name=name))
        yield project


def titles(project: Project, query: str) -> list[str]:
    return sorted(hit.title for hit in search(project, query=query) if hit.kind == "article")


@pytest.mark.parametrize(
    "query", ["found NOT GUILTY", "DO NOT TOUCH", "signs DO NOT TOUCH OUR PENSIONS"]
)
def test_a_quotation_in_capitals_with_not_finds_the_text_that_has_it(
    project: Project, query: str
) -> None:
    assert titles(project, query) == ["Verdict"]


def test_not_in_capitals_finds_what_not_in_lower_case_finds(project: Project) -> None:
    assert titles(project, "This is NOT a drill") == titles(project, "This is not a drill")
    assert titles(project, "This is NOT a drill") == ["Verdict", "外交"]
    assert titles(project, "jury NOT") == ["Verdict"]  # not the harbour, which has no "not"


def test_not_is_marked_as_a_word_of_the_search(project: Project) -> None:
    hit = next(h for h in search(project, query="defendant NOT GUILTY") if h.kind == "article")
    assert "[defendant NOT GUILTY]" in hit.snippet


def test_not_is_a_word_with_chinese_words_too(project: Project) -> None:
    assert titles(project, "外交 NOT drill") == ["外交"]  # not "leave out the drill"


def test_minus_still_leaves_out(project: Project) -> None:
    assert titles(project, "jury -guilty") == ["Harbour"]
