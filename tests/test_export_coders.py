"""The briefs say who coded what when several analysts coded the exported passages: the
Markdown notes in their header, the HTML report in a table; one coder is named once."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import fixed_options

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def _project(tmp_path: Path, coders: list[tuple[str, str]]) -> Path:
    """A project of two articles; a passage for each (coder, note) in ``coders``, taking
    turns between the articles, tagged Claim (and Source for every second one)."""
    path = tmp_path / "team.diptych"
    with Project.open(path, create=True, name="Team") as project:
        ids = [
            project.articles.add(parsed=parse_article(f"# {t}\n\nOne two three four.".encode(),
                                                      name=f"{t}.md")).id
            for t in ("First", "Second")
        ]  # fmt: skip
        claim = project.tags.add(name="Claim").id
        source = project.tags.add(name="Source").id
        for n, (coder, note) in enumerate(coders):
            article = ids[n % 2]
            text = project.articles.get(article_id=article).text
            start = text.index("One") + (n // 2) * 4
            project.annotations.add(
                article_id=article, start=start, end=start + 3, coder=coder, note=note,
                tag_ids=[claim, source] if n % 2 else [claim],
            )  # fmt: skip
    return path


def _export(path: Path, fmt: str) -> str:
    with Project.open(path) as project:
        return export_project(project, fmt=fmt, options=fixed_options()).decode("utf-8")


def test_several_coders_are_counted_in_the_notes_header(tmp_path: Path) -> None:
    path = _project(tmp_path, [("Bob", ""), ("Ana", "why"), ("Ana", ""), ("", "x"), ("Ana", "")])
    notes = _export(path, "md")
    header = notes.split("\n\n")[1]  # the list under the title
    assert (
        "- Coders:\n"
        "  - Ana: 3 passages (1 with a note), 2 tags, 2 articles\n"
        "  - Bob: 1 passage (0 with a note), 1 tag, 1 article\n"
        "  - no coder named: 1 passage (1 with a note), 2 tags, 1 article\n"
    ) in f"{header}\n"
    assert "- Coded by:" not in header and "coded by Ana" in notes


def test_several_coders_are_counted_in_the_report(tmp_path: Path) -> None:
    path = _project(tmp_path, [("Bob", ""), ("Ana <b>", "why"), ("Ana <b>", "")])
    report = _export(path, "html")
    table = report.split("<h2>Passages per coder</h2>", 1)[1].split("</table>", 1)[0]
    rows = [r for r in table.splitlines() if r.startswith("<tr><td")]
    assert rows == [
        '<tr><td dir="auto"><bdi>Ana &lt;b&gt;</bdi></td><td class="n">2</td>'
        '<td class="n">1</td><td class="n">2</td><td class="n">2</td></tr>',
        '<tr><td dir="auto"><bdi>Bob</bdi></td><td class="n">1</td>'
        '<td class="n">0</td><td class="n">1</td><td class="n">1</td></tr>',
    ]


def test_one_coder_is_named_once_and_not_counted_apart(tmp_path: Path) -> None:
    path = _project(tmp_path, [("Ana", ""), ("Ana", "why")])
    notes, report = _export(path, "md"), _export(path, "html")
    assert "- Coded by: Ana\n" in notes and "- Coders:" not in notes
    assert "coded by <bdi>Ana</bdi>" in report and "Passages per coder" not in report


def test_the_count_tables_headers_and_figures_are_never_broken_inside_a_word(
    tmp_path: Path,
) -> None:
    """The report's body may break a long word anywhere (a web address in a title), which
    the count tables' cells would inherit: "Pass|ages", "Orp|han|s" beside a long title."""
    report = _export(_project(tmp_path, [("Bob", ""), ("Ana", "")]), "html")
    style = report.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "overflow-wrap: anywhere" in style  # the body's, which the cells inherit
    assert "th { overflow-wrap: normal; }" in style
    assert "td.n, th.n { white-space: nowrap; }" in style
    assert '<th class="n">Passages</th><th class="n">Orphans</th>' in report
