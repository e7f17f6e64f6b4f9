"""A project in folders nested so deep that its whole path is longer than SQLite takes
(512 bytes, its working files' names included: 504 for the project itself), though every
name on the way is short: the message says so and what fits, not "cannot be opened.
Check that the file and its folder exist", which they do."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.errors import ProjectFileError
from diptych.storage.project import Project
from diptych.storage.project_checks import LONGEST_PATH


def deep_folder(root: Path, length: int) -> Path:
    """A folder in ``root`` whose path is ``length`` bytes long, of names of 100 bytes."""
    folder = root
    while len(str(folder)) < length - 101:
        folder = folder / ("f" * 100)
    folder = folder / ("g" * (length - len(str(folder)) - 1))
    folder.mkdir(parents=True)
    assert len(str(folder)) == length
    return folder


def test_the_longest_path_sqlite_takes_opens(tmp_path: Path) -> None:
    folder = deep_folder(tmp_path, LONGEST_PATH - len("/study.diptych"))
    with Project.create(folder / "study.diptych") as project:
        project.tags.add(name="Kept")
    with Project.open(folder / "study.diptych") as project:
        assert {t.name for t in project.tags.all()} == {"Kept"}


def test_a_project_whose_path_is_too_long_for_sqlite_is_refused_clearly(tmp_path: Path) -> None:
    saved = tmp_path / "saved.diptych"
    with Project.create(saved) as project:
        project.tags.add(name="Kept")
    folder = deep_folder(tmp_path, LONGEST_PATH + 1 - len("/study.diptych"))
    deep = folder / "study.diptych"
    shutil.copy(saved, deep)

    with pytest.raises(ProjectFileError) as refused:
        Project.open(deep)
    message = str(refused.value)
    assert str(deep) in message and f"{LONGEST_PATH + 1} bytes" in message
    assert f"at most {LONGEST_PATH}" in message and "Move it" in message
    assert deep.read_bytes() == saved.read_bytes()  # untouched
    assert sorted(p.name for p in folder.iterdir()) == ["study.diptych"]

    with pytest.raises(ProjectFileError, match="Choose a folder") as refused:
        Project.create(folder / "new-study.diptych")
    assert not (folder / "new-study.diptych").exists()

    out, err = io.StringIO(), io.StringIO()
    assert main(["tags", str(deep)], stdout=out, stderr=err) == 2
    assert f"at most {LONGEST_PATH}" in err.getvalue() and err.getvalue().count("\n") == 1
