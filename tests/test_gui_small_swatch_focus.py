"""The colour swatches of the tag dialog show which one has the keyboard focus (Tab moves
onto them; Space or Enter picks the colour): a ring in the palette's highlight colour, in a
light and in a dark palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_appearance import dark_palette

from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import ColorSwatch, TagDialog
from diptych.gui.theme import contrast


def ring_pixels(image: QImage) -> list[QColor]:
    """The pixels along the middle of each edge, where a focus ring is drawn."""
    w, h = image.width(), image.height()
    points = [(1, h // 2), (w - 2, h // 2), (w // 2, 1), (w // 2, h - 2)]
    return [image.pixelColor(x, y) for x, y in points]


def near(a: QColor, b: QColor) -> bool:
    return all(abs(x - y) <= 40 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("dark", [False, True])
def test_the_swatch_with_the_focus_has_a_ring_the_others_not(
    qtbot: QtBot, session: ProjectSession, dark: bool
) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    try:
        if dark:
            app.setPalette(dark_palette())
        dialog = TagDialog(session.codebook())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        first, second = dialog.swatches[:2]
        assert isinstance(first, ColorSwatch)
        unfocused = second.grab().toImage()

        dialog.color_button.setFocus()
        qtbot.keyClick(dialog.color_button, Qt.Key.Key_Tab)  # as a keyboard user does
        swatch = QApplication.focusWidget()
        assert isinstance(swatch, ColorSwatch), "Tab skips the swatches"
        first.setFocus()  # the arrows then go from the first to the second
        qtbot.keyClick(first, Qt.Key.Key_Right)
        assert QApplication.focusWidget() is second
        focused_image = second.grab().toImage()

        ring = second.palette().color(QPalette.ColorRole.Highlight)
        window = second.palette().color(QPalette.ColorRole.Window)
        assert contrast(second.focus_color(), window) >= 3  # stands out from the dialog
        assert all(near(p, second.focus_color()) for p in ring_pixels(focused_image))
        assert not any(near(p, second.focus_color()) for p in ring_pixels(unfocused))
        assert focused_image != unfocused
        assert not any(near(p, ring) for p in ring_pixels(first.grab().toImage()))

        qtbot.keyClick(second, Qt.Key.Key_Space)  # picks the swatch with the ring
        assert dialog.color == QColor(second.color).name().upper()
    finally:
        app.setPalette(original)
