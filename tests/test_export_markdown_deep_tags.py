"""Markdown export: a codebook deeper than Markdown's six heading levels keeps its nesting."""

from __future__ import annotations

import pathlib

from markdown_it import MarkdownIt

from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def _headings(text: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]


def test_tags_below_the_sixth_heading_level_are_headed_by_their_path(
    tmp_path: pathlib.Path,
) -> None:
    with Project.open(tmp_path / "deep.diptych", create=True, name="Deep") as project:
        text = "Tariffs rose. Quotas fell. Subsidies stayed.\n"
        article = project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
        parent = None
        names = ["Economy", "Trade", "Tariffs", "Steel", "Flat", "Coils", "Cold"]
        tags = []
        for name in names:
            parent = project.tags.add(name=name, parent_id=parent.id if parent else None)
            tags.append(parent)
        for tag, start in ((tags[5], 0), (tags[6], 14)):
            project.annotations.add(article_id=article.id, start=start, end=start + 12,
                                    tag_ids=(tag.id,))  # fmt: skip
        sibling = project.tags.add(name="Hot", parent_id=tags[5].id)
        project.annotations.add(article_id=article.id, start=27, end=36, tag_ids=(sibling.id,))
        exported = export_project(project, fmt="md", options=ExportOptions(timestamp="x"))
    headings = _headings(exported.decode("utf-8"))[1:]
    assert headings == [
        ("h2", "Economy"),
        ("h3", "Trade"),
        ("h4", "Tariffs"),
        ("h5", "Steel"),
        ("h6", "Flat"),
        # Past h6 a name alone would read as Flat's sibling: the path says where it is.
        ("h6", "Economy/Trade/Tariffs/Steel/Flat/Coils"),
        ("h6", "Economy/Trade/Tariffs/Steel/Flat/Coils/Cold"),
        ("h6", "Economy/Trade/Tariffs/Steel/Flat/Coils/Hot"),
    ]
