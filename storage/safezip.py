"""Reading zip archives that come from elsewhere (REFI-QDA ``.qdpx`` projects).

An exchange file is untrusted input. Nothing here ever writes a member to disk: members
are read into memory by name, so a name such as ``../../.bashrc`` cannot escape anywhere;
such names are still refused, because an archive that carries them is not an honest
exchange file. (A backslash between folders, which some Windows tools write, is read as
``/``.) Against zip bombs the archive is checked before any member is read
(number of members, declared sizes, compression ratio) and every read is counted in
chunks against the same limits, so that a header that lies about a size cannot make
Diptych decompress more than the limits allow.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from diptych.storage.errors import ExchangeFileError

MiB = 1024 * 1024

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """How much an untrusted archive may hold.

    Attributes:
        max_members: entries in the archive.
        max_total_size: bytes of all members together once decompressed.
        max_ratio: decompressed size over compressed size of one member...
        ratio_floor: ...checked only for members larger than this (small members are
            harmless whatever their ratio, and text compresses very well: a Diptych
            export of an article that repeats itself, a table of figures, goes over 200
            to 1). Every byte read is counted against ``max_total_size`` anyway.
    """

    max_members: int = 10_000
    max_total_size: int = 512 * MiB
    max_ratio: int = 200
    ratio_floor: int = 16 * MiB


DEFAULT_LIMITS = ZipLimits()


def member_name(name: str) -> str:
    """A member's name with ``/`` between folders.

    Windows PowerShell's ``Compress-Archive`` and zips made with the .NET Framework 4.5
    write ``Sources\\a.txt``; nothing is ever unpacked to disk, so that is only a way of
    spelling ``Sources/a.txt``.
    """
    return name.replace("\\", "/")


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name could escape the folder it is extracted to, or None if it is safe."""
    if "\\" in name:
        return "a backslash" if unsafe_name_reason(member_name(name)) else None
    if "\x00" in name:
        return "a NUL character"
    if name.startswith("/"):
        return "an absolute path"
    if _DRIVE.match(name):
        return "a drive letter"
    if any(part == ".." for part in PurePosixPath(name).parts):
        return "a '..' component"
    return None


class SafeZip:
    """A zip archive opened for reading members into memory, within :class:`ZipLimits`.

    Use :meth:`open`; reads are counted against ``max_total_size`` across all members.
    """

    def __init__(self, archive: zipfile.ZipFile, path: Path, limits: ZipLimits) -> None:
        self._zip = archive
        self.path = path
        self.limits = limits
        self._read_total = 0
        self._members = {
            member_name(info.filename): info for info in archive.infolist() if not info.is_dir()
        }

    @classmethod
    def open(cls, path: str | Path, *, limits: ZipLimits = DEFAULT_LIMITS) -> SafeZip:
        """Open and check an archive.

        Raises:
            ExchangeFileError: not a zip, damaged, encrypted, unsafe names, or over a limit.
        """
        path = Path(path)
        try:
            archive = zipfile.ZipFile(path)
        except FileNotFoundError as exc:
            raise ExchangeFileError("does not exist", path=path) from exc
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            ValueError,
            NotImplementedError,  # a zip feature newer than Python's zipfile
        ) as exc:
            raise _damaged(path) from exc
        except OSError as exc:
            raise ExchangeFileError(f"cannot be read ({exc.strerror or exc})", path=path) from exc
        try:
            _check(archive.infolist(), path, limits)
        except BaseException:
            archive.close()
            raise
        return cls(archive, path, limits)

    def names(self) -> list[str]:
        """Every file in the archive (folders left out), in archive order."""
        return list(self._members)

    def find(self, name: str) -> str | None:
        """The member called ``name``, compared without regard to case (tools differ)."""
        if name in self._members:
            return name
        key = name.casefold()
        matches = [n for n in self._members if n.casefold() == key]
        return matches[0] if len(matches) == 1 else None

    def size(self, name: str) -> int:
        """The member's declared decompressed size."""
        return self._members[name].file_size

    def read(self, name: str) -> bytes:
        """A member's bytes, read in chunks and counted against the limits.

        Raises:
            KeyError: no member has that name.
            ExchangeFileError: the member is damaged or the archive exceeds a limit.
        """
        info = self._members[name]
        parts: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    got += len(chunk)
                    self._read_total += len(chunk)
                    if got > info.file_size or self._read_total > self.limits.max_total_size:
                        raise _too_large(self.path, self.limits)
                    parts.append(chunk)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            UnicodeDecodeError,  # the member's own header says its name is UTF-8; it is not
        ) as exc:
            raise _damaged(self.path, member=name) from exc
        return b"".join(parts)

    def close(self) -> None:
        """Close the archive file."""
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _check(infos: list[zipfile.ZipInfo], path: Path, limits: ZipLimits) -> None:
    if len(infos) > limits.max_members:
        raise ExchangeFileError(
            f"holds {len(infos)} files, more than the {limits.max_members} Diptych accepts",
            path=path,
            advice="Export the project again from the program that made it.",
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        reason = unsafe_name_reason(info.filename)
        if reason is not None:
            raise ExchangeFileError(
                f"contains a file name with {reason} ({info.filename!r}), which could write"
                " outside its folder; it was not read",
                path=path,
                advice="Only open exchange files from a source you trust.",
            )
        if member_name(info.filename) in seen:
            raise ExchangeFileError(f"contains {info.filename!r} twice", path=path)
        seen.add(member_name(info.filename))
        if info.flag_bits & 0x1:
            raise ExchangeFileError(
                "is encrypted", path=path, advice="Export it again without a password."
            )
        total += info.file_size
        ratio_exceeded = (
            info.file_size > limits.ratio_floor
            and info.file_size > limits.max_ratio * max(info.compress_size, 1)
        )
        if total > limits.max_total_size or ratio_exceeded:
            raise _too_large(path, limits)


def _too_large(path: Path, limits: ZipLimits) -> ExchangeFileError:
    return ExchangeFileError(
        "would unpack to more data than Diptych accepts (at most"
        f" {limits.max_total_size // MiB} MiB, compressed at most {limits.max_ratio} to 1);"
        " it may be a zip bomb",
        path=path,
        advice="Only open exchange files from a source you trust.",
    )


def _damaged(path: Path, member: str | None = None) -> ExchangeFileError:
    where = f" ({member} cannot be unpacked)" if member else ""
    return ExchangeFileError(
        f"is not a readable zip archive{where}; it may be damaged or incomplete",
        path=path,
        advice="Copy or download the file again, or export it again from the program that made it.",
    )
