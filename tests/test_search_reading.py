"""A search through a connection of its own (the Search panel's worker): it finds what the
project's own search finds, reads beside a change being written, and stops when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage import search_reading
from diptych.storage.errors import Cancelled, ProjectMovedError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_reading import search_file

QUERIES = ("korea", '"ballistic missiles"', "customs", "北京", "-korea")


@pytest.mark.parametrize("query", QUERIES)
def test_it_finds_what_the_projects_own_search_finds(sample: Path, query: str) -> None:
    with Project.open(sample) as project:
        assert search_file(sample, query=query, limit=5) == search(project, query=query, limit=5)


def test_it_reads_a_project_open_read_only(sample: Path) -> None:
    with Project.open(sample, read_only=True) as project:
        found = search_file(sample, query="korea", limit=5)
        assert found and found == search(project, query="korea", limit=5)


def test_it_reads_what_was_saved_while_a_change_is_being_written(sample: Path) -> None:
    with Project.open(sample) as project:
        before = search(project, query="korea", limit=50)
        with project.transaction():  # the window's connection holds the write lock
            project.db.execute("UPDATE articles SET title = 'Renamed' WHERE id = 1")
            assert search_file(sample, query="korea", limit=50) == before  # not waiting
        after = search_file(sample, query="Renamed", limit=50)
        assert [hit.article_id for hit in after] == [1]


def test_it_stops_in_the_middle_when_asked(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_reading, "CHECK_EVERY", 1)  # look at every step
    looks: list[bool] = []

    def stopped() -> bool:
        looks.append(True)
        return len(looks) > 20  # the user typed on while SQLite was reading

    with pytest.raises(Cancelled):
        search_file(sample, query="北京 OR korea", limit=50, stopped=stopped)
    assert len(looks) > 20


def test_it_refuses_another_file_that_took_the_projects_name(sample: Path, tmp_path: Path) -> None:
    """While the project's file is moved (until the window finds it), another file may
    take its name: its results are not the project's, and the search is done again."""
    with Project.open(sample) as project:
        identity = project.file_identity
        assert search_file(sample, query="korea", limit=5, identity=identity)
        sample.rename(tmp_path / "moved.diptych")
        with pytest.raises(ProjectMovedError, match="moved or replaced"):
            search_file(sample, query="korea", limit=5, identity=identity)
        with Project.create(sample) as other:  # another project under the old name
            other.articles.add(parsed=parse_article(b"Korea elsewhere", name="k.txt"))
        with pytest.raises(ProjectMovedError):
            search_file(sample, query="korea", limit=5, identity=identity)
