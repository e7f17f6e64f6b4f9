"""Getting a project file ready as it is opened: the errors of opening said as known
errors (the file busy, its disk full or failing), an older file brought up to date, the
integrity pass an unchecked file gets before anything is written, and the identity and
reading indexes a file lacks."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.errors import (
    DiptychError,
    DiskFullError,
    ProjectBusyError,
    ProjectFileError,
    ReadOnlyProjectError,
    readable_text,
)
from diptych.storage.file_names import part_name
from diptych.storage.project_checks import LONGEST_PATH, check_integrity
from diptych.storage.schema import (
    apply_migrations,
    is_diptych_schema,
    missing_reading_indexes,
    needs_migration,
)
from diptych.storage.search_folds import watch_writes
from diptych.storage.sqlite_errors import error_kind, translate_errors

if TYPE_CHECKING:
    from diptych.storage.project import Project


@contextlib.contextmanager
def opening_errors(path: Path) -> Iterator[None]:
    """Say the errors of opening the project file at ``path`` as opening errors: nothing
    was asked of the user yet, so nothing was changed or lost."""
    try:
        yield
    except ProjectBusyError as exc:
        raise ProjectBusyError(
            "is busy: another program is writing to it, so it could not be opened",
            path=path,
            advice="Nothing was changed; open it again in a moment.",
        ) from exc
    except DiskFullError as exc:  # SQLite needs a little room beside it even to read
        if exc.path != path:  # another file (a backup before an update) could not be written
            raise
        raise DiskFullError(
            "could not be opened because its disk is full",
            path=path,
            advice="Free some space on that disk, then open it again; nothing was changed.",
        ) from exc
    except ProjectFileError as exc:
        if exc.path != path or not _is_disk_error(exc):
            raise
        raise ProjectFileError(
            "could not be opened (disk input/output error)",
            path=path,
            advice="Check the disk or the network folder, then open it again; nothing was changed.",
        ) from exc


def _is_disk_error(exc: ProjectFileError) -> bool:
    """True if ``exc`` is SQLite's input/output error (its advice speaks of a last change)."""
    cause = exc.__cause__
    return isinstance(cause, sqlite3.Error) and error_kind(cause) == "io"


def prepare(
    project: Project,
    *,
    is_new: bool,
    name: str | None,
    before_upgrade: Callable[[Project], object] | None = None,
) -> None:
    """Bring a just opened ``project`` up to date (see :meth:`Project.open`), give it the
    identity it lacks and the reading indexes it lacks."""
    with translate_errors(project.path):
        if is_new or needs_migration(project.db):
            if project.read_only:
                raise ReadOnlyProjectError(
                    "was saved by an older Diptych and must be updated, but cannot be written",
                    path=project.path,
                    advice="Copy it to a folder you can write to and open the copy,"
                    " or make it writable, then open it again.",
                )
            check_before_writing(project)
            if before_upgrade is not None and not is_new and is_diptych_schema(project.db):
                before_upgrade(project)  # a creation cut short holds nothing to keep
            apply_migrations(project.db)
        if not project.read_only:
            watch_writes(project.db)
            complete_info(project, name)
            _add_reading_indexes(project)


def check_before_writing(project: Project) -> None:
    """Run the integrity pass that opening left out, before opening writes anything."""
    if not project.verified:
        check_integrity(project.db.conn, project.path)
        project.verified = True


def complete_info(project: Project, name: str | None) -> None:
    """Give ``project`` the identity it lacks: uuid, name and creation time.

    A new file gets them right after its tables; a creation cut short in between (the
    program killed, the disk full) left a file without them, which gets them here on
    its next opening, so that a project always has an identity of its own (its
    backups are kept apart by its uuid).
    """
    from diptych.storage.project import new_uuid  # which imports this module

    rows = dict(project.db.execute("SELECT key, value FROM project_info").fetchall())
    wanted: dict[str, Callable[[], str]] = {
        "uuid": new_uuid,
        "name": lambda: readable_text(name or project.path.stem),  # a file name may not be UTF-8
        "created_at": project.now,
    }
    missing = [key for key in wanted if not rows.get(key)]
    if not missing:
        return
    check_before_writing(project)
    with project.transaction():
        for key in missing:
            project.db.execute(
                "INSERT INTO project_info (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, wanted[key]()],
            )


def _add_reading_indexes(project: Project) -> None:
    """Create the reading indexes the file lacks (a file from an earlier Diptych).

    They only make reading faster, so a file that cannot take them now (another
    program writing, the disk full) opens without them and gets them next time.
    """
    statements = missing_reading_indexes(project.db)
    if not statements:
        return
    check_before_writing(project)
    try:
        with project.transaction():
            for statement in statements:
                project.db.execute(statement)
    except DiptychError:
        return


def make_whole(path: Path, make: Callable[[Path], None]) -> None:
    """Make a new project file at ``path`` whole or not at all: ``make`` writes it under a
    hidden name beside it, which is then linked to ``path`` (never over a file made there
    meanwhile). One that could not be made (the disk full, the folder read-only) leaves no
    file under its name, where it would be refused both as new (the name taken) and as a
    project (an empty file), and the error says it could not be created.

    Raises:
        DiptychError: it could not be made, or ``path`` was taken meanwhile.
    """
    making = part_name(path, prefix=f".{os.getpid()}.")
    if len(os.fsencode(os.path.realpath(making))) > LONGEST_PATH:  # as long as SQLite takes
        making = path.with_name(f".{os.getpid():x}~")  # shorter than any project's name
    try:
        try:
            make(making)
        except DiskFullError as exc:
            raise DiskFullError(
                "could not be created because its disk is full",
                path=path,
                advice="Free some space on that disk, then create it again; no file was"
                " left under its name.",
            ) from exc
        except ProjectFileError as exc:  # said of the project, not of its hidden name
            said = exc.message.replace("could not be opened", "could not be created")
            advice = exc.advice.replace("open it again", "create it again")
            raise type(exc)(said, path=path, advice=advice) from exc
        try:
            os.link(making, path)
        except FileExistsError:
            raise _taken(path) from None
        except OSError:  # a file system without links
            if os.path.lexists(path):
                raise _taken(path) from None
            os.rename(making, path)
    finally:
        for end in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{making}{end}")


def _taken(path: Path) -> ProjectFileError:
    return ProjectFileError(
        "already exists", path=path, advice="Choose another name, or open it instead."
    )
