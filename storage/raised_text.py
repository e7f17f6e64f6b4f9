"""Superscripts and subscripts written as text: ``10<sup>6</sup>`` as "10⁶", not "106".

An article's display text is plain text: the reading pane shows it, passages anchor on it,
search finds it and exports quote it. A superscript or subscript read as its bare
characters ran into what was before it, and a figure became another ("10<sup>6</sup>
tonnes" read "106 tonnes", "x<sup>-1</sup>" "x-1"). Its characters now carry what the
raising said (:func:`written`):

- when every character of it has a raised or lowered form (digits, ``+ − - = ( )``, and
  ``n`` and ``i`` raised), it is written in those: "10⁶", "x⁻¹", "xⁿ⁺¹", "H₂O";
- an ordinal's ending after a number or a roman numeral ("5<sup>th</sup>",
  "1<sup>er</sup>", "XIX<sup>e</sup>") and an abbreviation's after a capital
  ("M<sup>me</sup>") stay letters, as they are typed (``o`` and ``a`` alone as the
  ordinal indicators º and ª: "1º", "nº");
- a letter raised after a word is a footnote's, put in brackets as a web page's markers
  are (:mod:`diptych.storage.html_note_marks`): "Smith<sup>a</sup>" as "Smith[a]";
- anything else that would run into the word or number before it is marked raised with
  ``^`` or lowered with ``_``, in brackets unless it is one word: "10^abc", "x^(a+b)",
  "v_max"; a longer text (small print set raised) is only spaced from it;
- what stands apart already (after a space, or starting with a bracket or a sign such
  as ``*``) is written as it is.

Web pages keep their footnote markers apart first (:mod:`diptych.storage.html_note_marks`);
search finds a number raised after a word as a word of its own
(:mod:`diptych.storage.search_folding`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_PLAIN = "0123456789+-\u2212=()"
_RAISED = str.maketrans(_PLAIN + "ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ")
_LOWERED = str.maketrans(_PLAIN, "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_RAISABLE = frozenset(_PLAIN + "ni⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_LOWERABLE = frozenset(_PLAIN + "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_ORDINAL_ENDINGS = frozenset(
    ("st", "nd", "rd", "th", "d", "er", "re", "e", "è", "ème", "eme", "ième", "ieme",
     "o", "a", "os", "as", "º", "ª", "de", "ste", "te", "bis", "ter")
)  # fmt: skip
# (English, French, Spanish, Italian, Portuguese and Dutch ordinals; "12 bis" in an address)
_INDICATORS = {"o": "º", "a": "ª"}  # an ordinal's o or a alone, as the languages write it
_ROMAN = re.compile(r"[IVXLCDM]+")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]*$")
_ONE_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[A-Za-z]")
_LONGEST_MARKED = 16  # a longer text set raised is small print, not a figure's exponent
_RUNS_INTO = "+-\u2212=.,"  # besides letters and digits, what reads as part of a number


@dataclass(frozen=True, slots=True)
class Written:
    """How a superscript or subscript is written among the text around it.

    Attributes:
        prefix: put before its first character ("^", "^(", "_", " ").
        suffix: put after its last one, before any space it ends with (")").
        table: its characters written otherwise (raised, lowered), if any.
    """

    prefix: str = ""
    suffix: str = ""
    table: Mapping[int, int] | None = None

    def apply(self, texts: list[str]) -> list[str]:
        """``texts``, the superscript's text in pieces (runs of one style), written so."""
        texts = [t.translate(self.table) for t in texts] if self.table else list(texts)
        if texts and (self.prefix or self.suffix):
            texts[0] = self.prefix + texts[0]
            last = texts[-1]
            end = len(last.rstrip())
            texts[-1] = last[:end] + self.suffix + last[end:]
        return texts


AS_IT_IS = Written()
"""A superscript or subscript written as its own characters."""


def shifted(content: str, tag: str) -> Written | None:
    """``content`` in raised (``tag`` "sup") or lowered ("sub") characters, if each of them
    has such a form and it is one word (spaces around it stay); else None."""
    core = content.strip()
    if not core or any(c.isspace() for c in core):
        return None
    if not (_RAISABLE if tag == "sup" else _LOWERABLE).issuperset(core):
        return None
    return Written(table=_RAISED if tag == "sup" else _LOWERED)


def written(content: str, tag: str, before: str) -> Written:
    """How to write ``content``, the text of a ``<sup>`` or ``<sub>`` (``tag``) that
    follows ``before`` (the end of the text before it); see the module docstring."""
    form = shifted(content, tag)
    if form is not None:
        return form
    core = content.strip()
    if not core:
        return AS_IT_IS
    if tag == "sup" and _ordinal_or_abbreviation(core, before):
        indicator = _INDICATORS.get(core)
        return Written(table=str.maketrans(core, indicator)) if indicator else AS_IT_IS
    if not _runs_into(content, before):
        return AS_IT_IS
    if tag == "sup" and _LETTER.fullmatch(core) and _a_word(_word_before(before)):
        return Written(prefix="[", suffix="]")  # a note's letter: not an ordinal's (above)
    if len(core) > _LONGEST_MARKED:
        return Written(prefix=" ")
    sign = "^" if tag == "sup" else "_"
    if _ONE_WORD.fullmatch(core):
        return Written(prefix=sign)
    return Written(prefix=f"{sign}(", suffix=")")


def _ordinal_or_abbreviation(core: str, before: str) -> bool:
    """True for an ordinal's ending after a number or roman numeral ("5th", "XIXe"), or
    an abbreviation's few small letters after a capital ("Mme", "Dr") or "n" ("nº")."""
    word = _word_before(before)
    if core.lower() in _ORDINAL_ENDINGS and (before[-1:].isdigit() or _ROMAN.fullmatch(word)):
        return True
    if not (core.isalpha() and core.islower() and len(core) <= 4):
        return False
    return len(word) == 1 and (word.isupper() or word == "n")


def _word_before(before: str) -> str:
    """The letters ``before`` ends with (its last word, if it ends with one)."""
    found = _LETTERS_BEFORE.search(before)
    return found[0] if found else ""


def _a_word(word: str) -> bool:
    """True for a word of three letters or more, or a name such as "Li" (not a unit such
    as "km", nor a symbol such as "mc")."""
    return len(word) >= 3 or (len(word) == 2 and word[0].isupper() and word[1].islower())


def _runs_into(content: str, before: str) -> bool:
    """True if ``content``, written after ``before`` as it is, would run into its last
    word or number ("10" and "abc" as "10abc")."""
    if not before or not content or content[0].isspace():
        return False
    if not (before[-1].isalnum() or before[-1] in ")]"):
        return False
    return content[0].isalnum() or content[0] in _RUNS_INTO
