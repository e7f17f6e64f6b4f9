"""A big export holds about its own size in memory while it is written, not ten times it.

Python keeps a string in one, two or four bytes a character, the widest its characters
need: one emoji in a 100 MB document made of it 400 MB, and writers that joined their
lines into one string, copied it and then encoded it held a gigabyte or more at once for
100,000 passages (1.3 GB for W3C JSON, 1.6 GB for REFI-QDA). Each writer now encodes as
it goes. Peaks are measured with tracemalloc, which counts every allocation made by
Python code, after the project was read (the read is the same for every format).
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest
from export_fixtures import build_large_project

from diptych.storage.exporting import FORMATS, ExportData, collect, encoded_lines

# The largest peak, as a multiple of the written size, that each writer may reach. The
# generated articles have an emoji in every paragraph, as real articles and notes often do.
# A REFI-QDA project is written one text source at a time: the elements of all its
# selections at once came to more than four times the size of the file they make.
LIMITS = {"md": 3.0, "csv": 3.0, "html": 3.0, "json": 3.0, "qdpx": 3.0}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ExportData:
    path = tmp_path_factory.mktemp("memory") / "large.diptych"
    with build_large_project(path, passages=3000, articles=5) as project:
        return collect(project)


def _written_size(fmt: str, output: bytes) -> int:
    """The size of what the writer wrote, before any compression."""
    if fmt != "qdpx":
        return len(output)
    with zipfile.ZipFile(io.BytesIO(output)) as archive:
        return sum(info.file_size for info in archive.infolist())


@pytest.mark.parametrize("fmt", sorted(LIMITS))
def test_a_writer_holds_about_the_size_of_its_output(data: ExportData, fmt: str) -> None:
    writer = FORMATS[fmt].writer
    writer(data, None)  # imports the writer's module outside the measure
    tracemalloc.start()
    try:
        output = writer(data, None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    size = _written_size(fmt, output)
    assert size > 500_000  # big enough for the text to outweigh fixed costs
    assert peak < LIMITS[fmt] * size, f"{fmt}: peak {peak:,} bytes for {size:,} written"


def test_encoded_lines_joins_with_newlines_in_utf8() -> None:
    assert encoded_lines([]) == b""
    assert encoded_lines(["one"]) == b"one"
    assert encoded_lines(iter(["a 😀", "", "é"])) == "a 😀\n\né".encode()
