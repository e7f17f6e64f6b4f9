"""Helpers for tests that drive the real window."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QColor, QTextCursor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge
from diptych.gui.paths import AppPaths
from diptych.gui.settings import Settings
from diptych.gui.workers import Progress, Workers
from diptych.storage.connection import Database
from diptych.storage.project import Project


def make_context(root: Path) -> AppContext:
    """A context whose folders and settings live under ``root``."""
    paths = AppPaths(data=root / "data", config=root / "config")
    paths.ensure()
    return AppContext(
        paths=paths, settings=Settings(paths.config / "diptych.ini"), messages=MessageBridge()
    )


def open_window(qtbot: QtBot, context: AppContext, project: Project) -> MainWindow:
    """Show a window on ``project`` and wait until its panes are built."""
    launcher = Launcher(context)
    window = launcher.show_project(project)
    window.launcher = launcher  # type: ignore[attr-defined]  # keep it alive with the window
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=10_000)
    return window


def open_export_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    """File > Export: the dialog it opens, on the screen."""
    window.actions_.export.trigger()
    dialogs = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitExposed(dialogs[0])
    return dialogs[0]


def keyboard_in(qtbot: QtBot, window: MainWindow, number: int) -> ArticlePane:
    """The window active (its shortcuts need it), the keyboard in pane ``number``."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[number]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    return pane


def select_text(pane: ArticlePane, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Select ``quote`` in a pane the way a user does: moving a text cursor."""
    text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(start))
    cursor.setPosition(pane.view.positions.to_rendered(end), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()
    return start, end


KEY_LETTER = re.compile(r"&([^&])")


def key_letters(menu: QMenu) -> list[str]:
    """The key letter of each item of ``menu`` ("" for one without), in order."""
    letters = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found = KEY_LETTER.search(action.text().split("\t")[0].replace("&&", ""))
        letters.append(found.group(1).lower() if found else "")
    return letters


def shown_text(action_text: str) -> str:
    """What a menu item reads: '&' marks the next letter as the item's key, '&&' shows '&'
    (and what follows a tab is the key shown beside it, not part of its name)."""
    label = action_text.split("\t")[0]
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shown_texts(menu: QMenu) -> list[str]:
    """What the items of ``menu`` read, in order ("" for a separator)."""
    return [shown_text(a.text()) for a in menu.actions()]


def menu_item(menu: QMenu, text: str) -> QAction:
    """The item of ``menu`` that reads ``text`` (its key letter unmarked)."""
    return next(a for a in menu.actions() if shown_text(a.text()) == text)


def point_of(pane: ArticlePane, offset: int) -> QPoint:
    """Viewport point in the middle of the character at display ``offset``."""
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    left = pane.view.cursorRect(cursor)
    cursor.setPosition(pane.view.positions.to_rendered(offset) + 1)
    right = pane.view.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def painted_colors(pane: ArticlePane, start: int, end: int) -> list[QColor]:
    """Colours painted at the top edge of each character of a range (behind the glyphs)."""
    image = pane.view.viewport().grab().toImage()
    colors = []
    for offset in range(start, end):
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(pane.view.positions.to_rendered(offset))
        rect = pane.view.cursorRect(cursor)
        point = QPoint(rect.x() + 2, rect.top() + 2)
        if image.rect().contains(point):
            colors.append(image.pixelColor(point))
    return colors


def painted_row(pane: ArticlePane, start: int, end: int) -> list[QColor]:
    """Every pixel along the top edge of the characters from ``start`` towards ``end``, on
    the line where ``start`` is (behind the glyphs): a striped fill shows each colour there."""
    image = pane.view.viewport().grab().toImage()
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(start))
    left = right = pane.view.cursorRect(cursor)
    for offset in range(start + 1, end + 1):
        cursor.setPosition(pane.view.positions.to_rendered(offset))
        rect = pane.view.cursorRect(cursor)
        if rect.top() != left.top():
            break
        right = rect
    y = left.top() + 1
    xs = range(max(0, left.x() + 1), min(image.width(), right.x() - 1))
    return [image.pixelColor(x, y) for x in xs] if 0 <= y < image.height() else []


def blended(color: str, alpha: int, base: QColor) -> QColor:
    """``color`` drawn with ``alpha`` over ``base``, as the highlighter's brush paints it."""
    top = QColor(color)
    mix = [
        round((getattr(top, c)() * alpha + getattr(base, c)() * (255 - alpha)) / 255)
        for c in ("red", "green", "blue")
    ]
    return QColor(*mix)


def close_to(a: QColor, b: QColor, tolerance: int = 14) -> bool:
    """True if two colours differ by at most ``tolerance`` in every channel."""
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def finish_jobs_as_they_start(monkeypatch: pytest.MonkeyPatch, wait_ms: int) -> None:
    """Make ``Workers.start`` wait up to ``wait_ms`` for the job it starts.

    A job quicker than its caller's next lines then finishes (and reports) before the
    caller has connected to it: the tests check that its result is not lost.
    """
    original = Workers.start

    def start_then_wait(self: Workers, job: Callable[[Progress], Any], **how: Any) -> Any:
        worker = original(self, job, **how)
        self.pool.waitForDone(wait_ms)
        return worker

    monkeypatch.setattr(Workers, "start", start_then_wait)


class FullDisk:
    """The window's project file on a disk with no room left, until :meth:`free` (see
    tests/test_gui_disk_full_session.py)."""

    def __init__(self, project: Project) -> None:
        self.db = project.db
        self.original = self.db.before_commit
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages}")
        self.db.before_commit = self.write_last

    def write_last(self, db: Database) -> None:
        """What the transaction writes last, then a page more: refused, the disk is full."""
        if self.original is not None:
            self.original(db)
        db.execute("CREATE TABLE disk_filler (x)")

    def free(self) -> None:
        self.db.before_commit = self.original
        self.db.execute("PRAGMA max_page_count = 1073741823")
