"""Each article found knows how often its text has the search's words, as the search finds
them: the window says "12 matches" beside it, and the command line gives it in JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import MOST_WORDS_COUNTED, search

HARBOUR = (
    "Harbour report\n\nThe harbour was quiet. Harbours up the coast were busy; the harbour "
    "master said the South Korea route and the South Africa route were both late. "
    "ＨＡＲＢＯＵＲ dues rose."
)
TARIFFS = "Harbour tariffs\n\nTariffs on steel rose; tariff talks went on."
ASIA = "Asia\n\n中国外交政策正在转变。外交官说。"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "counts.diptych") as project:
        harbour = project.articles.add(parsed=parse_article(HARBOUR.encode(), name="h.txt"))
        project.articles.add(parsed=parse_article(TARIFFS.encode(), name="t.txt"))
        project.articles.add(parsed=parse_article(ASIA.encode(), name="a.txt"))
        start = project.articles.get(article_id=harbour.id).text.index("harbour was")
        project.annotations.add(article_id=harbour.id, start=start, end=start + 7, note="")
        yield project


def counts(project: Project, query: str) -> dict[str, int]:
    return {
        hit.title: hit.occurrences for hit in search(project, query=query) if hit.kind == "article"
    }


def test_an_article_counts_the_words_as_the_search_finds_them(project: Project) -> None:
    # Whole words, in any case and form (ＨＡＲＢＯＵＲ), not Harbours; the title is the
    # first line of the text shown.
    assert counts(project, "harbour") == {"Harbour report": 4, "Harbour tariffs": 1}
    assert counts(project, "harbour*") == {"Harbour report": 5, "Harbour tariffs": 1}
    assert counts(project, "tariff") == {"Harbour tariffs": 1}
    assert counts(project, "tariff OR steel") == {"Harbour tariffs": 2}
    assert counts(project, "tariff*") == {"Harbour tariffs": 3}
    assert counts(project, '"South Korea"') == {"Harbour report": 1}  # the phrase, whole
    assert counts(project, "route -steel") == {"Harbour report": 2}
    assert counts(project, "外交") == {"Asia": 2}  # inside the runs of characters


def test_passages_and_memos_have_no_count(project: Project) -> None:
    passages = [hit for hit in search(project, query="harbour") if hit.kind == "passage"]
    assert len(passages) == 1 and passages[0].occurrences == 0


def test_the_command_line_gives_the_count_in_json(project: Project) -> None:
    path = project.path
    project.close()
    code, out, _ = run("search", path, "--json", "harbour")
    assert code == 0
    assert sorted(hit["occurrences"] for hit in json.loads(out)) == [0, 1, 4]


def test_an_article_found_by_a_title_its_text_does_not_show_counts_none(
    project: Project,
) -> None:
    (article,) = [hit for hit in search(project, query="tariffs") if hit.kind == "article"]
    assert article.article_id is not None
    project.articles.rename(article_id=article.article_id, title="Customs duties")
    assert counts(project, "customs") == {"Customs duties": 0}


def test_a_paragraph_pasted_as_a_search_is_not_counted(project: Project) -> None:
    """Its pattern of thousands of words took as long to compile as the search itself: the
    articles are found and listed, without a count."""
    words = " ".join(f"word{n}" for n in range(MOST_WORDS_COUNTED)) + " OR tariffs"
    assert counts(project, words) == {"Harbour tariffs": 0}
    fewer = " ".join(f"word{n}" for n in range(MOST_WORDS_COUNTED - 2)) + " OR tariffs"
    assert counts(project, fewer) == {"Harbour tariffs": 2}  # its title and its text
