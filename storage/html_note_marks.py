"""Footnote markers in web pages: ``began<sup><a href="#fn1">1</a></sup>``.

A browser shows the marker raised and small, apart from the word before it; read as text,
it ran into that word ("began1"), which search then never found as "began", nor quotes
and exports as the reader saw it. A marker written right after a word is kept in brackets
instead ("began[1]"), as Word and Wikipedia write theirs, so that both stay words of their
own, in the marker's style (a link stays a link).

A superscript is a marker when it is short (a number, numbers such as "1,2" or "5–7", a
letter, ``*``, ``†``...) and either links to a place in the page (``#fn1``), or is numbers
or a sign after a word of three letters or more or a name such as "Li" (citations and
authors' affiliations in papers); right after the word, or after the full stop, comma,
bracket or quotation mark that follows it ("exports.[1]", as news sites place them).
Exponents and ordinals ("mc<sup>2</sup>", "20 m<sup>2</sup>", "1<sup>st</sup>") follow a
symbol, a short unit or a digit: they are no markers, and are written as
:mod:`diptych.storage.raised_text` says ("mc²", "20 m²", "1st"), as is a subscript (which
is held back the same way, to be written whole: "H₂O", "v_max"). A letter is a marker
only when it links to a note: after a word, one that does not is put in brackets there
("Smith[a]"), but not an ordinal's ending after a roman numeral ("XIXe").

A footnote's link back to its marker (``<a href="#fnref1">↩</a>``, an arrow or a caret
alone) is navigation, not the note's words: :class:`BackLinks` leaves it out.
"""

from __future__ import annotations

import re

from diptych.storage.document import SpanStyle
from diptych.storage.raised_text import AS_IT_IS, Written, shifted, written

Run = tuple[str, SpanStyle | None, str]
"""A run of text read inside a superscript, with its style and link."""

MARK = re.compile(
    r"\d{1,4}(?:\s?[,\u2013\u2014-]\s?\d{1,4}){0,5}|[*\u2020\u2021\u00a7\u00b6#]{1,3}|[A-Za-z]"
)
"""What a footnote marker may be (the text of a superscript)."""
_LINKED_ONLY = re.compile(r"[A-Za-z]")  # a letter is a marker only when it links to a note
_LETTERS_BEFORE = re.compile(r"[^\W\d_]*$")
_CLOSING_MARKS = ".,;:!?)]\"'”’»"  # a marker may follow these after a word
BACK_LINK_SIGNS = frozenset("\u21a9\u2191^")
"""What a footnote's link back to its marker reads (↩, ↑ or ^), alone."""
_PRESENTATION = dict.fromkeys(map(ord, "\ufe0e\ufe0f"))  # "↩︎": the arrow drawn as text


class NoteMarks:
    """The superscript or subscript being read, held back until it ends, to be written
    whole: in brackets if it is a footnote marker, else as
    :func:`~diptych.storage.raised_text.written` says."""

    def __init__(self) -> None:
        self._tag = ""  # "sup" or "sub": the outermost one open
        self._depth = 0  # open elements of that name
        self._runs: list[Run] | None = None  # held back, or None when not holding any
        self._before = ""  # the text before it
        self._linked = False  # it links to a place in the page

    @property
    def holding(self) -> bool:
        """True while the text read is held back."""
        return self._runs is not None

    def start(self, tag: str, before: str, *, in_page_link: bool) -> None:
        """A ``<sup>`` or ``<sub>`` (``tag``) starts after ``before`` (the end of the
        block's text so far), perhaps inside a link to a place in the page
        (``<a href="#fn1"><sup>1</sup></a>``). One inside another is part of it."""
        if not self._depth:
            self._tag = tag
            self._runs, self._before, self._linked = [], before, in_page_link
        if tag == self._tag:
            self._depth += 1

    @property
    def last(self) -> str:
        """The last character held back ("" if none)."""
        return next((run[0][-1] for run in reversed(self._runs or []) if run[0]), "")

    def link(self, href: str) -> None:
        """A link starts inside the superscript."""
        if href.strip().startswith("#"):
            self._linked = True

    def hold(self, text: str, style: SpanStyle | None, href: str) -> None:
        """Hold ``text`` back until the element ends."""
        assert self._runs is not None
        self._runs.append((text, style, href))

    def end(self, tag: str) -> list[Run]:
        """A ``</sup>`` or ``</sub>`` ends: the runs to add to the block (none if still
        inside)."""
        if not self._depth or tag != self._tag:
            return []
        self._depth -= 1
        return [] if self._depth else self.release(whole=True)

    def boundary(self) -> list[Run]:
        """A block begins or ends: it ends the element too, as browsers read it; what
        was held, to add to the block before it ends."""
        self._depth = 0
        return self.release()

    def release(self, *, whole: bool = False) -> list[Run]:
        """Stop holding: what was held, in brackets if it is a marker after a word, else
        raised or lowered if it can be. Marked with ``^``, ``_`` or spaced only when it
        was read ``whole`` (to its end tag), not cut off by a line or a block."""
        runs, self._runs = self._runs or [], None
        mark = "".join(run[0] for run in runs)
        if not runs:
            return runs
        if self._tag == "sup" and self._is_marker(mark.strip()) and not mark[0].isspace():
            form = Written(prefix="[", suffix="]")
        elif whole:
            form = written(mark, self._tag, self._before)
        else:
            form = shifted(mark, self._tag) or AS_IT_IS
        texts = form.apply([run[0] for run in runs])
        return [(text, style, href) for text, (_, style, href) in zip(texts, runs, strict=True)]

    def _is_marker(self, mark: str) -> bool:
        # after a word, or after the mark that closes its sentence or clause ("exports.¹")
        before = self._before.rstrip(_CLOSING_MARKS)
        if len(self._before) - len(before) > 2:
            return False
        if not MARK.fullmatch(mark) or not before[-1:].isalnum():
            return False
        if self._linked:
            return True
        return not _LINKED_ONLY.fullmatch(mark) and _a_word(before)


def _a_word(before: str) -> bool:
    """True if ``before`` ends with a word of three letters or more, or a name such as
    "Li", rather than a unit ("km") or a symbol ("mc")."""
    found = _LETTERS_BEFORE.search(before)
    word = found[0] if found else ""
    return len(word) >= 3 or (len(word) == 2 and word[0].isupper() and word[1].islower())


class BackLinks:
    """The text of a link to a place in the page, held back until it is known not to be a
    footnote's link back to its marker (an arrow or a caret alone, which is left out)."""

    def __init__(self) -> None:
        self._runs: list[Run] | None = None  # held back, or None when not holding any

    @property
    def holding(self) -> bool:
        """True while the text read is held back as a possible back-link."""
        return self._runs is not None

    def start(self, href: str) -> list[Run]:
        """A link to ``href`` starts: what was held before it, to add now."""
        runs = self.release()
        if href.strip().startswith("#"):
            self._runs = []
        return runs

    def hold(self, text: str, style: SpanStyle | None, href: str) -> list[Run]:
        """Hold ``text`` back; what to add now (all that was held, once it is more than a
        sign)."""
        assert self._runs is not None
        self._runs.append((text, style, href))
        held = _shown("".join(run[0] for run in self._runs))
        if len(held) > 1 or (held and held not in BACK_LINK_SIGNS):
            return self.release()
        return []

    def end(self) -> list[Run]:
        """The link ends: what was held, or nothing if it was a back-link."""
        if self._runs is not None and _shown("".join(run[0] for run in self._runs)):
            self._runs = None  # a sign alone (anything else was released)
        return self.release()

    def release(self) -> list[Run]:
        """Stop holding: what was held."""
        runs, self._runs = self._runs or [], None
        return runs


def _shown(text: str) -> str:
    """``text`` without surrounding space and the marks that choose how a sign is drawn."""
    return text.translate(_PRESENTATION).strip()
