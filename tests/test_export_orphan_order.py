"""An article's orphans come after its passages in every export, not at the place their
old offsets would put them among passages of the text as it is now."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from export_fixtures import fixed_options

from diptych.storage.anchors import find_quote
from diptych.storage.exporting import collect, export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

OLD = "Opening words here.\n\nA doomed sentence that goes away.\n\nClosing words here.\n"
NEW = "Opening words here.\n\nA new sentence, quite different.\n\nClosing words here.\n"


@pytest.fixture
def project(tmp_path: Path):
    with Project.open(tmp_path / "orphans.diptych", create=True, name="Orphans") as project:
        article = project.articles.add(parsed=parse_article(OLD.encode(), name="a.txt"))
        tag = project.tags.add(name="Theme")
        text = project.articles.get(article_id=article.id).text
        for quote in ("Closing words", "doomed sentence", "Opening words"):
            anchor = find_quote(text, quote)
            project.annotations.add(
                article_id=article.id, start=anchor.start, end=anchor.end, tag_ids=[tag.id]
            )
        project.articles.replace_text(
            article_id=article.id, parsed=parse_article(NEW.encode(), name="a.txt")
        )
        yield project


def test_the_orphan_follows_the_passages_of_its_article(project: Project) -> None:
    data = collect(project, fixed_options())
    assert [p.annotation.is_orphan for p in data.passages] == [False, False, True]
    assert [p.annotation.exact for p in data.passages] == [
        "Opening words",
        "Closing words",
        "doomed sentence",
    ]


@pytest.mark.parametrize("group_by", ["tag", "article"])
def test_markdown_and_csv_list_the_orphan_last(project: Project, group_by: str) -> None:
    options = fixed_options(group_by=group_by)
    text = export_project(project, fmt="md", options=options).decode("utf-8")
    quotes = ("Opening words", "Closing words", "doomed sentence")
    places = [text.index(f"> {quote}\n") for quote in quotes]
    assert places == sorted(places)
    table = export_project(project, fmt="csv", options=options).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(table)))
    new_text = project.articles.get(article_id=project.articles.all()[0].id).text
    assert [(r["quote"], r["start"]) for r in rows] == [
        ("Opening words", "0"),
        ("Closing words", str(new_text.index("Closing"))),
        ("doomed sentence", ""),
    ]


def test_w3c_json_lists_the_orphan_last(project: Project) -> None:
    collection = json.loads(export_project(project, fmt="json", options=fixed_options()))
    exact = [item["target"]["selector"][0]["exact"] for item in collection["first"]["items"]]
    assert exact == ["Opening words", "Closing words", "doomed sentence"]
