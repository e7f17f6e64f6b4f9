"""A project whose creation was cut short before its tables opens and is completed."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage import schema
from diptych.storage.project import Project


def test_a_creation_cut_short_before_the_tables_is_completed_on_the_next_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(db: object) -> None:  # the program stops while the first tables are made
        raise KeyboardInterrupt

    path = tmp_path / "Field notes.diptych"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "_STEPS", (("0001_core", killed), *schema._STEPS[1:]))
        schema.migrations.cache_clear()
        with pytest.raises(KeyboardInterrupt):
            Project.create(path)
        assert not path.exists()  # a project is created whole, or leaves nothing
        with pytest.raises(KeyboardInterrupt):
            Project.open(path, create=True)  # as a creation by an older Diptych did
    schema.migrations.cache_clear()
    assert path.exists()  # the file was made, marked as Diptych's, without tables

    with Project.open(path) as project:
        project.tags.add(name="Works")
        info = project.info()
    assert info.name == "Field notes" and len(info.uuid) == 36
