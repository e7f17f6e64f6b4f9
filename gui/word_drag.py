"""Dragging the mouse over text selects whole words, as word processors do.

Pure functions of a ``QTextDocument`` and its positions, so that the view only asks where a
drag's ends go.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

LONGEST_WORD = 80  # a drag's end inside a longer run of letters is not moved to its ends
APOSTROPHES = "'’"
NUMBER_MARKS = ",.٫٬"  # between two digits, part of the number: "4,548.0", "7٫4"


def words_dragged(
    document: QTextDocument, start: int, end: int, *, backwards: bool | None = None
) -> tuple[int, int]:
    """The selection a drag of the mouse from ``start`` to ``end`` (document positions)
    makes: each end falling inside a word is moved out to take the whole word in, as word
    processors select whole words, so that a passage never starts or ends mid-word. A drag
    within one word selects part of it, as dragged. ``backwards`` says whether ``end``
    reads before ``start`` (by default, if it comes before it in the document: not so
    from one cell of a right-to-left table's row into the next, which the document holds
    the other way round)."""
    first, last = _word_around(document, start), _word_around(document, end)
    if first is not None and first == last:
        return start, end
    if end < start if backwards is None else backwards:  # the anchor at the end of its word
        return (first[1] if first else start), (last[0] if last else end)
    return (first[0] if first else start), (last[1] if last else end)


def _word_around(document: QTextDocument, position: int) -> tuple[int, int] | None:
    """The word ``position`` falls inside (between two of its characters), if any; in
    Chinese or Japanese, as :mod:`diptych.gui.cjk_words` finds their words."""
    if not (_in_word(document, position - 1) and _in_word(document, position)):
        return None
    from diptych.gui.cjk_words import splits, word_around  # with the first drag over words

    if splits(document, position):
        return None
    start, end = position, position
    while start > position - LONGEST_WORD and _in_word(document, start - 1):
        start -= 1
    while end < position + LONGEST_WORD and _in_word(document, end):
        end += 1
    start, end = word_around(document, start, end, position)
    if end - start >= LONGEST_WORD:
        return None  # no word (a long address, a run of digits): the drag stays as it is
    return start, end


def _in_word(document: QTextDocument, position: int) -> bool:
    """True if the character at ``position`` is part of a word: a letter, digit or "_", an
    apostrophe between two letters ("don't", "l’État"), or a number's comma or point
    between two digits ("4,548.0": a figure is taken whole)."""
    if position < 0 or position >= document.characterCount():
        return False
    character = document.characterAt(position)
    if character.isalnum() or character == "_":
        return True
    return (
        character in APOSTROPHES
        and document.characterAt(position - 1).isalnum()
        and document.characterAt(position + 1).isalnum()
    ) or _in_number(document, position)


def _in_number(document: QTextDocument, position: int) -> bool:
    """True if the character at ``position`` is a digit, or a comma or point between two
    digits."""
    if position < 0 or position >= document.characterCount():
        return False
    character = document.characterAt(position)
    if character.isdigit():
        return True
    return (
        character in NUMBER_MARKS
        and document.characterAt(position - 1).isdigit()
        and document.characterAt(position + 1).isdigit()
    )


def whole_number(document: QTextDocument, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved out to take in the whole figure each falls inside
    ("548" of "4,548.0" is the whole of it): Qt's word steps and double click stop at a
    number's comma and point. Ends outside a number stay."""
    if start <= end:
        return _number_start(document, start), _number_end(document, end)
    return _number_end(document, start), _number_start(document, end)


def _number_start(document: QTextDocument, position: int) -> int:
    if not (_in_number(document, position - 1) and _in_number(document, position)):
        return position
    while position > 0 and _in_number(document, position - 1):
        position -= 1
    return position


def _number_end(document: QTextDocument, position: int) -> int:
    if not (_in_number(document, position - 1) and _in_number(document, position)):
        return position
    while _in_number(document, position):
        position += 1
    return position
