"""The search query language read as a tree: words side by side (all of them), ``OR``,
quoted phrases, parentheses and column filters (``title:``, ``{exact note}:``),
for the searches the full-text index cannot answer alone (see
:mod:`diptych.storage.search_cjk`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from diptych.storage.search_emoji import EMOJI_SYMBOLS, EMOJI_TERM


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
    (as :func:`diptych.storage.search_words.split_excluded` gives them) leave out."""
    return _Parser(_tokens(wanted)).query(), _group("or", [_left_out(t) for t in excluded])


def _left_out(term: str) -> Atom:
    """A left-out term (``"word"``, ``"prefix"*``, ``{note}:"word"``) as an atom."""
    named = _LEFT_OUT_FILTER.match(term)
    quoted = term[named.end() :] if named else term
    return Atom(
        " ".join(quoted.rstrip("*").strip('"').split()),
        prefix=quoted.endswith("*"),
        columns=frozenset(named[1].split()) if named else None,
    )


_LEFT_OUT_FILTER = re.compile(r'\{([^}"]*)\}:')


_COLUMNS = ("title", "display_text", "exact", "note")  # the filters the query language has
_NEAR = re.compile(r"\bNEAR\s*\(([^()]*?)(?:,\s*\d+\s*)?\)")
_TOKEN = re.compile(
    rf'"(?P<phrase>[^"]*(?:"\*?)?)|(?P<columns>\{{[^}}]*\}}\s*:|(?<!\w)(?:{"|".join(_COLUMNS)})\s*:)'
    r'|(?P<paren>[()])|(?P<chunk>[^\s()"]+)',
    re.IGNORECASE,
)
_TERM = re.compile(rf"(\w+|{EMOJI_TERM})(\*?)")  # a word or an emoji
_OPERATORS = frozenset({"AND", "OR"})  # NOT is a word (see search_words)
Token = tuple[str, Any]


def _tokens(query: str) -> list[Token]:
    """The query's phrases, column filters, parentheses, operators and chunks of words.

    ``NEAR(a b, 5)`` cannot be honoured by a search for substrings, which knows no word
    positions: its words are all looked for, anywhere in the text (as ``(a b)``)."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(_NEAR.sub(r"(\1)", query)):
        kind, value = match.lastgroup or "", match.group(match.lastgroup or 0)
        if kind == "phrase":  # "South Kor"* ends with a prefix, as in FTS5
            inside, _quote, star = value.partition('"')
            value = (" ".join(inside.split()), star == "*")
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
    than the words side by side (all of them); ``NOT`` is a word."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens, self.at, self.depth = tokens, 0, 0

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
            if token is not None and token[0] != "operator":
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
            columns = value
            while (after := self.peek()) is not None and after[0] == "columns":
                self.at += 1  # filters in a row (``title:note:``): read here, not recursively
                columns = columns & after[1]
            return _filtered(self.one(), columns)
        if kind == "phrase":
            text, prefix = value
            return Atom(text, prefix) if re.search(rf"\w|[{EMOJI_SYMBOLS}]", text) else None
        if kind == "chunk":
            return _group("and", list(value))
        if token == ("paren", "(") and self.depth < _DEEPEST:
            self.depth += 1
            node = self.any_of()
            self.depth -= 1
            if self.peek() == ("paren", ")"):
                self.at += 1
            return node
        return None  # an operator or parenthesis out of place


_DEEPEST = 50
"""Parentheses within parentheses read as such; deeper ones are left out (Python's stack
would run out)."""


def _group(how: str, parts: Sequence[Node | None]) -> Node | None:
    """The group of ``parts`` (those that ask for nothing left out of it)."""
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
