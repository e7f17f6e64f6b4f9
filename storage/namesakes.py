"""Articles of the same title told apart, as lists, panes and exports name them.

Two outlets' copies of one wire story share a title: each is followed by its file's name,
"Storm hits coast (herald.html)". Two saved versions of one page (a story saved on Monday
and again on Tuesday, each as ``index.html`` in a folder of its own) share the file's name
too: each is then followed by when it was imported, "Storm hits coast (index.html,
imported 7 December 2026, 09:12)", and where even that reads the same (imported together,
or in the same minute), by a number in import order. No two labels are ever the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import tzinfo
from typing import Protocol

from diptych.storage.sample import file_given
from diptych.storage.wording import time_in_words


class Named(Protocol):
    """What an article (or its summary) holds that names it."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def source_name(self) -> str: ...
    @property
    def imported_at(self) -> str: ...


def told_apart(articles: Sequence[Named], zone: tzinfo | None = None) -> dict[int, str]:
    """Each article's title as a list shows it (by article id), namesakes told apart;
    times in ``zone`` (None: the computer's). No two labels are the same: where the time
    as printed (to the minute) is the same, imported seconds apart or together, each is
    numbered in import order; so is any other label that would be the same."""
    titles = Counter(a.title for a in articles)
    given = {a.id: file_given(a.source_name) for a in articles}  # none for the sample's
    files = Counter((a.title, given[a.id]) for a in articles if titles[a.title] > 1)
    when = {a.id: time_in_words(a.imported_at, zone) for a in articles}
    times = Counter(
        (a.title, given[a.id], when[a.id]) for a in articles if files[a.title, given[a.id]] > 1
    )
    seen: Counter[tuple[str, str, str]] = Counter()
    labels = {}
    for a in sorted(articles, key=lambda a: a.id):  # numbered in import order
        file = given[a.id]
        if titles[a.title] < 2 or not file:
            labels[a.id] = a.title
        elif files[a.title, file] < 2:
            labels[a.id] = f"{a.title} ({file})"
        else:
            key = (a.title, file, when[a.id])
            seen[key] += 1
            number = f", {seen[key]}" if times[key] > 1 else ""
            labels[a.id] = f"{a.title} ({file}, imported {when[a.id]}{number})"
    return _numbered(labels)


def _numbered(labels: dict[int, str]) -> dict[int, str]:
    """``labels`` with those the same as another (namesakes without a file's name, a title
    that reads as another's label) each followed by a number in import order, "Notes (1)",
    "Notes (2)", skipping any number that would make another article's label."""
    counts = Counter(labels.values())
    taken = set(labels.values())
    for article_id in sorted(labels):
        label = labels[article_id]
        if counts[label] < 2:
            continue
        number = 1
        while f"{label} ({number})" in taken:
            number += 1
        labels[article_id] = f"{label} ({number})"
        taken.add(labels[article_id])
    return labels
