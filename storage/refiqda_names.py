"""The names of the sources in an exported REFI-QDA project: each one a file's name.

QualCoder copies each source it imports to a file named after the source, so a title
with a ``/`` in it named a folder that is not there, and the copy failed. NVivo and
MAXQDA run on Windows, whose file names cannot hold ``< > : " / \\ | ? *`` or control
characters, and cannot be a device's name (``CON``, ``NUL``, ``COM1``...). Windows drops
a dot or a space at the end of a file's name, in making the file and in opening it alike,
so a title ending a sentence keeps its dot: two names that differ only there (or in case)
are told apart instead. A source's name is its article's title with each of these
characters replaced by one that looks like it (``∕``, as in tag names, for ``/``; the
full-width forms for ``< > : " | ? *``), cut to what any file system takes (between two
characters as a reader sees them: :mod:`diptych.storage.whole_characters`), and told
apart from the others without regard to case (Windows and macOS do not tell ``Report``
from ``report``).

Diptych's own import takes a source's name as the article's title, so an article
exported and imported into another project comes back with the look-alike characters.
"""

from __future__ import annotations

import re
import unicodedata

from diptych.storage.whole_characters import whole_end

MAX_NAME_BYTES = 200
"""The most bytes (UTF-8) of a source's name: file systems take 255, and the importing
program may add an extension or a number."""

_LOOK_ALIKES = str.maketrans(
    {
        "/": "\u2215",  # DIVISION SLASH, as in tag names
        "\\": "\u29f5",  # REVERSE SOLIDUS OPERATOR
        "<": "\uff1c",
        ">": "\uff1e",
        ":": "\uff1a",
        '"': "\uff02",
        "|": "\uff5c",
        "?": "\uff1f",
        "*": "\uff0a",
    }
)
_DEVICE = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?", re.IGNORECASE)


def file_safe_name(name: str, *, fallback: str) -> str:
    """``name`` as a file's name on Windows, macOS and Linux; ``fallback`` if nothing of
    it is left (a name of dots and spaces). ``fallback`` is not checked."""
    safe = " ".join(name.translate(_LOOK_ALIKES).split())  # tabs and line breaks too
    safe = "".join("\ufffd" if unicodedata.category(c) == "Cc" else c for c in safe)
    if not safe.strip(". "):  # "." and ".." name folders, everywhere
        return fallback
    device = _DEVICE.fullmatch(safe)
    if device:  # "CON_" and "nul_.txt" are files; "CON" is the console
        safe = device[1] + "_" + (device[2] or "")
    return _cut(safe, MAX_NAME_BYTES)


class SourceNames:
    """Hands out source names, each one a file's name no other source has."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, title: str, *, fallback: str) -> str:
        """A name for a source called ``title`` (:func:`file_safe_name`), numbered if
        another source has it: "Report (2)"."""
        base = file_safe_name(title, fallback=fallback)
        name, number = base, 2
        while _key(name) in self._taken:
            suffix = f" ({number})"
            name = _cut(base, MAX_NAME_BYTES - len(suffix)) + suffix
            number += 1
        self._taken.add(_key(name))
        return name


def _key(name: str) -> str:
    """What file systems that ignore case (and macOS's, the form of accents) compare, and
    Windows, which drops dots and spaces at the end."""
    return unicodedata.normalize("NFC", name).casefold().rstrip(". ")


def _cut(name: str, limit: int) -> str:
    """``name``, ended with "…" where it takes more than ``limit`` bytes in UTF-8: cut
    after a whole character as seen (a flag, an accented letter, an emoji of several
    code points), unless the first one alone is longer than that."""
    if len(name.encode("utf-8")) <= limit:
        return name
    fits = len(name.encode("utf-8")[: limit - len("…".encode())].decode("utf-8", "ignore"))
    cut = name[: whole_end(name, fits) or fits]
    return cut.rstrip(". ") + "…"
