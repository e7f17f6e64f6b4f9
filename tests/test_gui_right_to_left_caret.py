"""A caret left in Arabic or Hebrew text leaves no mark behind when the keyboard goes
elsewhere. Qt draws the caret in right-to-left text with a small flag beside it, outside
the caret's own rectangle; after a click into another pane the flag stayed over the letter,
where it reads as a vowel point (a holam over מ, a fatha over في) until the line was
painted again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import open_window, point_of
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

HEBREW = "שורה בעברית עם מספרים 123 ועוד מילים"
ARABIC = "في هذا النص العربي كلمات كثيرة"


@pytest.fixture
def steady_caret(qapp: QApplication) -> Iterator[None]:
    """A caret that does not blink: shown whenever the text has the keyboard."""
    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)
    yield
    QApplication.setCursorFlashTime(flash)


def on_screen(window: MainWindow, pane: ArticlePane) -> QImage:
    """The pane's text as the window shows it: only what was painted again since is new."""
    viewport = pane.view.viewport()
    corner = viewport.mapTo(window, QPoint(0, 0))
    shot = window.screen().grabWindow(
        window.winId(), corner.x(), corner.y(), viewport.width(), viewport.height()
    )
    return shot.toImage()


def differing(first: QImage, second: QImage) -> list[int]:
    """The rows of pixels in which two images of one size differ."""
    first = first.convertToFormat(QImage.Format.Format_RGB32)
    second = second.convertToFormat(QImage.Format.Format_RGB32)
    assert first.size() == second.size()
    width = first.bytesPerLine()
    ones, others = bytes(first.constBits()), bytes(second.constBits())
    return [
        y
        for y in range(first.height())
        if ones[y * width : (y + 1) * width] != others[y * width : (y + 1) * width]
    ]


def two_panes(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    with Project.create(tmp_path / "rtl.diptych") as project:
        text = f"{HEBREW}\n\n{ARABIC}\n\nמשפט אחרון."
        rtl = project.articles.add(parsed=parse_article(text.encode(), name="rtl.txt"))
        english = project.articles.add(parsed=parse_article(b"Port\n\nShips.", name="p.txt"))
    window = open_window(qtbot, context, Project.open(tmp_path / "rtl.diptych"))
    window.area.open_article(rtl.id)
    window.area.open_article(english.id, new_pane=True)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.mark.usefixtures("steady_caret")
def test_clicking_into_another_pane_leaves_no_mark_where_the_caret_was(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = two_panes(qtbot, context, tmp_path)
    reading, other = window.area.panes()[:2]
    text = window.session.project.articles.get(article_id=reading.article_id or 0).text
    for words, letter in ((HEBREW, "מספרים"), (ARABIC, "النص")):
        at = text.index(words) + words.index(letter) + 1
        qtbot.mouseClick(
            reading.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(reading, at)
        )
        qtbot.waitUntil(reading.view.hasFocus)
        qtbot.wait(50)
        fresh = reading.view.viewport().grab().toImage()  # painted anew, with the caret
        assert differing(on_screen(window, reading), fresh) == []
        qtbot.mouseClick(other.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
        qtbot.waitUntil(other.view.hasFocus)
        qtbot.wait(50)
        caret_gone = reading.view.viewport().grab().toImage()
        assert differing(fresh, caret_gone)  # the caret was drawn, and is drawn no more
        assert differing(on_screen(window, reading), caret_gone) == []
