"""What a backup holds, as the list of backups to restore says it: how many articles and
passages, read from the backup file itself (each backup is a whole project file)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from diptych.storage.errors import Cancelled
from diptych.storage.wording import counted


@dataclass(frozen=True, slots=True)
class BackupContents:
    """How much a backup holds; ``readable`` False for a file that cannot be read (damaged,
    removed meanwhile), whose counts are then 0."""

    articles: int
    passages: int
    readable: bool = True

    def __str__(self) -> str:
        """ "2 articles, 6 passages", or what keeps them from being known."""
        if not self.readable:
            return "cannot be read"
        return f"{counted(self.articles, 'article')}, {counted(self.passages, 'passage')}"


UNREADABLE = BackupContents(0, 0, readable=False)


def read_contents(*, path: Path) -> BackupContents:
    """Count the articles and passages in the backup ``path``.

    The backup is read as the finished file it is (``immutable``: no lock, no side file
    made in the backup folder, which is never written to after the copy).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
            (passages,) = conn.execute("SELECT count(*) FROM annotations").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return UNREADABLE
    return BackupContents(int(articles), int(passages))


def read_all_contents(
    *, paths: Sequence[Path], progress: Callable[[int, int], bool] | None = None
) -> list[BackupContents]:
    """:func:`read_contents` of each backup, in order; ``progress(done, total)`` returning
    False stops the reading (:class:`~diptych.storage.errors.Cancelled`)."""
    found = []
    for done, path in enumerate(paths):
        if progress is not None and not progress(done, len(paths)):
            raise Cancelled
        found.append(read_contents(path=path))
    return found
