"""A new project created where a deleted project's working files were left (``NAME-wal``,
``NAME-shm``): the log is set aside beside it, kept and said so, never deleted, and never
read into the new project (``Project.create``, ``diptych tag``)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.errors import ProjectFileError
from diptych.storage.project import Project


def leave_stale_log(path: Path) -> bytes:
    """A project at ``path`` deleted while a crashed window's last change was in its log."""
    with Project.create(path) as project:
        project.db.execute("PRAGMA wal_autocheckpoint = 0")
        project.tags.add(name="Old project's tag")
        left = {end: Path(f"{path}{end}").read_bytes() for end in ("-wal", "-shm")}
    for end, data in left.items():
        Path(f"{path}{end}").write_bytes(data)
    path.unlink()
    return left["-wal"]


def kept_logs(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem} (*){path.suffix}-wal"))


def test_a_new_project_sets_a_stale_log_aside_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "study.diptych"
    logged = leave_stale_log(path)
    with Project.create(path) as project:
        assert project.tags.all() == []
        [kept] = kept_logs(path)
        assert project.log_set_aside == kept
        assert "log" in kept.name
    assert kept.read_bytes() == logged
    assert sorted(os.listdir(tmp_path)) == sorted([path.name, kept.name, f"{kept.name[:-4]}-shm"])
    with Project.open(path) as project:
        assert project.tags.all() == []


def test_a_new_project_without_a_stale_log_sets_nothing_aside(tmp_path: Path) -> None:
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        assert project.log_set_aside is None
    assert os.listdir(tmp_path) == [path.name]


def test_a_command_that_creates_a_project_keeps_a_stale_log_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "study.diptych"
    logged = leave_stale_log(path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["tag", str(path), "Method"], stdout=out, stderr=err) == 0
    [kept] = kept_logs(path)
    assert kept.read_bytes() == logged
    assert kept.name in err.getvalue() + out.getvalue()
    with Project.open(path) as project:
        assert [t.name for t in project.tags.all()] == ["Method"]


def test_a_stale_log_that_cannot_be_set_aside_refuses_the_creation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    logged = leave_stale_log(path)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(ProjectFileError) as caught:
        Project.create(path)
    assert "study.diptych-wal" in str(caught.value) and "set aside" in str(caught.value)
    assert not path.exists() and Path(f"{path}-wal").read_bytes() == logged
