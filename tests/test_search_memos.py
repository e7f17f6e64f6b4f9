"""Search finds memos: an analyst who searches for a word written in a memo finds it, with
the query language articles and passages are searched with."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run
from test_storage_open_busy import older_project

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION
from diptych.storage.search import SearchHit, search

TEXT = "Harbour report\n\nThe zebra crossing near the harbour was repainted."


def memo_hits(project: Project, query: str) -> list[tuple[str, str, str]]:
    """The memos found: what each is on, its name, and its snippet."""
    return [(h.memo_on, h.title, h.snippet) for h in search(project, query=query) if is_memo(h)]


def is_memo(hit: SearchHit) -> bool:
    return hit.kind == "memo"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "thesis.diptych") as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="h.txt"))
        tag = project.tags.add(name="Method")
        project.memos.set(kind=MemoKind.PROJECT, text="Aims: the **café** culture of ports")
        project.memos.set(
            kind=MemoKind.ARTICLE, target_id=article.id, text="Interview with the pilot"
        )
        project.memos.set(
            kind=MemoKind.TAG, target_id=tag.id, text="Use for talk of pilot boats and tugs"
        )
        yield project


def test_a_word_written_in_a_memo_finds_the_memo_and_what_it_is_on(project: Project) -> None:
    hits = [h for h in search(project, query="pilot") if is_memo(h)]
    assert sorted((h.memo_on, h.title, h.article_id, h.tag_id) for h in hits) == [
        ("article", "Harbour report", 1, None),
        ("tag", "Method", None, 1),
    ]
    assert memo_hits(project, "tugs") == [("tag", "Method", "…of pilot boats and [tugs]")]
    # Markdown read as it reads, without accents as with them
    found = memo_hits(project, "cafe")
    assert found == [("project", "thesis", "Aims: the [café] culture of ports")]


def test_a_phrase_finds_only_the_memo_that_has_it_whole(project: Project) -> None:
    assert memo_hits(project, '"pilot boats"') == [
        ("tag", "Method", "Use for talk of [pilot boats] and tugs")
    ]
    assert memo_hits(project, '"boats pilot"') == []


def test_a_left_out_word_leaves_out_the_memo_that_has_it(project: Project) -> None:
    assert [on for on, _, _ in memo_hits(project, "pilot -tugs")] == ["article"]
    assert [on for on, _, _ in memo_hits(project, "pilot -interview")] == ["tag"]
    assert [on for on, _, _ in memo_hits(project, "pil*")] != []


def test_a_query_that_is_not_fts5_still_finds_memos_by_its_words(project: Project) -> None:
    assert [on for on, _, _ in memo_hits(project, "tugs (")] == ["tag"]


def test_note_looks_in_memos_and_title_does_not(project: Project) -> None:
    assert [on for on, _, _ in memo_hits(project, "note:tugs")] == ["tag"]
    assert [on for on, _, _ in memo_hits(project, "{exact note}: tugs")] == ["tag"]
    assert memo_hits(project, "title:pilot") == []
    assert memo_hits(project, "title:harbour") == []  # the article's title is not its memo's


def test_a_memo_edited_or_removed_is_found_by_what_it_says_now(project: Project) -> None:
    project.close()  # opened again as a file is, up to date: its index kept by triggers alone
    with Project.open(project.path) as reopened:
        reopened.memos.set(kind=MemoKind.TAG, target_id=1, text="Use for dredging")
        assert memo_hits(reopened, "tugs") == []
        assert [on for on, _, _ in memo_hits(reopened, "dredging")] == ["tag"]
        memo = reopened.memos.get(kind=MemoKind.TAG, target_id=1)
        assert memo is not None
        reopened.memos.set(kind=MemoKind.TAG, target_id=1, text="Use for silt")
        reopened.memos.restore(memo=memo)  # as undo puts a memo back as it was
        assert memo_hits(reopened, "silt") == []
        assert [on for on, _, _ in memo_hits(reopened, "dredging")] == ["tag"]
        reopened.tags.delete(tag_id=1)  # and its memo with it
        reopened.articles.remove(article_id=1)
        assert memo_hits(reopened, "dredging") == [] and memo_hits(reopened, "pilot") == []
        assert [on for on, _, _ in memo_hits(reopened, "cafe")] == ["project"]


def test_a_project_from_the_previous_version_with_memos_is_updated_and_they_are_found(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.diptych"
    older_project(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO memos (uuid, kind, text, created_at, updated_at) VALUES"
        " ('u1', 'project', 'Compare the estuary ports', '2025-01-01', '2025-01-01')"
    )
    conn.commit()
    conn.close()
    kept: list[int] = []
    with Project.open(path, before_upgrade=lambda p: kept.append(1)) as project:
        assert kept == [1]  # a copy of it as it was is kept first
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        memo = project.memos.get(kind=MemoKind.PROJECT)
        assert memo is not None and memo.text == "Compare the estuary ports"
        assert memo_hits(project, "estuary") == [
            ("project", "older", "Compare the [estuary] ports")
        ]


def test_the_command_line_lists_memo_hits_as_it_lists_the_others(tmp_path: Path) -> None:
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="h.txt"))
        tag = project.tags.add(name="Method")
        project.memos.set(kind=MemoKind.PROJECT, text="Ask about the ferry\n\ntimetable")
        project.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text="A ferry pilot")
        project.memos.set(kind=MemoKind.TAG, target_id=tag.id, text="Ferry talk")
    status, out, _ = run("search", path, "ferry")
    assert status == 0
    assert set(out.splitlines()) == {
        "memo of article 1  Harbour report: A [ferry] pilot",
        "memo  tag “Method”: [Ferry] talk",
        "memo  the project: Ask about the [ferry] timetable",
    }
    status, out, _ = run("search", path, "ferry -pilot", "--json")
    assert status == 0
    assert '"memo_on": "tag"' in out and '"memo_on": "article"' not in out
