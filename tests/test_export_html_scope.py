"""The HTML report's summary says which tags its passages were chosen by when not all
were, as the Markdown export's Scope line and the JSON's label do: a report of one tag
read as the whole project's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.project import Project


def summary(sample: Path, **options: object) -> str:
    with Project.open(sample, read_only=True) as project:
        ids = {t.name: t.id for t in project.tags.all()}
        names = options.pop("tags", None)
        if names is not None:
            options["tag_ids"] = tuple(ids[n] for n in names)  # type: ignore[union-attr]
        page = export_project(project, fmt="html", options=ExportOptions(**options)).decode()
    found = re.search(r'<p class="summary">(.*?)</p>', page)
    assert found is not None
    return re.sub(r"<[^>]+>", "", found[1]).split(" · grouped by tag")[1]


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({}, ""),
        ({"tags": ["Security"]}, " · only the tag Security"),
        ({"tags": ["Security", "Evidence"]}, " · only the tags Security, Evidence"),
        (
            {"tags": ["Security"], "include_untagged": True},
            " · only the tag Security and untagged passages",
        ),
        ({"include_untagged": False}, " · untagged passages left out"),
        ({"tags": [], "include_untagged": True}, " · only untagged passages"),
        (
            {
                "tags": ["Economy", "Trade", "Security", "Diplomacy", "Summitry", "Evidence"],
                "include_subtags": False,
            },
            " · only the tags Economy, Economy/Trade, Security, Diplomacy, "
            "Diplomacy/Summitry and 1 more",
        ),
    ],
)
def test_the_summary_names_the_tags_chosen(
    sample: Path, options: dict[str, object], said: str
) -> None:
    assert summary(sample, **dict(options)) == said
