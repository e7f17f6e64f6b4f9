"""A query's words: the words left out (``-word``), the phrases and words it looks for,
how the full-text indexes are asked for them when the query is not valid FTS5, and where
they are found in a text, as the index finds them (whole words, in any case, with or
without accents)."""

from __future__ import annotations

import re
from functools import cache

from diptych.storage.search_cjk import CJK, found_inside
from diptych.storage.search_emoji import EMOJI_REST, EMOJI_SYMBOLS, EMOJI_TERM, holds_emoji
from diptych.storage.search_folding import PLAIN_LETTERS, FoldedText, as_searched, fold
from diptych.storage.search_joined import joined, joined_pattern
from diptych.storage.search_marks import unmarked

WORD = re.compile(r"\w+", re.UNICODE)
TERM_START = re.compile(rf"\w|[{EMOJI_SYMBOLS}]")
"""The start of something a query looks for: a word, or an emoji."""
COLUMNS = ("title", "display_text", "exact", "note")  # of the two indexes
_FILTER = rf"\{{[^}}]*\}}\s*:|(?:{'|'.join(COLUMNS)})\s*:"
# ``-word``, ``-prefix*`` or ``-"a phrase"`` at the start of a term: leave out what has it
# (as web search engines read it; FTS5 itself says ``... NOT ...``), in the columns a
# filter names if one is before it (``-note:word``: what has the word in its note).
# -e-mail: "e-mail", -Xi's: "Xi’s"; -ת״א: a Hebrew abbreviation, its gershayim inside it
# (see as_searched)
_LEFT_OUT = rf'\w+(?:[-\u05f4\u2019]\w+)*\*?|{EMOJI_TERM}|"[^"]*"\*?'
_EXCLUDED = re.compile(rf"(?<!\S)-(?P<columns>(?:{_FILTER})\s*)?(?P<term>{_LEFT_OUT})", re.I)
_LEFT_OUT_FILTER = re.compile(r"\{([^}]*)\}:")  # of a term split_excluded gives
_PHRASE = re.compile(r'"([^"]*)"')
# FTS5's ``col:`` or ``{a b}:``; other words before a colon (10:30, Re:) are words.
_COLUMN_FILTER = re.compile(rf"(?:\{{[^}}]*\}}|(?<!\w)(?:{'|'.join(COLUMNS)}))\s*:", re.I)
# FTS5's operators, but NOT: in capitals in a quotation or a headline (NOT GUILTY, DO NOT
# TOUCH) it is a word, and read as "leave out" it dropped what was looked for, silently
# (``-word`` leaves out).
_OPERATORS = frozenset({"AND", "OR", "NEAR"})
_NOT = re.compile(r'(?<![\w"])NOT(?!\w)')
# a word (or an emoji) of the query, ``*`` if a prefix
_TERM = re.compile(rf"(\w+|{EMOJI_TERM})(\*?)", re.UNICODE)
_CHUNK = re.compile(r"\S+")
# Where a word of the text starts and ends: the index splits words at ``_`` too, and at
# Chinese, Japanese or Korean written against other letters (see search_folding).
_STARTS, _ENDS, _BETWEEN = rf"(?<![^\W_{CJK}])", rf"(?![^\W_{CJK}])", r"[\W_]+"


def for_memos(query: str) -> str:
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


def not_as_word(query: str) -> str:
    """``query`` for FTS5 with each ``NOT`` outside quotes a word (quoted: ``"NOT"``),
    not FTS5's operator (see :data:`_OPERATORS`)."""
    if "NOT" not in query:
        return query
    parts = _PHRASE.split(query)
    for i in range(0, len(parts), 2):  # outside quotes
        parts[i] = _NOT.sub('"NOT"', parts[i])
    return '"'.join(parts)


def as_words(wanted: str) -> str:
    """The query's words for FTS5, for a query it cannot read (see
    :func:`diptych.storage.search.search`): each word (``prefix*`` still a prefix), but
    operators and the columns a filter names; the words as they are if nothing else is
    left."""
    terms = [term for phrase in _phrases(wanted, whole=False) for term in phrase]
    return " ".join(f'"{word}"' + ("*" if prefix else "") for word, prefix in terms) or " ".join(
        f'"{w}"' for w in WORD.findall(wanted)
    )


def split_excluded(query: str) -> tuple[str, list[str]]:
    """The query without its ``-word`` terms, and those terms as FTS5 strings (a ``-``
    inside a quoted phrase, as in ``"cost -benefit"``, is part of the phrase), each after
    the columns a filter names (``-note:word`` as ``{note}:"word"``). Its
    compatibility forms are read as the plain ones (a full-width ＂ as ", ＡＰＥＣ as APEC), a
    number raised after a word as a word of its own (began¹ as began 1)."""
    query = as_searched(query)
    phrases = [m.span() for m in _PHRASE.finditer(query)]
    excluded, wanted, kept_from = [], [], 0
    for match in _EXCLUDED.finditer(query):
        if any(start < match.start() < end for start, end in phrases):
            continue
        term, named = match["term"], _columns_named(match["columns"])
        if term.startswith('"'):
            if TERM_START.search(term):
                excluded.append(named + term)
        elif term.endswith("*"):
            excluded.append(f'{named}"{term[:-1]}"*')
        else:
            excluded.append(f'{named}"{term}"')
        wanted.append(query[kept_from : match.start()])
        kept_from = match.end()
    wanted.append(query[kept_from:])
    return " ".join(part.strip() for part in wanted if part.strip()), excluded


def _columns_named(written: str | None) -> str:
    """A filter before a left-out term (``note:``, ``{exact note}:``) as FTS5 writes it
    (``{note}:``, ``{exact note}:``); empty for none."""
    if written is None:
        return ""
    return "{" + " ".join(re.findall(r"\w+", written.lower())) + "}:"


def left_out_in(excluded: list[str], columns: dict[str, str]) -> list[str]:
    """The left-out terms (as :func:`split_excluded` gives them) for an index whose
    columns are ``columns`` (the index's own, by a filter's name: a memo's text is its
    ``note``): a term naming no column as it is, one naming columns the index has for
    those; one naming none of them is left out (an article has no note to leave out by)."""
    terms = []
    for term in excluded:
        named = _LEFT_OUT_FILTER.match(term)
        if named is None:
            terms.append(term)
            continue
        names = named[1].split()
        kept = [columns[name] for name in names if name in columns]
        if kept:
            terms.append("{" + " ".join(kept) + "}:" + term[named.end() :])
    return terms


def terms_pattern(query: str) -> re.Pattern[str]:
    """The query's words as the index finds them: whole words (``prefix*`` the start of
    one), in any case, with or without accents and marks (``cafe`` finds café, as
    ``café`` finds cafe, ``Βουλη`` Βουλή), folded (see
    :mod:`diptych.storage.search_folding`: the pattern is of a text's
    :class:`~diptych.storage.search_folding.FoldedText`); the columns a filter names
    (``note:``, ``{exact note}:``) are where to look, not words."""
    terms = {word for phrase in _phrases(query, whole=False) for word in phrase}
    return _pattern([[term] for term in terms])


def first_found(text: str, query: str) -> tuple[int, int] | None:
    """Where in ``text`` a phrase or word of ``query`` first occurs, as the search finds it
    (see :func:`terms_pattern`); a quoted phrase, or words joined without a space as in
    ``Xi's`` or ``e-mail``, is found whole, also in another form (ＡＰＥＣ for APEC): the
    span is of ``text``'s own characters. None if nowhere (the match was in a title).

    The words typed one after the other (``Lee Jae Myung``), where the text has them so,
    are found there first, whole, as a phrase would be: the search finds an article with
    them anywhere, but a name or a term was most likely meant.
    """
    wanted, _excluded = split_excluded(query)
    folded = FoldedText(text)
    runs = _runs(wanted)
    found = folded.first(_pattern(runs)) if runs else None
    return found or folded.first(phrases_pattern(wanted))


def all_found(text: str, query: str, *, limit: int) -> list[tuple[int, int]]:
    """Every place in ``text`` where a phrase or word of ``query`` occurs, as
    :func:`phrases_pattern` finds them (at most ``limit``), in the order of the text."""
    wanted, _excluded = split_excluded(query)
    return FoldedText(text).spans(phrases_pattern(wanted))[:limit]


def _runs(query: str) -> list[list[Term]]:
    """The words of ``query`` typed one after the other outside quotes (two or more, with
    no operator or column filter among them), each run as a phrase."""
    runs = []
    for i, part in enumerate(_PHRASE.split(query)):
        if i % 2 or _COLUMN_FILTER.search(part):
            continue
        terms = [(fold(word), bool(star)) for word, star in _TERM.findall(part)]
        if 1 < len(terms) <= _LONGEST_RUN and not any(w in _OPERATORS for w, _ in terms):
            runs.append(terms)
    return runs


_LONGEST_RUN = 8
"""The most words typed one after the other that are also looked for as a phrase (a name,
a term): a paragraph pasted as a query is its words."""


def phrases_pattern(query: str) -> re.Pattern[str]:
    """The phrases and words of ``query`` (without its ``-word`` terms) as
    :func:`first_found` finds them: a quoted phrase whole, words joined without a space
    (``Xi's``) whole, words typed one after the other whole where the text has them so
    (one match, not three), each other word on its own; of a text's
    :class:`~diptych.storage.search_folding.FoldedText`."""
    return _pattern(_runs(query) + _phrases(query, whole=True))


def occurrences(text: FoldedText, pattern: re.Pattern[str]) -> int:
    """How many times ``pattern`` (see :func:`phrases_pattern`) is in ``text``."""
    return sum(1 for _ in pattern.finditer(text.text))


Term = tuple[str, bool]  # a word of the query, folded, and whether it is a prefix


def _phrases(query: str, *, whole: bool) -> list[list[Term]]:
    """The query's phrases: quoted ones and, outside quotes, each run of words without a
    space between them (one word each unless ``whole``). A quoted phrase followed by ``*``
    ends with a prefix (``"South Kor"*`` finds South Korea), as in FTS5."""
    phrases = []
    parts = _PHRASE.split(query)  # odd items are the phrases' insides
    for i, part in enumerate(parts):
        chunks = [part] if i % 2 else _CHUNK.findall(_COLUMN_FILTER.sub(" ", part))
        for chunk in chunks:
            terms = [
                (fold(word), bool(star))
                for word, star in _TERM.findall(chunk)
                if i % 2 or word not in _OPERATORS
            ]
            if i % 2 and terms and parts[i + 1].startswith("*"):
                terms[-1] = (terms[-1][0], True)
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
        if any(found_inside(word) for word, _ in phrase)
    ]
    if not inside:
        firsts = [phrase[0][0] for phrase in longest[: len(alternatives)]]
        if all(len(word) <= _LONGEST_ACCENTED and not joined(word) for word in firsts):
            return re.compile(_led_by_first_letters(alternatives, firsts))
        return re.compile(f"{_STARTS}(?:{'|'.join(alternatives)})")
    # Chinese, Japanese and Korean words are found inside the runs of characters (see
    # diptych.storage.search_cjk), so they are marked there: no start of a word looked for;
    # an emoji likewise.
    words = [alternative for alternative in alternatives if alternative not in inside]
    return re.compile("|".join(inside + ([f"{_STARTS}(?:{'|'.join(words)})"] if words else [])))


_MOST_PHRASES = 200
"""The phrases of a query a snippet marks at most (the longest): compiling a pattern of a
paragraph pasted as a query took seconds, with the window waiting."""
_LONGEST_ACCENTED = 100
"""A word longer than this is marked in any case, but only where the text has it without
accents: a pattern of a class for each of its letters took seconds to compile."""


def _term_regex(word: str, prefix: bool) -> str:
    if found_inside(word):  # inside a run, a prefix* too: the rest of the run is other words
        return "".join(_letter(char) for char in word) + (EMOJI_REST if holds_emoji(word) else "")
    if len(word) > _LONGEST_ACCENTED:
        letters = f"(?i:{re.escape(word)})"
    else:
        letters = "".join(_letter(char) for char in word)
    return joined_pattern(word) + letters + (rf"[^\W{CJK}]*" if prefix else _ENDS)


def _led_by_first_letters(alternatives: list[str], firsts: list[str]) -> str:
    """``_STARTS(?:alternatives)``, led by the letters the alternatives start with (the
    first letters of the words ``firsts``): a regular expression that starts with a
    lookbehind is tried whole at every character of the text, one that starts with a
    letter skips to the places that have it (ten times faster through a long article).
    The start of a word is looked for just after that letter, and each alternative
    checks it is one of its own."""
    heads = [_letter(word[0]) for word in firsts]
    rests = [alt[len(head) :] for alt, head in zip(alternatives, heads, strict=True)]
    letters = "".join(sorted({form for word in firsts for form in _forms(word[0])}))
    lead = f"[{re.escape(letters)}]" if len(letters) > 1 else re.escape(letters)
    if len(rests) == 1:
        return f"{lead}{_STARTED}{rests[0]}"
    own = "|".join(f"(?<={head}){rest}" for head, rest in zip(heads, rests, strict=True))
    return f"{lead}{_STARTED}(?:{own})"


_STARTED = rf"(?<![^\W_{CJK}][\s\S])"
"""The letter just read starts a word (as :data:`_STARTS` before it)."""


@cache
def _letter(char: str) -> str:
    """A letter of a word in the query (folded) as the text may have it: in either case,
    with or without an accent."""
    found = _forms(char)
    return f"[{found}]" if len(found) > 1 else re.escape(char)


@cache
def _forms(char: str) -> str:
    """The characters :func:`_letter` finds for ``char``."""
    forms = {form for form in (char, char.lower(), char.upper()) if len(form) == 1}
    return "".join(sorted(forms)) + _accented().get(char.lower(), "")


@cache
def _accented() -> dict[str, str]:
    """The Latin letters with accents (é as e, see
    :func:`~diptych.storage.search_marks.unmarked`) or a stroke (ø as o), by the letter
    without: a text the index reads as it is written (see
    :func:`~diptych.storage.search_folding.needs_folding`) has no other letter whose
    accent is taken off, the others are found in it folded."""
    found: dict[str, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = unmarked(chr(code))
        if base != chr(code) and base.isascii() and base.isalpha():
            found[base.lower()] = found.get(base.lower(), "") + chr(code)
    for base, stroked in PLAIN_LETTERS.items():  # no accent to take off: Ø, Ł, the dotless ı
        found[base] = found.get(base, "") + stroked
    return found
