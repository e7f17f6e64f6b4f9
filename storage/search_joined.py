"""Hebrew and Arabic words found with the short words written joined to their front.

Hebrew writes "and", "the", "in", "to", "from", "that" and "as" as a letter joined to the
word after them (הנשיא, "the president"; ובירושלים, "and in Jerusalem"), and Arabic its
article and "and", "in", "to", "as" likewise (الرئيس, والرئيس, للرئيس). The full-text index
holds each word as written, so a search for נשיא found the articles that have the word
bare and none of those that have it only as הנשיא: most of them. Find in article and the
filters find any part of a word, and found it.

A Hebrew or Arabic word of the query (:data:`SHORTEST` letters or more, outside a quoted
phrase) is looked for with each of those prefixes too, in the index
(:func:`with_joined`) and where a snippet marks it (:func:`joined_pattern`); a quoted
word or phrase is looked for as written. Hebrew's and Arabic's words are often ambiguous
this way (a word and a prefix may also be a word of its own), as in any search of
these languages without a dictionary.
"""

from __future__ import annotations

import re
from functools import cache

HEBREW_JOINED = (
    "ו", "ה", "ב", "כ", "ל", "מ", "ש",
    "וה", "וב", "וכ", "ול", "ומ", "וש", "שה", "שב", "שכ", "של", "שמ", "מה", "כש", "מש",
    "ושה", "ושב", "ושל", "וכש", "ומה", "לכש", "ולכש",
)  # fmt: skip
"""The letters Hebrew joins to the front of a word: and, the, in, as, to, from, that,
and the ways they combine (ושה, "and that the")."""
ARABIC_JOINED = (
    "و", "ف", "ب", "ك", "ل", "ال",
    "وال", "فال", "بال", "كال", "لل", "وب", "ول", "وك", "فب", "فل", "فك",
    "وبال", "وكال", "ولل", "فبال", "فلل", "فكال",
)  # fmt: skip
"""What Arabic joins to the front of a word: and, so, in, as, to, the article, and the
ways they combine (لل, "to the", drops the article's alif)."""
SHORTEST = 3
"""Letters a word needs to be looked for with the prefixes: a shorter one would be found
inside too many other words (לך, "go", as הלך, "went")."""

_HEBREW = re.compile("[\u05d0-\u05ea\u05f0-\u05f2]+")
_ARABIC = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_NOT_ARABIC = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc]")
"""Letters of Persian and Urdu, which do not join these words to the next: a word with one
is looked for as written."""
_TOKEN = re.compile(
    r'(?P<phrase>"(?:[^"]|"")*")|(?P<column>-?\{[^}]*\}\s*:|-?[^\s()"*:^{}+,-]+\s*:)'
    r'|(?P<word>[^\s()"*:^{}+,-]+)|(?P<space>\s+)|(?P<other>.)'
)
_OPERATORS = frozenset({"AND", "OR", "NOT"})
Token = tuple[str, str]


def joined(word: str) -> tuple[str, ...]:
    """The prefixes ``word`` (folded, as the index reads it) is also looked for with; none
    for a word not written wholly in Hebrew or Arabic letters, or shorter than
    :data:`SHORTEST`."""
    if len(word) < SHORTEST:
        return ()
    if _HEBREW.fullmatch(word):
        return HEBREW_JOINED
    if _ARABIC.fullmatch(word) and not _NOT_ARABIC.search(word):
        return ARABIC_JOINED
    return ()


def with_joined(query: str, *, quoted_words: bool = False) -> str:
    """An FTS5 query whose Hebrew and Arabic words standing on their own are each any of
    the word and the word with a prefix (``נשיא`` as ``("נשיא" OR "הנשיא" OR …)``, a
    ``prefix*`` likewise); a quoted phrase as it is, unless ``quoted_words``: a single
    word quoted is then read as standing on its own (the words of a query FTS5 could not
    read, each quoted by :func:`diptych.storage.search_words.as_words`). A query with no
    such word, or that FTS5 could not read, is returned as it is.

    FTS5 joins words side by side more tightly than ``NOT`` or ``OR`` (``a NOT b c`` is
    ``a NOT (b c)``) and not at all when one of them is in parentheses: such a run of
    words is written ``(a AND (…))``, which FTS5 reads the same way."""
    if query.isascii():
        return query
    tokens = [(m.lastgroup or "", m[0]) for m in _TOKEN.finditer(query)]
    tokens = [token for token in tokens if token[0] != "space"]
    expanded = False
    for i, (kind, text) in enumerate(tokens):
        if kind == "phrase" and quoted_words and '"' not in text[1:-1]:
            kind, text = "word", text[1:-1]
        if kind != "word" or text in _OPERATORS or not joined(text):
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if before in ("^", "+") or after in ("+", "(") or _inside_near(tokens, i):
            continue
        star = "*" if after == "*" else ""
        alternatives = " OR ".join(f'"{p}{text}"{star}' for p in ("", *joined(text)))
        tokens[i] = ("group", f"({alternatives})")
        if star:
            tokens[i + 1] = ("done", "")
        expanded = True
    if not expanded:
        return query
    reader = _Reader([token for token in tokens if token[0] != "done"])
    written = reader.expression()
    return query if written is None or reader.at != len(reader.tokens) else written


def _inside_near(tokens: list[Token], at: int) -> bool:
    """Whether the token at ``at`` is inside ``NEAR(…)``, which takes phrases only."""
    depth = 0
    for i in range(at - 1, -1, -1):
        text = tokens[i][1]
        if text == ")":
            depth += 1
        elif text == "(":
            if depth == 0:
                return i > 0 and tokens[i - 1][1] == "NEAR"
            depth -= 1
    return False


class _Reader:
    """The tokens read back into a query, each run of operands side by side joined by
    ``AND`` in parentheses; None where the query is not one FTS5 reads."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens, self.at = tokens, 0

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def expression(self) -> str | None:
        written: list[str] = []
        run: list[str] = []
        while (text := self.peek()) is not None and text != ")":
            if text in _OPERATORS:
                if not run:
                    return None
                written += [_joined_run(run), text]
                run = []
                self.at += 1
                continue
            operand = self.operand()
            if operand is None:
                return None
            run.append(operand)
        if not run:
            return None
        return " ".join([*written, _joined_run(run)])

    def operand(self) -> str | None:
        prefix = ""
        while self.at < len(self.tokens) and self.tokens[self.at][0] == "column":
            prefix += self.tokens[self.at][1] + " "
            self.at += 1
        if self.peek() == "^":
            prefix += "^"
            self.at += 1
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        self.at += 1
        if text == "(" or (text == "NEAR" and self.peek() == "("):
            if text == "NEAR":
                self.at += 1
            inner = self.expression() if text == "(" else self.verbatim()
            if inner is None or self.peek() != ")":
                return None
            self.at += 1
            return f"{prefix}{'NEAR' if text == 'NEAR' else ''}({inner})"
        if kind not in ("phrase", "word", "group"):
            return None
        written = prefix + text
        while self.peek() in ("*", "+"):
            written += self.tokens[self.at][1]
            self.at += 1
            if written.endswith("+"):
                if self.at >= len(self.tokens) or self.tokens[self.at][0] not in ("phrase", "word"):
                    return None
                written = f"{written} {self.tokens[self.at][1]}"
                self.at += 1
        return written

    def verbatim(self) -> str:
        """The tokens of ``NEAR(…)`` as they are, up to its closing parenthesis."""
        start = self.at
        while (text := self.peek()) is not None and text != ")":
            self.at += 1
        return " ".join(text for _kind, text in self.tokens[start : self.at])


def _joined_run(run: list[str]) -> str:
    return run[0] if len(run) == 1 else "(" + " AND ".join(run) + ")"


@cache
def joined_pattern(word: str) -> str:
    """The prefixes of ``word`` as the start of a regular expression (empty for none):
    any of them or none, the longest tried first."""
    prefixes = joined(word)
    if not prefixes:
        return ""
    return "(?:" + "|".join(sorted(prefixes, key=len, reverse=True)) + ")?"
