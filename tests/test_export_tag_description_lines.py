"""A tag's description keeps its line breaks in the Markdown notes and the HTML report, as
the .qdpx does: "line one⏎line two" came out as one line, "line one line two". A blank
line parts paragraphs; the words are escaped as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

DESCRIPTION = "line one\nline two <b>&</b>\r\n\n  # not a heading  \n"


@pytest.fixture
def project(tmp_path: Path):
    with Project.create(tmp_path / "described.diptych") as project:
        article = project.articles.add(parsed=parse_article(b"A sentence.\n", name="a.txt"))
        tag = project.tags.add(name="Energy", description=DESCRIPTION)
        project.annotations.add(article_id=article.id, start=2, end=10, tag_ids=[tag.id])
        yield project


def test_the_markdown_notes_keep_the_line_breaks(project: Project) -> None:
    notes = export_project(project, fmt="md").decode("utf-8")
    assert "*line one*  \n*line two \\<b\\>&\\</b\\>*\n\n*\\# not a heading*\n" in notes
    rendered = MarkdownIt("commonmark").render(notes)
    assert (
        "<p><em>line one</em><br />\n<em>line two &lt;b&gt;&amp;&lt;/b&gt;</em></p>\n"
        "<p><em># not a heading</em></p>"
    ) in rendered


def test_the_html_report_keeps_the_line_breaks(project: Project) -> None:
    report = export_project(project, fmt="html").decode("utf-8")
    described = re.findall(r'<p class="description" dir="auto">(.*?)</p>', report)
    assert described == ["line one<br>line two &lt;b&gt;&amp;&lt;/b&gt;", "# not a heading"]


def test_a_one_line_description_reads_as_before(project: Project) -> None:
    tag = project.tags.all()[0]
    project.tags.update(tag_id=tag.id, description="Just one line.")
    notes = export_project(project, fmt="md").decode("utf-8")
    assert "\n*Just one line.*\n\n" in notes
    report = export_project(project, fmt="html").decode("utf-8")
    assert '<p class="description" dir="auto">Just one line.</p>' in report
