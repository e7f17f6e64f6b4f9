"""A project whose folder cannot be written (the file itself can) is refused by a command
that would change it, saying so and what the command line can do: it said to make the
file writable, which it was, and to "open it again, or save a copy", the window's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run
from test_gui_read_only_opening import unwritable

from diptych.storage.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "shared" / "p.diptych"
    path.parent.mkdir()
    with Project.create(path) as project:
        project.tags.add(name="Economy")
    return path


def test_a_read_only_folder_is_named_with_what_to_do(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unwritable(monkeypatch, project.parent)
    code, out, err = run("tag", project, "Trade")
    assert (code, out) == (2, "")
    assert "its folder cannot be written" in err
    assert "Make its folder writable" in err and "run the command again" in err
    assert "Make the file writable" not in err and "save a copy" not in err
    monkeypatch.undo()
    with Project.open(project, read_only=True) as opened:
        assert [t.name for t in opened.tags.all()] == ["Economy"]


def test_a_read_only_file_is_told_to_be_made_writable(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unwritable(monkeypatch, project)
    code, _, err = run("tag", project, "Trade")
    assert code == 2
    assert "Make the file writable and run the command again" in err
