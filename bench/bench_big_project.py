"""A big project in the window: the longest GUI stall of each thing a user does.

Diptych: the real main window, opened the way ``diptych open PROJECT`` opens it
(``diptych.gui.app.start``, with a user's folders and settings of its own under the run's
scratch folder), on a project built through the stores' bulk paths: 1,500 Markdown
articles of 5-60 KB (fixed seed), 40,000 passages with one or two tags and a note, 400
tags nested three deep, the first tag on about 10,000 passages and one article holding
600 passages. Baseline: the same action in a second window, on the built-in sample
project (two articles, a few passages), measured alternately with the big one.

Each action is done as a user does it, through the window's widgets, actions and undo
stack: keys typed into the Passages and Library filters (and Backspace), the Passages
panel's tag list and its Orphans tab, key 1 on a selection in the current pane and
Edit > Undo, renaming the most used tag (what the tag dialog's OK does) and undoing it,
File > Export (the dialog is then cancelled, untimed), and opening the article with the
most passages beside the others (the Library's "Open beside"; the pane is closed again,
untimed), and the Search panel's search for a word in nearly every article and for a
pasted Korean sentence (looked for inside every text), each until its results are
listed. Opening the project is timed to the first paint of the articles in the window.

A timer ticking every 5 ms in the GUI thread measures the longest stall from the action
until its effects have settled (every pane built, then a short settling time, since Qt
lays out item views and panes later). The figure is the big project's longest stall,
with the ratio to the sample project's; the target is the rule that the window never
stops answering for more than 100 ms. The windows are 1440x900, on an offscreen screen
of 1920x1080. The big project is built once per run (20-30 s).
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from common import Config, Figure, Target
from projects import big_project
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from qt_support import (
    PaintWatch,
    StallMonitor,
    application,
    delete_widget,
    run_events,
    wait_until,
)

from diptych.gui.annotations_panel import ORPHANS_TAB, PASSAGES_TAB
from diptych.gui.app import keep_start_up_objects, start
from diptych.gui.context import AppContext
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge
from diptych.gui.paths import AppPaths
from diptych.gui.settings import Settings
from diptych.gui.tag_dialog import TagValues
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

NAME = "project"
TARGET = Target(100.0, on="value")  # the window never stops answering for longer
SETTLE_MS = 200  # stalls just after an action's visible effect still count
WARMUP = 1  # untimed rounds first: the first use of a dialog or a widget imports and builds
TYPED = "q"  # the first key of "quarter": about one passage in six has a "q"
SELECTION = (40, 80)  # the text that key 1 tags in the current pane (display offsets)
BASELINE = "sample project"
SEARCHED = ("the", "한국 정부는 오늘 새로운 외교 정책을 발표했습니다")  # Enter after each
BACKUP_TIMEOUT_S = 300.0
SCREEN = (1920, 1080)  # Qt's offscreen screen is 800x800, smaller than Diptych's window


@dataclass
class Side:
    """One project, the user who opens it (own folders and settings) and its window.

    Attributes:
        path: the project file.
        context: the user's folders, settings and thread pool.
        tag_id: the tag on the most passages.
        article_id: the article with the most passages.
        launcher: what opened the window, while it is open.
        size: the window's size, once it has been open.
    """

    path: Path
    context: AppContext
    tag_id: int
    article_id: int
    launcher: Launcher | None = None
    size: tuple[int, int] = (0, 0)

    @property
    def window(self) -> MainWindow:
        """The open window."""
        assert self.launcher is not None and self.launcher.window is not None
        return self.launcher.window


Act = Callable[[Side], list[float]]  # does an action's steps; the longest stall of each


def run(config: Config) -> list[Figure]:
    """Open the big project and act in it, alternately with the sample project."""
    _screen(config.workdir / "screen.json")
    began = time.perf_counter()
    built = big_project(
        config.workdir / "big.diptych",
        articles=config.size(1_500, 30),
        passages=config.size(40_000, 300),
        tags=config.size(400, 20),
    )
    build_s = time.perf_counter() - began
    sample = config.workdir / "sample.diptych"
    create_sample_project(sample).close()
    big = _side(built.path, config.workdir / "user-big")
    small = _side(sample, config.workdir / "user-small")
    keep_start_up_objects()  # as `diptych open` does before its first window
    figures = _opening(big, small, config.repeats())
    for side in (big, small):  # both stay open while the actions alternate between them
        side.launcher = _start(side)
    for side in (big, small):  # the backup taken on opening is done before the user acts
        wait_until(partial(_backed_up, side), timeout_s=BACKUP_TIMEOUT_S)
    _settle(big.window)
    for names, act in ACTIONS:
        figures += _measure(names, act, big, small, config.repeats())
    for side in (big, small):
        _close(side.launcher)
        side.launcher = None
    figures[0].extra.update(
        build_s=round(build_s, 1), window=f"{big.size[0]}x{big.size[1]}",
        articles=built.articles, characters=built.characters, passages=built.passages,
        tags=built.tags, big_tag_passages=built.big_tag_passages,
        busiest_article_passages=built.busiest_passages,
    )  # fmt: skip
    return figures


def _screen(config: Path) -> None:
    """Start the application on an offscreen screen of ``SCREEN`` pixels.

    Diptych's window is 1440x900 unless the screen is smaller, and the offscreen
    platform's screen is 800x800 unless told otherwise: a screen of a usual size lets the
    window, its lists and its panes have their usual size. Nothing changes if the
    application exists already or another platform was chosen.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    if QApplication.instance() is not None or platform != "offscreen":
        application()
        return
    width, height = SCREEN
    screen = {"name": "bench", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    try:
        application()
    finally:
        os.environ["QT_QPA_PLATFORM"] = platform


def _side(path: Path, home: Path) -> Side:
    """A project with a user of its own; finds its most used tag and busiest article."""
    paths = AppPaths(data=home / "data", config=home / "config")
    paths.ensure()
    settings = Settings(paths.config / "diptych.ini")
    context = AppContext(paths=paths, settings=settings, messages=MessageBridge())
    with Project.open(path) as project:
        usage = project.tags.usage()
        tag_id = max(usage, key=lambda t: usage[t])
        article = max(project.articles.all(), key=lambda a: a.annotation_count)
    return Side(path, context, tag_id, article.id)


# -- opening -----------------------------------------------------------------------------
def _opening(big: Side, small: Side, repeat: int) -> list[Figure]:
    """Open each project in a new window, alternately; close it again each time."""
    first: dict[str, list[float]] = {"big": [], "small": []}
    stalls: dict[str, list[float]] = {"big": [], "small": []}
    for round_ in range(WARMUP + repeat):
        for label, side in (("small", small), ("big", big)):
            painted, stall = _timed_open(side)
            if round_ >= WARMUP:
                first[label].append(painted)
                stalls[label].append(stall)
    return [
        Figure(NAME, "open the project -> first paint of the window", "ms", first["big"],
               BASELINE, first["small"]),
        Figure(NAME, "open the project: longest stall", "ms", stalls["big"], BASELINE,
               stalls["small"], TARGET),
    ]  # fmt: skip


def _backed_up(side: Side) -> bool:
    """True once the backup taken on opening the window is written."""
    return side.window.backups.last is not None


def _start(side: Side) -> Launcher:
    """Open the window as ``diptych open`` does: the cycle collector waits for the event
    loop (``diptych.gui.__main__``, ``run_application``), then ``start``."""
    gc.disable()
    try:
        QTimer.singleShot(0, gc.enable)
        return start(side.context, side.path)
    except BaseException:
        gc.enable()
        raise


def _timed_open(side: Side) -> tuple[float, float]:
    """Milliseconds to the first paint of the articles in the window, and the longest stall
    until they are built and settled."""
    monitor = StallMonitor()
    monitor.start()
    run_events(20)  # the monitor is ticking before the window opens
    began = time.perf_counter()
    launcher = _start(side)
    window = launcher.window
    assert window is not None
    views = [pane.view.viewport() for pane in window.area.panes()] or [window.area]
    watches = [PaintWatch(view) for view in views]  # the window is shown, not yet painted
    painted = max(watch.wait() for watch in watches)
    _settle(window)
    stall = monitor.stop()
    side.size = (window.width(), window.height())
    _close(launcher)
    return (painted - began) * 1000, stall


def _close(launcher: Launcher | None) -> None:
    """Close the window as a user does (the layout is saved) and let its jobs finish."""
    if launcher is None or launcher.window is None:
        return
    window = launcher.window
    launcher.window = None
    delete_widget(window)
    launcher.context.pool.waitForDone()


# -- acting ------------------------------------------------------------------------------
def _settle(window: MainWindow) -> None:
    """Run events until every pane is built and a search's results are listed, then a
    little longer."""
    wait_until(lambda: not any(pane.is_loading for pane in window.area.panes()))
    wait_until(lambda: not getattr(window.search, "searching", False))
    run_events(SETTLE_MS)


def _stall(window: MainWindow, action: Callable[[], object]) -> float:
    """The longest stall (ms) from ``action`` until its effects have settled."""
    monitor = StallMonitor()
    monitor.start()
    run_events(20)
    action()
    _settle(window)
    return monitor.stop()


def _measure(names: tuple[str, ...], act: Act, big: Side, small: Side, repeat: int) -> list[Figure]:
    """Act on the sample project, then on the big one, ``repeat`` times after a warm-up
    round (as ``common.interleave`` does); one figure per step of the action."""
    ours: list[list[float]] = []
    theirs: list[list[float]] = []
    for round_ in range(WARMUP + repeat):
        baseline, subject = act(small), act(big)
        if round_ >= WARMUP:
            theirs.append(baseline)
            ours.append(subject)
    return [
        Figure(NAME, f"stall: {name}", "ms", [r[step] for r in ours], BASELINE,
               [r[step] for r in theirs], TARGET)
        for step, name in enumerate(names)
    ]  # fmt: skip


def _type_and_clear(side: Side, field: Callable[[MainWindow], QLineEdit]) -> list[float]:
    window = side.window
    line = field(window)
    typed = _stall(window, lambda: QTest.keyClicks(line, TYPED))
    if line.text() != TYPED:
        raise RuntimeError(f"typing into {line.placeholderText()!r} gave {line.text()!r}")
    cleared = _stall(window, lambda: QTest.keyClick(line, Qt.Key.Key_Backspace))
    if line.text():
        raise RuntimeError(f"Backspace left {line.text()!r} in {line.placeholderText()!r}")
    return [typed, cleared]


def passages_filter(side: Side) -> list[float]:
    """Type a key into the Passages panel's filter field, then Backspace."""
    return _type_and_clear(side, lambda window: window.passages.search)


def passages_tag_list(side: Side) -> list[float]:
    """Choose the most used tag in the Passages panel's tag list, then "All tags"."""
    window = side.window
    combo = window.passages.tag_combo
    position = combo.findData(side.tag_id)
    chosen = _stall(window, lambda: combo.setCurrentIndex(position))
    every = _stall(window, lambda: combo.setCurrentIndex(0))
    return [chosen, every]


def orphans_tab(side: Side) -> list[float]:
    """Click the Passages panel's Orphans tab, then its Passages tab."""
    window = side.window
    tabs = window.passages.tabs

    def click(tab: int) -> None:
        QTest.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(tab).center())

    orphans = _stall(window, lambda: click(ORPHANS_TAB))
    passages = _stall(window, lambda: click(PASSAGES_TAB))
    if tabs.currentIndex() != PASSAGES_TAB:
        raise RuntimeError("the Orphans tab did not switch back")
    return [orphans, passages]


def tag_key(side: Side) -> list[float]:
    """Select text in the current pane and press 1 (the first tag); then Edit > Undo."""
    window = side.window
    pane = window.area.current
    if pane is None:
        raise RuntimeError("no pane is open to tag in")
    start, end = SELECTION
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(start))
    cursor.setPosition(pane.view.positions.to_rendered(end), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    run_events(SETTLE_MS)
    steps = window.session.undo_stack.index()
    added = _stall(window, lambda: QTest.keyClick(pane.view, Qt.Key.Key_1))
    if window.session.undo_stack.index() != steps + 1:
        raise RuntimeError("key 1 did not add a passage")
    undone = _stall(window, window.actions_.undo.trigger)
    return [added, undone]


def rename_tag(side: Side) -> list[float]:
    """Rename the most used tag (what OK in its Edit tag dialog does); then Edit > Undo."""
    window = side.window
    tag = window.session.codebook()[side.tag_id]
    values = TagValues(f"{tag.name} renamed", tag.color, tag.parent_id, tag.description)
    renamed = _stall(window, lambda: window.tags.update_tag(tag.id, values))
    if window.session.codebook()[tag.id].name != values.name:
        raise RuntimeError("the tag was not renamed")
    undone = _stall(window, window.actions_.undo.trigger)
    return [renamed, undone]


def export_dialog(side: Side) -> list[float]:
    """File > Export: until the dialog is shown and settled (then cancelled, untimed)."""
    window = side.window
    opened = _stall(window, window.actions_.export.trigger)
    dialog = window.findChild(ExportDialog)
    if dialog is None or not dialog.isVisible():
        raise RuntimeError("File > Export showed no dialog")
    dialog.cancel_button.click()
    _settle(window)
    return [opened]


def library_filter(side: Side) -> list[float]:
    """Type a key into the Library's filter field, then Backspace."""
    return _type_and_clear(side, lambda window: window.library.filter)


def open_busiest(side: Side) -> list[float]:
    """Select the article with the most passages in the Library and click "Open beside";
    the new pane is closed again afterwards (untimed)."""
    window = side.window
    library = window.library
    button = next(b for b in library.findChildren(QPushButton) if b.text() == "Open beside")
    library.select_article(side.article_id)
    run_events(SETTLE_MS)
    panes = len(window.area.panes())
    opened = _stall(window, button.click)
    if len(window.area.panes()) != panes + 1 or window.area.current is None:
        raise RuntimeError("Open beside opened no pane")
    window.area.close_pane(window.area.current)
    _settle(window)
    return [opened]


def search_panel(side: Side) -> list[float]:
    """In the Search panel, a word in nearly every article, then a Korean sentence pasted
    (none of the articles holds it, so every text is read); Enter after each, until the
    results are listed. The field is cleared again (untimed)."""
    window = side.window
    panel = window.search
    window.actions_.search.trigger()
    stalls = []
    for query in SEARCHED:
        panel.field.setText(query)
        stalls.append(_stall(window, lambda: QTest.keyClick(panel.field, Qt.Key.Key_Return)))
        if panel.results.count() == 0 and query == SEARCHED[0]:
            raise RuntimeError(f"the Search panel found nothing for {query!r}")
    panel.field.clear()
    panel.run()
    _settle(window)
    return stalls


ACTIONS: list[tuple[tuple[str, ...], Act]] = [
    (("Passages filter, type a key", "Passages filter, Backspace"), passages_filter),
    (("Passages tag list, the most used tag", "Passages tag list, all tags"), passages_tag_list),
    (("Passages, Orphans tab", "Passages, back to the Passages tab"), orphans_tab),
    (("key 1 on a selection: a new passage", "undo the new passage"), tag_key),
    (("rename the most used tag", "undo the rename"), rename_tag),
    (("File > Export: the dialog opens",), export_dialog),
    (("Library filter, type a key", "Library filter, Backspace"), library_filter),
    (("open the busiest article beside",), open_busiest),
    (
        ("Search panel, a common word, Enter", "Search panel, a Korean sentence, Enter"),
        search_panel,
    ),
]
