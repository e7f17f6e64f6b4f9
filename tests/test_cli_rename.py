"""``diptych rename PROJECT NAME``: the project's name, which its window's title and its
exports' titles show. A project begun from the sample was titled "Sample project" in
every export, and nothing could change it."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run

from diptych.storage.project import Project


def name_of(path: Path) -> str:
    with Project.open(path, read_only=True) as project:
        return project.info().name


def test_the_project_is_renamed_and_its_exports_follow(sample: Path, tmp_path: Path) -> None:
    assert run("export", sample, "--format", "md")[1].startswith("# Sample project: tagged notes")
    code, out, err = run("rename", sample, "  Korea \t brief\n")
    assert (code, out, err) == (0, "Korea brief\n", "")
    assert name_of(sample) == "Korea brief"
    code, out, _err = run("export", sample, "--format", "html")
    assert code == 0 and "<title>Korea brief: tagged notes</title>" in out
    assert "<h1><bdi>Korea brief</bdi>: tagged notes</h1>" in out
    assert run("export", sample, "--format", "md")[1].startswith("# Korea brief: tagged notes")
    code, out, _err = run("rename", sample, "Seoul brief", "--json")
    assert code == 0 and json.loads(out) == {"name": "Seoul brief"}


def test_a_blank_name_is_refused(sample: Path) -> None:
    code, out, err = run("rename", sample, "   ")
    assert (code, out) == (2, "")
    assert "a project's name cannot be empty" in err
    assert name_of(sample) == "Sample project"


def test_a_name_that_shows_nothing_is_refused_and_unseen_ends_are_trimmed(sample: Path) -> None:
    code, out, err = run("rename", sample, "\u200b\u200f")
    assert (code, out) == (2, "") and "empty or invisible" in err
    assert name_of(sample) == "Sample project"
    assert run("rename", sample, "\u200fKorea brief\u200b")[1] == "Korea brief\n"


def test_renaming_a_missing_project_creates_none(tmp_path: Path) -> None:
    missing = tmp_path / "missing.diptych"
    code, _out, err = run("rename", missing, "Brief")
    assert code == 2 and err and not missing.exists()
