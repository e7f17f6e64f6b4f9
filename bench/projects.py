"""Project files for the benchmarks, filled through Diptych's own bulk paths."""

from __future__ import annotations

import random
from pathlib import Path

from articles import ArticleWriter

from diptych.storage.annotations import NewAnnotation
from diptych.storage.importing import ParsedArticle, parse_article
from diptych.storage.project import Project

TAG_COLORS = ("#F6C945", "#F28C8C", "#7CC6F2", "#8FD694", "#C39BE8", "#F7A85C")


def new_project(path: Path) -> Project:
    """A new, empty project at ``path`` (an older file there is removed first)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return Project.create(path)


def markdown_article(size: int, *, seed: int, name: str = "article.md") -> ParsedArticle:
    """A realistic Markdown article of about ``size`` characters, imported."""
    text = ArticleWriter(seed).article(size)
    return parse_article(text.encode(), name=name)


def add_tags(project: Project, count: int = len(TAG_COLORS)) -> list[int]:
    """A small codebook; returns the tag ids."""
    return [
        project.tags.add(name=f"Code {i + 1}", color=TAG_COLORS[i % len(TAG_COLORS)]).id
        for i in range(count)
    ]


def passages(
    text: str, *, article_id: int, count: int, tag_ids: list[int], seed: int = 7, notes: bool = True
) -> list[NewAnnotation]:
    """``count`` passages of 20-300 characters spread over ``text``, each with 1-2 tags."""
    r = random.Random(seed)
    items = []
    for i in range(count):
        start = r.randrange(0, max(1, len(text) - 301))
        end = min(len(text), start + r.randint(20, 300))
        tags = tuple(sorted(set(r.choices(tag_ids, k=r.randint(1, 2)))))
        note = f"Note {i}: compare with the other sources on this point." if notes else ""
        items.append(NewAnnotation(article_id, start, end, tags, note, "Bench coder"))
    return items
