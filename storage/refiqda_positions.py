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
from dataclasses import dataclass
from typing import NamedTuple

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


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
