"""Where a project's file is, and its log: the file SQLite opens (every link followed)
and what tells that file, or its log, from another that took its name."""

from __future__ import annotations

import os
from pathlib import Path


def file_identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at ``path``, None if it cannot be looked at."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def real_path(path: str | Path) -> Path:
    """``path`` with ``~`` and every link followed: the file SQLite opens, beside which it
    keeps its log (``NAME-wal``). A project opened through a link (``current.diptych``, a
    Documents folder that is a link to another disk) is worked on where its file is, so
    that its log is found (folded when the window is idle, taken away when another file is
    written over it). A path without a link is kept as given (relative, say), as is one
    that cannot be looked at."""
    path = Path(path).expanduser()
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # cannot be looked at, or a loop of links
        return path
    return path if real == Path(os.path.abspath(path)) else real


def log_path(path: Path) -> Path:
    """Where SQLite keeps the write-ahead log of the project file at ``path``."""
    return Path(f"{path}-wal")
