"""Where a REFI-QDA selection is: its ``startPosition``/``endPosition`` in Diptych's terms.

The standard counts "characters", and tools disagree on what one is. Some count a
Windows line end (``"\\r\\n"``) as two characters, some as one; programs built on UTF-16
strings (.NET, Delphi, Cocoa, Qt) count a character beyond the Basic Multilingual Plane,
such as most emoji, as two. :class:`SourceText` maps a position read either way onto the
text as Diptych shows it (code points, newlines as ``"\\n"``); the importer picks the
reading under which the selections' names match their text, or, for selections without
names, under which they clearly begin and end between words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Tools that count a Windows line end as one character in selection positions.
_CRLF_AS_ONE = re.compile(r"atlas|maxqda", re.IGNORECASE)
_DIPTYCH = re.compile(r"Diptych(\s|$)")
_WHITESPACE = re.compile(r"\s+")


class Counting(NamedTuple):
    """How a file counts positions.

    Attributes:
        crlf_is_two: a ``"\\r\\n"`` counts as two characters.
        utf16: a character beyond U+FFFF counts as two (UTF-16 code units).
    """

    crlf_is_two: bool = False
    utf16: bool = False


CODE_POINTS = Counting()
"""Diptych's own counting, and the standard's reading of "characters"."""


def written_by_diptych(origin: str) -> bool:
    """Whether a file's ``origin`` ("Diptych 0.1.0") says that Diptych wrote it."""
    return _DIPTYCH.match(origin) is not None


def _low_surrogates(text: str) -> tuple[int, ...]:
    """The UTF-16 offset of the second unit of each character of ``text`` beyond U+FFFF."""
    return tuple(m.start() + k + 1 for k, m in enumerate(_ASTRAL.finditer(text)))


@dataclass(frozen=True)
class SourceText:
    """A source's text with newlines normalised to ``"\\n"``, and how to map positions.

    Attributes:
        text: the text as Diptych shows it.
        pairs: indices in the original text of each ``"\\r"`` that began a ``"\\r\\n"``.
        astral: :func:`_low_surrogates` of :attr:`text`.
        raw_astral: :func:`_low_surrogates` of the original text (line ends as they were).
    """

    text: str
    pairs: tuple[int, ...] = ()
    astral: tuple[int, ...] = ()
    raw_astral: tuple[int, ...] = ()

    @classmethod
    def from_raw(cls, raw: str) -> SourceText:
        """Normalise ``raw``: CRLF and lone CR become LF."""
        text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
        pairs = tuple(m.start() for m in re.finditer("\r\n", raw)) if "\r" in raw else ()
        astral = _low_surrogates(text)
        raw_astral = _low_surrogates(raw) if astral and raw is not text else astral
        return cls(text, pairs, astral, raw_astral)

    def readings(self) -> list[Counting]:
        """The ways of counting that give different places in this text."""
        crlf = (False, True) if self.pairs else (False,)
        utf16 = (False, True) if self.astral else (False,)
        return [Counting(c, u) for c in crlf for u in utf16]

    def offset(self, position: int, counting: Counting = CODE_POINTS) -> int:
        """``position``, counted as ``counting`` says, as an index into :attr:`text`.

        A position between the two units of a UTF-16 pair falls after the character.
        """
        if counting.utf16:
            position -= bisect_left(
                self.raw_astral if counting.crlf_is_two else self.astral, position
            )
        if counting.crlf_is_two:
            position -= bisect_left(self.pairs, position)
        return position


Place = tuple[int, int, str]
"""A selection as the file gives it: start, end, and its name ("" if none)."""


def choose_counting(text: SourceText, places: Sequence[Place], *, origin: str) -> Counting:
    """How a source's positions count Windows line ends and characters beyond U+FFFF.

    Where selections are named after their quote (MAXQDA, QualCoder and Diptych do),
    the counting under which most names match the text wins. Without names, a counting
    under which clearly more selections begin and end between words wins. Otherwise,
    or on a tie, a character is a code point, as the standard says, and a CRLF counts as
    one in files from ATLAS.ti and MAXQDA (``origin``) and as two in others, taken at
    their word.

    A file Diptych wrote is taken at its word: it counts code points. Its names leave
    out white space at a quote's start, so that the names of passages starting with a
    space could match, on repeated words, only under another counting.
    """
    if written_by_diptych(origin):
        return CODE_POINTS
    readings = text.readings()
    usual = Counting(crlf_is_two=bool(text.pairs), utf16=False)
    if usual.crlf_is_two and _CRLF_AS_ONE.search(origin):
        usual = CODE_POINTS
    if len(readings) == 1:
        return usual
    votes = _name_votes(text, places, readings)
    if not any(votes.values()):
        votes = _edge_votes(text, places, readings, usual)
    best = max(votes.values())
    # On a tie, the counting closest to the usual one, and code points before UTF-16.
    return min(
        (c for c in readings if votes[c] == best),
        key=lambda c: ((c.crlf_is_two != usual.crlf_is_two) + (c.utf16 != usual.utf16), c.utf16),
    )


def _name_votes(
    text: SourceText, places: Sequence[Place], readings: list[Counting]
) -> dict[Counting, int]:
    """For each counting, how many selections' names begin the text it selects."""
    votes = dict.fromkeys(readings, 0)
    for start, end, name in places:
        hint = _spaced(name).strip().rstrip(".…").rstrip()
        if len(hint) < 4:
            continue
        for counting in readings:
            first, last = text.offset(start, counting), text.offset(end, counting)
            if _spaced(text.text[max(first, 0) : max(last, 0)]).startswith(hint):
                votes[counting] += 1
    return votes


def _edge_votes(
    text: SourceText, places: Sequence[Place], readings: list[Counting], usual: Counting
) -> dict[Counting, int]:
    """For each counting, how many selections begin and end between words; all 0 unless
    some counting places three quarters of them so, and beats the usual counting by a
    quarter of them (and at least 3).

    Under a wrong counting, every selection after the first emoji or line end is moved
    by a character or more, into the middle of words.
    """
    votes = dict.fromkeys(readings, 0)
    for start, end, _ in places:
        for counting in readings:
            first, last = text.offset(start, counting), text.offset(end, counting)
            if 0 <= first < last <= len(text.text) and between_words(text.text, first, last):
                votes[counting] += 1
    best = max(votes.values())
    if best - votes[usual] < max(3, -(-len(places) // 4)) or best * 4 < len(places) * 3:
        return dict.fromkeys(readings, 0)
    return votes


def between_words(text: str, *indices: int) -> bool:
    """Whether each index falls between words (not between two letters or digits)."""
    return all(
        i in (0, len(text)) or not (text[i - 1].isalnum() and text[i].isalnum()) for i in indices
    )


def _spaced(text: str) -> str:
    """``text`` with each run of whitespace as one space (kept at the edges)."""
    return _WHITESPACE.sub(" ", text)
