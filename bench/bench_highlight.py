"""Adding one highlight to a 1 MB article that already holds 10,000; and one over the
whole article, and taking it away again.

Diptych: the pane's real path, ``session.add_passage`` (saved to the project file), whose
change signals make the pane update its marks and repaint the blocks that changed; then a
synchronous repaint of the view. Baseline: one
``QTextCursor.mergeCharFormat`` over a range of the same length in the same document,
then the same repaint.

The passage over the whole article (Ctrl+A, then a tag key) is added, then deleted as Edit >
Undo deletes it (``session.delete_passage``), each followed by a repaint. Its baseline is one
``mergeCharFormat`` over the whole of a copy of the same document, in a plain
``QTextBrowser`` of the same size (no highlighter), then its repaint: one format change laid
out over the same text.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from common import Config, Figure, Target, elapsed_ms, interleave
from projects import add_tags, markdown_article, new_project, passages
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser
from qt_support import application, delete_widget, run_events, show_and_paint, wait_until

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession

NAME = "highlight"
LENGTH = 40  # characters in the new passage
TARGET = Target(16.0, on="value", inclusive=False)  # one frame at 60 Hz
SETTLE_MS = 500


def run(config: Config) -> list[Figure]:
    """One more highlight on a heavily coded article."""
    application()
    size = config.size(1_000_000, 20_000)
    count = config.size(10_000, 200)
    project = new_project(config.workdir / "highlight.diptych")
    tags = add_tags(project)
    parsed = markdown_article(size, seed=11)
    article_id = project.articles.add(parsed=parsed).id
    text = parsed.content.text
    project.annotations.add_many(
        items=passages(text, article_id=article_id, count=count, tag_ids=tags)
    )
    session = ProjectSession(project, MessageBridge())
    pane = ArticlePane(session)
    pane.resize(820, 1000)
    show_and_paint(pane, pane.view.viewport())
    loaded: list[bool] = []
    pane.loaded.connect(lambda: loaded.append(True))
    pane.show_article(article_id)
    wait_until(lambda: bool(loaded), timeout_s=600)
    run_events(SETTLE_MS)  # the article is open and idle, as when a reader selects text
    visible = _visible_offsets(pane)
    adds: list[float] = []  # session.add_passage alone (the pane refreshes inside it)
    reps = config.repeats() * 4  # each repetition is short: take more of them

    def add_one() -> float:
        start = visible[len(adds) % len(visible)]
        began = time.perf_counter()
        session.add_passage(article_id=article_id, start=start, end=start + LENGTH,
                            tag_ids=[tags[len(adds) % len(tags)]])  # fmt: skip
        adds.append((time.perf_counter() - began) * 1000)
        pane.view.viewport().repaint()
        return (time.perf_counter() - began) * 1000

    def merge_one() -> float:
        cursor = QTextCursor(pane.view.document())
        position = pane.view.positions.to_rendered(visible[len(adds) % len(visible)])
        cursor.setPosition(position)
        cursor.setPosition(position + LENGTH, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor.fromHsv((len(adds) * 37) % 360, 90, 250))

        def merge() -> None:
            cursor.mergeCharFormat(fmt)
            pane.view.viewport().repaint()

        return elapsed_ms(merge)

    samples, base = interleave(add_one, merge_one, reps, warmup=1)
    whole = _whole_article(config, session, pane, article_id, tags[0])
    delete_widget(pane)
    project.close()
    return [
        Figure(
            NAME, f"add 1 highlight to {count:,} on a 1 MB article, repainted", "ms", samples,
            "QTextCursor.mergeCharFormat + repaint", base, TARGET,
            extra={"add_passage_and_refresh_ms": statistics.median(adds), "passages": count},
        ),
        *whole,
    ]  # fmt: skip


def _whole_article(
    config: Config, session: ProjectSession, pane: ArticlePane, article_id: int, tag: int
) -> list[Figure]:
    """A passage over the whole article added, then taken away (as Undo does), each
    repainted; against one format change over the whole of a plain copy of the document."""
    end = len(session.project.articles.get(article_id=article_id).text)
    plain = QTextBrowser()
    plain.resize(pane.view.size())
    plain.setDocument(pane.view.document().clone(plain))
    show_and_paint(plain, plain.viewport())
    blocks = pane.view.document().blockCount()

    def merge(round_: int) -> float:
        cursor = QTextCursor(plain.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor.fromHsv((round_ * 37) % 360, 90, 250))

        def change() -> None:
            cursor.mergeCharFormat(fmt)
            plain.viewport().repaint()

        return elapsed_ms(change)

    def repainted(action: Callable[[], object]) -> float:
        def both() -> None:
            action()
            pane.view.viewport().repaint()

        return elapsed_ms(both)

    passages: list[int] = []

    def add() -> None:
        passages.append(
            session.add_passage(article_id=article_id, start=0, end=end, tag_ids=[tag]).id
        )

    added, removed, base_added, base_removed = [], [], [], []
    for round_ in range(1 + config.repeats()):  # the first, a warm-up, is not kept
        base = merge(2 * round_)
        took = repainted(add)
        base_undo = merge(2 * round_ + 1)
        undo = repainted(lambda: session.delete_passage(passages.pop()))
        if round_:
            added.append(took)
            removed.append(undo)
            base_added.append(base)
            base_removed.append(base_undo)
    delete_widget(plain)
    extra: dict[str, float | str] = {"characters": end, "blocks": blocks}
    return [
        Figure(
            NAME, "add a passage over a whole 1 MB article (Ctrl+A, tag key), repainted", "ms",
            added, "QTextCursor.mergeCharFormat over the whole document + repaint",
            base_added, extra=extra,
        ),
        Figure(
            NAME, "undo a passage over a whole 1 MB article, repainted", "ms", removed,
            "QTextCursor.mergeCharFormat over the whole document + repaint",
            base_removed, extra=extra,
        ),
    ]  # fmt: skip


def _visible_offsets(pane: ArticlePane) -> list[int]:
    """Display offsets in the visible part of the view with room for a passage in their block."""
    view, positions = pane.view, pane.view.positions
    offsets = []
    for y in range(40, view.viewport().height() - 40, 60):
        rendered = view.cursorForPosition(QPoint(30, y)).position()
        offset = positions.to_display(rendered)
        block = positions.block(positions.block_index_at_rendered(rendered))
        if block.end - offset > LENGTH:
            offsets.append(offset)
    return offsets or [0]
