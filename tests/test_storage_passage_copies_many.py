"""Ctrl+C on thousands of passages: they are read in one query, and of each article only
its text and where its headings are (parsing every article's blocks and a query per
passage held the window for seconds). The text copied is the same as the export's."""

from __future__ import annotations

from pathlib import Path

import pytest

import diptych.storage.article_rows as article_rows
import diptych.storage.document as document
from diptych.storage.annotations import AnnotationStore, NewAnnotation
from diptych.storage.exporting_data import ExportOptions
from diptych.storage.exporting_snapshot import collect
from diptych.storage.importing import parse_article
from diptych.storage.passage_copies import copied_passages
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

ARTICLES = 25
WORDS = " ".join(f"word{i}" for i in range(40))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """The sample project with ARTICLES more, each with two sections and passages in both."""
    project = create_sample_project(tmp_path / "p.diptych")
    tag = project.tags.all()[0].id
    text = "# Article {n}\n\n## Harbour\n\n{w}\n\n## Tariffs\n\n{w}\n"
    parsed = [
        parse_article(text.format(n=n, w=WORDS).encode(), name=f"a{n}.md") for n in range(ARTICLES)
    ]
    added = project.articles.add_many(parsed=parsed)
    items = []
    for article in added:
        display = project.articles.get(article_id=article.id).content.text
        for word in ("word3", "word30"):  # one in each section
            for at in (display.index(word), display.rindex(word)):
                items.append(
                    NewAnnotation(article_id=article.id, start=at, end=at + 5, tag_ids=(tag,))
                )
    project.annotations.add_many(items=items)
    project.articles.forget_cached()
    return project


def as_exported(project: Project, ids: list[int]) -> str:
    """The passages as the export reads them (every block of every article)."""
    wanted = [project.annotations.get(annotation_id=i) for i in ids]
    articles = tuple(dict.fromkeys(p.article_id for p in wanted))
    data = collect(project, ExportOptions(article_ids=articles))
    by_id = {p.annotation.id: p for p in data.passages}
    coders = {p.coder for p in wanted if p.coder}
    lines = []
    for p in wanted:
        exported = by_id[p.id]
        cited = [data.title(exported.article)]
        if exported.section:
            cited.append("§ " + exported.section)
        if exported.tag_ids:
            cited.append(", ".join(data.tag_path(t) for t in exported.tag_ids))
        if p.coder and len(coders) > 1:
            cited.append("coded by " + p.coder)
        lines.append("\n".join([f"“{p.exact}”", "— " + " · ".join(cited)]))
    return "\n\n".join(lines)


def test_many_passages_are_copied_without_every_block_or_a_query_each(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [p.id for p in project.annotations.query() if not p.note]
    assert len(ids) > 100  # more than are read one by one
    expected = as_exported(project, ids)
    assert "§ Harbour" in expected and "§ Tariffs" in expected
    parsed: list[str] = []
    gets: list[int] = []
    blocks = document.blocks_from_json
    get = AnnotationStore.get

    def parsing(data: str) -> object:
        parsed.append(data)
        return blocks(data)

    def getting(store: AnnotationStore, *, annotation_id: int) -> object:
        gets.append(annotation_id)
        return get(store, annotation_id=annotation_id)

    monkeypatch.setattr(article_rows, "blocks_from_json", parsing)
    monkeypatch.setattr(document, "blocks_from_json", parsing)
    monkeypatch.setattr(AnnotationStore, "get", getting)
    project.articles.forget_cached()
    assert copied_passages(project, ids) == expected
    assert parsed == []
    assert gets == []


def test_a_few_passages_are_copied_as_the_export_cites_them(project: Project) -> None:
    ids = [p.id for p in project.annotations.query()][-6:]
    assert copied_passages(project, ids) == as_exported(project, ids)
