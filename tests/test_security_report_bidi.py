"""The HTML report keeps right-to-left text and bidi overrides in names and titles to their
own place: a title cannot reorder the citation line after it, such as who coded a passage."""

from __future__ import annotations

import re
from pathlib import Path

from export_fixtures import fixed_options
from test_export_html import _parse, assert_inert

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

OVERRIDE = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed


def _report(tmp_path: Path, group_by: str) -> str:
    name = f"Study {OVERRIDE}one"
    with Project.open(tmp_path / f"{group_by}.diptych", create=True, name=name) as project:
        body = f"# Title {OVERRIDE}evil\n\n## Section {OVERRIDE}two\n\nThe words here.".encode()
        article = project.articles.add(parsed=parse_article(body, name="a.md"))
        tag = project.tags.add(name="Tag x")
        with project.transaction():
            # Titles and tag names are cleaned of overrides when given; these were saved before.
            project.db.execute("UPDATE articles SET title = ?", [f"Title {OVERRIDE}evil"])
            project.db.execute("UPDATE tags SET name = ?", [f"Tag {OVERRIDE}x"])
        text = project.articles.get(article_id=article.id).text
        start = text.index("words")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 5, tag_ids=[tag.id],
            coder=f"Bob {OVERRIDE}", note="ok",
        )  # fmt: skip
        end = text.index("here") + 4  # another coder's: each citation names its coder
        project.annotations.add(article_id=article.id, start=end - 4, end=end, coder="Zed")
        page = export_project(project, fmt="html", options=fixed_options(group_by=group_by))
    return page.decode("utf-8")


def _isolating_elements(page: str) -> set[str]:
    css = "".join(_parse(page).styles)
    rule = re.search(r"([^{}]*)\{\s*unicode-bidi:\s*isolate;\s*\}", css)
    assert rule is not None
    return {selector.strip() for selector in rule[1].split(",")}


def test_every_piece_of_a_citation_line_is_isolated(tmp_path: Path) -> None:
    for group_by in ("tag", "article"):
        page = _report(tmp_path, group_by)
        assert_inert(page)
        assert {"cite", ".tag", "bdi"} <= _isolating_elements(page)
        line = re.findall(r'<p class="cite">(.*?)</p>', page)[0]
        assert f'<cite dir="auto">Title {OVERRIDE}evil</cite>' in line
        assert f"§ <bdi>Section {OVERRIDE}two</bdi>" in line
        assert f'<span class="tag t1" dir="auto">Tag {OVERRIDE}x</span>' in line
        assert line.endswith(f"coded by <bdi>Bob {OVERRIDE}</bdi>")
        # Outside the isolating elements, the line holds only the report's own words.
        outside = re.sub(r"<(cite|bdi|span)[^>]*>.*?</\1>", "", line)
        assert OVERRIDE not in outside
        assert f"<h1><bdi>Study {OVERRIDE}one</bdi>: tagged notes</h1>" in page
