"""Full-text search over 10,000 articles and the notes on their passages.

Diptych: ``storage.search.search`` (articles and passages, best first, with snippets) for a
rare word, a word in every article, a phrase, and the start of a rare and of a common
word (as the Search panel reads the word being typed); and the ``diptych search PROJECT QUERY``
command run in-process (opening the project file, searching, printing). Baseline: the raw
FTS5 ``MATCH`` queries on the same index (ids of the 20 best articles and passages), on a
connection already open; for the command, opening a connection and running them.

Find in article (Ctrl+F) in a 4 MB article, English and one with accents and marks in
several scripts (Greek, Russian, Arabic, Vietnamese, accents written after their
letter): a word looked for in the article as folded when first searched, as each key
typed does. Baseline: ``str.lower`` of the article and ``str.find`` through it.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from articles import PHRASE, RARE_WORD, ArticleWriter
from common import Config, Figure, elapsed_ms, interleave
from projects import add_tags, new_project

from diptych.gui import find_bar
from diptych.storage.annotations import NewAnnotation
from diptych.storage.cli import main as cli_main
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search

NAME = "search"
BATCH = 500  # articles per transaction while building
RAW_QUERIES = (
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20",
    "SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ? ORDER BY rank LIMIT 20",
)
QUERIES = (
    ("rare word", RARE_WORD),
    ("word in every article", "the"),
    ("phrase", f'"{PHRASE}"'),
    # The Search panel reads the word being typed as a prefix: "quillw" as quillw*.
    ("rare word being typed", f"{RARE_WORD[:6]}*"),
    ("word being typed, in every article", "agre*"),
)


def run(config: Config) -> list[Figure]:
    """Three kinds of query, and the command line."""
    path = config.workdir / "search.diptych"
    count = config.size(10_000, 100)
    project = new_project(path)
    _fill(project, count)
    raw = sqlite3.connect(path)
    figures = []
    for label, query in QUERIES:

        def ours(q: str = query) -> float:
            return elapsed_ms(lambda: search(project, query=q))

        def theirs(q: str = query) -> float:
            return elapsed_ms(lambda: _raw_search(raw, q))

        samples, base = interleave(ours, theirs, config.repeats() * 4, warmup=1)
        figures.append(
            Figure(NAME, f"{count:,} articles: {label} ({query})", "ms", samples,
                   "raw FTS5 MATCH", base, extra={"hits": len(search(project, query=query))})
        )  # fmt: skip
    raw.close()
    project.close()
    samples, base = interleave(
        lambda: elapsed_ms(lambda: _command(path, RARE_WORD)),
        lambda: elapsed_ms(lambda: _raw_command(path, RARE_WORD)),
        config.repeats(),
        warmup=1,
    )
    figures.append(
        Figure(NAME, f"`diptych search` command, rare word ({count:,} articles)", "ms", samples,
               "connect + raw FTS5 MATCH", base, extra={"file_mb": path.stat().st_size / 2**20})
    )  # fmt: skip
    return figures + find_figures(config)


MARKED_WORDS = ("Βουλή", "προϋπολογισμό", "объём", "الرَّئِيسُ", "Nguyễn", "Cafe\u0301")


def find_figures(config: Config) -> list[Figure]:
    """Find in a long article, English and marked, as a key typed in the bar."""
    writer = ArticleWriter(seed=29)
    size = config.size(4_000_000, 40_000)
    english = writer.article(size)
    words = english.split(" ")
    marked = " ".join(
        MARKED_WORDS[i % len(MARKED_WORDS)] if i % 7 == 0 else word for i, word in enumerate(words)
    )
    figures = []
    for label, text in (("English", english), ("marked", marked)):

        def ours(article: str = text) -> float:
            find_bar._folded_article.cache_clear()  # as a newly opened article
            return elapsed_ms(lambda: _find(article, "agreement"))

        def theirs(article: str = text) -> float:
            return elapsed_ms(lambda: _raw_find(article, "agreement"))

        samples, base = interleave(ours, theirs, config.repeats(), warmup=1)
        figures.append(
            Figure(NAME, f"find in a {size / 1e6:.0f} MB article, {label} (agreement)", "ms",
                   samples, "str.lower + str.find", base)
        )  # fmt: skip
    return figures


def _find(text: str, word: str) -> None:
    find_bar.find_all(text, word)
    find_bar.count_all(text, word)


def _raw_find(text: str, word: str) -> None:
    lowered = text.lower()
    at, found = lowered.find(word), 0
    while at >= 0 and found < find_bar.MAX_MATCHES:
        at, found = lowered.find(word, at + len(word)), found + 1
    lowered.count(word)


def _fill(project: Project, count: int) -> None:
    """``count`` articles of about 5 KB, each with two passages with notes."""
    writer = ArticleWriter(seed=13)
    tags = add_tags(project)
    rare = {count // 7, count // 2, count - 3}  # articles holding the rare word
    for first in range(0, count, BATCH):
        numbers = range(first, min(count, first + BATCH))
        parsed = [
            parse_article(
                writer.article(5_000, plant=(RARE_WORD,) if n in rare else ()).encode(),
                name=f"article-{n:05d}.txt",
                fmt="plain",
            )
            for n in numbers
        ]
        with project.transaction():
            added = project.articles.add_many(parsed=parsed)
            items = []
            for n, summary, article in zip(numbers, added, parsed, strict=True):
                for k in range(2):
                    start = (n * 131 + k * 997) % (len(article.content.text) - 200)
                    note = writer.sentence() + (f" {RARE_WORD}." if n in rare and k else "")
                    tag = (tags[(n + k) % len(tags)],)
                    items.append(NewAnnotation(summary.id, start, start + 120, tag, note))
            project.annotations.add_many(items=items)


def _raw_search(conn: sqlite3.Connection, query: str) -> list[int]:
    return [row[0] for sql in RAW_QUERIES for row in conn.execute(sql, [query])]


def _command(path: Path, query: str) -> None:
    out = io.StringIO()
    status = cli_main(["search", str(path), query], stdout=out, stderr=out)
    if status != 0:
        raise RuntimeError(out.getvalue())


def _raw_command(path: Path, query: str) -> None:
    conn = sqlite3.connect(path)
    _raw_search(conn, query)
    conn.close()
