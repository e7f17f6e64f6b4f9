"""Zooming and resizing a pane that shows a table of 10,000 rows, fully built.

Usage::

    QT_QPA_PLATFORM=offscreen python bench/table_zoom.py [--rows N] [--repeat N]

A real :class:`ArticlePane` (820×1000) opens the report of ``bench_open`` (one table of
10,000 rows × 3 columns) and waits until it is fully built. Then, with the pane scrolled
to the top of the table and to its middle: one zoom step in and out (Ctrl +/−), and the
pane made narrower and wider again (a divider dragged). For each step: the longest GUI
stall (a 5 ms timer in the GUI thread) until the layout is complete plus 200 ms, the time
until then, and whether the line at the top stayed there. Prints a Markdown table; nothing
is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_open import VIEW_SIZE, _add_article, _long_table
from projects import add_tags, new_project
from PySide6.QtCore import QAbstractEventDispatcher
from PySide6.QtGui import QTextCursor
from qt_support import StallMonitor, application, run_events, show_and_paint, wait_until

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession

SETTLE_MS = 200
LAYOUT_TICK_MS = 10  # Qt's timer laying a document out lazily
NARROWER = 120  # pixels taken from the pane's width, then given back


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    application()
    with tempfile.TemporaryDirectory() as folder:
        project = new_project(Path(folder) / "table.diptych")
        parsed, size = _long_table(args.rows)
        article_id, _text = _add_article(project, parsed, size, add_tags(project))
        pane = _open(ProjectSession(project, MessageBridge()), article_id)
        print("| Where | Step | Longest stall | Laid out after | Top line kept |")
        print("|---|---|---:|---:|---|")
        for where, fraction in (("top of the table", 0.02), ("middle", 0.5)):
            for label, step in _steps(pane):
                rows = [_measure(pane, fraction, step) for _ in range(args.repeat)]
                stall = statistics.median(r[0] for r in rows)
                done = statistics.median(r[1] for r in rows)
                kept = all(r[2] for r in rows)
                print(f"| {where} | {label} | {stall:.0f} ms | {done:.0f} ms | {kept} |")
        pane.close()
        project.close()
    return 0


def _open(session: ProjectSession, article_id: int) -> ArticlePane:
    pane = ArticlePane(session)
    pane.resize(*VIEW_SIZE)
    show_and_paint(pane, pane.view.viewport())
    loaded: list[bool] = []
    pane.loaded.connect(lambda: loaded.append(True))
    pane.show_article(article_id)
    wait_until(lambda: bool(loaded))
    _wait_laid_out(pane)
    return pane


def _steps(pane: ArticlePane) -> list[tuple[str, Callable[[], None]]]:
    width, height = VIEW_SIZE
    return [
        ("zoom in", lambda: pane.set_zoom_step(1)),
        ("zoom out", lambda: pane.set_zoom_step(-1)),
        ("narrower", lambda: pane.resize(width - NARROWER, height)),
        ("wider", lambda: pane.resize(width, height)),
    ]


def _measure(
    pane: ArticlePane, fraction: float, step: Callable[[], None]
) -> tuple[float, float, bool]:
    """Longest stall and time until laid out (ms), and whether the top line stayed."""
    bar = pane.view.verticalScrollBar()
    bar.setValue(round(bar.maximum() * fraction))
    run_events(50)
    place = pane.reading_place()
    monitor = StallMonitor()
    monitor.start()
    run_events(20)
    start = time.perf_counter()
    step()
    _wait_laid_out(pane)
    done = (time.perf_counter() - start) * 1000
    run_events(SETTLE_MS)
    stall = monitor.stop()
    return stall, done, _at_top(pane, place)


def _at_top(pane: ArticlePane, place: int) -> bool:
    """Whether the line of the article offset ``place`` is at the top of the view (where
    the layout puts it: not a point's hit test, whose answer may lag)."""
    view = pane.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_rendered(place))
    rect = view.cursorRect(cursor)
    return abs(rect.top()) <= rect.height()


def _wait_laid_out(pane: ArticlePane) -> None:
    """Until the document's layout is complete: its layout has no lazy step pending (Qt
    keeps a 10 ms timer on the layout while it lays the rest of the document out)."""
    layout = pane.view.document().documentLayout()
    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None

    def laid_out() -> bool:
        return all(t.interval != LAYOUT_TICK_MS for t in dispatcher.registeredTimers(layout))

    wait_until(laid_out)


if __name__ == "__main__":
    raise SystemExit(main())
