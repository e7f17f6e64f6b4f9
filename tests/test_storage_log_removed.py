"""The project's log (``NAME-wal``) deleted while the project is open: what it held is
written into the file and a new log made, only while no other program has the file open
(it writes into the same deleted log: two logs would part ways)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.errors import DiptychError
from diptych.storage.file_place import follow_file
from diptych.storage.project import Project


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        return {t.name for t in project.tags.all()}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    opened = Project.create(tmp_path / "study.diptych")
    opened.tags.add(name="One")
    yield opened
    opened.close()


HOLDER = """
import sys
from diptych.storage.project import Project
with Project.open(sys.argv[1]) as project:
    project.tags.all()
    print("open", flush=True)
    sys.stdin.readline()
"""


def test_a_deleted_log_is_written_into_the_file_and_made_again(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    log = Path(f"{path}-wal")
    assert not project.log_left()
    log.unlink()
    project.tags.add(name="Two")  # into the deleted log
    assert project.log_left()
    with pytest.raises(DiptychError, match="could not be opened"):
        tag_names(path)  # what another program meets meanwhile

    followed = follow_file(project, fallback=tmp_path)

    assert followed is not None and followed.kind == "log" and project.path == path
    assert "Nothing is lost" in followed.describe()
    assert not project.log_left() and log.exists()
    assert tag_names(path) == {"One", "Two"}
    project.tags.add(name="Three")
    assert tag_names(path) == {"One", "Two", "Three"}
    assert follow_file(project, fallback=tmp_path) is None


def test_a_deleted_log_another_program_still_writes_is_left_until_it_closes(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        Path(f"{path}-wal").unlink()
        project.tags.add(name="Two")

        assert follow_file(project, fallback=tmp_path) is None  # both write the deleted log
        assert project.log_left()
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)

    followed = follow_file(project, fallback=tmp_path)
    assert followed is not None and followed.kind == "log"
    assert tag_names(path) == {"One", "Two"}
