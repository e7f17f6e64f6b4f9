"""Words written in compatibility forms found as written plainly, and the other way round:
full-width ＡＰＥＣ and ２０２５ as APEC and 2025, the ligature ﬁ as fi, ß as ss; and words
found without the accents and marks the index does not take off itself (Βουλη finds
Βουλή, объем объём, Nguyen Nguyễn, الرئيس الرَّئِيسُ: see :mod:`diptych.storage.search_marks`).

Text is *folded* for searching: Unicode's compatibility normalization (NFKC), then case
folded, then without its marks (:func:`plain`, :func:`fold`). The full-text indexes hold
the folded words of the texts that have such forms or marks (see
:mod:`diptych.storage.search_folds` for how, and why no SQL function is involved), a
query is folded alike (:func:`fold_query`), and a match found in a folded text is marked
on the text's own characters (:class:`FoldedText`), which folding may have made longer
(ﬁ, ß) or shorter (a mark written after its letter, which folds to nothing: the match
takes it in, see :meth:`FoldedText.span`).

A number raised after a word (began¹, x², 10⁶) is folded apart from it, a word of its own
(began 1): typed or pasted in superscript, it is a footnote's number or an exponent, and
the word is what a reader looks for (folded as one, began1 was found by nothing but
itself, and 10⁶ by 106). Subscripts stay part of their word, as CO₂ is CO2 and H₂O H2O
typed plainly (CO alone is another substance), and so do modifier letters, which write
abbreviations (Mᵐᵉ as Mme, 1ᵉʳ as 1er, XIXᵉ as XIXe) far more often than footnotes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache

from diptych.storage.search_marks import marked_unread, whole_marks, without_marks

_OPERATORS = frozenset({"AND", "OR", "NEAR"})  # FTS5's, which must stay capitals (NOT is a word)
_WORD = re.compile(r"\w+")
RAISED = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # the superscript digits: a number of them after a word is apart
# The first of them after a word: the digit looked for first (a pattern that starts with a
# lookbehind is tried at every character), then what is before it.
RAISED_AGAINST = re.compile(f"[{RAISED}](?<=[^\\W{RAISED}][{RAISED}])")
_RAISED_AFTER_WORD = re.compile(f"([^\\W{RAISED}]+)([{RAISED}]+)")
_GERSHAYIM = re.compile('(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')
_QUOTES = re.compile('["＂]')  # a straight quote, or a full-width one (NFKC: a straight one)
# The quotes a phrase is pasted or typed in, as a straight one: “…” and ‟…”, „…“ and „…”
# as German writes, «…» and »…« as French and German, and the single ones, ‘…’, ‚…‘ and
# ‹…›, where they stand around words (an apostrophe, Xi’s, is inside a word).
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\u301f]")
_OPENING = "\u2018\u201a\u201b\u2039\u203a"  # ‘ ‚ ‛ ‹ ›
_CLOSING = "\u2018\u2019\u2039\u203a"  # ‘ ’ ‹ ›
_INSIDE = f'(?:[^{_OPENING}\u2019"]|\u2019(?=\\w))'  # an apostrophe inside a word too
_SINGLE_QUOTED = re.compile(f"(?<!\\w)[{_OPENING}]({_INSIDE}*\\w{_INSIDE}*)[{_CLOSING}](?!\\w)")
# A straight apostrophe inside a word (Xi's, l'ete), as the curly one there (Xi’s): one
# word to FTS5, which reads the words of Xi’s as the phrase "xi s" but refuses Xi's, whose
# words were then looked for anywhere (a text with "Xi" and a lone "s" was found).
_APOSTROPHE_IN_WORD = re.compile("(?<=\\w)'(?=\\w)")


STROKED = {"o": "øØ", "l": "łŁ", "d": "đĐ", "h": "ħĦ", "t": "ŧŦ"}
"""Letters with a stroke through them, written as the plain letter by those who type
without them (Odegaard for Ødegaard, Lodz for Łódź), as an accented letter is without its
accent; Unicode gives them no plain letter that the index would fall back to."""
DOTLESS = {"i": "ı"}
"""The dotless ı of Turkish and Azerbaijani, as i: the capital of ı is I, which is i to the
index and to case folding (Işık at the start of a sentence was another word than ışık in
the middle of one, IŞIK than both), and a reader typing without Turkish letters types
isik. The dotted capital İ is i already (its dot is a mark taken off)."""
PLAIN_LETTERS = {**STROKED, **DOTLESS}
"""Letters read as another plain letter: :data:`STROKED`, :data:`DOTLESS`."""
UNSTROKED = {ord(char): base for base, chars in PLAIN_LETTERS.items() for char in chars}
""":data:`PLAIN_LETTERS` as a table for :meth:`str.translate`."""
_STROKED_LETTER = re.compile("[" + "".join(PLAIN_LETTERS.values()) + "]")


def fold(text: str) -> str:
    """``text`` as it is searched (:func:`plain`), a number raised after a word apart from
    it."""
    if text.isascii():
        return text.lower()
    return plain(apart(text))


def plain(text: str) -> str:
    """``text`` as it is compared, wherever words are looked for (the search, Find in
    article, the filters): compatibility forms as the plain ones (NFKC), then case folded
    (``Straße`` as ``strasse``), without accents and marks (``Βουλή`` as ``βουλη``,
    ``ё`` as ``е``; see :mod:`diptych.storage.search_marks`), a letter with a stroke as
    the plain one (``Ø`` as ``o``), the dotless ``ı`` as ``i`` (see :data:`DOTLESS`)."""
    return without_marks(unicodedata.normalize("NFKC", text).casefold()).translate(UNSTROKED)


def as_searched(query: str) -> str:
    """A query's compatibility forms as the plain ones (ＡＰＥＣ as APEC), without its
    accents and marks (a Hebrew word typed with its vowels is one word still), a number
    raised after a word apart from it, as the texts are searched, and the two a phrase
    (10⁶ as "10 6", found where the text has 10⁶, not wherever it has a 10 and a 6, and
    marked once; inside a phrase already, as 10 6). A straight quote between two Hebrew
    letters is the gershayim of an abbreviation (ת"א, ארה"ב), part of its word, never the
    start or end of a phrase: ``-ת"א`` left every result out. A phrase in curly or other
    quotes (“…”, „…“, «…», ‚…‘) is a phrase, as in straight ones, and a straight
    apostrophe inside a word is the curly one (see :data:`_APOSTROPHE_IN_WORD`)."""
    query = _as_quoted(query)
    if '"' in query and _GERSHAYIM.search(query):
        query = _GERSHAYIM.sub("\u05f4", query)  # read as a word's inner punctuation
    if not RAISED_AGAINST.search(query):
        return without_marks(unicodedata.normalize("NFKC", query))
    parts = _QUOTES.split(query)  # odd items are the insides of quoted phrases
    for i in range(0, len(parts), 2):
        parts[i] = _RAISED_AFTER_WORD.sub(r'"\1 \2"', parts[i])
    return without_marks(unicodedata.normalize("NFKC", apart('"'.join(parts))))


def _as_quoted(query: str) -> str:
    """``query`` with its phrases' quotes straight, and an apostrophe inside a word curly
    (see :data:`_DOUBLE_QUOTES`, :data:`_APOSTROPHE_IN_WORD`)."""
    if query.isascii():
        return _APOSTROPHE_IN_WORD.sub("\u2019", query) if "'" in query else query
    query = _SINGLE_QUOTED.sub(r'"\1"', _DOUBLE_QUOTES.sub('"', query))
    return _APOSTROPHE_IN_WORD.sub("\u2019", query)


def apart(text: str) -> str:
    """``text`` with a space between each word and a number raised after it (began¹ as
    began ¹, x² as x ²)."""
    if text.isascii():  # no superscript digit: looked for, one took 13 ms in 4 MB
        return text
    return RAISED_AGAINST.sub(lambda m: " " + m[0], text)


def indexed_form(text: str) -> str:
    """``text`` as the index is given it: folded, and a word in other letters written
    against Chinese, Japanese or Korean (ＡＰＥＣ峰会, 于2025年) apart from them, as the
    index would otherwise read the whole run as one word and never find APEC or 2025."""
    return _joined().sub(" ", fold(text))


def needs_folding(text: str) -> bool:
    """Whether the index would read ``text`` otherwise than :func:`indexed_form`: it has a
    compatibility form, a letter whose case folding is not its lower case (ß), a mark the
    index does not take off (ή, ё, ễ, a Hebrew or Arabic vowel mark), or a word written
    against Chinese, Japanese or Korean. The index lowers letters, and takes the accent
    off a Latin letter with one, itself: other texts are indexed as they are."""
    if text.isascii():
        return False
    if not unicodedata.is_normalized("NFKC", text) or _STROKED_LETTER.search(text):
        return True
    if marked_unread().search(text):
        return True
    if _special().search(text) is None:  # what the two below look for, looked for at once
        return False
    return text.casefold() != text.lower() or _joined().search(text) is not None


@cache
def _special() -> re.Pattern[str]:
    """Any letter whose case folding is not its lower case (all in the first 64K), or
    Chinese, Japanese or Korean."""
    from diptych.storage.search_cjk import CJK

    folds: list[str] = []
    for block in range(0, 0x10000, 256):  # a block at a time: few hold any
        chars = "".join(map(chr, range(block, block + 256)))
        if chars.casefold() != chars.lower():
            folds += (c for c in chars if c.casefold() != c.lower())
    return re.compile(f"[{re.escape(''.join(folds))}{CJK}]")


@cache
def _joined() -> re.Pattern[str]:
    from diptych.storage.search_cjk import CJK

    return re.compile(rf"(?<=[{CJK}])(?=[^\W{CJK}])|(?<=[^\W{CJK}])(?=[{CJK}])")


def fold_query(query: str) -> str:
    """A query (in compatibility forms already normalized) for the folded index: its words
    case folded, but FTS5's operators, which are words in capitals."""
    if query.isascii():
        return query  # the index lowers ASCII letters itself
    return _WORD.sub(lambda m: m[0] if m[0] in _OPERATORS else plain(m[0]), query)


class FoldedText:
    """A text folded character by character, and where its characters went.

    Args:
        text: the text as written.
        whole: fold every character, not only a text the index reads otherwise (the
            search's patterns find a letter in either case, and with the accents the index
            takes off, themselves).
    """

    def __init__(self, text: str, *, whole: bool = False) -> None:
        self.written_text = text
        self.text = apart(text).translate(_table()) if whole or needs_folding(text) else text
        self._folded: list[int] = []  # where each character folded to several or none starts
        self._written: list[int] = []  # ... where it is in the text as written
        self._lengths: list[int] = []  # ... and how long it is folded
        if self.text is text or text.isascii():
            return  # no character folds to several or none
        if len(self.text) == len(text) and not _table().shorter:
            return  # no character folds to none: none to several
        table, shift = _table(), 0
        lengths = {char: len(self.text_of(char)) for char in table.longer}
        for match in table.length_changing().finditer(text):
            at = match.start()
            length = lengths.get(match[0])
            if length is None:  # a superscript digit: with the space before it after a word
                if not RAISED_AGAINST.match(text, at):
                    continue  # else as it is
                length = 2
            self._folded.append(at + shift)
            self._written.append(at)
            self._lengths.append(length)
            shift += length - 1

    @staticmethod
    def text_of(char: str) -> str:
        folded = _table()[ord(char)]
        return folded if isinstance(folded, str) else chr(folded)

    def written(self, at: int, *, end: bool = False) -> int:
        """Where the folded text's offset ``at`` is in the text as written: the start of a
        character folded to several (the end of it if ``end`` and ``at`` is inside it)."""
        i = bisect_right(self._folded, at) - 1
        if i < 0:
            return at
        start, length = self._folded[i], self._lengths[i]
        if at < start + length:
            return self._written[i] + (1 if end and at > start else 0)
        return self._written[i] + 1 + at - start - length

    def folded(self, at: int) -> int:
        """Where the written text's offset ``at`` is in the folded text."""
        i = bisect_right(self._written, at - 1) - 1
        if i < 0:
            return at
        return self._folded[i] + self._lengths[i] + at - self._written[i] - 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The folded text's ``start``...``end`` as offsets of the text as written, whole
        letters: with the marks written after its last one (Zoe + U+0308 is Zoë), never
        starting on one (see :func:`~diptych.storage.search_marks.whole_marks`)."""
        return whole_marks(self.written_text, self.written(start), self.written(end, end=True))

    def spans(
        self, pattern: re.Pattern[str], start: int = 0, end: int | None = None
    ) -> list[tuple[int, int]]:
        """The matches of ``pattern`` in the folded text between the written offsets
        ``start`` and ``end``, as offsets of the text as written (:meth:`span`)."""
        stop = len(self.text) if end is None else self.folded(end)
        return [
            self.span(m.start(), m.end())
            for m in pattern.finditer(self.text, self.folded(start), stop)
        ]

    def first(self, pattern: re.Pattern[str]) -> tuple[int, int] | None:
        """The first match of ``pattern``, as offsets of the text as written (:meth:`span`)."""
        match = pattern.search(self.text)
        if match is None:
            return None
        return self.span(match.start(), match.end())


class _Table(dict[int, "int | str"]):
    """Each character folded on its own, looked up the first time it is met (for
    :meth:`str.translate`): folding a whole text at once may join or reorder characters,
    and then where each went is lost."""

    def __init__(self) -> None:
        super().__init__()
        self.longer: set[str] = set()  # the characters met that fold to several or none
        self.shorter = False  # whether one met folds to none (a mark after its letter)

    def __missing__(self, code: int) -> int | str:
        folded = plain(chr(code))
        value: int | str = ord(folded) if len(folded) == 1 else folded
        self[code] = value
        if len(folded) != 1:
            self.longer.add(chr(code))
            self.shorter = self.shorter or not folded
        return value

    def length_changing(self) -> re.Pattern[str]:
        """The characters folded to several or none: those met that fold so, and the
        superscript digits, the first of which after a word is folded with the space
        before it. One class of characters: a pattern of alternatives (the digit after a
        word, or one of those) was tried at each character of the text, several times
        slower through a long article."""
        return _class_of(frozenset(self.longer))


@cache
def _table() -> _Table:
    return _Table()


@cache
def _class_of(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars | set(RAISED))) + "]")
