"""Where an export is saved: a free file name in a folder, whether a name ends with a file
type of the user's own, and why a path cannot hold the export."""

from __future__ import annotations

from pathlib import Path


def free_path(folder: Path, name: str, suffix: str) -> Path:
    """``folder/name.suffix``, or ``name (2).suffix``... if that exists: nothing is
    replaced without asking."""
    candidate = folder / f"{name}{suffix}"
    number = 2
    while candidate.exists():  # a folder of that name would not be written either
        candidate = folder / f"{name} ({number}){suffix}"
        number += 1
    return candidate


def not_a_folder(path: Path) -> str:
    """Why ``path``, which :func:`is_folder` refused, cannot hold the export."""
    try:
        return "is a file, not a folder" if path.exists() else "does not exist"
    except OSError as exc:
        return f"cannot be looked at ({exc.strerror or exc})"


def has_file_type(path: Path) -> bool:
    """True if ``path`` ends with a file type of the user's own (``.md``, ``.txt``): a
    letter after its last dot, and no space. A dot of the name's own, after a number
    ("Report 2024.03") or an abbreviation ("Notes on U.S. policy"), ends none."""
    suffix = path.suffix
    return any(c.isalpha() for c in suffix) and not any(c.isspace() for c in suffix)
