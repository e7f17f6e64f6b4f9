"""Search for Chinese, Japanese and Korean words inside the runs of characters they are
written in.

The full-text indexes split words at spaces and punctuation (FTS5's unicode61): a run of
Chinese or Japanese between two punctuation marks is one word to them (中国外交政策正在转变),
and a Korean word carries its particle (한국은), so the index cannot find 外交 or 한국 there.
A query holding such characters is answered here, with the file's indexes as they are (a
file stays readable by earlier versions): a term holding them is looked for as a substring
of the texts (SQLite's ``instr``), the query's other words by the index as before, and the
two are combined as the query says (see :func:`cjk_rows`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from diptych.storage.search_emoji import holds_emoji
from diptych.storage.search_folding import fold, indexed_form
from diptych.storage.search_query import Atom, Group, Node, parse

CJK_RANGES = (
    (0x1100, 0x11FF, True),  # Hangul Jamo
    (0x3005, 0x3007, False),  # 々 〆 〇, written as Han characters
    (0x3040, 0x30FF, False),  # Hiragana, Katakana
    (0x3130, 0x318F, True),  # Hangul Compatibility Jamo
    (0x31F0, 0x31FF, False),  # Katakana Phonetic Extensions
    (0x3400, 0x4DBF, False),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF, False),  # CJK Unified Ideographs
    (0xA960, 0xA97F, True),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7FF, True),  # Hangul Syllables, Hangul Jamo Extended-B
    (0xF900, 0xFAFF, False),  # CJK Compatibility Ideographs
    (0xFF66, 0xFF9F, False),  # Halfwidth Katakana
    (0xFFA0, 0xFFDC, True),  # Halfwidth Hangul
    (0x20000, 0x323AF, False),  # CJK Unified Ideographs Extensions B to H, and Supplement
)
"""The characters written without spaces between words (Han, Kana) or with particles
joined to words (Hangul): a term holding one is looked for inside the runs of the text.
True where words are written with spaces between them (Korean)."""
CJK = "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end, _ in CJK_RANGES)
"""The ranges as the inside of a regular expression's ``[...]``."""
UNSPACED = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b, spaced in CJK_RANGES if not spaced)
"""Those of Chinese and Japanese, written without spaces between words, likewise."""
_CJK = re.compile(f"[{CJK}]")
CUT_WORDS = (
    re.compile(rf"[{UNSPACED}]{{1,2}}|[^\W{UNSPACED}]+"),
    re.compile(rf"[^\W{UNSPACED}][^\s{UNSPACED}]*\Z"),
    re.compile(rf"[^\s{UNSPACED}]*[^\W{UNSPACED}]"),
)
"""The words of a snippet for a query holding these characters, and the rest of a word
written as one before and after a cut: two Chinese or Japanese characters count as a word
(about their average; no spaces say where a word ends), else a snippet of their text is
a dozen whole sentences."""


def holds_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese, Japanese or Korean character."""
    return _CJK.search(text) is not None


def found_inside(text: str) -> bool:
    """Whether ``text`` holds what is looked for inside the texts rather than in the index:
    Chinese, Japanese or Korean, or an emoji, which the index does not hold (see
    :mod:`diptych.storage.search_emoji`)."""
    return holds_cjk(text) or holds_emoji(text)


@dataclass(frozen=True, slots=True)
class Table:
    """What is searched for one kind of result, as the statements name it."""

    fts: str  # its full-text index
    key: str  # the row's id
    columns: dict[str, tuple[str, str]]  # by a filter's name: the column, the index's column
    select: str  # the columns of a result, as :mod:`diptych.storage.search` reads them
    source: str  # the table searched
    joins: str = ""  # and the tables the result's columns come from


TABLES = {
    "articles": Table(
        "articles_fts", "a.id",
        {"title": ("a.title", "title"), "display_text": ("a.display_text", "display_text")},
        "a.id, a.title, a.display_text", "articles a",
    ),
    "passages": Table(
        "annotations_fts", "n.id", {"exact": ("n.exact", "exact"), "note": ("n.note", "note")},
        "n.article_id, n.id, a.title, n.exact, n.note", "annotations n",
        " JOIN articles a ON a.id = n.article_id",
    ),
    "memos": Table(
        "memos_fts", "m.id", {"note": ("m.text", "text")},  # a memo is the analyst's note
        "m.id, m.kind, m.article_id, m.tag_id, coalesce(a.title, t.name,"
        " (SELECT value FROM project_info WHERE key = 'name'), ''), m.text", "memos m",
        " LEFT JOIN articles a ON a.id = m.article_id LEFT JOIN tags t ON t.id = m.tag_id",
    ),
}  # fmt: skip


def cjk_rows(
    conn: sqlite3.Connection, kind: str, *, wanted: str, excluded: list[str], limit: int
) -> Iterator[tuple[Any, ...]]:
    """The rows of ``kind`` ("articles", "passages" or "memos") that a query holding
    Chinese, Japanese or Korean finds, best first, at most ``limit``; ``wanted`` and
    ``excluded`` are the query split by :func:`diptych.storage.search_words.split_excluded`.

    Words side by side must all be there, ``OR`` finds either, ``-word`` leaves
    out, a column filter (``title:``, ``note:``) looks in that column; a term holding such
    characters is found wherever it occurs, and a quoted one as written (its spaces one
    each). Rows the index alone finds (the characters only in a left-out term) keep its
    order (bm25); the others come by how often the terms holding them occur (most first,
    then in the order they were added), as an article about 外交 has it more often than
    one naming it in passing: no order of the index's is known for them, and their
    titles' order would be an accident of naming.
    """
    asked, left_out = _parsed(wanted, tuple(excluded))
    if asked is None:
        return iter(())
    table, statement = TABLES[kind], _Statement(TABLES[kind])
    indexed, found = statement.compile(asked)
    without = "1" if left_out is None else statement.condition(Group("not", (left_out,)))
    rows, joined = f"SELECT {table.select}", f"{table.source}{table.joins}"
    if indexed:
        rows += (
            f", bm25({table.fts}) AS found_rank FROM {table.fts} JOIN {table.source}"
            f" ON {table.key} = {table.fts}.rowid{table.joins}"
            f" WHERE {table.fts} MATCH {statement.param(found)} AND {without}"
            " ORDER BY found_rank LIMIT :limit"
        )
    else:
        rank = f"-{_nested(statement.counts, ' + ')}" if statement.counts else "0"
        rows += (
            f", {rank} AS found_rank FROM {joined} WHERE {found} AND {without}"
            f" ORDER BY found_rank, {table.key} LIMIT :limit"
        )
    return iter(conn.execute(rows, {**statement.params, "limit": limit}))


@lru_cache(maxsize=4)
def _parsed(wanted: str, excluded: tuple[str, ...]) -> tuple[Node | None, Node | None]:
    """The query read once for the three kinds of result (a paragraph pasted takes a while)."""
    return parse(wanted, list(excluded))


class _Statement:
    """The conditions of a statement on one table, their parameters, and the counts of the
    terms found by substring that its rows are ranked by."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.params: dict[str, str] = {}
        self.counts: list[str] = []

    def param(self, value: str) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def compile(self, node: Node, *, asked: bool = True) -> tuple[bool, str]:
        """``(True, an FTS5 query)`` for what the index can answer alone, else ``(False,
        an SQL condition)``; ``asked``: False under a ``NOT`` (no count to rank by)."""
        if isinstance(node, Atom):
            return self.atom(node, asked=asked)
        if node.how == "not":
            return False, f"NOT {self.condition(node.parts[0], asked=not asked)}"
        compiled = [self.compile(part, asked=asked) for part in node.parts]
        joiner = " AND " if node.how == "and" else " OR "
        indexed = [f"({text})" for by_index, text in compiled if by_index]
        if len(indexed) == len(compiled):
            return True, joiner.join(indexed)
        conditions = [text for by_index, text in compiled if not by_index]
        if indexed:  # the index's words in one query of it
            conditions.append(self.in_index(joiner.join(indexed)))
        return False, _nested(conditions, joiner)

    def condition(self, node: Node, *, asked: bool = True) -> str:
        by_index, text = self.compile(node, asked=asked)
        return self.in_index(text) if by_index else text

    def in_index(self, query: str) -> str:
        fts, key = self.table.fts, self.table.key
        return f"{key} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH {self.param(query)})"

    def atom(self, atom: Atom, *, asked: bool) -> tuple[bool, str]:
        columns = [
            pair
            for name, pair in self.table.columns.items()
            if atom.columns is None or name in atom.columns
        ]
        if not columns:
            return False, "0"  # a column this kind of result does not have (title: in a memo)
        text = fold(atom.text)  # as the index holds the texts (see search_folding)
        if not found_inside(text):
            named = "" if atom.columns is None else f"{{{' '.join(c for _, c in columns)}}}: "
            return True, f'{named}"{text}"' + ("*" if atom.prefix else "")
        # A prefix* is found as the characters are (a substring is a prefix too), in the
        # text's folded form where it has one (ＷＴＯ加盟 as wto加盟). Latin letters (WTO加盟)
        # are found in any case, by SQLite's lower(), which lowers ASCII.
        lowered = any("a" <= char <= "z" for char in text)
        term = self.param(indexed_form(text))
        searched = [self.folded(column, lowered=lowered) for column, _ in columns]
        if asked and len(self.counts) < _MOST_COUNTED:
            self.counts += [
                f"(length({s}) - length(replace({s}, {term}, ''))) / length({term})"
                for s in searched
            ]
        return False, "(" + " OR ".join(f"instr({s}, {term}) > 0" for s in searched) + ")"

    def folded(self, column: str, *, lowered: bool) -> str:
        """A column's text as searched: its folded form if it has one, else as written."""
        alias, name = column.split(".")
        kept = f"(SELECT {name} FROM {self.table.source.split()[0]}_folded WHERE id = {alias}.id)"
        text = f"coalesce({kept}, {column})"
        return f"lower({text})" if lowered else text


_MOST_COUNTED = 16
"""Occurrences counted to rank the rows found (of the first terms, in each column): a
paragraph pasted as a search would count every word in every text found, for seconds."""


def _nested(terms: list[str], joiner: str) -> str:
    """``terms`` joined in nested pairs, ``((a AND b) AND (c AND d))``: SQLite refuses an
    expression more than 1,000 deep, which a chain of a paragraph's words pasted is."""
    if len(terms) == 1:
        return f"({terms[0]})"
    middle = len(terms) // 2
    return f"({_nested(terms[:middle], joiner)}{joiner}{_nested(terms[middle:], joiner)})"
