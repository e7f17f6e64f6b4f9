"""Reading untrusted zip archives: unsafe names, zip bombs, damaged files."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from diptych.storage.errors import ExchangeFileError
from diptych.storage.safezip import SafeZip, ZipLimits, unsafe_name_reason


def make_zip(path: Path, members: dict[str, bytes], *, stored: bool = False) -> Path:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


def test_reads_members_by_name(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"project.qde": b"<x/>", "Sources/a.txt": b"text"})
    with SafeZip.open(path) as archive:
        assert archive.names() == ["project.qde", "Sources/a.txt"]
        assert archive.read("project.qde") == b"<x/>"
        assert archive.find("sources/A.TXT") == "Sources/a.txt"
        assert archive.find("missing") is None
        assert archive.size("Sources/a.txt") == 4


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "'..'"),
        ("sources/../../evil.txt", "'..'"),
        ("/etc/passwd", "absolute"),
        ("sources\\..\\evil.txt", "backslash"),
        ("C:/Windows/evil.txt", "drive letter"),
        ("c:evil.txt", "drive letter"),
    ],
)
def test_refuses_names_that_escape(tmp_path: Path, name: str, reason: str) -> None:
    path = make_zip(tmp_path / "slip.zip", {"project.qde": b"<x/>", name: b"boom"})
    with pytest.raises(ExchangeFileError, match=reason) as caught:
        SafeZip.open(path)
    assert caught.value.path == path
    assert not (tmp_path.parent / "evil.txt").exists()


def test_safe_names_pass() -> None:
    for name in ("project.qde", "sources/a b.txt", "sources/..hidden", "a/./b"):
        assert unsafe_name_reason(name) is None


def test_refuses_a_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bomb.zip", {"project.qde": b"\0" * (2 * 1024 * 1024)})
    limits = ZipLimits(max_ratio=100, ratio_floor=1024 * 1024)
    with pytest.raises(ExchangeFileError, match="zip bomb"):
        SafeZip.open(path, limits=limits)


def test_refuses_an_archive_over_the_total_size(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "big.zip", {"a": b"x" * 5000, "b": b"y" * 5000})
    with pytest.raises(ExchangeFileError, match="more data than Diptych accepts"):
        SafeZip.open(path, limits=ZipLimits(max_total_size=8000))


def test_refuses_too_many_members(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "many.zip", {f"sources/{i}.txt": b"" for i in range(20)})
    with pytest.raises(ExchangeFileError, match="holds 20 files"):
        SafeZip.open(path, limits=ZipLimits(max_members=10))


def test_a_header_that_lies_about_the_size_cannot_unpack_more(tmp_path: Path) -> None:
    """The central directory says 10 bytes; the data unpacks to 1 MiB."""
    path = make_zip(tmp_path / "liar.zip", {"project.qde": b"a" * (1024 * 1024)})
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)  # uncompressed size
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, 10)
    path.write_bytes(bytes(data))
    with SafeZip.open(path) as archive, pytest.raises(ExchangeFileError, match="readable"):
        archive.read("project.qde")


def test_reads_count_against_the_total(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"a": b"x" * 600, "b": b"y" * 600})
    with SafeZip.open(path, limits=ZipLimits(max_total_size=1500)) as archive:
        archive.read("a")
        archive.read("b")
        with pytest.raises(ExchangeFileError, match="more data"):
            archive.read("a")  # reading the same member again still counts


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip at all", b"PK\x03\x04" + b"\0" * 30],
    ids=["empty", "text", "truncated"],
)
def test_not_a_zip(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.qdpx"
    path.write_bytes(content)
    with pytest.raises(ExchangeFileError, match="not a readable zip archive") as caught:
        SafeZip.open(path)
    assert "broken.qdpx" in str(caught.value)
    assert caught.value.advice


def test_truncated_archive(tmp_path: Path) -> None:
    whole = make_zip(tmp_path / "whole.zip", {"project.qde": b"<x/>" * 1000})
    cut = tmp_path / "cut.qdpx"
    cut.write_bytes(whole.read_bytes()[:-30])
    with pytest.raises(ExchangeFileError, match="not a readable zip"):
        SafeZip.open(cut)


def test_damaged_member(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"project.qde": b"hello world" * 100})
    data = bytearray(path.read_bytes())
    data[40:60] = b"\xff" * 20  # inside the compressed data
    path.write_bytes(bytes(data))
    with SafeZip.open(path) as archive, pytest.raises(ExchangeFileError, match="unpacked"):
        archive.read("project.qde")


def test_a_member_whose_own_header_has_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    """The directory at the end names the member well; its own header says its name is
    UTF-8 and it is not (a damaged file, found by fuzzing the import)."""
    path = make_zip(tmp_path / "a.zip", {"project.qde": b"<x/>"})
    data = bytearray(path.read_bytes())
    assert data[:4] == b"PK\x03\x04" and data[30:41] == b"project.qde"
    flags = struct.unpack_from("<H", data, 6)[0]
    struct.pack_into("<H", data, 6, flags | 0x800)  # "the name is UTF-8"
    data[39] = 0xD5  # "project.q\xd5e": not UTF-8
    path.write_bytes(bytes(data))
    with SafeZip.open(path) as archive, pytest.raises(ExchangeFileError, match="unpacked"):
        archive.read("project.qde")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExchangeFileError, match="does not exist"):
        SafeZip.open(tmp_path / "nowhere.qdpx")


def test_refuses_duplicate_names(tmp_path: Path) -> None:
    path = tmp_path / "dup.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", b"one")
        with pytest.warns(UserWarning):
            archive.writestr("project.qde", b"two")
    with pytest.raises(ExchangeFileError, match="twice"):
        SafeZip.open(path)


def test_refuses_encrypted_members(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "enc.zip", {"project.qde": b"<x/>"}, stored=True)
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1  # general purpose flag: encrypted
    path.write_bytes(bytes(data))
    with pytest.raises(ExchangeFileError, match="encrypted"):
        SafeZip.open(path)
