"""Find in article says "No matches" in red, where it is seen, and to a screen reader with
the field; a count of matches stays in the usual colour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QImage
from pytestqt.qtbot import QtBot
from test_gui_appearance import dark_palette

from diptych.gui.find_bar import FindBar


def reddest(image: QImage) -> int:
    """How much redder than green the reddest pixel is."""
    return max(
        QColor(image.pixel(x, y)).red() - QColor(image.pixel(x, y)).green()
        for x in range(image.width())
        for y in range(image.height())
    )


@pytest.mark.parametrize("dark", [False, True])
def test_no_matches_is_said_in_red_and_heard(qtbot: QtBot, dark: bool) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    try:
        if dark:
            app.setPalette(dark_palette())
        bar = FindBar()
        qtbot.addWidget(bar)
        bar.resize(600, 40)
        bar.show()
        qtbot.waitExposed(bar)
        bar.field.setText("zzqx")
        bar.show_count(0, 0)
        assert bar.count.text() == "No matches"
        assert reddest(bar.count.grab().toImage()) > 80
        interface = QAccessible.queryAccessibleInterface(bar.field)
        assert interface is not None
        assert interface.text(QAccessible.Text.Description) == "No matches"
        bar.field.setText("korea")
        bar.show_count(3, 18)
        assert bar.count.text() == "4 of 18"
        assert reddest(bar.count.grab().toImage()) < 30
        assert interface.text(QAccessible.Text.Description) == "4 of 18"
    finally:
        app.setPalette(original)
