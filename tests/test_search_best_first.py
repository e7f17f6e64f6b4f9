"""A search lists the best articles, passages and memos first, at most ``limit`` of each,
as the full-text index ranks them; those it ranks alike in the order they were added."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.search import search

COUNT = 30


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """Articles holding "harbour" 1 to COUNT times among other words, each with a passage
    noted "harbour" as often, and a memo on each of the first five."""
    with Project.create(tmp_path / "ranked.diptych") as project:
        for n in range(1, COUNT + 1):
            words = " ".join(["harbour"] * n + ["quay", "tide", "pier"] * (COUNT - n))
            text = f"Article {n:02d}\n\n{words}."
            article = project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
            note = " ".join(["harbour"] * n + ["tide"] * (COUNT - n))
            project.annotations.add(article_id=article.id, start=12, end=20, note=note)
            if n <= 5:
                project.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text=note)
        yield project


def best(project: Project, index: str, query: str, limit: int) -> list[int]:
    """The ids the index ranks best, straight from it."""
    rows = project.db.execute(
        f"SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY bm25({index}) LIMIT ?",
        [query, limit],
    )
    return [row_id for (row_id,) in rows]


def test_the_best_of_many_are_listed_best_first(project: Project) -> None:
    hits = search(project, query="harbour", limit=20)
    articles = [h.article_id for h in hits if h.kind == "article"]
    passages = [h.annotation_id for h in hits if h.kind == "passage"]
    memos = [h.memo_id for h in hits if h.kind == "memo"]
    assert articles == best(project, "articles_fts", "harbour", 20)
    assert articles == list(range(COUNT, COUNT - 20, -1))  # the most "harbour" first
    assert passages == best(project, "annotations_fts", "harbour", 20)
    assert len(memos) == 5 and memos == best(project, "memos_fts", "harbour", 20)
    ranks = [h.rank for h in hits]
    assert ranks == sorted(ranks)
    assert all(h.snippet.count("[harbour]") >= 1 for h in hits)


def test_a_limit_keeps_the_best(project: Project) -> None:
    hits = search(project, query="harbour", limit=3)
    assert [h.article_id for h in hits if h.kind == "article"] == [30, 29, 28]
    assert [h.title for h in hits if h.kind == "passage"] == [
        "Article 30",
        "Article 29",
        "Article 28",
    ]


def test_articles_ranked_alike_are_listed_in_the_order_they_were_added(tmp_path: Path) -> None:
    with Project.create(tmp_path / "alike.diptych") as project:
        for n in range(12):  # every other one a word longer: ranked a little lower
            text = f"Same\n\nThe same words in every one {'of them all' if n % 2 else 'of these'}."
            project.articles.add(parsed=parse_article(text.encode(), name=f"{n}.txt"))
        hits = search(project, query="same words", limit=4)
        assert [h.article_id for h in hits] == [1, 3, 5, 7]
        assert len({h.rank for h in hits}) == 1
