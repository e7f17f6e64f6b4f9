"""The export time in the Markdown notes and the HTML report reads as a date and time in
words, in the reader's zone ("6 December 2026, 22:32"), where they showed a UTC stamp; the
HTML report keeps the stamp in its ``<time datetime>``, the W3C JSON its UTC time. The
zone is passed in (or TZ set), so the tests hold in any zone."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest

from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.project import Project
from diptych.storage.wording import time_in_words

STAMP = "2026-12-06T21:32:47Z"
PARIS_IN_WINTER = timezone(timedelta(hours=1))


def exported(sample: Path, fmt: str, **options: object) -> str:
    with Project.open(sample, read_only=True) as project:
        chosen = ExportOptions(timestamp=STAMP, **options)  # type: ignore[arg-type]
        return export_project(project, fmt=fmt, options=chosen).decode("utf-8")


def test_the_markdown_notes_say_when_in_words(sample: Path) -> None:
    text = exported(sample, "md", zone=PARIS_IN_WINTER)
    assert "- Exported: 6 December 2026, 22:32\n" in text
    assert STAMP not in text


def test_the_report_says_when_in_words_and_keeps_the_stamp(sample: Path) -> None:
    page = exported(sample, "html", zone=PARIS_IN_WINTER)
    assert f'Exported <time datetime="{STAMP}">6 December 2026, 22:32</time> · ' in page


def test_the_json_keeps_its_utc_time(sample: Path) -> None:
    collection = json.loads(exported(sample, "json", zone=PARIS_IN_WINTER))
    assert collection["generated"] == STAMP


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's zone nine hours ahead of UTC (a POSIX TZ: no zone files needed)."""
    monkeypatch.setenv("TZ", "JST-9")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("tokyo")
def test_without_a_zone_the_time_is_the_computers(sample: Path) -> None:
    assert "- Exported: 7 December 2026, 06:32\n" in exported(sample, "md")


@pytest.mark.parametrize(
    ("stamp", "said"),
    [
        ("2025-02-01T12:00:00Z", "1 February 2025, 12:00"),
        ("2025-02-01T12:00:00", "1 February 2025, 12:00"),  # no zone: UTC, as stored
        ("2025-02-01T12:00:00+02:00", "1 February 2025, 10:00"),
        ("not a time", "not a time"),
    ],
)
def test_time_in_words(stamp: str, said: str) -> None:
    assert time_in_words(stamp, UTC) == said
