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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

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


def holds_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese, Japanese or Korean character."""
    return _CJK.search(text) is not None


@dataclass(frozen=True, slots=True)
class Atom:
    """A word or a quoted phrase of the query, and the columns a filter names (None: all)."""

    text: str
    prefix: bool = False
    columns: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """All of ``parts`` (``"and"``), any of them (``"or"``), or not the one (``"not"``)."""

    how: str
    parts: tuple[Node, ...]


Node = Atom | Group


def parse(wanted: str, excluded: list[str]) -> tuple[Node | None, Node | None]:
    """What the query (without its ``-word`` terms) asks for, and what the left-out terms
    (as :func:`diptych.storage.search.split_excluded` gives them) leave out."""
    left_out = [
        Atom(" ".join(term.rstrip("*").strip('"').split()), prefix=term.endswith("*"))
        for term in excluded
    ]
    return _Parser(_tokens(wanted)).query(), _group("or", left_out)


_COLUMNS = ("title", "display_text", "exact", "note")  # the filters the query language has
_NEAR = re.compile(r"\bNEAR\s*\(([^()]*?)(?:,\s*\d+\s*)?\)")
_TOKEN = re.compile(
    rf'"(?P<phrase>[^"]*)"?|(?P<columns>\{{[^}}]*\}}\s*:|(?<!\w)(?:{"|".join(_COLUMNS)})\s*:)'
    r'|(?P<paren>[()])|(?P<chunk>[^\s()"]+)',
    re.IGNORECASE,
)
_TERM = re.compile(r"(\w+)(\*?)")
_OPERATORS = frozenset({"AND", "OR", "NOT"})
Token = tuple[str, Any]


def _tokens(query: str) -> list[Token]:
    """The query's phrases, column filters, parentheses, operators and chunks of words.

    ``NEAR(a b, 5)`` cannot be honoured by a search for substrings, which knows no word
    positions: its words are all looked for, anywhere in the text (as ``(a b)``)."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(_NEAR.sub(r"(\1)", query)):
        kind, value = match.lastgroup or "", match.group(match.lastgroup or 0)
        if kind == "phrase":
            value = " ".join(value.split())
        elif kind == "columns":
            value = frozenset(re.findall(r"\w+", value.lower()))
        elif kind == "chunk" and value in _OPERATORS:
            kind = "operator"
        elif kind == "chunk":  # Xi's, e-mail: each word, as the index splits them
            value = tuple(Atom(word, bool(star)) for word, star in _TERM.findall(value))
        tokens.append((kind, value))
    return tokens


class _Parser:
    """FTS5's query language, read leniently (a dangling operator or parenthesis is left
    out, as the words-only reading of an invalid query leaves it out): ``OR`` binds less
    than the words side by side (all of them), ``NOT`` more."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens, self.at = tokens, 0

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def query(self) -> Node | None:
        parts = []
        while self.peek() is not None:
            parts.append(self.any_of())
            if self.peek() == ("paren", ")"):
                self.at += 1  # one too many
        return _group("and", parts)

    def any_of(self) -> Node | None:
        parts = [self.all_of()]
        while self.peek() == ("operator", "OR"):
            self.at += 1
            parts.append(self.all_of())
        return _group("or", parts)

    def all_of(self) -> Node | None:
        parts: list[Node | None] = []
        while (token := self.peek()) not in (None, ("paren", ")"), ("operator", "OR")):
            self.at += 1
            if token == ("operator", "NOT") and any(parts):
                parts.append(_group("not", [self.one()]))
            elif token is not None and token[0] != "operator":
                parts.append(self.one(token))
        return _group("and", parts)

    def one(self, token: Token | None = None) -> Node | None:
        """A phrase, a chunk of words or a group in parentheses, under a column filter if
        one is before it (filters within filters: the columns both name)."""
        if token is None:
            token = self.peek()
            if token in (None, ("paren", ")"), ("operator", "OR")):
                return None  # a filter on nothing: ``(title:)``
            self.at += 1
        kind, value = token
        if kind == "columns":
            return _filtered(self.one(), value)
        if kind == "phrase":
            return Atom(value) if re.search(r"\w", value) else None
        if kind == "chunk":
            return _group("and", list(value))
        if token == ("paren", "("):
            node = self.any_of()
            if self.peek() == ("paren", ")"):
                self.at += 1
            return node
        return None  # an operator or parenthesis out of place


def _group(how: str, parts: Sequence[Node | None]) -> Node | None:
    """The group of ``parts`` asked for (those that ask for nothing left out)."""
    kept = tuple(part for part in parts if part is not None)
    if not kept:
        return None
    return kept[0] if len(kept) == 1 and how != "not" else Group(how, kept)


def _filtered(node: Node | None, columns: frozenset[str]) -> Node | None:
    if isinstance(node, Atom):
        inside = columns if node.columns is None else columns & node.columns
        return Atom(node.text, node.prefix, inside)
    if isinstance(node, Group):
        return Group(node.how, tuple(_filtered(part, columns) or part for part in node.parts))
    return None


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
    ``excluded`` are the query split by :func:`diptych.storage.search.split_excluded`.

    Words side by side must all be there, ``OR`` finds either, ``-word`` and ``NOT`` leave
    out, a column filter (``title:``, ``note:``) looks in that column; a term holding such
    characters is found wherever it occurs, and a quoted one as written (its spaces one
    each). Rows the index alone finds (the characters only in a left-out term) keep its
    order (bm25); the others come by how often the terms holding them occur (most first,
    then in the order they were added), as an article about 外交 has it more often than
    one naming it in passing: no order of the index's is known for them, and their
    titles' order would be an accident of naming.
    """
    asked, left_out = parse(wanted, excluded)
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
        rank = f"-({' + '.join(statement.counts)})" if statement.counts else "0"
        rows += (
            f", {rank} AS found_rank FROM {joined} WHERE {found} AND {without}"
            f" ORDER BY found_rank, {table.key} LIMIT :limit"
        )
    return iter(conn.execute(rows, {**statement.params, "limit": limit}))


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
        return False, f"({joiner.join(conditions)})"

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
        if not holds_cjk(atom.text):
            named = "" if atom.columns is None else f"{{{' '.join(c for _, c in columns)}}}: "
            return True, f'{named}"{atom.text}"' + ("*" if atom.prefix else "")
        # A prefix* is found as the characters are (a substring is a prefix too). Latin
        # letters (WTO加盟) are found in any case, by SQLite's lower(), which lowers ASCII.
        folded = any("A" <= char <= "Z" or "a" <= char <= "z" for char in atom.text)
        term = self.param(atom.text.translate(_ASCII_LOWER) if folded else atom.text)
        searched = [f"lower({column})" if folded else column for column, _ in columns]
        if asked:
            self.counts += [
                f"(length({s}) - length(replace({s}, {term}, ''))) / length({term})"
                for s in searched
            ]
        return False, "(" + " OR ".join(f"instr({s}, {term}) > 0" for s in searched) + ")"


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
