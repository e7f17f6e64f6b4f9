"""``diptych import`` run several times at once into a new project (a script's ``&`` or
``xargs -P``): each command either imports or is refused for its own reason, never told
that the project being made is another program's database or empty, and a refused command
never removes the project another one is filling."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from diptych.storage.project import Project

# A command whose reading of the file named ``wait.txt`` waits for a file to appear (the
# test's go-ahead), first making another (to say it is reading): two commands in turn.
WAITING = """
import sys
import time
from pathlib import Path
from diptych.storage import importing
from diptych.storage.cli import main

read = importing.read_article_file
reading, go = Path(sys.argv[1]), Path(sys.argv[2])

def read_when_told(path):
    if path.name == "wait.txt":
        reading.touch()
        while not go.exists():
            time.sleep(0.01)
    return read(path)

importing.read_article_file = read_when_told
sys.exit(main(sys.argv[3:]))
"""


def start(*argv: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "diptych.gui", *map(str, argv)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def start_waiting(reading: Path, go: Path, *argv: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WAITING, str(reading), str(go), *map(str, argv)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return sorted(a.title for a in project.articles.all())


def article(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(f"{path.stem}\n\nTalks resumed.\n", encoding="utf-8")
    return path


def wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)


@pytest.mark.parametrize("run", range(4))
def test_imports_at_once_into_a_new_project_each_import(tmp_path: Path, run: int) -> None:
    project = tmp_path / "par.diptych"
    files = [article(tmp_path, f"art {i}.txt") for i in range(6)]
    missing = tmp_path / "missing.txt"
    commands = [start("import", project, f) for f in [missing, *files]]
    done = [(c.wait(timeout=120), *c.communicate()) for c in commands]
    refused, *imported = done
    assert refused[0] == 2 and "missing.txt: does not exist" in refused[2]
    assert [d[0] for d in imported] == [0] * len(files), [d[2] for d in imported]
    assert all(d[2] == "" for d in imported)
    assert titles(project) == sorted(f.stem for f in files)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*(f.name for f in files), "par.diptych"]
    )  # nothing left of the projects' making


def test_a_refused_import_keeps_the_new_project_another_is_filling(tmp_path: Path) -> None:
    project = tmp_path / "race.diptych"
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    waiting_first = article(first, "wait.txt")
    waiting_second = article(second, "wait.txt")
    (first / "unreadable.txt").write_bytes(b"\x89PNG\r\n\x1a\nnot text")
    # The first makes the project, then waits before it is refused for its image.
    refused = start_waiting(
        tmp_path / "first reading", tmp_path / "go first", "import", project,
        waiting_first, first / "unreadable.txt",
    )  # fmt: skip
    wait_for(tmp_path / "first reading", refused)
    assert project.exists()
    # The second opens it, and reads its files while the first is refused.
    filling = start_waiting(
        tmp_path / "second reading", tmp_path / "go second", "import", project, waiting_second
    )
    wait_for(tmp_path / "second reading", filling)
    (tmp_path / "go first").touch()
    assert refused.wait(timeout=60) == 2
    assert "unreadable.txt: is a PNG image" in refused.communicate()[1]
    (tmp_path / "go second").touch()
    assert filling.wait(timeout=60) == 0, filling.communicate()
    assert titles(project) == ["wait"]


def test_a_refused_import_alone_still_removes_the_project_it_made(tmp_path: Path) -> None:
    project = tmp_path / "alone.diptych"
    waiting = article(tmp_path, "wait.txt")
    (tmp_path / "go").touch()
    refused = start_waiting(
        tmp_path / "reading", tmp_path / "go", "import", project, waiting, tmp_path / "no.txt"
    )
    assert refused.wait(timeout=60) == 2
    assert not project.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["go", "reading", "wait.txt"]
