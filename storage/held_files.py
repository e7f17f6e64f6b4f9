"""Reading a file that this process may hold open in SQLite, without dropping its locks.

SQLite's locks on a project file are POSIX record locks, and those belong to the process,
not to a descriptor: closing *any* descriptor of the file drops every one of them. A window
that read the header of its own project with ``open()`` and ``close()`` (as checking the
file before a second connection did) lost its locks; the next program to close the file
(``diptych articles``, another window) then took itself for the last one, folded and deleted
the write-ahead log the window still wrote into, and what the window wrote next was lost if
it crashed. So a file this process already holds open is read through a descriptor it
holds, which stays open; any other file is opened and closed as usual.

Where the system cannot list a process's descriptors (Windows, whose locks are not dropped
this way), every file is opened as usual.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

if sys.platform.startswith("linux"):  # what :func:`used_elsewhere` asks of the system
    import fcntl

# Where a process's open descriptors are listed: Linux, then macOS and the BSDs.
_DESCRIPTOR_FOLDERS = ("/proc/self/fd", "/dev/fd")


def read_start(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path`` (fewer if it is shorter).

    Raises:
        OSError: as opening and reading the file would.
    """
    with reading(path) as read:
        return read(0, size)


@contextlib.contextmanager
def reading(path: Path) -> Iterator[Callable[[int, int], bytes]]:
    """A way to read ``path`` at any offset, through a descriptor this process holds on it if
    any: ``read(offset, size)`` gives those bytes (fewer at the end of the file). The file is
    looked up once.

    Raises:
        OSError: as opening and reading the file would (on entering, or from ``read``).
    """
    target = path.stat()
    key = (target.st_dev, target.st_ino)
    for descriptor in _descriptors_of(key):
        if _read_held(descriptor, key, 0) is None:
            continue

        def read_held(offset: int, size: int, descriptor: int = descriptor) -> bytes:
            data = _read_held(descriptor, key, size, offset)
            if data is None:
                raise OSError(f"{path} was closed while it was read")
            return data

        yield read_held
        return
    with path.open("rb") as file:
        yield lambda offset, size: _read_fully(file.fileno(), size, offset)


def read_held(path: Path, offset: int, size: int) -> bytes | None:
    """``size`` bytes of ``path`` from ``offset``, read through a descriptor this process
    holds on it; None if it holds none (the file is never opened here: for SQLite's
    ``-shm``, whose locks closing a descriptor would drop)."""
    try:
        target = path.stat()
    except OSError:
        return None
    key = (target.st_dev, target.st_ino)
    for descriptor in _descriptors_of(key):
        data = _read_held(descriptor, key, size, offset)
        if data is not None:
            return data
    return None


def held_descriptors(path: Path) -> list[int]:
    """The descriptors this process has open on the file at ``path`` (none if it cannot tell)."""
    try:
        target = path.stat()
    except OSError:
        return []
    return _descriptors_of((target.st_dev, target.st_ino))


def _descriptors_of(key: tuple[int, int]) -> list[int]:
    """The descriptors this process has open on the file ``key`` (device, inode) names."""
    for folder in _DESCRIPTOR_FOLDERS:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found = []
        for name in names:
            try:
                held = os.stat(f"{folder}/{name}")
            except OSError:  # the listing's own descriptor, or one closed meanwhile
                continue
            if (held.st_dev, held.st_ino) == key and name.isdigit():
                found.append(int(name))
        return found
    return []


def _read_held(descriptor: int, key: tuple[int, int], size: int, start: int = 0) -> bytes | None:
    """Read through a descriptor held elsewhere in the process, at explicit offsets (its
    owner's reads and writes are not moved); None if it is no longer that file's or cannot
    be read (opened for writing only, or closed by its owner meanwhile)."""
    try:
        if _identity(descriptor) != key:
            return None
        data = _read_fully(descriptor, size, start)
        if _identity(descriptor) != key:  # closed and its number reused meanwhile
            return None
    except OSError:
        return None
    return data


def _read_fully(descriptor: int, size: int, start: int) -> bytes:
    """``size`` bytes from ``start`` (fewer at the end of the file), at explicit offsets."""
    chunks = []
    offset = 0
    while offset < size:
        chunk = os.pread(descriptor, size - offset, start + offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _identity(descriptor: int) -> tuple[int, int]:
    status = os.fstat(descriptor)
    return status.st_dev, status.st_ino


def used_elsewhere(path: Path) -> bool:
    """True if another connection may still use the file at ``path`` (SQLite's ``-shm``):
    this process holds a descriptor on it, or another process holds a lock on any part of
    it (every SQLite connection holds one while it is open). True as well where this
    cannot be told (a system other than Linux, a file that cannot be read).

    Only asked once this process holds no descriptor on it, so that opening and closing it
    here drops no lock of this process's.
    """
    if not sys.platform.startswith("linux") or held_descriptors(path):
        return True
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True
    try:
        return _locked_by_another(descriptor)
    except OSError:
        return True
    finally:
        os.close(descriptor)


def opened_elsewhere(path: Path) -> bool:
    """True if another process has the file at ``path`` open through SQLite (every
    connection holds a lock on part of it while it is open), or if this cannot be told (a
    system other than Linux, no descriptor of this process on it).

    Asked through a descriptor this process holds, so that no lock of its own is dropped.
    """
    if not sys.platform.startswith("linux"):
        return True
    for descriptor in held_descriptors(path):
        try:
            return _locked_by_another(descriptor)
        except OSError:
            continue
    return True


def _locked_by_another(descriptor: int) -> bool:
    """True if another process holds a lock on any part of the file open as
    ``descriptor`` (raises OSError if this cannot be asked)."""
    # struct flock on Linux: type, whence, start, length (0: to the end), pid.
    asked = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
    answer = fcntl.fcntl(descriptor, fcntl.F_GETLK, asked)
    return struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK
