"""Telling whether a project file was overwritten where it is: another program wrote
another project, another version of the file or other data into it, under the open
project's log. :func:`remember_file` notes which project the file holds as it is opened;
:func:`overwritten` looks again at what the file itself holds (its header and the
project's uuid, read without SQLite, through the descriptor SQLite holds), only when the
file's size or times changed.

Another version of the *same* project (an older copy kept by hand, a colleague's copy of
the shared project, a sync tool's version) has the same uuid, so what it holds does not
tell it from the project's own file. What tells it is who wrote it: in write-ahead mode
SQLite writes into the project file only as it folds its log into it (a checkpoint), and
every fold first marks, in the log's shared index (``NAME-shm``), how far it goes
(``nBackfillAttempted``), then how far it went (``nBackfill``), and a log started again
gets new salts. So a file whose content changed while those marks stayed as they were
at the previous look was written by another program. Its content is compared (a digest)
so that a file only touched (its times changed, ``touch``, a permission change) is not
taken for one written over. Not told: a copy made in the same look interval (1.5 s in the
window) as a fold of the log or as the log is started again, and, for a file larger than
:data:`DIGEST_LIMIT`, a copy of the same size that differs only beyond that.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from diptych.storage.errors import DiptychError
from diptych.storage.held_files import read_held, reading
from diptych.storage.project import Project
from diptych.storage.project_checks import SQLITE_MAGIC
from diptych.storage.schema import APPLICATION_ID
from diptych.storage.sqlite_pages import Unreadable, info_value

# How much of a file is compared (a digest, with its size) when its content may have been
# written by another program: a look after each fold of the log reads that much (about
# 0.1 s on a laptop), on the window's thread.
DIGEST_LIMIT = 32 * 1024 * 1024

_Stamp = tuple[int, int, int]


@dataclass
class _Seen:
    """What the project's file was last seen to hold: the project ``uuid``, and the size,
    modification and change times it had then (read again only when they change).

    And what the file held at the previous look (``content``: its size, modification and
    change times, and a digest), with the marks of the log's folds then (``folds``)."""

    uuid: str
    stamp: _Stamp | None = None
    content: tuple[_Stamp, bytes] | None = None
    folds: bytes | None = None
    file: tuple[str, tuple[int, int] | None] | None = None  # where, and which file


_seen: weakref.WeakKeyDictionary[Project, _Seen] = weakref.WeakKeyDictionary()


def remember_file(project: Project) -> None:
    """Note which project ``project``'s file holds (its uuid), to tell later whether another
    file was written into it (:func:`overwritten`); done as the project is opened, before
    anything can have happened to the file. Called again, it changes nothing."""
    if project not in _seen and not project.closed:
        with contextlib.suppress(DiptychError):
            seen = _Seen(project.info().uuid)
            with contextlib.suppress(OSError):
                folds = _folds(project)  # before the file is read: see _written_by_another
                found = os.stat(project.path)
                stamp = _stamp(found)
                with reading(project.path) as read:
                    content = (stamp, _digest(read, found.st_size))
                if _folds(project) == folds:  # else a fold meanwhile: noted at the next look
                    seen.content, seen.folds = content, folds
                seen.file = (str(project.path), project.file_identity)
            _seen[project] = seen


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
    folds = _folds(project)  # before the file is looked at: see _written_by_another
    try:
        found = os.stat(project.path)
    except OSError:
        return False  # gone: the watch finds out what happened with ``file_status``
    if (found.st_dev, found.st_ino) != project.file_identity:
        return False
    stamp = _stamp(found)
    try:
        with reading(project.path) as read:
            if _written_by_another(project, seen, folds, stamp, read):
                return True
            if stamp == seen.stamp:
                return False
            verdict = _holds_other(read, seen.uuid, seen.stamp is not None)
    except OSError:
        return False  # cannot be read now: looked at again next time
    if verdict is None:  # not told yet (a file half written, a project not yet folded)
        return False
    if not verdict:
        seen.stamp = stamp
    return verdict


def _written_by_another(
    project: Project,
    seen: _Seen,
    folds: bytes | None,
    stamp: _Stamp,
    read: Callable[[int, int], bytes],
) -> bool:
    """True if the file's content changed since the previous look while no connection
    folded the project's log into it: another program wrote into it (another version of
    the project, say). Notes what the file holds now and the marks of the log's folds, for
    the next look, unless a fold is under way (looked at again next time).

    ``folds`` are the marks read before the file's ``stamp`` was taken, and they are read
    again once its content was: what the file holds is only ever paired with marks read
    before it, and a fold begun meanwhile (another window's, a command's as it closes)
    leaves both as they were, to be looked at again. Marks read after the file would
    already show a fold whose pages the file did not hold yet when it was looked at, and
    those pages, found at the next look under marks that had not moved since, would be
    taken for another program's.
    """
    before = seen.folds
    file = (str(project.path), project.file_identity)
    if file != seen.file:  # the project went on in another file (moved, written again)
        seen.file, before = file, None
    if folds is None:  # the log's index cannot be read: told by the uuid alone
        # ... unless it was there at the previous look and the file changed since: another
        # window on the project found the file written over and took the log away; the
        # log made again here would be folded into that file, mixing the two
        if before is not None and _content_changed(seen, stamp, read):
            seen.folds = before  # and again at the next look, as long as the file holds it
            return True
        seen.folds, seen.content = None, None
        return False
    if folds[8:12] != folds[12:16]:  # a fold is under way, or was cut short
        seen.folds = before
        return False
    if seen.content is None or before is None:  # from now on
        content = (stamp, _digest(read, stamp[0]))
        if _folds(project) == folds:
            seen.folds, seen.content = folds, content
        else:
            seen.folds = before
        return False
    (size, modified, _changed), digest = seen.content
    if stamp == seen.content[0]:  # not written since the previous look, nor before the marks
        seen.folds = folds
        return False
    folded = folds != before
    now = _digest(read, stamp[0]) if folded or (stamp[0], stamp[1]) != (size, modified) else digest
    if _folds(project) != folds:  # a fold began as the file was read: looked at again next time
        seen.folds = before
        return False
    seen.folds = folds
    if not folded and now != digest:
        return True  # and again at the next look, as long as the file holds it
    seen.content = (stamp, now)
    return False


def _content_changed(seen: _Seen, stamp: _Stamp, read: Callable[[int, int], bytes]) -> bool:
    """Whether the file's content is not what it was at the previous look."""
    if seen.content is None:
        return False
    if stamp == seen.content[0]:
        return False
    return _digest(read, stamp[0]) != seen.content[1]


def _stamp(found: os.stat_result) -> _Stamp:
    return found.st_size, found.st_mtime_ns, found.st_ctime_ns


def _digest(read: Callable[[int, int], bytes], size: int) -> bytes:
    """A digest of the file's size and content (of its first DIGEST_LIMIT bytes)."""
    digest = hashlib.blake2b(str(size).encode(), digest_size=16)
    chunk = 1024 * 1024
    for offset in range(0, min(size, DIGEST_LIMIT), chunk):
        digest.update(read(offset, chunk))
    return digest.digest()


def _folds(project: Project) -> bytes | None:
    """The marks of the folds of the project's log, in its shared index (``NAME-shm``, read
    through SQLite's own descriptor, never opened here): the log's salts (new each time the
    log starts again) and how far the last fold was to go and went; None if unreadable."""
    index = read_held(project.path.with_name(f"{project.path.name}-shm"), 0, 136)
    if index is None or len(index) < 136:
        return None
    salts = index[32:40]  # in the first copy of the index's header
    backfill, attempted = index[96:100], index[128:132]  # in its checkpoint information
    return salts + attempted + backfill


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
