"""A quote over a table's rows keeps each figure in its own column, in the Markdown notes
and the HTML report: an empty cell stays an empty cell, and the cells a quote does not
reach on its first and last rows are written as empty ones."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from diptych.storage.export_markdown_text import escape_cell
from diptych.storage.importing import parse_article
from tests.test_export_quote_shapes import export_quotes

FIGURES = """# Output

| Region | 2022 | 2023 | Note |
|---|---|---|---|
| North | 5.1 | -1.9 | +3.0 |
| South | | 6.2 | revised |
| East | 7,098.7 | 845.6 | 1. first |
"""


def table_cells(notes: str) -> tuple[list[str], list[str]]:
    """The cells of the first table in ``notes`` as markdown-it renders them (escapes
    undone): its header's, and its body's."""
    head: list[str] = []
    body: list[str] = []
    into = head
    for token in MarkdownIt("commonmark").enable("table").parse(notes):
        if token.type == "tbody_open":
            into = body
        elif token.type == "table_close":
            break
        elif token.type in ("th_open", "td_open"):
            into.append("")
        elif token.type == "inline" and into:
            into[-1] = "".join(child.content for child in token.children or ())
    return head, body


def notes_and_report(tmp_path: Path, first: str, last: str) -> tuple[str, str]:
    """The Markdown notes and the HTML report of a passage of :data:`FIGURES`."""
    (tmp_path / "html").mkdir()
    notes = export_quotes(tmp_path, [(first, last)], article=FIGURES)
    return notes, export_quotes(tmp_path / "html", [(first, last)], fmt="html", article=FIGURES)


def report_rows(report: str) -> list[list[str]]:
    """The rows of the first table quoted in the HTML ``report``, as lists of cells."""
    table = re.search(r'<blockquote class="quote">.*?(<table>.*?</table>)', report)
    assert table is not None
    return [
        re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table[1])
    ]


def test_an_empty_cell_stays_in_its_column(tmp_path: Path) -> None:
    notes, report = notes_and_report(tmp_path, "North", "revised")
    head, body = table_cells(notes)
    assert head == ["", "", "", ""]  # as many columns as the table
    assert body == ["North", "5.1", "-1.9", "+3.0", "South", "", "6.2", "revised"]
    assert report_rows(report) == [
        ["North", "5.1", "-1.9", "+3.0"],
        ["South", "", "6.2", "revised"],
    ]


def test_a_quote_from_a_rows_middle_to_another_rows_middle_keeps_the_columns(
    tmp_path: Path,
) -> None:
    """From the third cell of one row to the second of the row after next."""
    notes, report = notes_and_report(tmp_path, "-1.9", "7,098.7")
    head, body = table_cells(notes)
    assert head == ["", "", "", ""]
    assert body == [
        *("", "", "-1.9", "+3.0"),
        *("South", "", "6.2", "revised"),
        *("East", "7,098.7", "", ""),
    ]
    assert report_rows(report) == [
        ["", "", "-1.9", "+3.0"],
        ["South", "", "6.2", "revised"],
        ["East", "7,098.7", "", ""],
    ]


def test_a_header_quoted_from_its_middle_heads_its_own_columns(tmp_path: Path) -> None:
    notes = export_quotes(tmp_path, [("2023", "6.2")], article=FIGURES)
    assert table_cells(notes) == (
        ["", "", "2023", "Note"],
        ["North", "5.1", "-1.9", "+3.0", "South", "", "6.2", ""],
    )


MARKED = r"""| Item | Figure | Words |
|---|---|---|
| 1. first | -1.9 | # of firms |
| + gain | +3.0 | > 2 and a \| b |
| - loss | 5.1 | C:\\temp and \*not bold\* |
| \#budget | 845.6 | file_name, \_x\_, \`code\` and \[1\] |
| \<b\> | 7,098.7 | &amp;amp; ==x== %%y%% ~z~ $w$ |
"""


def test_a_cells_figures_and_markers_are_not_escaped_but_its_markup_is(
    tmp_path: Path,
) -> None:
    """A figure or a line's marker reads as written in the notes' table (nothing else
    would start a list or a heading inside a cell), and markdown-it shows each cell's
    text exactly as the article has it."""
    notes = export_quotes(tmp_path, [("Item", "$w$")], article=MARKED)
    article = parse_article(MARKED.encode(), name="t.md").content
    cells = [article.text[block.start : block.end] for block in article.blocks]
    head, body = table_cells(notes)
    assert head + body == cells
    assert "> | 1. first | -1.9 | # of firms |" in notes.splitlines()
    assert "> | + gain | +3.0 | > 2 and a \\| b |" in notes.splitlines()
    assert "> | - loss | 5.1 | C:\\\\temp and \\*not bold\\* |" in notes.splitlines()


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
@example("-1.9 | +3.0 \\| 1. # > x_y _z_ `c` [l](u) <a> &amp; \\")
def test_any_cell_escaped_renders_as_exactly_its_text(text: str) -> None:
    cell = " ".join(text.split())  # as a quote's pieces write a cell: on one line
    if not cell:
        return
    row = f"| {escape_cell(cell)} |"
    _, body = table_cells(f"|   |\n|---|\n{row}\n")
    assert body == [cell]


def css_rules(report: str) -> dict[str, dict[str, str]]:
    """The report's style sheet: each selector's declarations (the last one of each)."""
    style = report.split("<style>", 1)[1].split("</style>", 1)[0]
    rules: dict[str, dict[str, str]] = {}
    for rule in style.split("}"):
        if "{" in rule:
            selector, body = rule.split("{", 1)
            declarations = (d.split(":", 1) for d in body.split(";") if ":" in d)
            rules.setdefault(selector.strip(), {}).update(
                (name.strip(), value.strip()) for name, value in declarations
            )
    return rules


PROSE = """| Region | Figure | Comment |
|---|---|---|
| North | 3,895.5 | The figure was revised twice after the regional office sent its survey |
| South | -1,276.3 (±0.45) | 12 |
"""


def test_the_reports_figures_are_not_broken_but_its_prose_wraps(tmp_path: Path) -> None:
    """The report lets a word break anywhere, and a table narrowed its columns as if every
    cell could: "3,895.5" broke into "3,895" and ".5". A figure's cell, or a short one's,
    breaks its words only where one would not fit the page; a cell of words still wraps."""
    report = export_quotes(tmp_path, [("Region", "12")], fmt="html", article=PROSE)
    rules = css_rules(report)
    assert rules["body"]["overflow-wrap"] == "anywhere"  # inherited by the cells...
    assert rules[".quote td.fig"]["overflow-wrap"] == "break-word"  # ...but a figure's
    cells = re.findall(r"<td([^>]*)>(.*?)</td>", report.split('class="quote"', 1)[1])
    kept = {text for attributes, text in cells if 'class="fig"' in attributes}
    figures = {"3,895.5", "-1,276.3 (±0.45)", "12"}
    assert kept == {"Region", "Figure", "Comment", "North", "South"} | figures
    assert len(cells) == 9  # the long comment is the one cell left to wrap anywhere
