"""Two windows, in two processes, have a project open when its file is deleted. The first
to look writes the project again in its place and goes on there; SQLite keeps the log by
the file's name, so the second window's connection, still on the deleted file, shares its
log with the file written again. When the second window then follows the file it folds
that log, with what the first window saved since, into the deleted file.

A known limit (docs/RELIABILITY.md): telling SQLite not to fold the log as a connection
closes (``SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE``) needs Python 3.12's ``setconfig``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from diptych.storage.file_place import follow_file
from diptych.storage.project import Project

SECOND_WINDOW = """
import sys
from pathlib import Path
from diptych.storage.file_place import follow_file
from diptych.storage.project import Project
project = Project.open(sys.argv[1])
project.tags.all()
print("open", flush=True)
sys.stdin.readline()
follow_file(project, fallback=Path(sys.argv[2]))
print("followed", flush=True)
sys.stdin.readline()
project.close()
"""


@pytest.mark.xfail(strict=True, reason="SQLite shares the log by name; see the docstring")
def test_a_change_saved_after_the_first_window_wrote_the_file_again_stays_in_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Before")
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND_WINDOW, str(path), str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert second.stdin is not None and second.stdout is not None
    first = Project.open(path)
    try:
        assert second.stdout.readline() == "open\n"
        path.unlink()
        followed = follow_file(first, fallback=tmp_path)
        assert followed is not None and followed.kind == "deleted"
        first.tags.add(name="Saved after")
        second.stdin.write("\n")
        second.stdin.flush()
        assert second.stdout.readline() == "followed\n"

        first.forget_cached()
        assert "Saved after" in {t.name for t in first.tags.all()}
    finally:
        second.stdin.write("\n")
        second.stdin.close()
        second.wait(timeout=30)
        first.close()
