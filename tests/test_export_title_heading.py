"""A heading that only repeats its article's title (a web page's title above its text)
names no section in an export: the citation said "*Title* · § Title", and the CSV's
section column repeated the article column."""

from __future__ import annotations

from pathlib import Path

from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.exporting_snapshot import collect
from diptych.storage.project import Project

TITLE = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"


def test_a_heading_repeating_the_title_is_no_section(sample: Path) -> None:
    with Project.open(sample, read_only=True) as project:
        data = collect(project)
    sections = {p.annotation.exact.split(" ")[0]: p.section for p in data.passages}
    # Under the heading that repeats the title (the sample article's first heading).
    assert sections["Security"] == ""
    # Under a heading of its own: named.
    assert sections["Improved"] == (
        "Experts Analyze the Impact of Strategic Engagement Beyond Apec"
    )


def test_the_citations_name_the_title_once(sample: Path) -> None:
    with Project.open(sample, read_only=True) as project:
        markdown = export_project(project, fmt="md", options=ExportOptions()).decode()
        html = export_project(project, fmt="html", options=ExportOptions()).decode()
    assert TITLE in markdown and f"§ {TITLE}" not in markdown
    assert "§ Experts Analyze the Impact" in markdown
    assert TITLE in html and f"§ <bdi>{TITLE}</bdi>" not in html


def test_a_heading_differing_only_in_case_and_spaces_is_the_title_too() -> None:
    from diptych.storage.document import ArticleText, Block, BlockKind
    from diptych.storage.exporting_snapshot import SectionIndex

    text = "Intro\nTHE  Title\nBody\nPart two\nMore"
    blocks = (
        Block(BlockKind.PARAGRAPH, 0, 5),
        Block(BlockKind.HEADING, 6, 16, 1),
        Block(BlockKind.PARAGRAPH, 17, 21),
        Block(BlockKind.HEADING, 22, 30, 2),
        Block(BlockKind.PARAGRAPH, 31, 35),
    )
    index = SectionIndex(ArticleText(text, blocks), title="The title")
    assert [index.at(n) for n in (0, 18, 32)] == ["", "", "Part two"]
