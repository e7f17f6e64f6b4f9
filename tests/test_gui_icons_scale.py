"""Toolbar and menu icons stay sharp on a screen that scales by 125 % or 150 %."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from diptych.gui import icons


def drawn_at(name: str, side: int) -> QImage:
    """The icon drawn straight from its SVG at ``side`` pixels: as sharp as it gets."""
    color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    svg = icons.svg_text(name).replace("currentColor", color).encode()
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, side, side))
    painter.end()
    return image


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_an_icon_is_drawn_for_the_screens_scale_not_shrunk_from_a_bigger_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, scale: float
) -> None:
    monkeypatch.setattr(icons, "screen_scales", lambda: (1.0, scale), raising=False)
    pixmap = icons.icon("tag").pixmap(QSize(24, 24), scale)
    side = round(24 * scale)
    assert (pixmap.width(), pixmap.devicePixelRatio()) == (side, scale)
    got = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert got == drawn_at("tag", side)


def test_at_the_usual_scale_the_icon_is_the_one_drawn_at_its_size(qtbot: QtBot) -> None:
    pixmap = icons.icon("find").pixmap(QSize(24, 24), 1.0)
    assert pixmap.width() == 24
    got = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert got == drawn_at("find", 24)


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_a_tag_colour_swatch_is_drawn_for_the_screens_scale(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, scale: float
) -> None:
    from diptych.gui.tag_model import color_icon

    monkeypatch.setattr(icons, "screen_scales", lambda: (1.0, scale))
    pixmap = color_icon("#F6C945").pixmap(QSize(14, 14), scale)
    assert (pixmap.width(), pixmap.devicePixelRatio()) == (round(14 * scale), scale)
    centre = pixmap.toImage().pixelColor(pixmap.width() // 2, pixmap.height() // 2)
    assert centre.name() == "#f6c945"
    assert color_icon("#F6C945").pixmap(QSize(14, 14), 1.0).width() == 14
