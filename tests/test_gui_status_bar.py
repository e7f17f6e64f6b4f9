"""The status bar: a message says what the latest step did and no more. One said before a
step is gone once the step is made; one too long for the bar ends in "…", with the whole
of it in the tooltip, and stays long enough to be read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from test_gui_coding import tag_with_key

from diptych.gui.main_window import MainWindow
from diptych.gui.status_bar import SHORTEST_MS, reading_time

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article
OTHER = "Beijing"


def next_turn(qtbot: QtBot) -> None:
    """Let the event loop turn, as it does between two things the user does."""
    qtbot.wait(1)


def test_an_older_message_goes_when_the_next_step_is_made(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.message_bar
    tag_with_key(qtbot, window, QUOTE, "Economy")
    window.actions_.undo.trigger()
    next_turn(qtbot)
    window.actions_.redo.trigger()
    assert bar.currentMessage().startswith("Redone: ")
    next_turn(qtbot)
    tag_with_key(qtbot, window, OTHER, "Security")  # another step, which says its own
    assert bar.currentMessage() == f"Passage “{OTHER}” tagged “Security” — Ctrl+Z to undo"


def test_a_steps_own_message_stays(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.message_bar
    tag_with_key(qtbot, window, QUOTE, "Economy")
    next_turn(qtbot)
    window.coding.delete_selected()
    assert bar.currentMessage() == "Passage deleted — Ctrl+Z to undo"
    next_turn(qtbot)
    window.actions_.undo.trigger()
    assert bar.currentMessage().startswith("Undone: ")


def test_a_message_too_long_for_the_bar_ends_in_an_ellipsis_with_all_of_it_in_the_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.message_bar
    text = "Imported study.qdpx: 3 articles, 12 passages. " * 6 + "(File > Restore from backup)."
    window.on_messages_posted(0, "Import", text)
    assert bar.currentMessage() == text
    shown = bar.shown_text()
    assert shown.endswith("…") and len(shown) < len(text)
    assert bar.fontMetrics().horizontalAdvance(shown) < window.coder_label.x()

    place = QPoint(10, bar.height() // 2)
    QApplication.sendEvent(bar, QHelpEvent(QEvent.Type.ToolTip, place, bar.mapToGlobal(place)))
    assert QToolTip.text() == text
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=place)  # a click shows it too
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == text
    QToolTip.hideText()


def test_a_short_message_is_shown_whole_and_a_long_one_stays_longer() -> None:
    assert reading_time("Select some text first, then choose a tag.") == SHORTEST_MS
    assert reading_time("x" * 400) > 2 * SHORTEST_MS


def test_a_short_message_is_drawn_whole(window: MainWindow) -> None:
    bar = window.message_bar
    window.on_messages_posted(0, "Diptych", "Select some text first, then choose a tag.")
    assert bar.shown_text() == "Select some text first, then choose a tag."


def test_a_click_in_the_article_takes_an_older_message_away(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.message_bar
    view = window.area.current.view
    window.on_messages_posted(0, "Keys", "The selected passage is not in this pane.")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert bar.currentMessage() == "The selected passage is not in this pane."  # said just now
    next_turn(qtbot)
    qtbot.mouseClick(window.library.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert bar.currentMessage() == "The selected passage is not in this pane."  # not the text
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert bar.currentMessage() == ""
