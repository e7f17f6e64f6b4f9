"""Moving a project file aside, beside itself, with the working files SQLite keeps beside
it (``NAME-wal``, ``NAME-shm``); moving aside those a deleted project left behind.

The log holds the file's latest changes: it goes wherever the file goes. And a log left
beside a name is read as part of whatever file takes that name next (a backup restored
there, a project created again), mixing two files into one. So the log is moved first,
and a move that cannot be finished is undone.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from diptych.storage.errors import ProjectFileError, readable_text
from diptych.storage.file_names import set_aside_name

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


def keep_stale_log(path: Path) -> Path | None:
    """Keep, set aside, the log a deleted project left where a new one is created at
    ``path`` (see :func:`set_aside_stale_log`); where it now is, None if there was none.

    Raises:
        ProjectFileError: it could not be moved; nothing was created.
    """
    try:
        return set_aside_stale_log(path, datetime.now().strftime("%Y%m%d-%H%M%S"))
    except OSError as exc:
        raise ProjectFileError(
            f"cannot be created: the log another project left beside its name ({path.name}-wal)"
            f" could not be set aside ({readable_text(exc.strerror or str(exc))})",
            path=path,
            advice="Choose another name, or move that file away first.",
        ) from exc


def set_aside_stale_log(path: Path, stamp: str) -> Path | None:
    """Before a new project is created at ``path``: move the -wal and -shm a deleted project
    left beside that name aside (``NAME (log of a deleted project STAMP).diptych-wal``),
    kept, rather than let SQLite read that log into the new file or delete it. Returns
    where the log (or, without one, its index) now is; None if nothing was there.

    Raises:
        OSError: they could not be moved (nothing was moved then).
    """
    aside = set_aside_name(path, f"log of a deleted project {stamp}")
    moved: Moves = []
    try:
        for end in SIDE_FILES:  # the log first, as always
            source, place = Path(f"{path}{end}"), Path(f"{aside}{end}")
            if os.path.lexists(source):
                source.replace(place)
                moved.append((source, place))
    except OSError:
        with contextlib.suppress(OSError):
            move_back(moved)
        raise
    return moved[0][1] if moved else None


def stale_log_notice(path: Path, kept: Path) -> str:
    """What to say when creating ``path`` set aside, as ``kept``, a deleted project's log."""
    return (
        f"{readable_text(str(path))} was created where a deleted project had left its log of"
        f" recent changes; that log was neither deleted nor read into the new project: it is"
        f" kept as {readable_text(str(kept))}"
    )
