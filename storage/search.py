"""Full-text search over articles, passages, notes and memos (SQLite FTS5)."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Any

from diptych.storage.search_cjk import CUT_WORDS, cjk_rows, holds_cjk

if TYPE_CHECKING:
    from diptych.storage.note_markdown import NoteRenderer
    from diptych.storage.project import Project

# The snippets are cut here, not by FTS5's snippet(): it weighs every occurrence of the
# words against every other, which took minutes for a common word in a long article.
_ARTICLES = """
    SELECT a.id, a.title, a.display_text, bm25(articles_fts)
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?
"""
_PASSAGES = """
    SELECT n.article_id, n.id, a.title, n.exact, n.note, bm25(annotations_fts)
    FROM annotations_fts JOIN annotations n ON n.id = annotations_fts.rowid
    JOIN articles a ON a.id = n.article_id
    WHERE annotations_fts MATCH ? ORDER BY bm25(annotations_fts) LIMIT ?
"""
_MEMOS = """
    SELECT m.id, m.kind, m.article_id, m.tag_id,
        coalesce(a.title, t.name, (SELECT value FROM project_info WHERE key = 'name'), ''),
        m.text, bm25(memos_fts)
    FROM memos_fts JOIN memos m ON m.id = memos_fts.rowid
    LEFT JOIN articles a ON a.id = m.article_id LEFT JOIN tags t ON t.id = m.tag_id
    WHERE memos_fts MATCH ? ORDER BY bm25(memos_fts) LIMIT ?
"""
_WORD = re.compile(r"\w+", re.UNICODE)
# ``-word``, ``-prefix*`` or ``-"a phrase"`` at the start of a term: leave out what has it
# (as web search engines read it; FTS5 itself says ``... NOT ...``).
_EXCLUDED = re.compile(r'(?<!\S)-(\w+\*?|"[^"]*")')
_PHRASE = re.compile(r'"([^"]*)"')
_COLUMNS = ("title", "display_text", "exact", "note")  # of the two indexes
# FTS5's ``col:`` or ``{a b}:``; other words before a colon (10:30, Re:) are words.
_COLUMN_FILTER = re.compile(rf"(?:\{{[^}}]*\}}|(?<!\w)(?:{'|'.join(_COLUMNS)}))\s*:", re.I)
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_TERM = re.compile(r"(\w+)(\*?)", re.UNICODE)  # a word of the query, ``*`` if a prefix
_CHUNK = re.compile(r"\S+")
_JOINED_BEFORE = re.compile(r"\w\S*\Z")  # the rest of a word written as one before a cut
_JOINED_AFTER = re.compile(r"\S*\w")  # and after one
# Where a word of the text starts and ends: the index splits words at ``_`` too.
_STARTS, _ENDS, _BETWEEN = r"(?<![^\W_])", r"(?![^\W_])", r"[\W_]+"
_READ_NOTES_UP_TO = 20_000  # characters
SNIPPET_WORDS = 12
"""Words shown around the first match (as FTS5's snippet showed)."""
_BEFORE = 4  # of them before the first match
_REACH = 40  # characters per word looked at around the match: a bounded piece of the text


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


def search(project: Project, *, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles, passages and memos matching ``query``, best first (at most ``limit`` of
    each).

    The query uses FTS5 syntax (``"exact phrase"``, ``OR``, ``prefix*``, a column such as
    ``title:`` or ``note:``), and ``-word`` leaves out what has that word; where it is not
    valid FTS5, its words are searched for instead (a ``prefix*`` still as one; not ``AND``
    or ``OR`` left dangling while typing, nor a column's name). Articles, passages and memos
    are asked separately, so that a column only some of them have still finds those:
    ``title:`` looks in articles' titles only (a memo has no title: the name of what it is
    on is not its text), ``note:`` in passages' notes and in memos, which are the analyst's
    own notes too. A query of left-out words alone finds nothing.
    """
    wanted, excluded = split_excluded(query)
    if not _WORD.search(wanted):
        return []
    found: Rows
    if holds_cjk(query):  # words the index cannot find inside runs of characters
        found = partial(cjk_rows, wanted=wanted, excluded=excluded, limit=limit)
    else:
        found = _fts_rows(query, wanted, excluded, limit)
    pattern = terms_pattern(wanted)
    with project.reading() as db:
        hits = [
            _hit("article", article_id, None, title, snippet_of(text, pattern), rank)
            for article_id, title, text, rank in found(db.conn, "articles")
        ]
        for article_id, annotation_id, title, exact, note, rank in found(db.conn, "passages"):
            shown = _shown(exact, note, pattern)
            hits.append(
                _hit("passage", article_id, annotation_id, title, snippet_of(shown, pattern), rank)
            )
        hits += _memo_hits(found(db.conn, "memos"), pattern)
    return sorted(hits, key=lambda h: h.rank)


Rows = Callable[[sqlite3.Connection, str], Iterator[tuple[Any, ...]]]
"""The rows found of a kind ("articles", "passages", "memos"), best first."""


def _fts_rows(query: str, wanted: str, excluded: list[str], limit: int) -> Rows:
    """The rows the indexes find for ``query``, its words if it is not valid FTS5."""
    words = _as_words(wanted)
    if excluded:
        left_out = " OR ".join(excluded)
        query, words = f"({wanted}) NOT ({left_out})", f"({words}) NOT ({left_out})"

    def found(conn: sqlite3.Connection, kind: str) -> Iterator[tuple[Any, ...]]:
        if kind == "memos":
            return _rows(conn, _MEMOS, _for_memos(query), _for_memos(words), limit)
        return _rows(conn, _ARTICLES if kind == "articles" else _PASSAGES, query, words, limit)

    return found


def _memo_hits(rows: Iterator[tuple[Any, ...]], pattern: re.Pattern[str]) -> Iterator[SearchHit]:
    """The memos found, each cut from its text as it reads (a memo is Markdown, as a note
    is), else as written."""
    for memo_id, kind, article_id, tag_id, title, text, rank in rows:
        cut = snippet_of(_note_shown(text, pattern, otherwise=text), pattern)
        yield _hit(
            "memo", article_id, None, title, cut, rank, memo_id=memo_id, memo_on=kind, tag_id=tag_id
        )


def _for_memos(query: str) -> str:
    """The query as the memo index reads it: ``note:`` (alone or in ``{exact note}:``)
    looks in a memo's text; the other columns stay, and find no memo."""
    parts = _PHRASE.split(query)
    for i in range(0, len(parts), 2):  # outside quotes: a quoted "note:" is words
        parts[i] = _COLUMN_FILTER.sub(_note_as_text, parts[i])
    return '"'.join(parts)


def _note_as_text(match: re.Match[str]) -> str:
    """A column filter naming ``note`` as a filter on a memo's text (the others it names
    left out: a memo has none of them); any other filter as it is."""
    if re.search(r"(?<!\w)note(?!\w)", match.group(), re.I):
        return "text:"
    return match.group()


def _shown(exact: str, note: str, pattern: re.Pattern[str]) -> str:
    """Which of a passage's texts its snippet is cut from: the passage if the match is in
    it, else its note as it reads (read only then: most results match in the passage),
    else the note as written; the passage if neither (the match was in the title)."""
    if pattern.search(exact):
        return exact
    return _note_shown(note, pattern, otherwise=exact)


def _note_shown(note: str, pattern: re.Pattern[str], *, otherwise: str) -> str:
    """A note (or memo) as it reads if the match is in it so, else as written if the match
    is in that; else ``otherwise``."""
    return next((t for t in (_read(note), note) if pattern.search(t)), otherwise)


def _as_words(wanted: str) -> str:
    """The query's words for FTS5, for a query it cannot read (see :func:`search`): each
    word (``prefix*`` still a prefix), but operators and the columns a filter names; the
    words as they are if nothing else is left."""
    terms = [term for phrase in _phrases(wanted, whole=False) for term in phrase]
    return " ".join(f'"{word}"' + ("*" if prefix else "") for word, prefix in terms) or " ".join(
        f'"{w}"' for w in _WORD.findall(wanted)
    )


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


Snippet = tuple[str, tuple[tuple[int, int], ...]]  # the words shown, and the matches in them


def _hit(
    kind: str,
    article_id: int | None,
    annotation_id: int | None,
    title: str,
    cut: Snippet,
    rank: float,
    **memo: Any,
) -> SearchHit:
    """A hit with its snippet ``cut``; ``memo``: a memo's own fields (``memo_id``...)."""
    shown, matches = cut
    return SearchHit(
        kind, article_id, annotation_id, title, bracketed(cut), rank, shown, matches, **memo
    )


def bracketed(cut: Snippet) -> str:
    """The snippet with each match in ``[`` ``]`` (for a terminal, which has no bold)."""
    shown, matches = cut
    parts, at = [], 0
    for start, end in matches:
        parts += [shown[at:start], "[", shown[start:end], "]"]
        at = end
    return "".join(parts) + shown[at:]


def why_nothing_found(query: str) -> str | None:
    """Why ``query`` could not find anything, if it could not: it has no word in it, or its
    words are all left out (``-word``); None for a query that simply matched nothing.
    Said after "No matches" in the window and on the command line."""
    wanted, excluded = split_excluded(query)
    if any(char.isalnum() for char in wanted):
        return None
    if excluded:
        return "-word only leaves out what has it; add a word to look for"
    return "search looks for words, and there is none in this search"


def split_excluded(query: str) -> tuple[str, list[str]]:
    """The query without its ``-word`` terms, and those terms as FTS5 strings (a ``-``
    inside a quoted phrase, as in ``"cost -benefit"``, is part of the phrase)."""
    phrases = [m.span() for m in _PHRASE.finditer(query)]
    excluded, wanted, kept_from = [], [], 0
    for match in _EXCLUDED.finditer(query):
        if any(start < match.start() < end for start, end in phrases):
            continue
        term = match.group(1)
        if term.startswith('"'):
            if _WORD.search(term):
                excluded.append(term)
        elif term.endswith("*"):
            excluded.append(f'"{term[:-1]}"*')
        else:
            excluded.append(f'"{term}"')
        wanted.append(query[kept_from : match.start()])
        kept_from = match.end()
    wanted.append(query[kept_from:])
    return " ".join(part.strip() for part in wanted if part.strip()), excluded


def terms_pattern(query: str) -> re.Pattern[str]:
    """The query's words as the index finds them: whole words (``prefix*`` the start of
    one), in any case, with or without accents on Latin letters (``cafe`` finds café, as
    ``café`` finds cafe); the columns a filter names (``note:``, ``{exact note}:``) are
    where to look, not words."""
    terms = {word for phrase in _phrases(query, whole=False) for word in phrase}
    return _pattern([[term] for term in terms])


def first_found(text: str, query: str) -> tuple[int, int] | None:
    """Where in ``text`` a phrase or word of ``query`` first occurs, as the search finds it
    (see :func:`terms_pattern`); a quoted phrase, or words joined without a space as in
    ``Xi's`` or ``e-mail``, is found whole. None if nowhere (the match was in a title)."""
    wanted, _excluded = split_excluded(query)
    match = _pattern(_phrases(wanted, whole=True)).search(text)
    return match.span() if match else None


Term = tuple[str, bool]  # a word of the query, folded, and whether it is a prefix


def _phrases(query: str, *, whole: bool) -> list[list[Term]]:
    """The query's phrases: quoted ones and, outside quotes, each run of words without a
    space between them (one word each unless ``whole``)."""
    phrases = []
    for i, part in enumerate(_PHRASE.split(query)):  # odd items are the phrases' insides
        chunks = [part] if i % 2 else _CHUNK.findall(_COLUMN_FILTER.sub(" ", part))
        for chunk in chunks:
            terms = [
                (_unaccented(word.lower()), bool(star))
                for word, star in _TERM.findall(chunk)
                if i % 2 or word not in _OPERATORS
            ]
            phrases += [terms] if whole else [[term] for term in terms]
    return [phrase for phrase in phrases if phrase]


def _pattern(phrases: list[list[Term]]) -> re.Pattern[str]:
    """A pattern finding any of ``phrases``, the longest first where several start at one
    place. Each letter is a class of its cases and accented forms rather than the pattern
    ignoring case, and the start of a word is looked for once: either made a search of a
    long article several times slower."""
    if not phrases:
        return re.compile(r"(?!)")  # matches nothing
    longest = sorted(phrases, key=lambda p: sum(len(w) + 1 for w, _ in p), reverse=True)
    alternatives = [
        _BETWEEN.join(_term_regex(word, prefix) for word, prefix in phrase)
        for phrase in longest[:_MOST_PHRASES]
    ]
    inside = [
        alternative
        for alternative, phrase in zip(alternatives, longest, strict=False)
        if any(holds_cjk(word) for word, _ in phrase)
    ]
    if not inside:
        return re.compile(f"{_STARTS}(?:{'|'.join(alternatives)})")
    # Chinese, Japanese and Korean words are found inside the runs of characters (see
    # diptych.storage.search_cjk), so they are marked there: no start of a word looked for.
    words = [alternative for alternative in alternatives if alternative not in inside]
    return re.compile("|".join(inside + ([f"{_STARTS}(?:{'|'.join(words)})"] if words else [])))


_MOST_PHRASES = 200
"""The phrases of a query a snippet marks at most (the longest): compiling a pattern of a
paragraph pasted as a query took seconds, with the window waiting."""
_LONGEST_ACCENTED = 100
"""A word longer than this is marked in any case, but only where the text has it without
accents: a pattern of a class for each of its letters took seconds to compile."""


def _term_regex(word: str, prefix: bool) -> str:
    if holds_cjk(word):  # inside a run, a prefix* too: the rest of the run is other words
        return "".join(_letter(char) for char in word)
    if len(word) > _LONGEST_ACCENTED:
        letters = f"(?i:{re.escape(word)})"
    else:
        letters = "".join(_letter(char) for char in word)
    return letters + (r"\w*" if prefix else _ENDS)


def _letter(char: str) -> str:
    """A letter of a word in the query (folded) as the text may have it: in either case,
    with or without an accent."""
    forms = {form for form in (char, char.lower(), char.upper()) if len(form) == 1}
    found = "".join(sorted(forms)) + _accented().get(char.lower(), "")
    return f"[{found}]" if len(found) > 1 else re.escape(char)


@cache
def _accented() -> dict[str, str]:
    """The Latin letters with accents the index reads as the letter without (é as e),
    by the letter without."""
    found: dict[str, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            found[base.lower()] = found.get(base.lower(), "") + chr(code)
    return found


def _unaccented(word: str) -> str:
    """``word`` without the accents the index takes off (é as e); other letters as typed."""
    return word.translate(_bases())


@cache
def _bases() -> dict[int, str]:
    return {ord(char): base for base, chars in _accented().items() for char in chars}


def snippet(text: str, pattern: re.Pattern[str]) -> str:
    """:func:`snippet_of` with each match in ``[`` ``]``."""
    return bracketed(snippet_of(text, pattern))


def snippet_of(text: str, pattern: re.Pattern[str]) -> Snippet:
    """About :data:`SNIPPET_WORDS` words of ``text`` around the first match of ``pattern``
    (the start of the text if none: the match was in another column),
    with ``…`` where the text goes on, and where the matches are in them."""
    match = pattern.search(text)
    at = match.start() if match else 0
    reach = _REACH * SNIPPET_WORDS
    words, joined_before, joined_after = _words_of(pattern)
    before = list(words.finditer(text, max(0, at - _REACH * _BEFORE), at))[-_BEFORE:]
    after = list(words.finditer(text, at, at + reach))[: SNIPPET_WORDS - len(before)]
    start = before[0].start() if before else at
    end = after[-1].end() if after else min(len(text), at + reach)
    # Cut between words, not inside one the index splits (Xi’s read "…s aides").
    if joined := joined_before.search(text, max(0, start - _REACH), start):
        start = joined.start()
    if joined := joined_after.match(text, end, end + _REACH):
        end = joined.end()
    if start < _REACH * _BEFORE and not _WORD.search(text, 0, start):
        start = 0  # nothing but punctuation before: show it
    if len(text) - end < _REACH and not _WORD.search(text, end):
        end = len(text)  # nothing but punctuation after: show it
    lead = "…" if start > 0 else ""
    shown = lead + text[start:end] + ("…" if end < len(text) else "")
    found = pattern.finditer(text, start, end)
    return shown, tuple((m.start() - start + len(lead), m.end() - start + len(lead)) for m in found)


@lru_cache(maxsize=8)
def _words_of(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """How the snippets of ``pattern``'s matches count words and keep them whole (the
    simpler patterns, which are faster, unless it holds Chinese, Japanese or Korean)."""
    return CUT_WORDS if holds_cjk(pattern.pattern) else (_WORD, _JOINED_BEFORE, _JOINED_AFTER)


def _rows(
    conn: sqlite3.Connection, sql: str, query: str, words: str, limit: int
) -> Iterator[tuple[Any, ...]]:
    """The rows one by one: each holds a whole text, dropped once its snippet is cut."""
    try:
        cursor = conn.execute(sql, [query, limit])  # a query FTS5 cannot parse fails here
    except sqlite3.OperationalError as exc:  # not valid FTS5 for this index: its words instead
        column = str(exc).removeprefix("no such column: ")
        if column != str(exc) and column.lower() in _COLUMNS:
            return iter(())  # the other index's column (title:, note:): nothing here
        cursor = conn.execute(sql, [words, limit])
    return iter(cursor)
