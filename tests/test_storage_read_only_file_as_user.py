"""A project that its user cannot write (the file, or its folder), opened by the window or
by a command that only reads, run as a user without the superuser's rights: it opens
read-only, leaves nothing new beside it, and never hides nor loses what a crashed writer
left in its log. (The superuser writes any file, so these run as ``nobody``.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.project import Project

SETPRIV = shutil.which("setpriv")
NOBODY = 65534

pytestmark = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or SETPRIV is None,
    reason="needs to run as root with setpriv, to check as an unprivileged user",
)

# What the window does with a file (gui/project_opening.py: open_project), and a command.
WINDOW = """
import sys
from pathlib import Path
from diptych.gui.project_opening import open_project
with open_project(Path(sys.argv[1])) as project:
    print(project.read_only, sorted(t.name for t in project.tags.all()))
"""
COMMAND = "import sys; from diptych.storage.cli import main; sys.exit(main(sys.argv[1:]))"


def nobody_runs(script: str, *args: str | Path) -> list[str]:
    """The command line that runs ``script`` in Python as the unprivileged user."""
    assert SETPRIV is not None
    privileges = [f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return [SETPRIV, *privileges, sys.executable, "-c", script, *map(str, args)]


def as_nobody(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        nobody_runs(script, *args),
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HOME": "/nonexistent", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def beside(path: Path) -> list[str]:
    return sorted(os.listdir(path.parent))


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder the unprivileged user can reach (pytest's own are the superuser's only)."""
    made = Path(tempfile.mkdtemp(prefix="diptych-ro-"))
    made.chmod(0o777)
    yield made
    made.chmod(0o700)
    shutil.rmtree(made)


@pytest.fixture
def study(folder: Path) -> Path:
    path = folder / "study.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Saved")
    path.chmod(0o444)
    return path


def crash_with_log(path: Path) -> None:
    """Leave ``path`` as a window that crashed leaves it: its last change only in its log."""
    path.chmod(0o644)
    with Project.open(path) as project:
        project.db.execute("PRAGMA wal_autocheckpoint = 0")
        project.tags.add(name="Only in the log")
        left = {end: Path(f"{path}{end}").read_bytes() for end in ("", "-wal", "-shm")}
    for end, data in left.items():
        Path(f"{path}{end}").write_bytes(data)
    for end in ("", "-wal", "-shm"):
        Path(f"{path}{end}").chmod(0o444)


@pytest.mark.parametrize(
    "command",
    [["tags"], ["search", "{path}", "Saved"], ["export", "{path}", "-f", "csv"]],
    ids=["tags", "search", "export"],
)
def test_a_read_only_file_in_a_writable_folder_leaves_nothing_from_a_command(
    study: Path, command: list[str]
) -> None:
    before = beside(study)
    args = [study if a == "{path}" else a for a in command]
    if len(args) == 1:
        args.append(study)
    done = as_nobody(COMMAND, *args)
    assert done.returncode in (0, 1), done.stderr  # 1: nothing matched
    assert beside(study) == before


def test_a_read_only_file_in_a_writable_folder_opens_in_the_window_leaving_nothing(
    study: Path,
) -> None:
    done = as_nobody(WINDOW, study)
    assert done.stdout.strip() == "True ['Saved']", done.stderr
    assert beside(study) == ["study.diptych"]


def test_a_project_in_a_read_only_folder_opens_leaving_nothing(study: Path) -> None:
    study.parent.chmod(0o555)
    done = as_nobody(WINDOW, study)
    assert done.stdout.strip() == "True ['Saved']", done.stderr
    assert as_nobody(COMMAND, "tags", study).returncode == 0
    assert beside(study) == ["study.diptych"]


@pytest.mark.parametrize("folder_writable", [True, False], ids=["writable", "read-only"])
def test_a_crashed_writers_log_is_read_and_kept(study: Path, folder_writable: bool) -> None:
    crash_with_log(study)
    logged = Path(f"{study}-wal").read_bytes()
    study.parent.chmod(0o777 if folder_writable else 0o555)
    done = as_nobody(WINDOW, study)
    assert done.stdout.strip() == "True ['Only in the log', 'Saved']", done.stderr
    assert beside(study) == ["study.diptych", "study.diptych-shm", "study.diptych-wal"]
    assert Path(f"{study}-wal").read_bytes() == logged


HOLDER = """
import sys
from pathlib import Path
from diptych.storage.project import Project
with Project.open(Path(sys.argv[1])) as project:
    print(sorted(t.name for t in project.tags.all()), flush=True)
    sys.stdin.readline()
    print(sorted(t.name for t in project.tags.all()), flush=True)
"""


def holding(path: Path) -> subprocess.Popen[str]:
    """A program that opens ``path`` as the unprivileged user, reads, and keeps it open
    until told to read again and close."""
    held = subprocess.Popen(
        nobody_runs(HOLDER, path),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert held.stdout is not None
    assert held.stdout.readline().strip() == "['Saved']"
    return held


def read_again_and_close(held: subprocess.Popen[str]) -> str:
    out, _ = held.communicate("\n", timeout=60)
    return out.strip()


def test_the_first_to_close_leaves_the_files_another_program_still_reads(study: Path) -> None:
    first = holding(study)  # makes the log and its index beside the file
    try:
        second = holding(study)
    except BaseException:
        first.kill()
        raise
    try:
        assert read_again_and_close(first) == "['Saved']"
        assert beside(study) == ["study.diptych", "study.diptych-shm", "study.diptych-wal"]
    finally:
        assert read_again_and_close(second) == "['Saved']"  # still reads after the other


def test_a_command_run_meanwhile_leaves_the_files_and_the_first_takes_them_away(
    study: Path,
) -> None:
    first = holding(study)
    try:
        assert as_nobody(COMMAND, "tags", study).returncode == 0
        assert beside(study) == ["study.diptych", "study.diptych-shm", "study.diptych-wal"]
    finally:
        assert read_again_and_close(first) == "['Saved']"
    assert beside(study) == ["study.diptych"]
