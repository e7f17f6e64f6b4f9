"""Opening a project file for the window: the last project or the sample project, a big
file's integrity pass left to a worker, a backup before an older file is updated, and a
sample project that always opens (made again when it cannot be)."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from diptych.gui.context import AppContext
from diptych.gui.workers import Progress
from diptych.storage.backup import backup_before_upgrade
from diptych.storage.backup_folders import list_backups
from diptych.storage.database import check_file
from diptych.storage.errors import (
    Advice,
    DamagedProjectError,
    DiptychError,
    ProjectFileError,
    readable_text,
)
from diptych.storage.file_names import set_aside_name
from diptych.storage.project import Project
from diptych.storage.project_aside import move_aside
from diptych.storage.sample import create_sample_project
from diptych.storage.sqlite_errors import NO_BACKUP_ADVICE, RESTORE_ADVICE

# Files up to this size get SQLite's integrity pass before the window shows them (~0.7 ms
# per MB); a larger file is checked by a worker while the window is already up, and its
# backups wait for the result. Damage found then is handled as when a file fails to open:
# the window moves to the sample project and offers the file's backups.
CHECK_ON_OPEN_LIMIT = 32 * 1024 * 1024


def open_project(path: Path, backups: Path | None = None) -> Project:
    """Open ``path`` for the window: a big file's integrity pass is left to a worker; a
    file from an older Diptych is backed up into ``backups`` before it is updated."""

    def keep_as_it_was(project: Project) -> None:
        if backups is not None:
            backup_before_upgrade(project, root=backups)

    return Project.open(path, check_limit=CHECK_ON_OPEN_LIMIT, before_upgrade=keep_as_it_was)


def open_or_create(context: AppContext, path: Path | None) -> Project:
    """Open ``path``; with no path, the last project or the sample project (created once)."""
    if path is None:
        path = context.settings.last_project() or context.paths.sample_project
    if path == context.paths.sample_project and not path.exists():
        return create_sample_project(path)
    return open_project(path, context.paths.backups)


def missing_project(path: Path) -> ProjectFileError | None:
    """Why ``path``, named to be opened (``diptych open FILE``), is not: it does not exist
    (None if it does, or cannot be told). A project is made by File > New project… or by
    importing into it; a name typed for a new one opened nothing, or another project."""
    try:
        if path.exists():
            return None
    except OSError:  # a folder that cannot be read: said as the opening says it
        return None
    name = shlex.quote(readable_text(str(path)))  # as typed again in a shell
    return ProjectFileError(
        "does not exist",
        path=path,
        advice=Advice(
            "Check the name and folder. To make a new project of that name, import articles"
            f" into it: diptych import {name} FILES (or start diptych and choose File > New"
            " project…).",
            "Check the name and folder. To make a new project, start Diptych and choose"
            f" File > New project…, or import articles into it: diptych import {name} FILES",
        ),
    )


def open_sample_anyway(context: AppContext, *, damaged: bool = False) -> Project:
    """The sample project; if it cannot be opened (or is known to be ``damaged``), it is
    moved aside (with every passage coded in it) and a fresh one is created, so that
    Diptych always starts."""
    path = context.paths.sample_project
    if not damaged:
        try:
            return open_or_create(context, path)
        except DiptychError:
            pass
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = set_aside_name(path, f"could not be opened {stamp}")
    try:  # with its -wal, which may hold its latest changes (and not there if never made)
        move_aside(path, aside)
    except OSError as exc:
        raise ProjectFileError(
            f"could not be opened, nor moved aside to make a new one ({exc.strerror})",
            path=path,
            advice="Check that its folder can be written and the disk is not full.",
        ) from exc
    return create_sample_project(path)


def opened_instead(context: AppContext, project: Project, failed: Path) -> str:
    """What the status bar says of ``project``, shown because ``failed`` could not be
    opened: which project is open, so that work is not done in the sample unawares."""
    if project.path == context.paths.sample_project:
        return (
            f"The Sample project is open: {failed} could not be opened. What you do now goes"
            " into the Sample project; open one of your projects with File > Open project."
        )
    return f"{project.path} (the project used last) is open: {failed} could not be opened."


def without_backups(exc: DiptychError) -> DiptychError:
    """``exc`` as said in the window of a file that has no backups: its advice to restore
    one from the window (:data:`RESTORE_ADVICE`, as the command line says it) would send
    the user looking for an offer that is not there."""
    if exc.advice != RESTORE_ADVICE:
        return exc
    return type(exc)(exc.message, path=exc.path, advice=NO_BACKUP_ADVICE)


def integrity_job(path: Path) -> Callable[[Progress], DamagedProjectError | None]:
    """The worker's job: SQLite's integrity pass over ``path``; the damage found, if any."""

    def job(progress: Progress) -> DamagedProjectError | None:
        try:
            check_file(path)
        except DamagedProjectError as exc:
            return exc
        return None

    return job


def backup_label(backup: Path) -> str:
    """A backup as the Restore dialog lists it (its local time, why and size)."""
    info = next((b for b in list_backups(backup.parent) if b.path == backup), None)
    return info.label if info is not None else backup.name
