"""Who coded what, for the reports: the exported passages counted per coder.

A team's brief is read for its coding as much as for its quotes: which analyst coded how
many passages, with how many notes, under how many tags and in how many articles. The
Markdown notes list it in their header and the HTML report in a table, both only when
more than one coder (or passages without a coder's name beside named ones) are exported.
"""

from __future__ import annotations

from typing import NamedTuple

from diptych.storage.exporting import ExportData

UNNAMED = "no coder named"
"""How passages saved without a coder's name are counted."""


class CoderCount(NamedTuple):
    """One coder's share of the exported passages."""

    name: str
    """The coder's name as passages carry it; "" for passages saved without one."""
    passages: int
    noted: int
    """... of which carry a note."""
    tags: int
    """Tags used on them (each tag once)."""
    articles: int
    """Articles they are in."""


def coder_counts(data: ExportData) -> list[CoderCount]:
    """Each coder's exported passages, most first (then by name; unnamed last); empty
    when one coder, or nobody named, coded them all: there is nothing to compare."""
    by_coder: dict[str, list[int]] = {}
    tags: dict[str, set[int]] = {}
    articles: dict[str, set[int]] = {}
    for p in data.passages:
        name = p.annotation.coder.strip()
        counts = by_coder.setdefault(name, [0, 0])
        counts[0] += 1
        counts[1] += bool(p.annotation.note.strip())
        tags.setdefault(name, set()).update(p.tag_ids)
        articles.setdefault(name, set()).add(p.article.id)
    if len(by_coder) < 2:
        return []
    found = [
        CoderCount(name, n, noted, len(tags[name]), len(articles[name]))
        for name, (n, noted) in by_coder.items()
    ]
    return sorted(found, key=lambda c: (c.name == "", -c.passages, c.name.casefold()))


def coder_label(count: CoderCount) -> str:
    """The coder's name, or what passages without one are counted as."""
    return count.name or UNNAMED
