"""Esc in the Library's filter field clears it: every article is listed again, and the
keyboard stays in the field to type another filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_esc_in_the_filter_clears_it(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    window.activateWindow()
    library.filter.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(library.filter.hasFocus)
    qtbot.keyClicks(library.filter, "zzz")
    assert library.proxy.rowCount() == 0

    qtbot.keyClick(library.filter, Qt.Key.Key_Escape)

    assert library.filter.text() == ""
    assert library.proxy.rowCount() == library.model.rowCount() == 2
    assert not library.no_match.isVisibleTo(library)
    assert library.filter.hasFocus()


def test_esc_in_an_empty_filter_leaves_the_selection_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    library.view.select_only(library.proxy.index(1, 0))
    chosen = library.selected_articles()
    window.activateWindow()
    library.filter.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(library.filter.hasFocus)
    qtbot.keyClick(library.filter, Qt.Key.Key_Escape)
    assert library.selected_articles() == chosen
