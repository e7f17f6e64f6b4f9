"""Passage anchors: where a passage is in an article's display text.

A passage is anchored to the article's display text as the W3C Web Annotation selectors
do it: by code-point offsets ``[start, end)`` (a TextPositionSelector) and by its exact
text with up to :data:`CONTEXT_LENGTH` code points of context on each side (a
TextQuoteSelector). Finding passages again in a changed text is
:mod:`diptych.storage.anchoring`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_LENGTH = 32
"""Code points of context kept on each side of a passage."""


class AnchorError(ValueError):
    """A range or a quote that does not make a passage of the text.

    Its message is a clause without a final full stop, ready to become an
    :class:`~diptych.storage.errors.InputError` where the user gave the range or quote.
    """


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is in an article's display text.

    Attributes:
        start: first code point of the passage.
        end: one past its last code point.
        exact: the passage's text, ``text[start:end]``.
        prefix: up to :data:`CONTEXT_LENGTH` code points just before ``start``.
        suffix: up to :data:`CONTEXT_LENGTH` code points just after ``end``.
    """

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``.

    Raises:
        AnchorError: (a ValueError) if the range is empty, outside the text or only whitespace.
    """
    if not 0 <= start < end <= len(text):
        raise AnchorError(
            f"the range {start}-{end} is not a passage of a {len(text)}-character text"
        )
    exact = text[start:end]
    if exact.isspace():
        raise AnchorError(f"the range {start}-{end} holds only whitespace")
    prefix = text[max(0, start - CONTEXT_LENGTH) : start]
    return Anchor(start, end, exact, prefix, text[end : end + CONTEXT_LENGTH])


def find_quote(text: str, exact: str, *, occurrence: int = 1) -> Anchor:
    """The anchor of the ``occurrence``-th (1-based) occurrence of ``exact`` in ``text``.

    Occurrences are counted without overlapping, as a reader finding them one by one would.

    Raises:
        AnchorError: (a ValueError) if the quote is blank, or is not in the text that
            many times.
    """
    if occurrence < 1:
        raise AnchorError(f"occurrences are counted from 1, not {occurrence}")
    if not exact.strip():
        raise AnchorError("the quote is empty")
    shown = exact if len(exact) <= 40 else exact[:37] + "..."
    at = -len(exact)
    for count in range(occurrence):
        at = text.find(exact, at + len(exact))
        if at < 0 and count == 0:
            raise AnchorError(f"the quote {shown!r} is not in the text")
        if at < 0:
            times = "once" if count == 1 else f"only {count} times"
            raise AnchorError(f"the quote {shown!r} occurs {times}, not {occurrence} times")
    return make_anchor(text, at, at + len(exact))


def whole_characters(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that it does not split a character as a reader sees it
    (a grapheme cluster, as W3C selectors ask).

    An approximate match may end between a letter and its combining accent (a text that
    spells "café" as "cafe" + U+0301), or inside an emoji sequence (skin tone, joiner, a
    flag's two letters, a subdivision flag's tags), and a quote typed may be half of one:
    the passage then takes the whole character, not half of it.
    """
    while 0 < start < len(text) and (_continues(text[start]) or text[start - 1] == _JOINER):
        start -= 1
    if _inside_flag(text, start):
        start -= 1
    while end < len(text) and (_continues(text[end]) or text[end - 1] == _JOINER):
        end += 1
    if _inside_flag(text, end):
        end += 1
    return start, end


_JOINER = "\u200d"


def _inside_flag(text: str, at: int) -> bool:
    """True if ``at`` falls between the two letters of a flag (🇰🇷 is two regional
    indicators, paired from the start of their run)."""
    if not (0 < at < len(text) and _regional(text[at])):
        return False
    before = at
    while before > 0 and _regional(text[before - 1]):
        before -= 1
    return (at - before) % 2 == 1


def _regional(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _continues(char: str) -> bool:
    """True if ``char`` belongs to the character before it (a mark, a joiner, a modifier)."""
    import unicodedata  # on first use: most passages are found where they were

    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == _JOINER
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # emoji skin tones
        or "\U000e0020" <= char <= "\U000e007f"  # the tags of a subdivision flag (🏴 + tags)
    )
