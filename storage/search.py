"""Full-text search over articles, passages and notes (SQLite FTS5)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from diptych.storage.project import Project

_ARTICLES = """
    SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12), bm25(articles_fts)
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?
"""
_PASSAGES = """
    SELECT n.article_id, n.id, a.title,
           snippet(annotations_fts, -1, '[', ']', '…', 12), bm25(annotations_fts)
    FROM annotations_fts JOIN annotations n ON n.id = annotations_fts.rowid
    JOIN articles a ON a.id = n.article_id
    WHERE annotations_fts MATCH ? ORDER BY bm25(annotations_fts) LIMIT ?
"""
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: an article or a passage (quote or note)."""

    kind: str  # "article" or "passage"
    article_id: int
    annotation_id: int | None
    title: str
    snippet: str
    rank: float


def search(project: Project, *, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles and passages matching ``query``, best first (at most ``limit`` of each).

    The query uses FTS5 syntax (``"exact phrase"``, ``OR``, ``prefix*``, a column such as
    ``title:`` or ``note:``); where it is not valid FTS5, its words are searched for
    instead. Articles and passages are asked separately, so that a column only one of
    them has (``title:`` for articles, ``note:`` for passages) still finds those.
    """
    if not _WORD.search(query):
        return []
    words = " ".join(f'"{w}"' for w in _WORD.findall(query))
    with project.reading() as db:
        hits = [
            SearchHit("article", article_id, None, title, snippet, rank)
            for article_id, title, snippet, rank in _rows(db.conn, _ARTICLES, query, words, limit)
        ]
        hits += [
            SearchHit("passage", article_id, annotation_id, title, snippet, rank)
            for article_id, annotation_id, title, snippet, rank in _rows(
                db.conn, _PASSAGES, query, words, limit
            )
        ]
    return sorted(hits, key=lambda h: h.rank)


def _rows(
    conn: sqlite3.Connection, sql: str, query: str, words: str, limit: int
) -> list[tuple[Any, ...]]:
    try:
        return conn.execute(sql, [query, limit]).fetchall()
    except sqlite3.OperationalError:  # not valid FTS5 for this index: its words instead
        return conn.execute(sql, [words, limit]).fetchall()
