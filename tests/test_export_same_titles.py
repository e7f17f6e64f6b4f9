"""Markdown, HTML and W3C exports: articles of the same title are told apart by their file."""

from __future__ import annotations

import json
import pathlib

import pytest
from export_fixtures import fixed_options

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


@pytest.fixture
def project(tmp_path: pathlib.Path):
    with Project.open(tmp_path / "twins.diptych", create=True, name="Twins") as project:
        for name, body in (("outlet-a.md", "Text A."), ("outlet-b.md", "Text B.")):
            parsed = parse_article(f"# Press release\n\n{body}\n".encode(), name=name)
            article = project.articles.add(parsed=parsed)
            text = project.articles.get(article_id=article.id).text
            project.annotations.add(article_id=article.id, start=text.index("Text"),
                                    end=text.index("Text") + 6)  # fmt: skip
        alone = project.articles.add(parsed=parse_article(b"# Unique\n\nAlone.\n", name="u.md"))
        project.memos.set(kind=MemoKind.ARTICLE, target_id=alone.id, text="Not coded yet.")
        yield project


def _export(project: Project, fmt: str, **options: object) -> str:
    return export_project(project, fmt=fmt, options=fixed_options(**options)).decode()


def test_markdown_headings_and_citations_name_the_file(project: Project) -> None:
    text = _export(project, "md", group_by="article")
    assert "## Press release (outlet-a.md)\n" in text and "## Press release (outlet-b.md)\n" in text
    assert "— *Press release (outlet-b.md)*" in text
    assert "### Unique\n" in text  # a title of its own is left as it is
    by_tag = _export(project, "md")
    assert by_tag.count("— *Press release (outlet-a.md)*") == 1


def test_html_headings_tables_and_citations_name_the_file(project: Project) -> None:
    page = _export(project, "html", group_by="article")
    assert '<h2 dir="auto">Press release (outlet-a.md)</h2>' in page
    assert '<tr><td dir="auto">Press release (outlet-b.md)</td>' in page
    assert '<cite dir="auto">Press release (outlet-b.md)</cite>' in page
    assert '<h3 dir="auto">Unique</h3>' in page


def test_an_export_of_one_twin_keeps_its_plain_title(project: Project) -> None:
    first = project.articles.all()[0].id
    text = _export(project, "md", article_ids=(first,), group_by="article")
    assert "## Press release\n" in text and "outlet-a.md" not in text


def test_w3c_sources_are_labelled_with_the_file(project: Project) -> None:
    items = json.loads(_export(project, "json"))["first"]["items"]
    labels = [item["target"]["source"]["label"] for item in items]
    assert labels == ["Press release (outlet-a.md)", "Press release (outlet-b.md)"]
