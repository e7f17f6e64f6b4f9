"""The HTML report's table of passages per tag counts as the Codebook does: a tag's
passages with its sub-tags', each passage once (Diplomacy 3 with Summitry's, where the
table said 1), and beside them the passages tagged with it itself."""

from __future__ import annotations

import re
from pathlib import Path

from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.project import Project


def tag_rows(page: str) -> dict[str, tuple[int, int, int]]:
    """The table's rows: {tag path: (with sub-tags, itself, articles)}."""
    table = page.split("<h2>Passages per tag</h2>")[1].split("</table>")[0]
    rows = re.findall(
        r'</span>([^<]*)</td><td class="n">(\d+)</td><td class="n">(\d+)</td>'
        r'<td class="n">(\d+)</td>',
        table,
    )
    return {path.replace("&amp;", "&"): (int(a), int(b), int(c)) for path, a, b, c in rows}


def test_the_counts_per_tag_agree_with_the_codebook(sample: Path) -> None:
    with Project.open(sample, read_only=True) as project:
        page = export_project(project, fmt="html", options=ExportOptions()).decode("utf-8")
        codebook = project.tags.codebook()
        usage = project.tags.usage_with_sub_tags()
    header = page.split("<h2>Passages per tag</h2>")[1].split("</tr>")[0]
    assert "Passages (with sub-tags)" in header and "Tagged itself" in header
    rows = tag_rows(page)
    assert len(rows) == len(codebook.ordered())
    for tag in codebook.ordered():
        count = usage.get(tag.id)
        with_sub_tags, itself, _articles = rows[codebook.path(tag.id)]
        assert with_sub_tags == (count.passages if count else 0), tag.name
        assert itself == (count.own if count else 0), tag.name
    assert rows["Diplomacy"] == (3, 1, 2)
    assert rows["Economy"] == (1, 0, 1)
