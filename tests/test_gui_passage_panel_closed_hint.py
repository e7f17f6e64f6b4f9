"""A highlight clicked while the Passage panel is closed says where its tags and note are
(View > Passage), since the click shows nothing else; the panel stays closed, as chosen.
With the panel open, the click says nothing of it."""

from __future__ import annotations

from gui_support import keyboard_in, point_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.window_focus import PASSAGE_PANEL_CLOSED


def _click_a_highlight(qtbot: QtBot, pane: ArticlePane) -> int:
    query = pane.session.project.annotations.query(article_id=pane.article_id)
    passage = min((p for p in query if not p.is_orphan), key=lambda p: p.start)
    middle = (passage.start + passage.end) // 2
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, middle))
    return passage.id


def test_a_click_on_a_highlight_with_the_panel_closed_says_how_to_open_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    dock = window.docks["passage"]
    status = window.statusBar()

    window.message_bar.clearMessage()
    clicked = _click_a_highlight(qtbot, pane)
    assert window.coding.selected == clicked
    assert status.currentMessage() != PASSAGE_PANEL_CLOSED  # open: it shows the passage

    dock.close()  # its ✕
    qtbot.waitUntil(dock.isHidden)
    window.coding.select_passage(0)
    window.message_bar.clearMessage()
    clicked = _click_a_highlight(qtbot, pane)
    assert window.coding.selected == clicked
    assert status.currentMessage() == PASSAGE_PANEL_CLOSED
    assert dock.isHidden()  # not forced open

    view = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&View")
    entry = next(a for a in view.actions() if a.text().replace("&", "") == "Passage")
    entry.trigger()  # View > Passage, as the message says
    qtbot.waitUntil(dock.isVisible)
    assert window.editor.current_passage() == clicked
