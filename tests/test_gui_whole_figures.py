"""A figure is taken whole, as a word is: a drag ending inside "4,548.0", a double click on
it and Ctrl+Shift+Right over it took "4,5", "548" and "4," (Qt's word steps stop at a
number's comma and point), and the cut figure went into the passage and its export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TEXT = "Output rose to 4,548.0 tonnes, up 7.4 per cent from 3,895.5 in 2023; ٣٫٥ in Cairo."
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pane(qtbot: QtBot, tmp_path: Path) -> ArticlePane:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(TEXT.encode(), name="figures.txt"))
    shown = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(shown)
    shown.resize(900, 400)
    shown.show()
    with qtbot.waitSignal(shown.loaded, timeout=30_000):
        shown.show_article(article.id)
    shown.view.setFocus()
    qtbot.waitUntil(shown.view.hasFocus)
    return shown


def at(pane: ArticlePane, offset: int) -> QPoint:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    rect = pane.view.cursorRect(cursor)
    return QPoint(rect.x() + 1, rect.center().y())


def selected(pane: ArticlePane) -> str:
    selection = pane.selection()
    assert selection is not None
    return TEXT[selection[0] : selection[1]]


def caret_at(pane: ArticlePane, offset: int) -> None:
    cursor = pane.view.textCursor()
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    pane.view.setTextCursor(cursor)


def test_a_drag_ending_inside_a_figure_takes_the_whole_figure(
    qtbot: QtBot, pane: ArticlePane
) -> None:
    viewport = pane.view.viewport()
    end = TEXT.index("4,548.0") + 3  # "4,5|48.0"
    qtbot.mousePress(viewport, LEFT, pos=at(pane, 0))
    qtbot.mouseMove(viewport, at(pane, end))
    qtbot.mouseRelease(viewport, LEFT, pos=at(pane, end))
    assert selected(pane) == "Output rose to 4,548.0"


@pytest.mark.parametrize("figure", ["4,548.0", "3,895.5", "٣٫٥"])
def test_a_double_click_on_a_figure_selects_all_of_it(
    qtbot: QtBot, pane: ArticlePane, figure: str
) -> None:
    inside = TEXT.index(figure) + len(figure) - 2
    qtbot.mouseDClick(pane.view.viewport(), LEFT, pos=at(pane, inside))
    assert selected(pane) == figure


def test_ctrl_shift_right_steps_over_a_figure_whole(qtbot: QtBot, pane: ArticlePane) -> None:
    caret_at(pane, TEXT.index("4,548.0"))
    qtbot.keyClick(
        pane.view,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert selected(pane).strip() == "4,548.0"


def test_ctrl_left_puts_the_caret_before_the_whole_figure(qtbot: QtBot, pane: ArticlePane) -> None:
    start = TEXT.index("3,895.5")
    caret_at(pane, start + len("3,895.5"))
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, CTRL)
    assert pane.view.positions.to_display(pane.view.textCursor().position()) == start


def test_a_word_step_between_words_is_qts(qtbot: QtBot, pane: ArticlePane) -> None:
    caret_at(pane, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Right, CTRL)
    assert pane.view.positions.to_display(pane.view.textCursor().position()) == len("Output ")
