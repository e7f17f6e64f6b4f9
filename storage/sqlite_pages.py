"""Reading values from an SQLite file's pages without SQLite, following the file format
(https://www.sqlite.org/fileformat.html): for a file whose log SQLite would read along
with it, and which must be read as the file alone holds it (see
:func:`diptych.storage.file_overwritten.overwritten`). Only table b-trees are read; anything else
is :class:`Unreadable`."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator


class Unreadable(Exception):
    """The file's pages do not read as a table (another program's layout, or a file
    being written)."""


_MOST_PAGES = 10_000  # read to find a value: far more than a small table takes


def info_value(
    read: Callable[[int, int], bytes], header: bytes, table: str, key: str
) -> str | None:
    """The text value of the row whose first column is ``key`` in ``table`` (a key-value
    table such as ``project_info``), as the file itself holds it: None if not there (yet:
    a new project's first rows are still in the log).

    Args:
        read: ``read(offset, size)`` gives the file's bytes.
        header: the file's first 100 bytes.

    Raises:
        Unreadable: the pages do not read as SQLite's tables.
    """
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    usable = page_size - header[20]
    encoding = {1: "utf-8", 2: "utf-16-le", 3: "utf-16-be"}.get(
        struct.unpack(">I", header[56:60])[0], "utf-8"
    )
    if page_size < 512 or page_size & (page_size - 1) or usable < 480:
        raise Unreadable
    visited: set[int] = set()

    def page(number: int) -> bytes:
        if number < 1 or len(visited) > _MOST_PAGES:
            raise Unreadable
        visited.add(number)
        data = read((number - 1) * page_size, page_size)
        if len(data) < page_size:
            raise Unreadable
        return data

    def text(value: object) -> str | None:
        return value.decode(encoding, "replace") if isinstance(value, bytes) else None

    root = None
    for row in _table_rows(page, 1, usable):
        if len(row) >= 4 and text(row[0]) == "table" and text(row[1]) == table:
            root = row[3]
    if not isinstance(root, int):
        return None
    for row in _table_rows(page, root, usable):
        if len(row) >= 2 and text(row[0]) == key:
            return text(row[1])
    return None


def _table_rows(page: Callable[[int], bytes], root: int, usable: int) -> Iterator[list[object]]:
    """The records of the table whose b-tree starts at page ``root``, text as bytes."""
    stack, seen = [root], set()
    while stack:
        number = stack.pop()
        if number in seen:
            raise Unreadable
        seen.add(number)
        data = page(number)
        start = 100 if number == 1 else 0
        kind, cells = data[start], struct.unpack(">H", data[start + 3 : start + 5])[0]
        if kind == 0x05:  # interior: children, then the rightmost
            pointers = start + 12
            for i in range(cells):
                at = _u16(data, pointers + 2 * i)
                stack.append(struct.unpack(">I", data[at : at + 4])[0])
            stack.append(struct.unpack(">I", data[start + 8 : start + 12])[0])
        elif kind == 0x0D:  # leaf: the records
            pointers = start + 8
            for i in range(cells):
                at = _u16(data, pointers + 2 * i)
                size, at = _varint(data, at)
                _rowid, at = _varint(data, at)
                yield _record(_payload(page, data, at, size, usable))
        else:
            raise Unreadable


def _u16(data: bytes, at: int) -> int:
    if at + 2 > len(data):
        raise Unreadable
    return int(struct.unpack(">H", data[at : at + 2])[0])


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        if at + i >= len(data):
            raise Unreadable
        byte = data[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise Unreadable  # not reached


def _payload(page: Callable[[int], bytes], data: bytes, at: int, size: int, usable: int) -> bytes:
    """A record's bytes: those on its page, then those on its overflow pages."""
    most = usable - 35
    if size <= most:
        local = size
    else:
        least = (usable - 12) * 32 // 255 - 23
        local = least + (size - least) % (usable - 4)
        local = local if local <= most else least
    found = data[at : at + local]
    if size > local:
        following = struct.unpack(">I", data[at + local : at + local + 4])[0]
        while len(found) < size:
            overflow = page(following)
            following = struct.unpack(">I", overflow[:4])[0]
            found += overflow[4:usable]
    return found[:size]


_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 7: 8}


def _record(payload: bytes) -> list[object]:
    """The values of one record (integers as int, text and blobs as bytes)."""
    header_size, at = _varint(payload, 0)
    types = []
    while at < header_size:
        kind, at = _varint(payload, at)
        types.append(kind)
    values: list[object] = []
    at = header_size
    for kind in types:
        if kind in (0, 8, 9):
            values.append(None if kind == 0 else kind - 8)
            continue
        if kind in _SIZES:
            size = _SIZES[kind]
            raw = payload[at : at + size]
            values.append(int.from_bytes(raw, "big", signed=True) if kind != 7 else None)
        elif kind >= 12:
            size = (kind - 12) // 2 if kind % 2 == 0 else (kind - 13) // 2
            values.append(payload[at : at + size])
        else:
            raise Unreadable
        at += size
    return values
