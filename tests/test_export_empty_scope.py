"""An export whose scope holds no passage says so, as the file is written all the same."""

from __future__ import annotations

import pathlib

import pytest

from diptych.storage.exporting import FORMATS, ExportOptions, export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


@pytest.fixture
def project(tmp_path: pathlib.Path):
    with Project.open(tmp_path / "p.diptych", create=True, name="P") as project:
        first = project.articles.add(parsed=parse_article(b"Tariffs rose.\n", name="a.txt"))
        project.articles.add(parsed=parse_article(b"Quotas fell.\n", name="b.txt"))
        tag = project.tags.add(name="Trade")
        project.tags.add(name="Unused")
        project.annotations.add(article_id=first.id, start=0, end=7, tag_ids=(tag.id,))
        yield project


def _notes(project: Project, fmt: str, **options: object) -> list[str]:
    notes: list[str] = []
    export_project(project, fmt=fmt, options=ExportOptions(**options), notes=notes)  # type: ignore[arg-type]
    return notes


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"qdc"}))
def test_a_scope_without_passages_is_told(project: Project, fmt: str) -> None:
    articles = {a.title: a.id for a in project.articles.all()}
    tags = {t.name: t.id for t in project.tags.all()}
    told = ["No passage of the chosen articles has the chosen tags, so the file holds none."]
    assert _notes(project, fmt, article_ids=(articles["Quotas fell."],)) == told
    assert _notes(project, fmt, tag_ids=(tags["Unused"],)) == told
    assert _notes(project, fmt) == []  # the passage is there: nothing to say
    assert _notes(project, fmt, tag_ids=(tags["Trade"],)) == []


def test_a_project_without_passages_is_told_so(tmp_path: pathlib.Path) -> None:
    with Project.open(tmp_path / "new.diptych", create=True, name="New") as project:
        project.articles.add(parsed=parse_article(b"Text.\n", name="a.txt"))
        project.tags.add(name="Trade")
        assert _notes(project, "md") == ["The project has no passage yet, so the file holds none."]
        assert _notes(project, "qdc") == []  # a codebook holds no passage anyway
