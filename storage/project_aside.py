"""Moving a project file aside, beside itself, with the working files SQLite keeps beside
it (``NAME-wal``, ``NAME-shm``).

The log holds the file's latest changes: it goes wherever the file goes. And a log left
beside a name is read as part of whatever file takes that name next (a backup restored
there, a project created again), mixing two files into one. So the log is moved first,
and a move that cannot be finished is undone.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")

Moves = list[tuple[Path, Path]]
"""What was moved: (where it was, where it is now)."""


def move_aside(path: Path, aside: Path) -> Moves:
    """Move ``path`` and its -wal and -shm, those that are there, to ``aside`` (and
    ``aside-wal``, ``aside-shm``); returns what was moved, for :func:`move_back`.

    Raises:
        OSError: one could not be moved; what was moved is moved back first.
    """
    wanted = [(Path(f"{path}{end}"), Path(f"{aside}{end}")) for end in SIDE_FILES]
    wanted.append((path, aside))  # the log first: never a file left beside another's log
    moved: Moves = []
    try:
        for source, place in wanted:
            if os.path.lexists(source):
                source.replace(place)
                moved.append((source, place))
    except OSError:
        with contextlib.suppress(OSError):
            move_back(moved)
        raise
    return moved


def move_back(moved: Moves) -> Path | None:
    """Move back what :func:`move_aside` moved, never over a file that took its place
    meanwhile; returns None once all are back, else where the file (or, if it was not
    there, its log) is now."""
    for source, place in reversed(moved):
        try:
            if os.path.lexists(source):
                raise FileExistsError(source)
            place.replace(source)
        except OSError:
            kept = [place for source, place in moved if not source.name.endswith(SIDE_FILES)]
            return kept[0] if kept else moved[0][1]
    return None
