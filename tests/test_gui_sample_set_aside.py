"""A sample project that cannot be opened is moved aside with its -wal, or, if that
cannot be done, left whole in its place: never the file moved and its log left behind,
where the new sample project would read it as its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from damaged_files import damage
from gui_support import make_context

from diptych.gui.project_opening import open_sample_anyway
from diptych.storage.errors import ProjectFileError
from diptych.storage.sample import create_sample_project


def crashed_sample(sample: Path) -> dict[str, bytes]:
    """The sample project as a window that crashed leaves it, then damaged."""
    with create_sample_project(sample) as project:
        project.db.execute("PRAGMA wal_autocheckpoint = 0")
        project.tags.add(name="Only in the log")
        left = {end: Path(f"{sample}{end}").read_bytes() for end in ("", "-wal")}
    for end, data in left.items():
        Path(f"{sample}{end}").write_bytes(data)
    damage(sample)
    return {end: Path(f"{sample}{end}").read_bytes() for end in ("", "-wal")}


def test_a_damaged_sample_goes_aside_with_its_log(tmp_path: Path) -> None:
    context = make_context(tmp_path / "user")
    sample = context.paths.sample_project
    left = crashed_sample(sample)

    with open_sample_anyway(context) as project:
        assert project.tags.find(name="Only in the log") is None  # a new sample, on its own

    (aside,) = [p for p in sample.parent.iterdir() if p.name.endswith(").diptych")]
    assert "could not be opened" in aside.name
    assert aside.read_bytes() == left[""]
    assert Path(f"{aside}-wal").read_bytes() == left["-wal"]


def test_a_sample_that_cannot_be_moved_aside_stays_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = make_context(tmp_path / "user")
    sample = context.paths.sample_project
    left = crashed_sample(sample)
    real_replace = Path.replace

    def replace(self: Path, target: Path | str) -> Path:
        if self.name.endswith("-wal"):
            raise PermissionError(13, "Permission denied")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)

    with pytest.raises(ProjectFileError, match="nor moved aside"):
        open_sample_anyway(context)

    assert {end: Path(f"{sample}{end}").read_bytes() for end in ("", "-wal")} == left
    assert not [p for p in sample.parent.iterdir() if "could not be opened" in p.name]
