"""Opening a long article: time to first paint, and the longest stall of the window.

Besides articles of paragraphs, one report holding a table of 10,000 rows: Qt lays a table
out whole, so a long one must be put in (and laid out) in pieces.

Diptych: a real :class:`ArticlePane` on a real project; ``show_article`` (which reads the
article from the project file, builds the first slice and shows it) until the first paint
of the text, then until the pane says the article is fully built. Baseline: a bare
QTextBrowser, ``setPlainText`` of the same display text until its first paint.

A timer ticking every 5 ms in the GUI thread measures the longest stall while opening,
up to the end of the build plus a short settling time (Qt may keep laying out).
"""

from __future__ import annotations

import statistics
import time

from common import Config, Figure, Target, interleave
from projects import add_tags, markdown_article, new_project, passages
from PySide6.QtWidgets import QTextBrowser
from qt_support import (
    PaintWatch,
    StallMonitor,
    application,
    delete_widget,
    run_events,
    show_and_paint,
    wait_until,
)

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import ParsedArticle, parse_article
from diptych.storage.project import Project

NAME = "open"
SETTLE_MS = 200  # stalls just after the build still count
VIEW_SIZE = (820, 1000)
PASSAGES_PER_KB = 0.1  # a lightly coded article: one passage per 10 KB


def run(config: Config) -> list[Figure]:
    """Open a 1 MB and a 10 MB article, and one holding a table of 10,000 rows."""
    application()
    rows = config.size(10_000, 300)
    articles = [
        ("1 MB", _markdown(config.size(1_000_000, 20_000)), Target(2.0, inclusive=False), None),
        ("10 MB", _markdown(config.size(10_000_000, 60_000)), Target(5.0, inclusive=False), 3),
        (f"table of {rows:,} rows", _long_table(rows), Target(5.0, inclusive=False), 3),
    ]
    project = new_project(config.workdir / "open.diptych")
    tags = add_tags(project)
    figures = []
    for label, (parsed, size), target, most in articles:
        article_id, text = _add_article(project, parsed, size, tags)
        figures += _measure(project, article_id, text, label, target, config.repeats(most))
    project.close()
    return figures


def _markdown(size: int) -> tuple[ParsedArticle, int]:
    return markdown_article(size, seed=size), size


def _long_table(rows: int) -> tuple[ParsedArticle, int]:
    """A report whose body is one table of ``rows`` rows × 3 columns (~33 characters a row)."""
    lines = ["# Prices by region", "", "The figures below were collected each week.", ""]
    lines += ["| Region and week | Price | Change |", "|---|---|---|"]
    lines += [
        f"| Region {i % 40}, week {i // 40} | {i * 7 % 1000} | {i % 13 - 6} |" for i in range(rows)
    ]
    lines += ["", "The table ends the report."]
    parsed = parse_article("\n".join(lines).encode(), name="table.md")
    return parsed, len(parsed.content.text)


def _add_article(
    project: Project, parsed: ParsedArticle, size: int, tags: list[int]
) -> tuple[int, str]:
    article_id = project.articles.add(parsed=parsed).id
    count = max(1, round(size / 1000 * PASSAGES_PER_KB))
    text = parsed.content.text
    project.annotations.add_many(
        items=passages(text, article_id=article_id, count=count, tag_ids=tags)
    )
    return article_id, text


def _measure(
    project: Project, article_id: int, text: str, label: str, target: Target, repeat: int
) -> list[Figure]:
    session = ProjectSession(project, MessageBridge())
    built: list[float] = []
    stalls: list[float] = []
    base_stalls: list[float] = []

    def diptych() -> float:
        project.forget_cached()  # opening reads the article from the file
        first, done, stall = _open_in_pane(session, article_id)
        built.append(done)
        stalls.append(stall)
        return first

    def baseline() -> float:
        first, stall = _open_in_browser(text)
        base_stalls.append(stall)
        return first

    samples, base = interleave(diptych, baseline, repeat)
    session.deleteLater()
    plain = "QTextBrowser.setPlainText"
    return [
        Figure(
            NAME, f"{label}: show_article -> first paint", "ms", samples, plain, base, target,
            extra={"fully_built_ms": statistics.median(built), "characters": len(text)},
        ),
        Figure(
            NAME, f"{label}: longest GUI stall while opening", "ms", stalls, plain, base_stalls,
            Target(100.0, on="value"),
        ),
    ]  # fmt: skip


def _open_in_pane(session: ProjectSession, article_id: int) -> tuple[float, float, float]:
    pane = ArticlePane(session)
    pane.resize(*VIEW_SIZE)
    show_and_paint(pane, pane.view.viewport())
    loaded: list[float] = []
    pane.loaded.connect(lambda: loaded.append(time.perf_counter()))
    # Timed: the first paint that shows the article's text (a long article is first read
    # in the background, while the view keeps painting what it had).
    watch = PaintWatch(pane.view.viewport(), armed=False)
    pane.shown.connect(watch.arm)
    monitor = StallMonitor()
    monitor.start()
    run_events(20)  # the monitor is ticking before the article opens
    start = time.perf_counter()
    pane.show_article(article_id)
    painted = watch.wait()
    wait_until(lambda: bool(loaded))
    run_events(SETTLE_MS)
    stall = monitor.stop()
    delete_widget(pane)
    return (painted - start) * 1000, (loaded[0] - start) * 1000, stall


def _open_in_browser(text: str) -> tuple[float, float]:
    browser = QTextBrowser()
    browser.resize(*VIEW_SIZE)
    show_and_paint(browser, browser.viewport())
    watch = PaintWatch(browser.viewport())
    monitor = StallMonitor()
    monitor.start()
    run_events(20)
    start = time.perf_counter()
    browser.setPlainText(text)
    painted = watch.wait()
    run_events(SETTLE_MS)
    stall = monitor.stop()
    delete_widget(browser)
    return (painted - start) * 1000, stall
