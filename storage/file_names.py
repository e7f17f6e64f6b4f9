"""Names of the files written beside a project under a name made from its own: a project
set aside (a damaged file moved aside, a copy kept before an update or when another file
took its place) and the file a copy is written to before it is renamed into place.

Each must be a name the file system takes (255 bytes on the common ones), with room for
the working files SQLite keeps beside it (``NAME-wal``, ``NAME-journal``). A project's own
name may already be close to that, so the project's name is shortened (by whole
characters, bytes counted as the file system counts them), never the label that says what
the file is, nor its suffix.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

NAME_MAX = 255
"""Bytes in one file name, on the common file systems."""
WAL_ROOM = len("-wal")  # beside a project while it is open
JOURNAL_ROOM = len("-journal")  # beside a file SQLite writes without a log


def set_aside_name(path: Path, label: str) -> Path:
    """Where the project file ``path`` is set aside (moved, or copied) beside itself:
    ``NAME (label).diptych``, a name that opens as a project, and takes the working files
    beside it that SQLite needs when it first writes to a copy (``NAME-journal``)."""
    return path.with_name(fitting_name(path.stem, f" ({label}){path.suffix}", room=JOURNAL_ROOM))


def part_name(target: Path, *, prefix: str = "", room: int = JOURNAL_ROOM) -> Path:
    """The file written first, beside ``target``, then renamed over it: ``NAME.part``
    (``prefix`` before it), with ``room`` for the journal SQLite keeps while it writes."""
    return target.with_name(fitting_name(prefix + target.stem, f"{target.suffix}.part", room=room))


def fitting_name(stem: str, tail: str, *, room: int = 0) -> str:
    """``stem + tail``, the stem shortened so that the name, with ``room`` bytes more
    (what SQLite adds for its working files), is at most :data:`NAME_MAX` bytes.

    The stem loses whole characters from its end (a letter goes with its accents); should
    even no stem leave too little room, the tail loses its end as well, so that the name
    always fits.
    """
    limit = NAME_MAX - room
    if _size(stem + tail) <= limit:
        return stem + tail
    if _size(tail) >= limit:
        return _shortened(tail, limit)
    return _shortened(stem, limit - _size(tail)) + tail


def _shortened(text: str, limit: int) -> str:
    """The longest start of ``text`` of at most ``limit`` bytes that ends with a whole
    character: not one cut from the accents or marks that follow it, nor a joiner or a
    space left at the end."""
    size = 0
    end = len(text)
    for index, character in enumerate(text):
        size += _size(character)
        if size > limit:
            end = index
            break
    while 0 < end < len(text) and unicodedata.category(text[end]) in _MARKS:
        end -= 1  # the character before a mark is cut with it
    kept = text[:end]
    while kept and (unicodedata.category(kept[-1]) == "Cf" or kept[-1].isspace()):
        kept = kept[:-1]
    return kept


# What belongs to the character before it: accents and other combining marks.
_MARKS = {"Mn", "Mc", "Me"}


def _size(text: str) -> int:
    """Bytes of ``text`` as a file name (a name that is not UTF-8 counts as it is)."""
    return len(os.fsencode(text))
