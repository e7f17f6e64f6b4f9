"""Where an export is saved: the file name a project's name gives, a free file name in a
folder, whether a name ends with a file type of the user's own, and why a path cannot hold
the export."""

from __future__ import annotations

from pathlib import Path

from diptych.storage.refiqda_names import file_safe_name

UNNAMED_EXPORT = "Diptych export"
"""The file name offered for a project whose name leaves nothing a file's name can hold."""


def export_file_name(project_name: str) -> str:
    """The file name (without its file type) an export of the project called
    ``project_name`` is offered under: a project's name is any line of text, and a file's
    name is not. A ``/`` ("Q1/Q2 brief") would name folders that are not there, and a
    long name (a few hundred letters, or about 85 Chinese characters) is more than a file
    system takes, so the characters no file system takes are replaced by ones that look
    like them, and the name is cut short (at a whole character), as the sources of a
    REFI-QDA project are named."""
    return file_safe_name(project_name, fallback=UNNAMED_EXPORT)


def free_path(folder: Path, name: str, suffix: str) -> Path:
    """``folder/name.suffix``, or ``name (2).suffix``... if that exists: nothing is
    replaced without asking. A path that cannot be looked at (too long for the file
    system) is taken as free: Export says what is wrong with it, naming it."""
    candidate = folder / f"{name}{suffix}"
    number = 2
    while _exists(candidate):  # a folder of that name would not be written either
        candidate = folder / f"{name} ({number}){suffix}"
        number += 1
    return candidate


def _exists(path: Path) -> bool:
    """True if something has the name ``path``; False also where it cannot be looked
    at (``Path.exists`` raises for a name longer than the file system takes)."""
    try:
        return path.exists()
    except OSError:
        return False


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
