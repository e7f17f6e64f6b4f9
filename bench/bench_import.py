"""Importing 1,000 Markdown articles of 5 KB into a new project.

Diptych: ``parse_article`` of each file's bytes, then ``project.articles.add_many`` in
one transaction. Baseline: a raw ``sqlite3`` ``executemany`` of the same rows (already
parsed) into a new project file of the same schema, full-text index included, in one
transaction with the same pragmas.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

from articles import ArticleWriter
from common import Config, Figure, interleave
from projects import new_project

from diptych.storage.importing import ParsedArticle, parse_article

NAME = "import"
COLUMNS = (
    "uuid, title, source_name, format, encoding, imported_at, updated_at, original_text,"
    " display_text, characters, blocks, sort_order"
)


def run(config: Config) -> list[Figure]:
    """1,000 articles of 5 KB, parsed and stored."""
    count = config.size(1_000, 20)
    writer = ArticleWriter(seed=5)
    files = [
        (f"article-{i:04d}.md", writer.article(5_000).encode()) for i in range(count)
    ]  # fmt: skip
    parsed = [parse_article(data, name=name) for name, data in files]
    rows = [_row(p, i) for i, p in enumerate(parsed)]
    phases: dict[str, list[float]] = {"parse_ms": [], "add_many_ms": []}
    runs = [0]

    def diptych() -> float:
        runs[0] += 1
        project = new_project(config.workdir / f"import-{runs[0]}.diptych")
        started = time.perf_counter()
        articles = [parse_article(data, name=name) for name, data in files]
        parsed_at = time.perf_counter()
        project.articles.add_many(parsed=articles)
        done = time.perf_counter()
        project.close()
        phases["parse_ms"].append((parsed_at - started) * 1000)
        phases["add_many_ms"].append((done - parsed_at) * 1000)
        return (done - started) * 1000

    def baseline() -> float:
        runs[0] += 1
        path = config.workdir / f"raw-{runs[0]}.diptych"
        new_project(path).close()  # the same schema, empty
        return _raw_insert(path, rows)

    samples, base = interleave(diptych, baseline, config.repeats())
    extra: dict[str, float | str] = {k: statistics.median(v) for k, v in phases.items()}
    extra["articles_per_s"] = count / (statistics.median(samples) / 1000)
    return [
        Figure(NAME, f"import {count:,} articles of 5 KB (parse + add_many)", "ms", samples,
               "sqlite3 executemany of the parsed rows", base, extra=extra),
    ]  # fmt: skip


def _row(parsed: ParsedArticle, index: int) -> tuple[object, ...]:
    text = parsed.content.text
    now = "2024-05-01T00:00:00Z"
    return (
        f"00000000-0000-4000-8000-{index:012d}", parsed.title, parsed.source_name, parsed.format,
        parsed.encoding, now, now, parsed.original_text, text, len(text),
        parsed.content.to_json(), index,
    )  # fmt: skip


def _raw_insert(path: Path, rows: list[tuple[object, ...]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    marks = ", ".join("?" * len(rows[0]))
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO articles ({COLUMNS}) VALUES ({marks})", rows)
    conn.execute("COMMIT")
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    return elapsed
