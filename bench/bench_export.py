"""Exporting 100,000 annotations to every format, in rows (passages) per second.

Diptych: ``export_project`` (reading the project in one snapshot, then writing) for each
format. Baseline: the least any export must do, a raw ``sqlite3`` query of the same
passages with their article titles and tag ids, written with the standard ``csv`` module.
The project is built with bulk inserts (``annotations.add_many``).

Long notes: 200 passages under two tags each, each with a note of 10,000 characters of
Markdown (headings, a list, a table, a link, HTML), exported to Markdown and HTML, which
read each note's Markdown; baseline, the W3C JSON export of the same project, which
copies notes as they are, in the same run. The HTML report once more against what it
cannot do without: markdown-it-py's own rendering of the same 200 notes (CommonMark with
tables, no plugins), in the same run.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

from common import Config, Figure, elapsed_ms, interleave
from projects import add_tags, markdown_article, new_project, passages

from diptych.storage.annotations import NewAnnotation
from diptych.storage.exporting import export_project

NAME = "export"
FORMATS = ("md", "csv", "html", "json", "qdpx")
BASELINE_SQL = """
    SELECT n.id, n.uuid, a.title, n.start_pos, n.end_pos, n.exact, n.note, n.coder,
           n.created_at, (SELECT group_concat(t.tag_id) FROM annotation_tags t
                          WHERE t.annotation_id = n.id)
    FROM annotations n JOIN articles a ON a.id = n.article_id
    ORDER BY a.sort_order, n.start_pos, n.end_pos, n.id
"""


def run(config: Config) -> list[Figure]:
    """Every format over one large project."""
    total = config.size(100_000, 500)
    article_count = config.size(100, 5)
    path = config.workdir / "export.diptych"
    project = new_project(path)
    tags = add_tags(project)
    for index in range(article_count):
        parsed = markdown_article(20_000, seed=index, name=f"article-{index:03d}.md")
        article_id = project.articles.add(parsed=parsed).id
        items = passages(parsed.content.text, article_id=article_id,
                         count=total // article_count, tag_ids=tags, seed=index)  # fmt: skip
        project.annotations.add_many(items=items)
    rows = project.annotations.count()
    figures = []
    for fmt in FORMATS:
        sizes: list[float] = []

        def diptych(fmt: str = fmt, sizes: list[float] = sizes) -> float:
            def export() -> None:
                sizes.append(len(export_project(project, fmt=fmt)))

            return elapsed_ms(export)

        samples, base = interleave(diptych, lambda: _raw_csv(path), config.repeats(2))
        median_ms = sorted(samples)[len(samples) // 2]
        figures.append(
            Figure(
                NAME, f"export {rows:,} annotations to {fmt}", "ms", samples,
                "sqlite3 query + csv module", base,
                extra={"rows_per_s": rows / (median_ms / 1000), "bytes": sizes[-1]},
            )
        )  # fmt: skip
    project.close()
    return figures + _long_notes(config)


LONG_NOTE = (
    "# Heading\nSome **bold** and _em_ text with a link https://example.org/page?id=1 and"
    " <b>html</b> and =1+1.\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
) * 62  # 10,000 characters


def _long_notes(config: Config) -> list[Figure]:
    """Markdown and HTML of passages with long Markdown notes, against the JSON export."""
    count = config.size(200, 10)
    project = new_project(config.workdir / "export-long-notes.diptych")
    tags = add_tags(project, 20)
    parsed = markdown_article(20_000, seed=1)
    article_id = project.articles.add(parsed=parsed).id
    # Each passage under two tags: listed twice in the Markdown and HTML grouped by tag.
    items = [
        NewAnnotation(article_id, i * 50, i * 50 + 30, (tags[i % 20], tags[(i + 1) % 20]),
                      f"Note {i}\n\n{LONG_NOTE[:10_000]}")
        for i in range(count)
    ]  # fmt: skip
    project.annotations.add_many(items=items)
    figures = []
    for fmt in ("md", "html"):
        samples, base = interleave(
            lambda fmt=fmt: elapsed_ms(lambda: export_project(project, fmt=fmt)),
            lambda: elapsed_ms(lambda: export_project(project, fmt="json")),
            config.repeats(1),
        )
        figures.append(
            Figure(NAME, f"export {count} passages with 10,000-character notes to {fmt}", "ms",
                   samples, "W3C JSON export of the same project", base)
        )  # fmt: skip
    notes = [item.note for item in items]
    samples, base = interleave(
        lambda: elapsed_ms(lambda: export_project(project, fmt="html")),
        lambda: elapsed_ms(lambda: _markdown_it_alone(notes)),
        config.repeats(3),
    )
    figures.append(
        Figure(NAME, f"export {count} passages with 10,000-character notes to html, "
               "against rendering the notes", "ms", samples,
               "markdown-it-py rendering the same notes (CommonMark, tables)", base)
    )  # fmt: skip
    project.close()
    return figures


def _markdown_it_alone(notes: list[str]) -> None:
    """The notes rendered by markdown-it-py as it comes, with tables and raw HTML off."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    for note in notes:
        md.render(note)


def _raw_csv(path: Path) -> float:
    conn = sqlite3.connect(path)

    def export() -> None:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["id", "uuid", "article", "start", "end", "quote", "note", "coder",
                         "created", "tags"])  # fmt: skip
        writer.writerows(conn.execute(BASELINE_SQL))
        out.getvalue().encode()

    elapsed = elapsed_ms(export)
    conn.close()
    return elapsed
