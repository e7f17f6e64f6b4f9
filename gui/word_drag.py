"""Dragging the mouse over text selects whole words, as word processors do.

Pure functions of a ``QTextDocument`` and its positions, so that the view only asks where a
drag's ends go.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

LONGEST_WORD = 80  # a drag's end inside a longer run of letters is not moved to its ends
APOSTROPHES = "'’"


def words_dragged(document: QTextDocument, start: int, end: int) -> tuple[int, int]:
    """The selection a drag of the mouse from ``start`` to ``end`` (document positions)
    makes: each end falling inside a word is moved out to take the whole word in, as word
    processors select whole words, so that a passage never starts or ends mid-word. A drag
    within one word selects part of it, as dragged."""
    first, last = _word_around(document, start), _word_around(document, end)
    if first is not None and first == last:
        return start, end
    if end < start:  # dragged backwards: the anchor at the end of its word
        return (first[1] if first else start), (last[0] if last else end)
    return (first[0] if first else start), (last[1] if last else end)


def _word_around(document: QTextDocument, position: int) -> tuple[int, int] | None:
    """The word ``position`` falls inside (between two of its characters), if any."""
    if not (_in_word(document, position - 1) and _in_word(document, position)):
        return None
    start, end = position, position
    while start > position - LONGEST_WORD and _in_word(document, start - 1):
        start -= 1
    while end < position + LONGEST_WORD and _in_word(document, end):
        end += 1
    if end - start >= LONGEST_WORD:
        return None  # no word (a long address, a run of digits): the drag stays as it is
    return start, end


def _in_word(document: QTextDocument, position: int) -> bool:
    """True if the character at ``position`` is part of a word: a letter, digit or "_", or
    an apostrophe between two letters ("don't", "l’État")."""
    if position < 0 or position >= document.characterCount():
        return False
    character = document.characterAt(position)
    if character.isalnum() or character == "_":
        return True
    return (
        character in APOSTROPHES
        and document.characterAt(position - 1).isalnum()
        and document.characterAt(position + 1).isalnum()
    )
