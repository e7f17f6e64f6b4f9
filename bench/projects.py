"""Project files for the benchmarks, filled through Diptych's own bulk paths."""

from __future__ import annotations

import random
from dataclasses import dataclass
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


@dataclass(frozen=True)
class BigProject:
    """A heavily coded project built by :func:`big_project`.

    Attributes:
        path: the project file (closed).
        articles: how many articles it holds.
        characters: the length of all their display texts together.
        passages: how many passages it holds.
        tags: how many tags its codebook has.
        big_tag: the first tag of the codebook (key 1 applies it), on about a quarter of
            the passages.
        big_tag_passages: how many passages carry ``big_tag``.
        busiest_article: the article with the most passages.
        busiest_passages: how many passages that article holds.
    """

    path: Path
    articles: int
    characters: int
    passages: int
    tags: int
    big_tag: int
    big_tag_passages: int
    busiest_article: int
    busiest_passages: int


def nested_tags(project: Project, count: int) -> list[int]:
    """``count`` tags nested three deep ("Theme 2", "Theme 2.3", "Theme 2.3.1"...).

    About the cube root of ``count`` tags at the top, as many below each of them, and the
    rest shared out below those. Returns the ids in creation order (the first one is the
    first tag of the codebook).
    """
    branches = max(2, round(count ** (1 / 3)))
    ids: list[int] = []

    def add(name: str, parent_id: int | None) -> int:
        color = TAG_COLORS[len(ids) % len(TAG_COLORS)]
        ids.append(project.tags.add(name=name, color=color, parent_id=parent_id).id)
        return ids[-1]

    tops = [(f"{i + 1}", add(f"Theme {i + 1}", None)) for i in range(min(branches, count))]
    middles = []
    for label, parent in tops:
        for j in range(branches):
            if len(ids) < count:
                middles.append((f"{label}.{j + 1}", add(f"Theme {label}.{j + 1}", parent)))
    for n in range(count - len(ids)):
        label, parent = middles[n % len(middles)]
        add(f"Theme {label}.{n // len(middles) + 1}", parent)
    return ids


def big_project(
    path: Path, *, articles: int, passages: int, tags: int, seed: int = 1500
) -> BigProject:
    """A project like a long study's: many articles, many passages, a deep codebook.

    Articles of 5-60 KB of Markdown; passages of 20-300 characters with one or two tags
    and a note, spread over the articles by length, except that one article holds 1.5%
    of them; about a quarter of the passages carry the first tag. Everything goes
    through the stores' bulk paths (``add_many``), in batches. The same ``seed`` builds
    the same project.
    """
    r = random.Random(seed)
    project = new_project(path)
    tag_ids = nested_tags(project, tags)
    big_tag, others = tag_ids[0], tag_ids[1:] or tag_ids
    texts: dict[int, str] = {}
    batch = 100
    for first in range(0, articles, batch):
        parsed = [
            markdown_article(r.randint(5_000, 60_000), seed=seed + i, name=f"article-{i:04d}.md")
            for i in range(first, min(articles, first + batch))
        ]
        added = project.articles.add_many(parsed=parsed)
        texts.update({a.id: p.content.text for a, p in zip(added, parsed, strict=True)})
    busiest = max(texts, key=lambda i: len(texts[i]))
    heavy = max(1, round(passages * 0.015))
    total = sum(len(t) for i, t in texts.items() if i != busiest) or 1
    counts = {i: round((passages - heavy) * len(t) / total) for i, t in texts.items()}
    counts[busiest] = heavy
    on_big = made = 0
    ids = list(texts)
    for first in range(0, len(ids), batch):
        items = []
        for article_id in ids[first : first + batch]:
            text = texts[article_id]
            for _ in range(counts[article_id]):
                start = r.randrange(0, max(1, len(text) - 301))
                end = min(len(text), start + r.randint(20, 300))
                wanted = r.randint(1, 2)
                chosen = {big_tag} if r.random() < 0.25 else set()
                while len(chosen) < wanted:
                    chosen.add(r.choice(others))
                on_big += big_tag in chosen
                note = f"Note {made}: compare with the other sources on this point."
                made += 1
                items.append(NewAnnotation(article_id, start, end, tuple(sorted(chosen)), note,
                                           "Bench coder"))  # fmt: skip
        project.annotations.add_many(items=items)
    built = BigProject(
        path=path, articles=len(texts), characters=sum(len(t) for t in texts.values()),
        passages=project.annotations.count(), tags=len(tag_ids), big_tag=big_tag,
        big_tag_passages=on_big, busiest_article=busiest, busiest_passages=heavy,
    )  # fmt: skip
    project.close()
    return built
