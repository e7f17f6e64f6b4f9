"""An open project file and its stores (articles, tags, annotations, memos).

Usage::

    with Project.open(path, create=True) as project:
        tag = project.tags.add(name="Method")
        project.annotations.add(article_id=1, start=0, end=10, tag_ids=[tag.id])

Every store method that writes is one transaction; several calls can be grouped into one
with :meth:`Project.transaction`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from diptych.storage.connection import Database
from diptych.storage.control_characters import ONE_LINE_CONTROLS
from diptych.storage.database import connect, write_transaction
from diptych.storage.errors import (
    DamagedSearchIndexError,
    InputError,
    ProjectFileError,
    ProjectMovedError,
    ReadOnlyProjectError,
    refuse_if_changed,
)
from diptych.storage.model import ProjectInfo
from diptych.storage.project_aside import keep_stale_log
from diptych.storage.project_checks import (
    file_exists,
    refuse_if_made_read_only,
    why_read_only,
)
from diptych.storage.project_opening import make_whole, opening_errors, prepare
from diptych.storage.project_paths import file_identity, log_path, real_path
from diptych.storage.sqlite_errors import translate_errors

PROJECT_SUFFIX = ".diptych"


def utc_now() -> str:
    """The current time as ISO 8601 UTC with a ``Z``, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_uuid() -> str:
    """A random UUID as text."""
    import uuid  # on first use: uuid imports platform, which the window's start-up need not

    return str(uuid.uuid4())


def project_name_as_stored(name: str) -> str:
    """A project's name as :meth:`Project.rename` stores it: on one line, its runs of
    spaces as one, without the characters that show nothing at its ends (a zero-width
    space, a right-to-left mark, as a tag's name); "" if nothing visible is left."""
    from diptych.storage.tag_checks import is_blank, trimmed_name

    name = trimmed_name(" ".join(ONE_LINE_CONTROLS.sub(" ", name).split()))
    return "" if is_blank(name) else name


class Project:
    """An open Diptych project file.

    Use :meth:`open` or :meth:`create` rather than the constructor.

    Attributes:
        path: the project file (any link on the way followed: see :func:`real_path`).
        read_only: True if changes cannot be saved.
        verified: False if the file was opened without SQLite's integrity pass.
        articles, tags, annotations, memos: the stores.
    """

    def __init__(
        self,
        db: Database,
        path: Path,
        *,
        read_only: bool,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        from diptych.storage.annotations import AnnotationStore
        from diptych.storage.articles import ArticleStore
        from diptych.storage.memos import MemoStore
        from diptych.storage.tags import TagStore

        self.db = db
        self._closed = False
        self.path = path
        self.file_identity = file_identity(path)  # the file opened, wherever it goes
        self.log_identity = file_identity(log_path(path))  # the log written: log_left
        self.read_only = read_only
        self.verified = True  # False: opened without SQLite's integrity pass (see open)
        self.log_set_aside: Path | None = None
        """Where the log a deleted project left at this name was set aside as it was created."""
        self.search_kept: Path | None = None
        """Where the file, damaged in its search index alone, was kept as it was, before
        the index was made again from the texts as the project opened (None: it was not)."""
        self.now = clock
        self.articles = ArticleStore(self)
        self.tags = TagStore(self)
        self.annotations = AnnotationStore(self)
        self.memos = MemoStore(self)

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        read_only: bool = False,
        name: str | None = None,
        clock: Callable[[], str] = utc_now,
        verify: bool = True,
        check_limit: int | None = None,
        before_upgrade: Callable[[Project], object] | None = None,
    ) -> Project:
        """Open a project file, creating it if ``create`` and it does not exist.

        An older file is brought up to date; a newer, foreign or damaged one is refused
        with a known error and left untouched. ``verify=False`` skips SQLite's integrity
        pass, and ``check_limit`` skips it on files larger than that many bytes:
        :attr:`verified` is then False and the caller checks the file later
        (:func:`~diptych.storage.database.check_file`, which a worker thread can run).
        Opening never writes to a file that was not checked.

        ``before_upgrade`` is called with the project, checked and not yet changed, when
        a file from an older Diptych is about to be brought up to date (to keep a copy of
        it as it was: an older Diptych can no longer open it afterwards); an error it
        raises leaves the file as it was.
        """
        path = real_path(path)
        is_new = not file_exists(path)
        log_set_aside = keep_stale_log(path) if is_new and create else None
        search_kept = None
        with opening_errors(path):  # nothing was asked of the user yet: no change lost
            try:
                db, read_only, verified = connect(
                    path, create=create, read_only=read_only, verify=verify, check_limit=check_limit
                )
            except DamagedSearchIndexError:
                if read_only:
                    raise
                from diptych.storage.search_repair import rebuild_search  # seldom needed

                search_kept = rebuild_search(path)  # the damaged file kept as it was
                db, read_only, verified = connect(
                    path, create=False, read_only=False, verify=True, check_limit=None
                )
            project = cls(db, path, read_only=read_only, clock=clock)
            project.verified = verified
            project.log_set_aside = log_set_aside
            project.search_kept = search_kept
            try:
                prepare(project, is_new=is_new, name=name, before_upgrade=before_upgrade)
            except BaseException:
                db.close()
                raise
        project.log_left()  # a new file's log is made as it is first written, just now
        return project

    @classmethod
    def create(
        cls, path: str | Path, *, name: str | None = None, clock: Callable[[], str] = utc_now
    ) -> Project:
        """Create a new, empty project; refuses to overwrite an existing file. The file
        appears under its name whole, or not at all (see :func:`make_whole`)."""
        path = real_path(path)
        if file_exists(path):
            raise ProjectFileError(
                "already exists", path=path, advice="Choose another name, or open it instead."
            )
        named = name if name is not None else path.stem

        def make(making: Path) -> None:
            cls.open(making, create=True, name=named, clock=clock).close()

        log_set_aside = keep_stale_log(path)  # a deleted project's, never read into this one
        make_whole(path, make)
        project = cls.open(path, clock=clock)
        project.log_set_aside = log_set_aside
        return project

    def info(self) -> ProjectInfo:
        """The project's uuid, name and creation time."""
        with translate_errors(self.path):
            rows = dict(self.db.execute("SELECT key, value FROM project_info").fetchall())
        return ProjectInfo(
            uuid=rows.get("uuid", ""),
            name=rows.get("name", ""),
            created_at=rows.get("created_at", ""),
        )

    def is_empty(self) -> bool:
        """True if the project holds no article, tag or memo (as it was created)."""
        with translate_errors(self.path):
            row = self.db.execute(
                "SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM tags)"
                " OR EXISTS (SELECT 1 FROM memos)"
            ).fetchone()
        return not row[0]

    def rename(self, *, name: str, expected: str | None = None) -> str:
        """Change the project's name, which the window's title and the exports' titles
        show; the name as stored (on one line, control characters as spaces, as an
        article's title). With ``expected`` (undo and redo), only if the name still reads
        so: a name given meanwhile, in another window, is refused rather than thrown away.

        Raises:
            InputError: the name is blank, or holds only characters that show nothing.
        """
        name = project_name_as_stored(name)
        if not name:
            raise InputError(
                "a project's name cannot be empty or invisible", advice="Give it a name."
            )
        with self.transaction():
            if expected is not None:
                refuse_if_changed(self.info().name, expected, "the project's name")
            self.db.execute("UPDATE project_info SET value = ? WHERE key = 'name'", [name])
        return name

    def file_status(self) -> str:
        """Whether the project's name still leads to the file it has open: ``"same"``,
        ``"missing"`` (moved, renamed or deleted) or ``"replaced"`` (another file took
        its name). See :mod:`diptych.storage.file_place`."""
        if self.file_identity is None:
            return "same"
        now = file_identity(self.path)
        if now == self.file_identity:
            return "same"
        return "missing" if now is None else "replaced"

    def log_left(self) -> bool:
        """True if the write-ahead log this connection writes the latest changes into
        (``NAME-wal``) is no longer at its name: deleted, say, by a tool tidying the
        folder. SQLite goes on writing into the deleted log, where a crash would lose what
        it holds, and any other connection finds the file unreadable (a disk I/O error)
        until this one closes. :func:`~diptych.storage.file_place.follow_file` puts it
        right. One ``stat``; a log made after the project opened is watched from then on."""
        if self.read_only or self._closed:
            return False
        now = file_identity(log_path(self.path))
        if self.log_identity is None:
            self.log_identity = now
            return False
        return now != self.log_identity

    def use_file(self, db: Database, path: Path, *, read_only: bool) -> None:
        """Go on with the same project through another connection, to its file at ``path``
        (used when the file moved: :func:`~diptych.storage.file_place.follow_file`)."""
        self.db, self.path, self.read_only = db, path, read_only
        self.file_identity = file_identity(path)
        self.log_identity = file_identity(log_path(path))
        self.forget_cached()

    def _refuse_if_file_left(self) -> None:
        """Refuse a change while the project's name leads elsewhere: SQLite's log beside
        that name would part from the file (lost in a crash) or join another file."""
        status = self.file_status()
        if status == "same":
            return
        what = "moved, renamed or deleted" if status == "missing" else "replaced by another file"
        raise ProjectMovedError(
            f"was {what} while it was open, so the change was not saved",
            path=self.path,
            advice="Everything saved before is kept; the window finds the file again in a"
            " moment, then make the change again.",
        )

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction (nested calls become savepoints)."""
        if self.read_only:
            why, advice = why_read_only(self.path)
            raise ReadOnlyProjectError(
                f"is open read-only{why}; the change was not saved", path=self.path, advice=advice
            )
        outermost = not self.db.conn.in_transaction
        if outermost:
            self._refuse_if_file_left()
            refuse_if_made_read_only(self)
        try:
            with write_transaction(self.db, self.path):
                yield
        except BaseException as exc:
            if outermost:  # ids read inside the rolled-back transaction may be handed out again
                self.forget_cached()
                if isinstance(exc, ProjectFileError):  # a disk remounted read-only meanwhile
                    refuse_if_made_read_only(self, failure=exc)
            raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[Database]:
        """Read with SQLite errors turned into known errors."""
        with translate_errors(self.path):
            yield self.db

    def data_version(self) -> int:
        """A number that changes when another connection commits to the file."""
        with translate_errors(self.path):
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def log_stamp(self) -> tuple[int, int, int] | None:
        """What changes with every commit to the write-ahead log (``<file>-wal``) and not
        with a fold of it into the file: the log's modification time and size, and the
        rows this connection changed (the time alone may stay the same over a few
        milliseconds). None when there is no log."""
        try:
            log = os.stat(log_path(self.path))
        except OSError:
            return None
        return log.st_mtime_ns, log.st_size, self.db.conn.total_changes

    def fold_log(self) -> bool:
        """Copy the changes kept in the write-ahead log into the project file itself, without
        waiting for other connections (SQLite's passive checkpoint).

        Until then a commit lives in ``<file>-wal`` beside the project file, and a copy of
        the project file alone (to share or archive it) would lack it. Returns True when
        the project file alone holds everything committed; False when a reader still
        holds part of the log back, or the file is read-only.
        """
        if self.read_only or self._closed:
            return False
        with translate_errors(self.path):
            busy, logged, folded = self.db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return not busy and logged == folded

    def forget_cached(self) -> None:
        """Drop cached article texts (after another window changed the file)."""
        self.articles.forget_cached()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    def close(self) -> None:
        """Close the file; a clean close folds the WAL back into the project file.

        When another connection is writing or reading, the fold is left to the last
        connection to close (SQLite does it then) rather than waiting for the others: a
        closing window or command would otherwise wait up to the busy timeout.
        """
        self._closed = True
        with contextlib.suppress(Exception):
            if not self.read_only:
                self.db.execute("PRAGMA busy_timeout = 0")
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
