"""A list item's marker as the reader sees it beside the item, for the exports that write
it out: "3.", "c.", "III.", "0.", "-2." (see :attr:`~diptych.storage.document.Block.marker`).

Letters and roman numerals are written as browsers write them: "z." is followed by "aa.",
and a number letters or roman numerals cannot write (0, a negative, a roman numeral
beyond 3999) is written in digits.
"""

from __future__ import annotations

from diptych.storage.document import NO_MARKER

_LARGEST_ROMAN = 3999
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


BULLET = "•"
_INDENT = "    "  # a level of nesting, in text copied out


def copied_marker(level: int, number: int, marker: str) -> str:
    """What a list item copied out as text starts with, as the window shows it: four
    spaces a level of nesting below the first, then its bullet or number and a space
    ("• ", "    3. "); an item shown without a marker, its indent alone."""
    indent = _INDENT * max(level - 1, 0)
    if marker == NO_MARKER:
        return indent
    if is_numbered(number, marker):
        return f"{indent}{item_label(number, marker)} "
    return f"{indent}{BULLET} "


def is_numbered(number: int, marker: str) -> bool:
    """True for an item of an ordered list, as the window tells it: one with a marker of
    numbers, or, in an article imported before markers were kept, a number above 0."""
    return number > 0 or (bool(marker) and marker != NO_MARKER)


def item_label(number: int, marker: str) -> str:
    """The marker a numbered item shows: its ``number`` written as ``marker`` says
    ("1", "a", "A", "i" or "I"; digits for any other), with a period."""
    return _written(number, marker) + "."


def _written(number: int, marker: str) -> str:
    if marker in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, left = divmod(number - 1, 26)
            letters = chr(ord("a") + left) + letters
        return letters.upper() if marker == "A" else letters
    if marker in ("i", "I") and 0 < number <= _LARGEST_ROMAN:
        roman = ""
        for value, numeral in _ROMAN:
            count, number = divmod(number, value)
            roman += numeral * count
        return roman.upper() if marker == "I" else roman
    return str(number)
