"""Plain text whose headings keep Markdown's marks ("# Council faces pressure",
"## Section 1: Housing") reads them as headings of that level, without the marks: they
were shown as text, named the article "# Council faces…" and were exported escaped.
A hash that is no heading's mark ("#hashtag", "# 5", a script's comments) stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.document import ArticleText, BlockKind, check_layout
from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.importing import ParsedArticle, parse_article
from diptych.storage.project import Project

HOUSING = "to discuss the housing plans"
RENTS = "Rents rose by a fifth in two years"
ARTICLE = """# Council faces pressure over *housing* plans

By Jane Smith

The council met on Tuesday to discuss the housing plans, which residents oppose.

## Section 1: Housing

Rents rose by a fifth in two years, the report says, and waiting lists grew.

### 1.1 Waiting lists ###

#hashtag

# 5

#1 priority for the council, said its leader, is the waiting list.

# not a heading, said the writer, who used hashes.

## Section 2: Transport

Buses will run every ten minutes from May, the council promised.
"""


def parse(text: str, name: str = "article.txt") -> ParsedArticle:
    parsed = parse_article(text.encode(), name=name)
    check_layout(parsed.content)
    return parsed


def shown(article: ArticleText) -> list[tuple[BlockKind, int, str]]:
    return [
        (b.kind, b.level if b.kind is BlockKind.HEADING else 0, article.text[b.start : b.end])
        for b in article.blocks
    ]


def test_marked_lines_are_headings_of_their_level_without_the_marks() -> None:
    parsed = parse(ARTICLE)
    assert parsed.title == "Council faces pressure over housing plans"
    heading, paragraph = BlockKind.HEADING, BlockKind.PARAGRAPH
    assert shown(parsed.content) == [
        (heading, 1, "Council faces pressure over housing plans"),
        # The file marks its headings: a short line is not guessed to be one.
        (paragraph, 0, "By Jane Smith"),
        (paragraph, 0, f"The council met on Tuesday {HOUSING}, which residents oppose."),
        (heading, 2, "Section 1: Housing"),
        (paragraph, 0, f"{RENTS}, the report says, and waiting lists grew."),
        (heading, 3, "1.1 Waiting lists"),
        (paragraph, 0, "#hashtag"),
        (paragraph, 0, "# 5"),
        (paragraph, 0, "#1 priority for the council, said its leader, is the waiting list."),
        (paragraph, 0, "# not a heading, said the writer, who used hashes."),
        (heading, 2, "Section 2: Transport"),
        (paragraph, 0, "Buses will run every ten minutes from May, the council promised."),
    ]
    assert [(h.level, h.text) for h in parsed.content.outline()][1:] == [
        (2, "Section 1: Housing"),
        (3, "1.1 Waiting lists"),
        (2, "Section 2: Transport"),
    ]


def test_a_marked_title_below_a_few_field_lines_names_the_article() -> None:
    text = (
        "From: news desk\nDate: 4 March 2025\nSubject: draft\n\n"
        "# Council faces pressure\n\nThe council met on Tuesday, as residents protested.\n"
    )
    assert parse(text).title == "Council faces pressure"


def test_a_long_report_lists_its_sections() -> None:
    body = "The figures for this part are set out below, with their sources.\n" * 100
    text = "# Annual report\n\n" + "".join(
        f"## Section {n}: Part {n}\n\n{body}\n" for n in range(1, 31)
    )
    parsed = parse(text)
    outline = parsed.content.outline()
    assert [(h.level, h.text) for h in outline[:3]] == [
        (1, "Annual report"),
        (2, "Section 1: Part 1"),
        (2, "Section 2: Part 2"),
    ]
    assert len(outline) == 31
    assert "#" not in parsed.content.text


@pytest.mark.parametrize(
    "text",
    [
        # A comment block: every line starts with a hash.
        "# Settings for the importer\n# change them with care\n# Written by Kim\n",
        # A shell script saved as text.
        "#!/bin/sh\n# Install the dependencies\napt-get install -y fonts\n"
        "# Start it\nexec diptych\n",
        # A configuration file whose comments are most of it.
        "# The folder the articles are read from, relative to this file\nfolder=articles\n"
        "# How many to read at once, at most\nbatch=10\n",
        # Hashtags.
        "#housing #council #rents\n#protest\n",
    ],
)
def test_text_that_reads_as_comments_keeps_its_hashes(text: str) -> None:
    parsed = parse(text)
    kept = [line.strip() for line in text.splitlines() if line.startswith("#")]
    paragraphs = [t for kind, _, t in shown(parsed.content) if kind is BlockKind.PARAGRAPH]
    assert all(line in paragraphs for line in kept)
    assert not any(h.level == 1 for h in parsed.content.outline())
    assert parsed.title.startswith("#")


def test_a_passage_under_marked_headings_is_exported_without_escaped_hashes(
    tmp_path: Path,
) -> None:
    parsed = parse(ARTICLE)
    quote = RENTS
    start = parsed.content.text.index(quote)
    with Project.open(tmp_path / "p.diptych", create=True, name="P") as project:
        article = project.articles.add(parsed=parsed)
        tag = project.tags.add(name="Rents")
        project.annotations.add(
            article_id=article.id, start=start, end=start + len(quote), tag_ids=(tag.id,)
        )
        markdown = export_project(project, fmt="md", options=ExportOptions()).decode()
    assert quote in markdown
    assert "\\#" not in markdown and "# Council" not in markdown
    assert "*Council faces pressure over housing plans*" in markdown
    assert "§ Section 1: Housing" in markdown


def test_a_short_note_with_a_marked_title_reads_it() -> None:
    parsed = parse("# Brief\n\nA short note to the desk.\n")
    assert parsed.title == "Brief"
    assert shown(parsed.content)[0] == (BlockKind.HEADING, 1, "Brief")


def test_one_marked_line_far_down_leaves_the_title_and_the_other_headings_as_they_were() -> None:
    prose = "The committee met four times this year, as its rules require of it.\n\n"
    text = f"Annual Report 2024\n\n{prose * 3}Housing\n\n{prose * 3}# Appendix\n\n{prose}"
    parsed = parse(text)
    assert parsed.title == "Annual Report 2024"
    assert [(h.level, h.text) for h in parsed.content.outline()] == [
        (2, "Annual Report 2024"),
        (2, "Housing"),
        (1, "Appendix"),
    ]
