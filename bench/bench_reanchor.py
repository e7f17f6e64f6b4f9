"""Updating a 1 MB article with 2,000 passages from a newer file: the longest stall of the
window while its passages are found again.

Diptych: what Update from newer file… does once the file is chosen: a worker reads the
file and finds the passages in it (``newer_version_job``), then the update is applied on
the GUI thread through the undo stack (``ReplaceArticleText`` with the worker's plan).
Baseline: the same update of the same text carrying no passages. Also kept: the stall when
the passages are found on the GUI thread (no plan), as the update did before.

A timer ticking every 5 ms in the GUI thread measures the longest stall, from the start of
the update to its end plus a short settling time. Each update is undone (not timed)
before the next.

Run on its own: ``QT_QPA_PLATFORM=offscreen python bench/bench_reanchor.py [--quick]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from common import Config, Figure, Target, interleave, table
from projects import add_tags, markdown_article, new_project, passages
from PySide6.QtCore import QThreadPool
from qt_support import StallMonitor, application, run_events, wait_until

from diptych.gui.article_commands import ReplaceArticleText
from diptych.gui.commands import perform
from diptych.gui.import_jobs import NewerVersion, newer_version_job, read_article
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.gui.workers import Progress, Workers
from diptych.storage.importing import ParsedArticle

NAME = "reanchor"
SETTLE_MS = 100


def edit_paragraphs(text: str) -> str:
    """Every tenth paragraph gets a word changed."""
    paras = text.split("\n\n")
    return "\n\n".join(
        p.replace(" the ", " a ", 1) if i % 10 == 0 else p for i, p in enumerate(paras)
    )


def reflow(text: str) -> str:
    """Every paragraph's lines broken at about 70 characters."""
    out = []
    for para in text.split("\n\n"):
        lines, line = [], ""
        for word in para.split(" "):
            if line and len(line) + len(word) > 70:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append("\n".join([*lines, line]))
    return "\n\n".join(out)


def run(config: Config) -> list[Figure]:
    """Paragraphs edited, every line reflowed, the whole text replaced."""
    application()
    size = config.size(1_000_000, 30_000)
    count = config.size(2_000, 60)
    project = new_project(config.workdir / "reanchor.diptych")
    tags = add_tags(project)
    parsed = markdown_article(size, seed=21)
    coded = project.articles.add(parsed=parsed).id
    bare = project.articles.add(parsed=markdown_article(size, seed=21, name="bare.md")).id
    text = project.articles.get(article_id=coded).text
    project.annotations.add_many(items=passages(text, article_id=coded, count=count, tag_ids=tags))
    session = ProjectSession(project, MessageBridge())
    workers = Workers(QThreadPool.globalInstance())
    figures = []
    other = markdown_article(size, seed=22).original_text  # no passage is found in it
    edits: tuple[tuple[str, Callable[[str], str]], ...] = (
        ("paragraphs edited", edit_paragraphs),
        ("lines reflowed", reflow),
        ("text replaced", lambda _text: other),
    )
    for label, edit in edits:
        newer = config.workdir / f"newer-{label.replace(' ', '-')}.md"
        newer.write_text(edit(parsed.original_text), encoding="utf-8")
        inline: list[float] = []

        def diptych(newer: Path = newer, inline: list[float] = inline) -> float:
            inline.append(_update(session, workers, coded, newer, planned=False))
            return _update(session, workers, coded, newer, planned=True)

        def baseline(newer: Path = newer) -> float:
            return _update(session, workers, bare, newer, planned=True)

        samples, base = interleave(diptych, baseline, config.repeats(2))
        name = f"{size / 1e6:g} MB, {count} passages, {label}: longest GUI stall"
        figures.append(
            Figure(
                NAME, name, "ms", samples,
                "the same update, no passages", base, Target(100.0, on="value"),
                extra={"found_on_the_gui_thread_ms": statistics.median(inline)},
            )
        )  # fmt: skip
    session.deleteLater()
    project.close()
    return figures


def _update(
    session: ProjectSession, workers: Workers, article_id: int, newer: Path, *, planned: bool
) -> float:
    """One update, as Update from newer file… makes it; returns the longest stall (ms)."""
    done: list[ReplaceArticleText] = []

    def apply(result: ParsedArticle | NewerVersion) -> None:
        if isinstance(result, NewerVersion):
            command = ReplaceArticleText(session, article_id, result.parsed, result.plan)
        else:
            command = ReplaceArticleText(session, article_id, result)
        if perform(session, command):
            done.append(command)

    job: Callable[[Progress], ParsedArticle | NewerVersion]
    if planned:
        job = newer_version_job(session.project.path, article_id, newer)
    else:  # read in the worker, the passages found on the GUI thread: the update before
        job = lambda _progress: read_article(newer)  # noqa: E731
    monitor = StallMonitor()
    monitor.start()
    run_events(20)  # the monitor is ticking before the update starts
    worker = workers.start(job)
    worker.signals.finished.connect(apply)
    wait_until(lambda: bool(done))
    run_events(SETTLE_MS)
    stall = monitor.stop()
    session.undo_stack.undo()  # the article as it was, for the next round
    session.undo_stack.clear()
    return stall


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quick = "--quick" in sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="diptych-bench-reanchor-") as folder:
        print(table(run(Config(quick=quick, repeat=1 if quick else 3, workdir=Path(folder)))))
