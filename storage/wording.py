"""Counts in words, as messages and menus say them: "1 passage", "3 passages"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` with its noun in the right number: ``counted(1, "passage")`` is
    "1 passage", ``counted(0, "passage")`` "0 passages"; ``plural`` when it is not the
    singular with an "s" ("1 copy", "2 copies")."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def were(count: int) -> str:
    """The verb after a count: "1 file was", "2 files were"."""
    return "was" if count == 1 else "were"
