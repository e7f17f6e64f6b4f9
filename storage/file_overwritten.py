"""Telling whether a project file was overwritten where it is: another program wrote
another project, another version of the file or other data into it, under the open
project's log. :func:`remember_file` notes which project the file holds as it is opened;
:func:`overwritten` looks again at what the file itself holds (its header and the
project's uuid, read without SQLite, through the descriptor SQLite holds), only when the
file's size or times changed.
"""

from __future__ import annotations

import contextlib
import os
import struct
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from diptych.storage.errors import DiptychError
from diptych.storage.held_files import reading
from diptych.storage.project import Project
from diptych.storage.project_checks import SQLITE_MAGIC
from diptych.storage.schema import APPLICATION_ID
from diptych.storage.sqlite_pages import Unreadable, info_value


@dataclass
class _Seen:
    """What the project's file was last seen to hold: the project ``uuid``, and the size,
    modification and change times it had then (read again only when they change)."""

    uuid: str
    stamp: tuple[int, int, int] | None = None


_seen: weakref.WeakKeyDictionary[Project, _Seen] = weakref.WeakKeyDictionary()


def remember_file(project: Project) -> None:
    """Note which project ``project``'s file holds (its uuid), to tell later whether another
    file was written into it (:func:`overwritten`); done as the project is opened, before
    anything can have happened to the file. Called again, it changes nothing."""
    if project not in _seen and not project.closed:
        with contextlib.suppress(DiptychError):
            _seen[project] = _Seen(project.info().uuid)


def overwritten(project: Project) -> bool:
    """True if the project's file, still under its name, holds another file now: another
    program wrote another project, another version of a file (a backup), or other data
    into it. One ``stat`` while the file's size and times stay the same.

    Only what the file itself holds is read (its header and the project's uuid), never
    through SQLite, whose log and caches still show the project as it was.
    """
    seen = _seen.get(project)
    if seen is None or project.closed:
        remember_file(project)  # from now on (the project was opened just now)
        return False
    try:
        found = os.stat(project.path)
    except OSError:
        return False  # gone: the watch finds out what happened with ``file_status``
    if (found.st_dev, found.st_ino) != project.file_identity:
        return False
    stamp = (found.st_size, found.st_mtime_ns, found.st_ctime_ns)
    if stamp == seen.stamp:
        return False
    try:
        with reading(project.path) as read:
            verdict = _holds_other(read, seen.uuid, seen.stamp is not None)
    except OSError:
        return False  # cannot be read now: looked at again next time
    if verdict is None:  # not told yet (a file half written, a project not yet folded)
        return False
    if not verdict:
        seen.stamp = stamp
    return verdict


def _holds_other(read: Callable[[int, int], bytes], uuid: str, confirmed: bool) -> bool | None:
    """True if the file ``read`` reads is not the project ``uuid`` in SQLite's write-ahead
    mode, False if it is, None if it cannot be told (its identity not in the file itself
    yet, which it can only be until the file was ``confirmed`` to hold it)."""
    header = read(0, 100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return True  # emptied, or other data: never what SQLite writes into its file
    if header[18:20] != b"\x02\x02":  # not in write-ahead mode (a backup, another database)
        return True
    application_id = struct.unpack(">I", header[68:72])[0]
    if application_id == 0 and not confirmed:
        return None  # a new project: its identity is still in the log alone
    if application_id != APPLICATION_ID:
        return True
    if not uuid:
        return None
    try:
        found = info_value(read, header, "project_info", "uuid")
    except Unreadable:
        return None
    return None if found is None else found != uuid
