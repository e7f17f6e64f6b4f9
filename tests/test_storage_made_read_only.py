"""A project file (or its folder) made read-only while it is open: the connection opened
before could still write it, but the next change is refused, naming the file, everything
saved before is kept, and the project is read-only from then on, as it would open now."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_project_file import unwritable
from test_reliability_crash import unwritable_folder

from diptych.storage.errors import MadeReadOnlyError, ProjectFileError, ReadOnlyProjectError
from diptych.storage.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    opened = Project.create(tmp_path / "study.diptych")
    opened.tags.add(name="Saved before")
    yield opened
    if not opened.closed:
        opened.close()


def tag_names(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [t.name for t in project.tags.all()]


def test_a_change_after_the_file_is_made_read_only_is_refused(project: Project) -> None:
    path = project.path
    with unwritable(path):
        with pytest.raises(MadeReadOnlyError) as refused:
            project.tags.add(name="Refused")
        assert str(path) in str(refused.value)
        assert "made read-only while it was open" in str(refused.value)
        assert project.read_only  # as it would open now
        with pytest.raises(ReadOnlyProjectError) as again:  # not said to be made so twice
            project.tags.add(name="Refused too")
        assert not isinstance(again.value, MadeReadOnlyError)
        assert [t.name for t in project.tags.all()] == ["Saved before"]
        project.close()
        assert tag_names(path) == ["Saved before"]


def test_a_change_after_the_folder_is_made_read_only_is_refused(project: Project) -> None:
    with unwritable_folder(project.path.parent):
        with pytest.raises(MadeReadOnlyError):
            project.tags.add(name="Refused")
        project.close()
    assert tag_names(project.path) == ["Saved before"]


def test_a_write_failing_as_the_disk_turns_read_only_is_said_so(project: Project) -> None:
    path = project.path
    with contextlib.ExitStack() as read_only:
        with pytest.raises(MadeReadOnlyError) as refused, project.transaction():
            project.db.execute("UPDATE tags SET name = 'Renamed'")
            read_only.enter_context(unwritable(path))  # as the write fails, not before
            raise ProjectFileError("could not be read or written (disk input/output error)")
        assert isinstance(refused.value.__cause__, ProjectFileError)
        project.close()
        assert tag_names(path) == ["Saved before"]


def test_a_writable_file_takes_changes_as_before(project: Project) -> None:
    project.tags.add(name="Added")
    assert not project.read_only
    project.close()
    assert tag_names(project.path) == ["Saved before", "Added"]
