"""A CSV export read by the shell's tools (``| cut``, ``| head``, csvkit) starts with its
header, not a byte-order mark; written to a file, by ``-o`` or ``> passages.csv``, it
starts with the mark spreadsheets need to read its accents."""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_fixtures import SAMPLES

from diptych.storage.cli import main

HEADER = b"article,section,start,end,quote,tag path,"


def run(*argv: str | Path, stdout: io.TextIOBase | None = None) -> str:
    out, err = stdout or io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err)  # type: ignore[arg-type]
    assert status == 0, err.getvalue()
    return out.getvalue() if isinstance(out, io.StringIO) else ""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.diptych"
    run("import", path, SAMPLES / "000_1cefcc49ccd7fc22.txt")
    run("annotate", path, "1", "--quote", "approximately $273 billion in 2024",
        "--tag", "Trade", "--note", "Café, 東京", "--coder", "Zoë")  # fmt: skip
    return path


def _export(project: Path, *extra: str, stdout: int | object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "diptych.gui", "export", str(project), *extra],
        stdout=stdout, stderr=subprocess.PIPE, check=True, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize("extra", [("--format", "csv"), ("--format", "csv", "-o", "-")])
def test_a_csv_export_into_a_pipe_starts_with_its_header(
    project: Path, extra: tuple[str, ...]
) -> None:
    done = _export(project, *extra, stdout=subprocess.PIPE)
    assert done.stdout.startswith(HEADER), done.stdout[:60]
    assert "Café, 東京".encode() in done.stdout


def test_cut_reads_the_first_column_by_its_name(project: Path) -> None:
    exporting = subprocess.Popen(
        [sys.executable, "-m", "diptych.gui", "export", str(project), "--format", "csv"],
        stdout=subprocess.PIPE,
    )
    cut = subprocess.run(
        ["cut", "-d,", "-f1"], stdin=exporting.stdout, capture_output=True, check=True, timeout=60
    )
    assert exporting.wait(timeout=60) == 0
    assert cut.stdout.split(b"\n")[0] == b"article"


def test_a_csv_export_redirected_to_a_file_keeps_the_mark(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "passages.csv"
    with target.open("wb") as file:  # > passages.csv
        _export(project, "--format", "csv", stdout=file)
    written = target.read_bytes()
    assert written.startswith(codecs.BOM_UTF8 + HEADER)
    assert written == (_written_with_o(project, tmp_path))


def _written_with_o(project: Path, tmp_path: Path) -> bytes:
    run("export", project, "-o", tmp_path / "with-o.csv")
    return (tmp_path / "with-o.csv").read_bytes()


def test_a_csv_export_added_to_a_file_adds_no_mark_inside_it(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.csv"
    target.write_bytes(codecs.BOM_UTF8 + b"earlier lines\r\n")
    with target.open("ab") as file:  # >> all.csv
        _export(project, "--format", "csv", stdout=file)
    assert target.read_bytes().count(codecs.BOM_UTF8) == 1
    assert target.read_bytes().startswith(codecs.BOM_UTF8 + b"earlier lines\r\n" + HEADER)


def test_in_process_the_same_holds(project: Path, tmp_path: Path) -> None:
    assert run("export", project, "--format", "csv").startswith(HEADER.decode())
    read, write = os.pipe()
    with os.fdopen(write, "w", encoding="utf-8") as piped:
        run("export", project, "--format", "csv", stdout=piped)
    with os.fdopen(read, "rb") as reading:
        assert reading.read().startswith(HEADER)
    target = tmp_path / "in-process.csv"
    with target.open("w", encoding="utf-8") as file:
        run("export", project, "--format", "csv", stdout=file)
    assert target.read_bytes().startswith(codecs.BOM_UTF8 + HEADER)
