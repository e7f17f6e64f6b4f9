"""Damaging a project file the way a failing disk would, for the tests that restore it."""

from __future__ import annotations

from pathlib import Path


def damage(path: Path) -> None:
    """Overwrite every page after the first with garbage (the header stays valid)."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes((i * 37) % 251 for i in range(len(data) - page))
    path.write_bytes(bytes(data))
