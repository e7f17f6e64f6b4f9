"""The Library filter says when no article matches, in words a screen reader hears too."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_a_filter_that_hides_every_article_says_so_and_clearing_it_hides_the_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    qtbot.keyClicks(library.filter, "zzz")
    assert library.proxy.rowCount() == 0
    assert library.no_match.isVisibleTo(library)
    assert library.no_match.text() == "No article title contains “zzz”."
    spoken = QAccessible.queryAccessibleInterface(library.view)
    assert spoken is not None
    assert spoken.text(QAccessible.Text.Description) == library.no_match.text()

    library.filter.clear()
    assert library.proxy.rowCount() == 2
    assert not library.no_match.isVisibleTo(library)
    assert library.view.accessibleDescription() == ""


def test_a_filter_that_matches_shows_no_note(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.library.filter, "korea")
    assert window.library.proxy.rowCount() >= 1
    assert not window.library.no_match.isVisibleTo(window.library)
