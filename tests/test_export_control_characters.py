"""A note pasted with control characters in it (a NUL, an escape, a C1 control) comes out
of the HTML report and the Markdown file as U+FFFD: the files stay text, which browsers
and editors open and Diptych itself imports back, instead of taking them for binary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_fixtures import fixed_options

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

NOTE = "Before\x00after \x1b[31mred\x9b and\ttab\r\nnext line\x0cpage"
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(("fmt", "name"), [("html", "report.html"), ("md", "notes.md")])
def test_control_characters_in_a_note_leave_a_text_file(
    tmp_path: Path, fmt: str, name: str
) -> None:
    with Project.open(tmp_path / "p.diptych", create=True) as project:
        body = b"# Title\n\nThe words here."
        article = project.articles.add(parsed=parse_article(body, name="a.md"))
        start = project.articles.get(article_id=article.id).text.index("words")
        tag = project.tags.add(name="Tag")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 5, tag_ids=[tag.id], note=NOTE
        )
        data = export_project(project, fmt=fmt, options=fixed_options())
    text = data.decode("utf-8")
    assert CONTROLS.search(text) is None
    assert "Before\ufffdafter \ufffd[31mred\ufffd and" in text
    assert "\t" in text  # tab and form feed are text
    imported = parse_article(data, name=name)  # read back as an article, not refused
    assert "after" in imported.content.text
