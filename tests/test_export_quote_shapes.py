"""A quote over several blocks keeps its shape in the Markdown notes and the HTML report:
list items stay list items (numbers and nesting kept), table cells a table's rows, a
heading a heading (a bold line in the report); a quote within one block reads as its
words; an orphan is quoted line by line."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ARTICLE = """# Trade report

## Findings

The survey found three things:

- exports rose
- imports fell
  - most of all steel
- prices held

1. First step
2. Second step

| Year | Tariff |
|------|--------|
| 2023 | 5% |
| 2024 | 7% \\| 8% |

Closing paragraph.
"""


def export_quotes(
    tmp_path: Path, quotes: list[tuple[str, str]], fmt: str = "md", article: str = ARTICLE
) -> str:
    """The Markdown notes (or the ``fmt`` export) of passages from the first to the second
    text of each pair."""
    with Project.create(tmp_path / "shape.diptych") as project:
        added = project.articles.add(parsed=parse_article(article.encode(), name="trade.md"))
        text = project.articles.get(article_id=added.id).text
        tag = project.tags.add(name="Trade")
        for first, last in quotes:
            start = text.index(first)
            end = text.index(last, start) + len(last)
            project.annotations.add(article_id=added.id, start=start, end=end, tag_ids=[tag.id])
        return export_project(project, fmt=fmt).decode("utf-8")


def quote_of(notes: str, first_line: str) -> list[str]:
    """The lines of the block quote that begins with ``first_line``, citation left out."""
    lines = notes.splitlines()
    at = lines.index(first_line)
    quote = []
    for line in lines[at:]:
        if not line.startswith(">") or line.startswith("> —"):
            break
        quote.append(line)
    return quote[:-1] if quote and quote[-1] == ">" else quote


def test_a_quote_over_list_items_is_a_quoted_list(tmp_path: Path) -> None:
    notes = export_quotes(tmp_path, [("The survey", "prices held"), ("First step", "Second")])
    assert quote_of(notes, "> The survey found three things:") == [
        "> The survey found three things:",
        ">",
        "> - exports rose",
        "> - imports fell",
        ">   - most of all steel",
        "> - prices held",
    ]
    assert quote_of(notes, "> 1. First step") == ["> 1. First step", "> 2. Second"]
    # CommonMark reads them as lists inside the quotes.
    quoted = [t.type for t in MarkdownIt("commonmark").parse(notes) if t.level > 0]
    assert quoted.count("bullet_list_open") == 2 and quoted.count("ordered_list_open") == 1


def test_a_quote_over_a_tables_rows_is_a_quoted_table(tmp_path: Path) -> None:
    notes = export_quotes(tmp_path, [("Year", "8%")])
    assert quote_of(notes, "> | Year | Tariff |") == [
        "> | Year | Tariff |",
        "> |---|---|",
        "> | 2023 | 5% |",
        "> | 2024 | 7% \\| 8% |",
    ]
    parsed = MarkdownIt("commonmark").enable("table").parse(notes)
    cells = [t.content for t in parsed if t.type == "inline" and t.level > 3]
    assert cells[:6] == ["Year", "Tariff", "2023", "5%", "2024", "7% | 8%"]


def test_a_heading_stays_a_heading_and_one_block_reads_as_its_words(tmp_path: Path) -> None:
    notes = export_quotes(tmp_path, [("Findings", "three things"), ("imports", "fell")])
    assert quote_of(notes, "> ## Findings") == [
        "> ## Findings",
        ">",
        "> The survey found three things",
    ]
    assert quote_of(notes, "> imports fell") == ["> imports fell"]  # part of one item


def test_an_orphan_is_quoted_line_by_line(tmp_path: Path) -> None:
    with Project.create(tmp_path / "orphan.diptych") as project:
        added = project.articles.add(parsed=parse_article(ARTICLE.encode(), name="trade.md"))
        text = project.articles.get(article_id=added.id).text
        start = text.index("exports rose")
        end = text.index("prices held") + len("prices held")
        project.annotations.add(article_id=added.id, start=start, end=end, tag_ids=[])
        changed = "# Trade report\n\nAnother text altogether, of other words.\n"
        project.articles.replace_text(
            article_id=added.id, parsed=parse_article(changed.encode(), name="trade.md")
        )
        notes = export_project(project, fmt="md").decode("utf-8")
    assert "**orphan**" in notes
    assert quote_of(notes, "> exports rose")[:3] == ["> exports rose", ">", "> imports fell"]


def test_the_html_report_quotes_lists_and_tables_as_lists_and_tables(tmp_path: Path) -> None:
    quotes = [("Findings", "prices held"), ("First step", "Second"), ("Year", "8%")]
    report = export_quotes(tmp_path, quotes, fmt="html")
    assert (
        '<blockquote class="quote"><p dir="auto"><strong>Findings</strong></p>'
        '<p dir="auto">The survey found three things:</p>'
        '<ul><li dir="auto">exports rose</li><li dir="auto">imports fell</li>'
        '<li dir="auto" style="margin-inline-start: 1.5em">most of all steel</li>'
        '<li dir="auto">prices held</li></ul></blockquote>'
    ) in report
    assert (
        '<ol><li dir="auto" value="1">First step</li><li dir="auto" value="2">Second</li></ol>'
    ) in report
    assert (
        '<table><tr><td dir="auto" class="fig">Year</td><td dir="auto" class="fig">Tariff</td>'
        '</tr><tr><td dir="auto" class="fig">2023</td><td dir="auto" class="fig">5%</td></tr>'
        '<tr><td dir="auto" class="fig">2024</td><td dir="auto" class="fig">7% | 8%</td></tr>'
        "</table>"
    ) in report


def table_cells(notes: str) -> tuple[list[str], list[str]]:
    """The cells of the first table in ``notes`` as markdown-it reads it: its header's,
    and its body's."""
    tokens = MarkdownIt("commonmark").enable("table").parse(notes)
    head: list[str] = []
    body: list[str] = []
    into = head
    for token in tokens:
        if token.type == "tbody_open":
            into = body
        elif token.type == "table_close":
            break
        elif token.type in ("th_open", "td_open"):
            into.append("")
        elif token.type == "inline" and into:  # a cell's words
            into[-1] = token.content
    return head, body


def test_quoted_body_rows_stay_body_rows(tmp_path: Path) -> None:
    """Two rows of a table's body quoted: the first was made the table's header, bold."""
    notes = export_quotes(tmp_path, [("2023", "8%")])
    assert quote_of(notes, "> |   |   |") == [
        "> |   |   |",  # an empty header: the table's own is not quoted
        "> |---|---|",
        "> | 2023 | 5% |",
        "> | 2024 | 7% \\| 8% |",
    ]
    assert table_cells(notes) == (["", ""], ["2023", "5%", "2024", "7% | 8%"])


def test_a_quoted_header_row_stays_the_header(tmp_path: Path) -> None:
    notes = export_quotes(tmp_path, [("Year", "5%")])
    assert table_cells(notes) == (["Year", "Tariff"], ["2023", "5%"])


def test_a_body_row_quoted_from_its_middle_keeps_its_next_rows_cells(tmp_path: Path) -> None:
    notes = export_quotes(tmp_path, [("5%", "8%")])  # one cell, then a row of two
    # 5% stays under Tariff, its column.
    assert table_cells(notes) == (["", ""], ["", "5%", "2024", "7% | 8%"])


def test_a_quote_over_two_tables_quotes_two_tables(tmp_path: Path) -> None:
    two = "| A | B |\n|---|---|\n| 1 | 2 |\n\n| C |\n|---|\n| 3 |\n"
    notes = export_quotes(tmp_path, [("1", "3")], article=two)
    assert quote_of(notes, "> |   |   |") == [
        "> |   |   |",
        "> |---|---|",
        "> | 1 | 2 |",
        ">",
        "> | C |",
        "> |---|",
        "> | 3 |",
    ]
