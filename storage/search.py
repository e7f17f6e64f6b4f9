"""Full-text search over articles, passages, notes and memos (SQLite FTS5): the search
itself, its results and why a search found nothing. How the query's words are read and
found in a text is in :mod:`diptych.storage.search_words`, the snippets of the results in
:mod:`diptych.storage.search_snippets`."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from diptych.storage.search_cjk import cjk_rows, found_inside
from diptych.storage.search_folding import FoldedText, as_searched, fold_query
from diptych.storage.search_joined import with_joined
from diptych.storage.search_snippets import Snippet, bracketed, snippet_of
from diptych.storage.search_words import (
    COLUMNS,
    TERM_START,
    as_words,
    for_memos,
    left_out_in,
    not_as_word,
    occurrences,
    phrases_pattern,
    split_excluded,
    terms_pattern,
)

if TYPE_CHECKING:
    from diptych.storage.note_markdown import NoteRenderer
    from diptych.storage.project import Project

# The snippets are cut here, not by FTS5's snippet(): it weighs every occurrence of the
# words against every other, which took minutes for a common word in a long article.
# The best rows are found in the index alone, then only their texts read: joined before
# the ordering, every match's row was read (the texts of 10,000 articles for "the"). Rows
# that score the same are listed in the order they were added.
_ARTICLES = """
    SELECT a.id, a.title, a.display_text, best.score
    FROM (SELECT rowid AS id, bm25(articles_fts) AS score FROM articles_fts
        WHERE articles_fts MATCH ? ORDER BY score, id LIMIT ?) best
    JOIN articles a ON a.id = best.id ORDER BY best.score, best.id
"""
_PASSAGES = """
    SELECT n.article_id, n.id, a.title, n.exact, n.note, best.score
    FROM (SELECT rowid AS id, bm25(annotations_fts) AS score FROM annotations_fts
        WHERE annotations_fts MATCH ? ORDER BY score, id LIMIT ?) best
    JOIN annotations n ON n.id = best.id JOIN articles a ON a.id = n.article_id
    ORDER BY best.score, best.id
"""
_MEMOS = """
    SELECT m.id, m.kind, m.article_id, m.tag_id,
        coalesce(a.title, t.name, (SELECT value FROM project_info WHERE key = 'name'), ''),
        m.text, best.score
    FROM (SELECT rowid AS id, bm25(memos_fts) AS score FROM memos_fts
        WHERE memos_fts MATCH ? ORDER BY score, id LIMIT ?) best
    JOIN memos m ON m.id = best.id
    LEFT JOIN articles a ON a.id = m.article_id LEFT JOIN tags t ON t.id = m.tag_id
    ORDER BY best.score, best.id
"""
_READ_NOTES_UP_TO = 20_000  # characters
MOST_WORDS_COUNTED = 64
"""Words of a query up to which the matches in each article found are counted."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: an article, a passage (quote or note) or a memo.

    A memo's ``title`` is the name of what it is on (the article's title, the tag's name,
    the project's name), ``memo_on`` says which ("article", "tag", "project"), and
    ``article_id`` is None unless it is on an article.
    """

    kind: str  # "article", "passage" or "memo"
    article_id: int | None
    annotation_id: int | None
    title: str
    snippet: str  # the words around the first match, each match in [ ]
    rank: float
    shown: str = ""  # the same words without the brackets ...
    matches: tuple[tuple[int, int], ...] = ()  # ... and where the matches are in them
    memo_id: int | None = None
    memo_on: str = ""  # a memo's kind: "project", "article" or "tag"
    tag_id: int | None = None  # the tag a tag's memo is on
    occurrences: int = 0  # an article's: how often its text has the words (see _article_hit)


def search(project: Project, *, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles, passages and memos matching ``query``, best first (at most ``limit`` of
    each).

    The query uses FTS5 syntax (``"exact phrase"``, ``OR``, ``prefix*``, a column such as
    ``title:`` or ``note:``), and ``-word`` leaves out what has that word (``NOT`` is a
    word, as in NOT GUILTY, not FTS5's operator); where it is not
    valid FTS5, its words are searched for instead (a ``prefix*`` still as one; not ``AND``
    or ``OR`` left dangling while typing, nor a column's name). Articles, passages and memos
    are asked separately, so that a column only some of them have still finds those:
    ``title:`` looks in articles' titles only (a memo has no title: the name of what it is
    on is not its text), ``note:`` in passages' notes and in memos, which are the analyst's
    own notes too. A query of left-out words alone finds nothing. Words are found in
    full-width or other compatibility forms by the plain ones and the other way round
    (APEC finds ＡＰＥＣ, see :mod:`diptych.storage.search_folding`).
    """
    with project.reading() as db:
        return search_in(db.conn, query=query, limit=limit)


def search_in(conn: sqlite3.Connection, *, query: str, limit: int = 20) -> list[SearchHit]:
    """:func:`search` through ``conn``, with SQLite's errors as they are."""
    query = as_searched(query)  # ＡＰＥＣ as APEC, began¹ as began 1 (see search_folding)
    wanted, excluded = split_excluded(query)
    if not TERM_START.search(wanted):
        return []
    found: Rows
    if found_inside(query):  # words the index cannot find inside runs of characters, emoji
        found = partial(cjk_rows, wanted=wanted, excluded=excluded, limit=limit)
    else:
        found = _fts_rows(wanted, excluded, limit)
    # A paragraph pasted as a search is not counted: its pattern alone took as long to
    # compile as the search itself
    counted = phrases_pattern(wanted) if len(wanted.split()) <= MOST_WORDS_COUNTED else None
    # What a snippet marks: a phrase whole, where it is (its words elsewhere are not what
    # was found); a pasted paragraph's words, each on its own.
    pattern = counted or terms_pattern(wanted)
    hits = [_article_hit(row, pattern, counted) for row in found(conn, "articles")]
    for article_id, annotation_id, title, exact, note, rank in found(conn, "passages"):
        shown = _shown(exact, note, pattern)
        hits.append(
            _hit("passage", article_id, annotation_id, title, snippet_of(shown, pattern), rank)
        )
    hits += _memo_hits(found(conn, "memos"), pattern)
    return sorted(hits, key=lambda h: h.rank)


Rows = Callable[[sqlite3.Connection, str], Iterator[tuple[Any, ...]]]
"""The rows found of a kind ("articles", "passages", "memos"), best first."""


def _fts_rows(wanted: str, excluded: list[str], limit: int) -> Rows:
    """The rows the indexes find for the query (``wanted`` without its left-out terms
    ``excluded``), its words if it is not valid FTS5."""
    # Hebrew and Arabic words are looked for with the prefixes written joined to them too
    # (see search_joined): a quoted phrase as written, but a -word's as a word
    query = with_joined(fold_query(not_as_word(wanted)))
    words = with_joined(fold_query(as_words(wanted)), quoted_words=True)

    def found(conn: sqlite3.Connection, kind: str) -> Iterator[tuple[Any, ...]]:
        asked, asked_words = (
            (for_memos(query), for_memos(words)) if kind == "memos" else (query, words)
        )
        # A term left out of columns this kind has not (-note:word of an article) leaves
        # out nothing of it.
        terms = left_out_in(excluded, _INDEX_COLUMNS[kind])
        if terms:
            left_out = " OR ".join(with_joined(fold_query(t), quoted_words=True) for t in terms)
            asked, asked_words = f"({asked}) NOT ({left_out})", f"({asked_words}) NOT ({left_out})"
        return _rows(conn, _STATEMENTS[kind], asked, asked_words, limit)

    return found


_STATEMENTS = {"articles": _ARTICLES, "passages": _PASSAGES, "memos": _MEMOS}
_INDEX_COLUMNS = {
    "articles": {"title": "title", "display_text": "display_text"},
    "passages": {"exact": "exact", "note": "note"},
    "memos": {"note": "text"},  # a memo is the analyst's own note
}
"""The columns of each kind's index, by the name a filter gives them."""


def _article_hit(
    row: tuple[Any, ...], pattern: re.Pattern[str], counted: re.Pattern[str] | None
) -> SearchHit:
    """An article found, with how often the text it shows (its first line included) has
    the query's phrases and words (``counted``, as
    :func:`~diptych.storage.search_words.first_found` finds them); one found by its
    title alone, where the text does not show it (renamed, or named after its file),
    counts none, as does one found by a query of more than :data:`MOST_WORDS_COUNTED`
    words (``counted`` None). Its text is read for the snippet already, and counting in it
    takes a few milliseconds for the fifty articles listed."""
    article_id, title, text, rank = row
    folded = FoldedText(text)
    cut = snippet_of(text, pattern, folded)
    count = occurrences(folded, counted) if counted is not None else 0
    return _hit("article", article_id, None, title, cut, rank, occurrences=count)


def _memo_hits(rows: Iterator[tuple[Any, ...]], pattern: re.Pattern[str]) -> Iterator[SearchHit]:
    """The memos found, each cut from its text as it reads (a memo is Markdown, as a note
    is), else as written."""
    for memo_id, kind, article_id, tag_id, title, text, rank in rows:
        cut = snippet_of(_note_shown(text, pattern, otherwise=text), pattern)
        yield _hit(
            "memo", article_id, None, title, cut, rank, memo_id=memo_id, memo_on=kind, tag_id=tag_id
        )


def _shown(exact: str, note: str, pattern: re.Pattern[str]) -> str:
    """Which of a passage's texts its snippet is cut from: the passage if the match is in
    it, else its note as it reads (read only then: most results match in the passage),
    else the note as written; the passage if neither (the match was in the title)."""
    if _holds(exact, pattern):
        return exact
    return _note_shown(note, pattern, otherwise=exact)


def _note_shown(note: str, pattern: re.Pattern[str], *, otherwise: str) -> str:
    """A note (or memo) as it reads if the match is in it so, else as written if the match
    is in that; else ``otherwise``."""
    return next((t for t in (_read(note), note) if _holds(t, pattern)), otherwise)


def _holds(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` is in ``text`` folded (ＡＰＥＣ for APEC)."""
    return FoldedText(text).first(pattern) is not None


def _read(note: str) -> str:
    """A note's words as it reads (``**Xi's** [trip](https://…)`` as "Xi's trip"), for its
    snippet; a very long note as written (reading it would hold up the results)."""
    if len(note) > _READ_NOTES_UP_TO:
        return note
    return _note_renderer().plain(note)


@cache
def _note_renderer() -> NoteRenderer:
    from diptych.storage.note_markdown import NoteRenderer

    return NoteRenderer()


def _hit(
    kind: str,
    article_id: int | None,
    annotation_id: int | None,
    title: str,
    cut: Snippet,
    rank: float,
    **own: Any,
) -> SearchHit:
    """A hit with its snippet ``cut``; ``own``: the fields of its kind only (a memo's
    ``memo_id``..., an article's ``occurrences``)."""
    shown, matches = cut
    return SearchHit(
        kind, article_id, annotation_id, title, bracketed(cut), rank, shown, matches, **own
    )


def why_nothing_found(query: str) -> str | None:
    """Why ``query`` could not find anything, if it could not: it has no word in it, or its
    words are all left out (``-word``); None for a query that simply matched nothing.
    Said after "No matches" in the window and on the command line."""
    wanted, excluded = split_excluded(query)
    if any(char.isalnum() for char in wanted) or TERM_START.search(wanted):
        return None
    if excluded:
        return "-word only leaves out what has it; add a word to look for"
    return "search looks for words, and there is none in this search"


def _rows(
    conn: sqlite3.Connection, sql: str, query: str, words: str, limit: int
) -> Iterator[tuple[Any, ...]]:
    """The rows one by one: each holds a whole text, dropped once its snippet is cut."""
    try:
        cursor = conn.execute(sql, [query, limit])  # a query FTS5 cannot parse fails here
    except sqlite3.OperationalError as exc:  # not valid FTS5 for this index: its words instead
        column = str(exc).removeprefix("no such column: ")
        if column != str(exc) and column.lower() in COLUMNS:
            return iter(())  # the other index's column (title:, note:): nothing here
        cursor = conn.execute(sql, [words, limit])
    return iter(cursor)
