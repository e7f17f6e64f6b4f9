"""A quoted phrase followed by ``*`` ends with a prefix, as in FTS5: ``"South Kor"*`` finds
South Korea, and marks it whole, in the window and on the command line; the search inside
runs of Chinese, Japanese or Korean reads it so too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_query import Atom, parse
from diptych.storage.search_words import first_found, split_excluded

TEXT = "Exports\n\nChip exports to South Korea rose. South Africa bought less."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "phrase.diptych") as project:
        project.articles.add(parsed=parse_article(TEXT.encode(), name="exports.txt"))
        yield project


def test_a_phrase_ending_with_a_prefix_is_found_and_marked_whole(project: Project) -> None:
    (hit,) = search(project, query='"South Kor"*')
    assert "[South Korea] rose. South Africa" in hit.snippet  # the phrase, not its words
    start, end = first_found(TEXT, '"South Kor"*') or (0, 0)
    assert TEXT[start:end] == "South Korea"
    assert search(project, query='"South Koreans"*') == []  # still the phrase, whole
    assert search(project, query='"South Kor"') == []  # no star: Kor is a whole word


def test_a_left_out_phrase_may_end_with_a_prefix(project: Project) -> None:
    assert split_excluded('exports -"South Kor"*') == ("exports", ['"South Kor"*'])
    assert search(project, query='exports -"South Kor"*') == []
    assert len(search(project, query='exports -"South Am"*')) == 1


def test_the_command_line_marks_the_phrase_begun(project: Project) -> None:
    path = project.path
    project.close()
    code, out, _ = run("search", path, '"South Kor"*')
    assert code == 0 and "[South Korea] rose" in out


def test_the_search_inside_runs_reads_a_phrase_prefix() -> None:
    asked, left_out = parse('"South Kor"* 外交', ['"cost ben"*'])
    assert asked is not None and Atom("South Kor", prefix=True) in getattr(asked, "parts", ())
    assert left_out == Atom("cost ben", prefix=True)
