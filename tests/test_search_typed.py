"""A search read as it is typed: the word being typed at the end of the query is the start
of a word (``semicond`` finds semiconductor); finished words, closed phrases, operators
and left-out words stay as they are. The command line, not typed live, reads whole words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_typed import as_typed
from diptych.storage.search_words import first_found

CHIPS = (
    "Chip makers\n\nThe semiconductor plant in Busan makes memory. Straßenbahn lines "
    "were extended. Ｓｅｍｉｃｏｎｄｕｃｔｏｒ exports to South Korea rose."
)
SUMMIT = "Summit report\n\nThe summit of 2026 in Seoul. 中国外交政策 was discussed at the summit."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "typed.diptych") as project:
        project.articles.add(parsed=parse_article(CHIPS.encode(), name="chips.txt"))
        project.articles.add(parsed=parse_article(SUMMIT.encode(), name="summit.txt"))
        yield project


def titles(project: Project, query: str) -> list[str]:
    return sorted(hit.title for hit in search(project, query=query) if hit.kind == "article")


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("semicond", "semicond*"),
        ("  semicond", "semicond*"),
        ("summit semicond", "summit semicond*"),  # the words before stay whole
        ("summit OR semicond", "summit OR semicond*"),
        ("title:semicond", "title:semicond*"),
        ("(summit semicond", "(summit semicond*"),
        ("e-mai", "e-mai*"),
        ('"South Kor', '"South Kor"*'),  # a phrase still open: closed, a prefix at its end
        ('summit "South Kor', 'summit "South Kor"*'),
        ('"South Korea" summ', '"South Korea" summ*'),
        ("ＳＥＭＩ", "ＳＥＭＩ*"),  # full-width: read as SEMI, searched so
        ("Straß", "Straß*"),
        ("This is NOT", "This is NOT*"),  # a word as any other (see test_search_not_a_word)
        ("summit NOT semicond", "summit NOT semicond*"),
    ],
)
def test_the_word_being_typed_at_the_end_is_a_prefix(typed: str, searched: str) -> None:
    assert as_typed(typed) == searched


@pytest.mark.parametrize(
    "typed",
    [
        "semicond ",  # finished with a space
        "summit semicond\u3000",  # an ideographic space too
        '"South Korea"',  # a phrase closed
        'summit "South Korea"',
        "(summit semiconductor)",  # a group closed
        "semicond*",  # a prefix already
        "summit OR",  # operators, which a star would make words
        "summit AND",
        "NEAR",
        "summit -semicond",
        "-semicond",
        '-"South Kor',
        "-e-mai",
        "title:",  # a column's name, no word yet
        "s",  # a single letter begins too many words
        "Xi's",
        "外交",  # found inside runs already
        "summit 外交",
        "began¹",  # a footnote's number, a word of its own
        "",
    ],
)
def test_a_finished_word_operator_or_left_out_word_stays_as_typed(typed: str) -> None:
    assert as_typed(typed) == typed.strip()


def test_a_half_typed_word_finds_the_articles_a_whole_word_search_misses(
    project: Project,
) -> None:
    assert titles(project, "semicond") == []  # a whole word: nothing
    assert titles(project, as_typed("semicond")) == ["Chip makers"]
    assert titles(project, as_typed("summi")) == ["Summit report"]
    assert titles(project, as_typed("summi ")) == []  # finished: a whole word
    assert titles(project, as_typed("summit OR semicond")) == ["Chip makers", "Summit report"]
    (hit,) = search(project, query=as_typed("semicond"))
    assert "[semiconductor] plant" in hit.snippet  # the whole word found is marked


def test_the_prefix_is_folded_as_the_texts_are(project: Project) -> None:
    (hit,) = search(project, query=as_typed("strass"))  # ß is searched as ss
    assert "[Straßenbahn]" in hit.snippet
    (hit,) = search(project, query=as_typed("Straß"))
    assert "[Straßenbahn]" in hit.snippet
    (hit,) = search(project, query=as_typed("ＳＥＭＩ"))
    assert hit.title == "Chip makers" and "[semiconductor]" in hit.snippet


def test_a_prefix_beside_chinese_is_found_by_the_search_inside_runs(project: Project) -> None:
    query = as_typed("外交 summi")
    assert query == "外交 summi*"
    (hit,) = search(project, query=query)
    assert hit.title == "Summit report"
    assert "[summit]" in hit.snippet and "[外交]" in hit.snippet


def test_an_open_phrase_finds_and_marks_the_phrase_with_its_last_word_a_prefix(
    project: Project,
) -> None:
    query = as_typed('"South Kor')
    (hit,) = search(project, query=query)
    assert "[South Korea] rose" in hit.snippet
    text = project.articles.get(article_id=hit.article_id or 0).text
    start, end = first_found(text, query) or (0, 0)
    assert text[start:end] == "South Korea"
    assert search(project, query='"South Koreans"*') == []  # still the phrase, whole


def test_the_command_line_reads_whole_words_and_a_prefix_written_with_a_star(
    project: Project,
) -> None:
    path = project.path
    project.close()
    code, out, err = run("search", path, "semicond")
    assert code == 1 and out == "" and "nothing matches 'semicond'" in err
    code, out, _ = run("search", path, "semicond*")
    assert code == 0 and "[semiconductor] plant" in out
