"""``diptych search`` finds words written in full-width or other compatibility forms by
the same word typed plainly, and the other way round, each marked as its article has it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli_search_words import run

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

WIDE = "亚太峰会\n\nＡＰＥＣ峰会于２０２５年举行。"
PLAIN = "Summit notes\n\nAPEC met in 2025."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "forms.diptych"
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(WIDE.encode(), name="wide.txt"))
        project.articles.add(parsed=parse_article(PLAIN.encode(), name="plain.txt"))
    return path


@pytest.mark.parametrize("query", ["APEC", "ＡＰＥＣ", "apec"])
def test_either_form_typed_lists_both_articles_marked_as_written(project: Path, query: str) -> None:
    status, out, err = run("search", project, query)
    assert status == 0, err
    assert sorted(out.splitlines()) == [
        "article 1  ＡＰＥＣ峰会于２０２５年举行。: 亚太峰会 [ＡＰＥＣ]峰会于２０２５年举行。",
        "article 2  Summit notes: Summit notes [APEC] met in 2025.",
    ]


def test_notes_and_memos_in_either_form_are_listed(project: Path) -> None:
    with Project.open(project) as opened:
        passage = opened.annotations.add(
            article_id=2, start=14, end=18, note="Ｓｅｅ the ＷＴＯ rules"
        )
        opened.memos.set(kind=MemoKind.PROJECT, text="Ask about the wto and Straße")
    status, out, err = run("search", project, "ＷＴＯ")
    assert status == 0, err
    assert sorted(out.splitlines()) == [
        "memo  the project: Ask about the [wto] and Straße",
        f"passage {passage.id} of article 2  Summit notes: Ｓｅｅ the [ＷＴＯ] rules",
    ]
    status, out, err = run("search", project, "strasse")
    assert out.splitlines() == ["memo  the project: …about the wto and [Straße]"]
