"""Saving one annotation, against a raw SQLite insert in the same durability mode.

Diptych: ``project.annotations.add`` with one tag (anchoring the quote, the insert, the
tag link, the full-text index, the commit, and reading the saved passage back).
Baseline: a raw ``sqlite3`` insert of one row and a commit on a file in the same folder,
in WAL mode with ``synchronous=FULL`` like the project file. Both wait for the disk
(fsync) on commit, which usually dominates; the processor time of each is kept too.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable

from common import Config, Figure, Target, elapsed_ms, interleave
from projects import add_tags, markdown_article, new_project

NAME = "annotation"
BASELINE_SCHEMA = """
    CREATE TABLE IF NOT EXISTS passages (
        id INTEGER PRIMARY KEY, article_id INTEGER, start_pos INTEGER, end_pos INTEGER,
        exact TEXT, note TEXT, created_at TEXT)
"""


def run(config: Config) -> list[Figure]:
    """One passage saved, many times over."""
    project = new_project(config.workdir / "annotation.diptych")
    tags = add_tags(project)
    parsed = markdown_article(config.size(50_000, 5_000), seed=3)
    article_id = project.articles.add(parsed=parsed).id
    length = len(parsed.content.text)
    raw = sqlite3.connect(config.workdir / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute(BASELINE_SCHEMA)
    counter = [0]
    cpu: dict[str, list[float]] = {"diptych": [], "baseline": []}

    def diptych() -> float:
        counter[0] += 1
        start = (counter[0] * 97) % (length - 100)
        return timed(
            "diptych",
            lambda: project.annotations.add(
                article_id=article_id, start=start, end=start + 60,
                tag_ids=[tags[counter[0] % len(tags)]], note="A note.", coder="Bench coder",
            ),
        )  # fmt: skip

    def baseline() -> float:
        counter[0] += 1
        start = (counter[0] * 97) % (length - 100)
        exact = parsed.content.text[start : start + 60]

        def insert() -> None:
            raw.execute("BEGIN")
            raw.execute(
                "INSERT INTO passages (article_id, start_pos, end_pos, exact, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, start, start + 60, exact, "A note.", "2024-05-01T00:00:00Z"),
            )
            raw.execute("COMMIT")

        return timed("baseline", insert)

    def timed(who: str, action: Callable[[], object]) -> float:
        started = time.process_time()
        wall = elapsed_ms(action)
        cpu[who].append((time.process_time() - started) * 1000)
        return wall

    samples, base = interleave(diptych, baseline, config.repeats() * 20, warmup=2)
    raw.close()
    project.close()
    return [
        Figure(
            NAME, "save 1 annotation with 1 tag (WAL, synchronous=FULL)", "ms", samples,
            "sqlite3 insert + commit", base, Target(3.0),
            extra={
                "cpu_ms": statistics.median(cpu["diptych"]),
                "baseline_cpu_ms": statistics.median(cpu["baseline"]),
            },
        )
    ]  # fmt: skip
