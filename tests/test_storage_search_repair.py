"""A project damaged only in its full-text search index (a bad sector, a copy cut short)
opens, the index made again from its texts and the damaged file kept beside it: it was
refused whole as "damaged", and only an older backup was offered."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

import pytest
from damaged_files import damage_table

from diptych.storage.cli import main
from diptych.storage.errors import DamagedProjectError, DamagedSearchIndexError
from diptych.storage.project import Project
from diptych.storage.project_checks import check_integrity
from diptych.storage.sample import create_sample_project
from diptych.storage.search import search

NOTE = "Framing used by both articles; checked twice"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "Study.diptych"
    with create_sample_project(path) as project:
        passage = project.annotations.query()[0]
        project.annotations.set_note(annotation_id=passage.id, note=NOTE)
    return path


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


SEARCH_TABLES = [
    "articles_fts_docsize",
    "articles_fts_idx",
    "annotations_fts_data",
    "memos_fts_config",
]


@pytest.mark.parametrize("table", SEARCH_TABLES)
def test_a_project_damaged_in_its_search_index_alone_opens_with_it_rebuilt(
    study: Path, table: str
) -> None:
    damage_table(study, table)
    damaged = study.read_bytes()
    with contextlib.closing(sqlite3.connect(study)) as conn, pytest.raises(DamagedSearchIndexError):
        check_integrity(conn, study)

    with Project.open(study) as project:
        kept = project.search_kept
        assert kept is not None and kept.parent == study.parent
        assert "(damaged " in kept.name
        assert NOTE in {p.note for p in project.annotations.query()}
        assert any(hit.kind == "passage" for hit in search(project, query="checked twice"))
        assert search(project, query="trade")  # the articles' words found again
    assert kept.read_bytes() == damaged  # the damaged file as it was
    with contextlib.closing(sqlite3.connect(study)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert files_in(study.parent) == sorted([study.name, kept.name])


def test_a_project_damaged_elsewhere_too_is_refused_and_left_as_it_was(study: Path) -> None:
    damage_table(study, "articles_fts_docsize")
    damage_table(study, "annotations")
    damaged = study.read_bytes()
    with pytest.raises(DamagedProjectError) as refused:
        Project.open(study)
    assert not isinstance(refused.value, DamagedSearchIndexError)
    assert study.read_bytes() == damaged
    assert files_in(study.parent) == [study.name]


def test_the_command_line_rebuilds_it_and_says_so(study: Path) -> None:
    damage_table(study, "articles_fts_idx")
    out, err = io.StringIO(), io.StringIO()
    code = main(["tag", str(study), "Rebuilt"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    said = out.getvalue() + err.getvalue()
    assert "search index" in said and "(damaged " in said
    with Project.open(study, read_only=True) as project:
        assert project.tags.find(name="Rebuilt") is not None
