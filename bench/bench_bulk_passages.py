"""Many passages at once from the Passages list: the longest GUI stall of each step.

Diptych: the real main window (``diptych.gui.app.start``) on a project built through the
stores' bulk paths: 1,500 Markdown articles of 5-60 KB (fixed seed), 20,000 passages with
one or two tags and a note, 250 tags, the first on about 5,000 passages spread over
nearly every article. The Passages list is filtered by that tag; with the keyboard in the
list, Ctrl+A, then Del (the question answered Yes), Edit > Undo, Edit > Redo and Edit >
Undo again; Ctrl+A and "tag them all" with another tag (the list menu's), then Edit >
Undo; Ctrl+A and Ctrl+C. Baseline: the same steps in a second window on the built-in
sample project (a handful of passages), the two alternated.

A timer ticking every 5 ms in the GUI thread measures the longest stall from each step
until its effects have settled (as :mod:`bench_big_project` does). Target: the window
never stops answering for more than a second for thousands of passages at once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from bench_big_project import (
    BACKUP_TIMEOUT_S,
    WARMUP,
    Side,
    _backed_up,
    _close,
    _screen,
    _settle,
    _side,
    _stall,
    _start,
)
from common import Config, Figure, Target
from projects import big_project
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from qt_support import run_events, wait_until

from diptych.gui import dialogs
from diptych.gui.app import keep_start_up_objects
from diptych.gui.main_window import MainWindow
from diptych.storage.sample import create_sample_project

NAME = "bulk passages"
TARGET = Target(1000.0, on="value")
BASELINE = "sample project"
STEPS = (
    "Ctrl+A, Del: every passage of the tag",
    "undo the deletion",
    "redo the deletion",
    "undo it again",
    "tag them all with another tag",
    "undo the tagging",
    "Ctrl+A, Ctrl+C",
)


def run(config: Config) -> list[Figure]:
    """Build the big project, open it and the sample one, and act in both, alternately."""
    _screen(config.workdir / "screen.json")
    built = big_project(
        config.workdir / "big.diptych",
        articles=config.size(1_500, 30),
        passages=config.size(20_000, 300),
        tags=config.size(250, 20),
    )
    sample = config.workdir / "sample.diptych"
    create_sample_project(sample).close()
    big = _side(built.path, config.workdir / "user-big")
    small = _side(sample, config.workdir / "user-small")
    keep_start_up_objects()
    for side in (big, small):
        side.launcher = _start(side)
    for side in (big, small):
        wait_until(partial(_backed_up, side), timeout_s=BACKUP_TIMEOUT_S)
    asked = dialogs.ask_plain
    dialogs.ask_plain = lambda *_args, **_kwargs: True  # "Delete these 5000 passages?" Yes
    try:
        ours: list[list[float]] = []
        theirs: list[list[float]] = []
        for round_ in range(WARMUP + config.repeats()):
            baseline, subject = bulk_steps(small), bulk_steps(big)
            if round_ >= WARMUP:
                theirs.append(baseline)
                ours.append(subject)
    finally:
        dialogs.ask_plain = asked
        for side in (big, small):
            _close(side.launcher)
            side.launcher = None
    figures = [
        Figure(NAME, f"stall: {name}", "ms", [r[step] for r in ours], BASELINE,
               [r[step] for r in theirs], TARGET)
        for step, name in enumerate(STEPS)
    ]  # fmt: skip
    figures[0].extra.update(
        articles=built.articles, passages=built.passages, tags=built.tags,
        tag_passages=built.big_tag_passages,
    )  # fmt: skip
    return figures


def bulk_steps(side: Side) -> list[float]:
    """Every step on one side; the project is left as it was."""
    window = side.window
    panel = window.passages
    panel.set_tag_filter(side.tag_id)
    _settle(window)
    listed = panel.model.rowCount()
    if not listed:
        raise RuntimeError("the most used tag lists no passage")
    stalls = [_stall(window, partial(_select_all_then, window, Qt.Key.Key_Delete))]
    _check(panel.model.rowCount() == 0, "Del left rows listed")
    actions = window.actions_
    for step, rows in ((actions.undo, listed), (actions.redo, 0), (actions.undo, listed)):
        stalls.append(_stall(window, step.trigger))
        _check(panel.model.rowCount() == rows, f"{step.text()} left {panel.model.rowCount()}")
    chosen = _select_all(window)
    other = next(t.id for t in window.session.ordered_tags() if t.id != side.tag_id)
    stalls.append(_stall(window, lambda: panel.tag_passages(chosen, other)))
    stalls.append(_stall(window, actions.undo.trigger))
    stalls.append(_stall(window, partial(_select_all_then, window, Qt.Key.Key_C, copy=True)))
    panel.set_tag_filter(None)
    _settle(window)
    return stalls


def _select_all(window: MainWindow) -> list[int]:
    """The keyboard in the Passages list, Ctrl+A: the passages selected (untimed)."""
    table = window.passages.table
    window.activateWindow()
    table.setFocus()
    run_events(20)
    QTest.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    return window.passages.selection.selected_passages()


def _select_all_then(window: MainWindow, key: Qt.Key, *, copy: bool = False) -> None:
    _select_all(window)
    modifier = Qt.KeyboardModifier.ControlModifier if copy else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(window.passages.table, key, modifier)


def _check(holds: bool, said: str) -> None:
    if not holds:
        raise RuntimeError(said)


Step = Callable[[Side], list[float]]
