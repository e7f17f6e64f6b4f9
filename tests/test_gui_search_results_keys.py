"""In the Search panel's results, Up on the first result goes back to the field (Down came
from it), and words typed there go on in the field, as in the Library and the Passages
list: to refine a search from the keyboard, the keys went nowhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_search_open_once import search

from diptych.gui.main_window import MainWindow


def into_results(qtbot: QtBot, window: MainWindow, query: str) -> None:
    window.actions_.search.trigger()
    panel = window.search
    search(qtbot, panel, query)
    assert panel.results.count() > 1
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    qtbot.waitUntil(panel.results.hasFocus)
    assert panel.results.currentRow() == 1


def test_up_on_the_first_result_goes_back_to_the_field(qtbot: QtBot, window: MainWindow) -> None:
    into_results(qtbot, window, "diplomatic")
    panel = window.search
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    assert panel.results.currentRow() == 0 and panel.results.hasFocus()  # up the list first
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    qtbot.waitUntil(panel.field.hasFocus)
    assert panel.field.text() == "diplomatic"
    assert not panel.field.hasSelectedText()  # what is typed next adds to the words
    qtbot.keyClicks(panel.field, " era")
    assert panel.field.text() == "diplomatic era"


def test_words_typed_in_the_results_go_on_in_the_field(qtbot: QtBot, window: MainWindow) -> None:
    into_results(qtbot, window, "diplomatic")
    panel = window.search
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClicks(panel.results, " era")
    assert panel.field.text() == "diplomatic era"
    assert panel.field.hasFocus()
    qtbot.waitUntil(lambda: not panel.searching and panel.results.count() > 0)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.waitUntil(panel.results.hasFocus)
    qtbot.keyClick(panel.results, Qt.Key.Key_Backspace)  # the field's last letter
    assert panel.field.text() == "diplomatic er" and panel.field.hasFocus()
