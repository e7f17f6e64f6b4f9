"""Opening several articles at once from the Library (Enter, Shift+Enter, "Open beside",
the menu) leaves out those already open in a pane: each article once, side by side. When
all of them are open already, the keyboard goes to the pane of the last one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from test_gui_library_multi_select import CTRL, NONE, SHIFT, add_articles, article_id, click, shown

from diptych.gui.main_window import MainWindow

XI_VISIT = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """Seven articles, the first two open side by side; the shared ``window`` opens it."""
    path = tmp_path / "several.diptych"
    add_articles(path)
    return path


def choose(qtbot: QtBot, window: MainWindow, *titles: str) -> None:
    click(qtbot, window.library, titles[0])
    for title in titles[1:]:
        click(qtbot, window.library, title, CTRL)


@pytest.mark.parametrize("modifier", [NONE, SHIFT])
def test_enter_on_several_opens_only_those_not_open_yet(
    qtbot: QtBot, window: MainWindow, modifier: Qt.KeyboardModifier
) -> None:
    before = shown(window)
    assert article_id(window, XI_VISIT) in before
    choose(qtbot, window, XI_VISIT, "Alpha report", "Bravo report")
    qtbot.keyClick(window.library.view, Qt.Key.Key_Return, modifier)
    alpha, bravo = article_id(window, "Alpha report"), article_id(window, "Bravo report")
    assert shown(window) == [*before, alpha, bravo]
    last = window.area.panes()[-1]
    assert window.area.current is last
    qtbot.waitUntil(last.view.hasFocus)


def test_the_button_opens_only_those_not_open_yet(qtbot: QtBot, window: MainWindow) -> None:
    before = shown(window)
    choose(qtbot, window, "Alpha report", XI_VISIT)
    library = window.library
    button = next(b for b in library.findChildren(QPushButton) if b.text() == "Open beside")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown(window) == [*before, article_id(window, "Alpha report")]


def test_enter_on_several_all_open_opens_none_and_goes_to_the_last_ones_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = shown(window)
    titles = {a.id: a.title for a in window.session.articles()}
    first, second = (titles[i] for i in before if i is not None)
    window.area.set_current(window.area.panes()[0])
    choose(qtbot, window, first, second)
    qtbot.keyClick(window.library.view, Qt.Key.Key_Return)
    assert shown(window) == before
    pane = window.area.pane_for(before[1] or 0)
    assert window.area.current is pane
    assert pane is not None
    qtbot.waitUntil(pane.view.hasFocus)
    assert window.statusBar().currentMessage() == ""
