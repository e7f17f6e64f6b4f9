"""Dragging a pane's edge over an article of many short tables: what fitting the tables'
columns to the pane's width costs each step, against the same steps with the columns left
to Qt (the baseline), in the same run.

Usage::

    QT_QPA_PLATFORM=offscreen python bench/table_fit_resize.py [--tables N] [--repeat N]

A real :class:`ArticlePane` opens an article of ``--tables`` paragraphs each followed by a
table of 5 rows × 5 columns, waits until it is built, then is made wider 20 px at a time
from 400 to 800 px, each step processed as the window would. Prints the mean and longest
step for each way, alternated, and their ratio; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from qt_support import application

from diptych.gui import article_view
from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def tables_article(tables: int) -> bytes:
    """Paragraphs, each followed by a short table of figures."""
    lines = ["# Many tables", ""]
    for number in range(tables):
        lines += [
            f"Paragraph {number}, some words to wrap as the pane is resized by the user.",
            "",
            "| Region | 2019 | 2020 | 2021 | Change |",
            "|---|---|---|---|---|",
        ]
        lines += [f"| Region {r} of the south | {r}.1 | {r}.2 | {r}.3 | +{r}.0 |" for r in range(5)]
        lines.append("")
    return "\n".join(lines).encode()


def drag(project: Project, article_id: int, *, fitted: bool) -> tuple[float, float]:
    """Mean and longest step, in ms, of widening a pane from 400 to 800 px."""
    app = application()
    real = article_view.fit_without_signals
    if not fitted:
        article_view.fit_without_signals = lambda *_args, **_kwargs: None  # type: ignore[assignment]
    try:
        pane = ArticlePane(ProjectSession(project, MessageBridge()))
        pane.resize(400, 700)
        pane.show()
        pane.show_article(article_id)
        settle = time.perf_counter()
        while time.perf_counter() - settle < 2:
            app.processEvents()
        steps = []
        for width in range(420, 820, 20):
            started = time.perf_counter()
            pane.resize(width, 700)
            app.processEvents()
            steps.append((time.perf_counter() - started) * 1000)
        pane.close()
        pane.deleteLater()
        app.processEvents()
        return statistics.mean(steps), max(steps)
    finally:
        article_view.fit_without_signals = real


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "tables.diptych")
        parsed = parse_article(tables_article(args.tables), name="tables.md")
        article_id = project.articles.add(parsed=parsed).id
        fitted, plain = [], []
        for _ in range(args.repeat):
            plain.append(drag(project, article_id, fitted=False))
            fitted.append(drag(project, article_id, fitted=True))
        project.close()
    mean = statistics.median(m for m, _ in fitted)
    base = statistics.median(m for m, _ in plain)
    print("| Columns | Mean step | Longest step |")
    print("|---|---:|---:|")
    print(f"| left to Qt (baseline) | {base:.1f} ms | {max(w for _, w in plain):.1f} ms |")
    print(f"| fitted to the pane | {mean:.1f} ms | {max(w for _, w in fitted):.1f} ms |")
    print(f"\nRatio (mean step, fitted / baseline): {mean / base:.2f}x")


if __name__ == "__main__":
    main()
