"""Open beside in the Library with no article selected (the filter hid them all) says what
to do in the status bar, instead of doing nothing at all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def test_open_beside_with_nothing_selected_says_what_to_do(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    panes = len(window.area.panes())
    qtbot.keyClicks(library.filter, "zzz")
    assert library.selected_articles() == []
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    button = next(b for b in library.findChildren(QPushButton) if b.text() == "Open beside")

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert posted == [
        (
            Level.INFO,
            "Diptych",
            "No article title contains “zzz”: clear the filter (Esc in it) to open one beside.",
        )
    ]
    assert len(window.area.panes()) == panes
