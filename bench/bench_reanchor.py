"""Updating a 1 MB article with 2,000 passages from a newer file: the longest stall of the
window while its passages are found again.

Diptych: what Update from newer file… does once the file is chosen: a worker reads the
file and finds the passages in it (``newer_version_job``), then the update is applied on
the GUI thread through the undo stack (``ReplaceArticleText`` with the worker's plan).
Baseline: the same update of the same text carrying no passages. Also kept: the stall when
the passages are found on the GUI thread (no plan), as the update did before.

Then the same updates in a real window showing both articles side by side, with the
Passages panel open: the window's views follow the update (the pane shows the new text
with its marks, the table its rows), which is most of the stall there. Baseline: the same
update of the article without passages in the same window. The window's next look at the
file for other programs' changes is kept too (its watch is otherwise left off, so that it
never falls inside a measurement).

A timer ticking every 5 ms in the GUI thread measures the longest stall, from the start of
the update to its end (in the window: until the panes are built) plus a short settling
time. Each update is undone (not timed) before the next.

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
from diptych.gui.context import AppContext
from diptych.gui.import_jobs import NewerVersion, newer_version_job, read_article
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge
from diptych.gui.paths import AppPaths
from diptych.gui.session import ProjectSession
from diptych.gui.settings import Settings
from diptych.gui.workers import Progress, Workers
from diptych.storage.importing import ParsedArticle
from diptych.storage.project import Project

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
    newer_files = []
    for label, edit in edits:
        newer = config.workdir / f"newer-{label.replace(' ', '-')}.md"
        newer.write_text(edit(parsed.original_text), encoding="utf-8")
        newer_files.append((label, newer))
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
    path = project.path
    project.close()
    return figures + _in_window(config, path, coded, bare, newer_files, size, count)


def _in_window(
    config: Config,
    path: Path,
    coded: int,
    bare: int,
    newer_files: list[tuple[str, Path]],
    size: int,
    count: int,
) -> list[Figure]:
    """The same updates in a window showing both articles and the Passages panel."""
    window = _window(config.workdir / "user", path, (coded, bare))
    session, workers = window.session, Workers(QThreadPool.globalInstance())
    figures = []
    for label, newer in newer_files:
        looks: list[float] = []

        def diptych(newer: Path = newer, looks: list[float] = looks) -> float:
            stall = _update(session, workers, coded, newer, planned=True, window=window)
            looks.append(_look_at_file(window))
            return stall

        def baseline(newer: Path = newer) -> float:
            return _update(session, workers, bare, newer, planned=True, window=window)

        samples, base = interleave(diptych, baseline, config.repeats(2))
        name = f"{size / 1e6:g} MB, {count} passages, {label}, in a window: longest GUI stall"
        figures.append(
            Figure(
                NAME, name, "ms", samples,
                "the same update, no passages, in the same window", base,
                extra={"next_look_at_the_file_ms": statistics.median(looks)},
            )
        )  # fmt: skip
    window.close()
    window.deleteLater()
    QThreadPool.globalInstance().waitForDone()
    run_events(50)
    return figures


def _window(home: Path, path: Path, article_ids: tuple[int, int]) -> MainWindow:
    """A window on the project showing the articles side by side and the Passages panel,
    with its watch on the file left off (see :func:`_look_at_file`)."""
    paths = AppPaths(data=home / "data", config=home / "config")
    paths.ensure()
    context = AppContext(
        paths=paths, settings=Settings(paths.config / "diptych.ini"), messages=MessageBridge()
    )
    launcher = Launcher(context)
    window = launcher.show_project(Project.open(path))
    window.launcher = launcher  # type: ignore[attr-defined]  # kept alive with the window
    window.session.watch(False)
    first, second = article_ids
    window.area.open_article(first)
    window.area.open_article(second, new_pane=True)
    window.docks["passages"].show()
    window.docks["passages"].raise_()
    _settle(window)
    return window


def _settle(window: MainWindow) -> None:
    wait_until(lambda: not any(pane.is_loading for pane in window.area.panes()))
    wait_until(lambda: not window.passages.model.reading)
    run_events(SETTLE_MS)


def _look_at_file(window: MainWindow) -> float:
    """The longest stall of the window's next look at the file for other programs'
    changes (what its watch does every 1.5 s), once the update is done."""
    monitor = StallMonitor()
    monitor.start()
    run_events(20)
    window.session.on_watch_timeout()
    _settle(window)
    return monitor.stop()


def _update(
    session: ProjectSession,
    workers: Workers,
    article_id: int,
    newer: Path,
    *,
    planned: bool,
    window: MainWindow | None = None,
) -> float:
    """One update, as Update from newer file… makes it; returns the longest stall (ms)
    until it is done (and ``window``, if given, has followed it)."""
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
    if window is None:
        run_events(SETTLE_MS)
    else:
        _settle(window)
    stall = monitor.stop()
    session.undo_stack.undo()  # the article as it was, for the next round
    session.undo_stack.clear()
    if window is not None:
        _settle(window)
    return stall


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quick = "--quick" in sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="diptych-bench-reanchor-") as folder:
        print(table(run(Config(quick=quick, repeat=1 if quick else 3, workdir=Path(folder)))))
