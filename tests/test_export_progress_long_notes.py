"""Export progress is reported by time as well as by passages: a thousand passages with
long notes took minutes, in which the progress bar stood still and Cancel was not heard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage import exporting
from diptych.storage.exporting import (
    PROGRESS_SECONDS,
    ExportCancelled,
    ExportOptions,
    ProgressMeter,
    export_project,
)
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

PASSAGES = 30


class SlowClock:
    """A clock on which each look at it finds twice ``PROGRESS_SECONDS`` more gone by:
    as if each passage's note took that long."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 2 * PROGRESS_SECONDS
        return self.now


@pytest.fixture
def slow_clock(monkeypatch: pytest.MonkeyPatch) -> SlowClock:
    clock = SlowClock()
    monkeypatch.setattr(exporting, "_now", clock)
    return clock


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    body = "# Notes\n\n" + "".join(f"Passage number {n}.\n\n" for n in range(PASSAGES))
    with Project.open(tmp_path / "p.diptych", create=True, name="Long notes") as project:
        article = project.articles.add(parsed=parse_article(body.encode(), name="a.md"))
        tags = [project.tags.add(name=name).id for name in ("Claim", "Evidence")]
        text = project.articles.get(article_id=article.id).text
        for number in range(PASSAGES):
            start = text.index(f"Passage number {number}.")
            project.annotations.add(
                article_id=article.id, start=start, end=start + 14, tag_ids=tags,
                note=f"# Point {number}\n\nSee **this** and [that](https://example.org/).",
            )  # fmt: skip
        yield project


def test_the_meter_reports_once_a_step_took_long(slow_clock: SlowClock) -> None:
    calls: list[int] = []
    meter = ProgressMeter(lambda done, _total: calls.append(done) is None, 50)
    for _ in meter.track(range(5)):
        pass
    assert calls == [0, 1, 2, 3, 4, 5]


@pytest.mark.usefixtures("slow_clock")
@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_the_bar_moves_through_slow_passages(project: Project, fmt: str) -> None:
    reported: list[int] = []
    export_project(project, fmt=fmt, options=ExportOptions(),
                   progress=lambda done, _total: reported.append(done) is None)  # fmt: skip
    total = reported[-1]
    assert len([done for done in reported if 0 < done < total]) >= PASSAGES - 1


@pytest.mark.usefixtures("slow_clock")
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_cancel_is_heard_after_the_passage_under_way(project: Project, fmt: str) -> None:
    reported: list[int] = []

    def cancel_once_started(done: int, _total: int) -> bool:
        reported.append(done)
        return done == 0

    with pytest.raises(ExportCancelled):
        export_project(project, fmt=fmt, options=ExportOptions(), progress=cancel_once_started)
    assert reported == [0, 1]
