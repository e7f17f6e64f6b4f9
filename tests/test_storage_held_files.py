"""Looking at a project file this process has open never drops SQLite's locks on it.

Closing any descriptor of a file drops the process's POSIX locks on it. When checking a
file opened and closed it, the next program to close the project took itself for its last
user, deleted the write-ahead log the window still wrote into, and the window's later
changes reached no other program (and were lost if the window crashed).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from diptych.storage.errors import ArticleFileError
from diptych.storage.files import write_atomically
from diptych.storage.held_files import held_descriptors, read_start
from diptych.storage.importing import read_article_file
from diptych.storage.project import Project
from diptych.storage.project_checks import read_header
from diptych.storage.sample import create_sample_project
from diptych.storage.schema import APPLICATION_ID, SCHEMA_VERSION

OTHER_PROGRAM = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
names = [row[0] for row in conn.execute("SELECT name FROM tags ORDER BY id")]
conn.close()
print("|".join(names))
"""


def _other_program_reads_tags(path: Path) -> list[str]:
    """A program that opens the project, reads its tags and closes it, as `diptych tags` does."""
    done = subprocess.run(
        [sys.executable, "-c", OTHER_PROGRAM, str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip().split("|")


def _second_connection(path: Path) -> None:
    Project.open(path, read_only=True).close()


def _export_refused(path: Path) -> None:
    with pytest.raises(Exception, match="is a Diptych project"):
        write_atomically(path, b"not a project")


def _imported_as_an_article(path: Path) -> None:
    with pytest.raises(ArticleFileError):
        read_article_file(path)


@pytest.mark.parametrize(
    "look",
    [read_header, _second_connection, _export_refused, _imported_as_an_article],
    ids=["header", "second-connection", "export-over-it", "import-it"],
)
def test_looking_at_the_open_project_keeps_its_locks(
    tmp_path: Path, look: Callable[[Path], object]
) -> None:
    path = tmp_path / "p.diptych"
    create_sample_project(path).close()
    with Project.open(path) as project:
        project.tags.add(name="First")
        look(path)
        assert "First" in _other_program_reads_tags(path)  # and it closed the project again
        assert Path(f"{path}-wal").exists()  # still this window's log, not deleted
        project.tags.add(name="Second")
        assert "Second" in _other_program_reads_tags(path)  # the window's change reaches it


def test_the_start_of_a_held_file_is_read_through_the_descriptor_held(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    create_sample_project(path).close()
    with Project.open(path):
        held = held_descriptors(path)
        assert held  # SQLite's own descriptor of the file
        assert read_header(path) == (APPLICATION_ID, SCHEMA_VERSION)
        assert read_start(path, 16) == b"SQLite format 3\x00"
        assert held_descriptors(path) == held  # none opened or closed


def test_a_file_not_held_is_read_and_left_closed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"0123456789")
    assert held_descriptors(path) == []
    assert read_start(path, 4) == b"0123"
    assert read_start(path, 100) == b"0123456789"
    assert held_descriptors(path) == []
