"""A pane shown again (after *Update from newer file…*, or on a switch between light and
dark) keeps the caret, as it keeps the reading place: F8 and the arrows go on from there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def caret(pane: ArticlePane) -> int:
    return pane.view.positions.to_display(pane.view.textCursor().position())


def scrolled_down(qtbot: QtBot, window: MainWindow) -> ArticlePane:
    """The first pane, its text scrolled past its first passage, the keyboard in it."""
    window.resize(900, 420)  # short enough for the first article to scroll
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pane.view.setFocus()
    assert pane.view.index is not None
    marks = pane.view.index.marks()
    pane.scroll_to_offset(marks[1].start - 5)
    qtbot.waitUntil(lambda: pane.reading_place() > marks[0].end)
    return pane


def reloaded(qtbot: QtBot, pane: ArticlePane) -> None:
    place = pane.reading_place()
    pane.reload()
    qtbot.waitUntil(lambda: not pane.is_loading)
    qtbot.waitUntil(lambda: pane.reading_place() == place)


def test_the_caret_in_view_stays_where_it_was_after_a_reload(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = scrolled_down(qtbot, window)
    assert pane.view.index is not None
    marks = pane.view.index.marks()
    # The reader put the caret in the text in view, just before the second passage.
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(marks[1].start - 1))
    pane.view.setTextCursor(cursor)
    window.coding.select_passage(0)

    reloaded(qtbot, pane)
    assert caret(pane) == marks[1].start - 1
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == marks[1].annotation_id


def test_a_caret_out_of_view_goes_to_the_reading_place_after_a_reload(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = scrolled_down(qtbot, window)
    assert caret(pane) == 0  # left at the top while the text was scrolled
    place = pane.reading_place()
    reloaded(qtbot, pane)
    assert caret(pane) == place
    assert window.area.current is pane


def test_the_selected_passage_stays_outlined_after_a_switch_of_appearance(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = scrolled_down(qtbot, window)
    assert pane.view.index is not None
    second = pane.view.index.marks()[1]
    window.coding.select_passage(second.annotation_id, scroll=True)
    at = caret(pane)
    pane.apply_appearance()  # what a switch between light and dark does to each pane
    qtbot.waitUntil(lambda: not pane.is_loading)
    assert pane.selected_passage == second.annotation_id
    assert caret(pane) == at
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == pane.view.index.marks()[2].annotation_id


def test_a_pane_shown_again_does_not_take_the_current_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = scrolled_down(qtbot, window)
    other = window.area.panes()[1]
    other.view.setFocus()
    qtbot.waitUntil(lambda: window.area.current is other)
    reloaded(qtbot, pane)
    assert caret(pane) == pane.reading_place()
    assert window.area.current is other
