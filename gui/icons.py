"""Diptych's icons: the one module that knows their names and where they live.

Icons are line drawings in ``resources/icons`` drawn with ``currentColor``; they are
tinted with the palette's text colour so they read in light and dark appearances.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

NAMES = (
    "new", "open", "import", "export", "undo", "redo", "tag", "find", "pane", "search", "new-tag",
    "add", "add-sub", "edit", "merge", "delete",
)  # fmt: skip
APP_ICON = "diptych"  # in colour: not tinted
SIZES = (16, 24, 32, 48)


def svg_text(name: str) -> str:
    """The SVG source of an icon."""
    if name not in NAMES:
        raise KeyError(f"no icon called {name!r}")
    return (resources.files("diptych.resources") / "icons" / f"{name}.svg").read_text("utf-8")


def _svg_icon(svg: bytes, sizes: tuple[int, ...], scales: tuple[float, ...]) -> QIcon:
    """An icon with a pixmap of each size at each screen scale, drawn from SVG source.

    A pixmap drawn for the scale it is shown at stays sharp: one scaled down from a bigger
    size (a 24 px icon from the 48 px pixmap at 150 %) is blurred.
    """
    renderer = QSvgRenderer(QByteArray(svg))
    icon = QIcon()
    for scale in scales:
        for size in sizes:
            side = round(size * scale)
            pixmap = QPixmap(side, side)
            pixmap.fill(Qt.GlobalColor.transparent)
            pixmap.setDevicePixelRatio(scale)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size, size))  # in the icon's own points
            painter.end()
            icon.addPixmap(pixmap)
    return icon


def screen_scales() -> tuple[float, ...]:
    """The screens' pixel ratios (1 first): icons are drawn for each of them."""
    screens = QGuiApplication.screens()
    return tuple(sorted({1.0, *(s.devicePixelRatio() for s in screens)}))


@cache
def _icon(name: str, color: str, scales: tuple[float, ...]) -> QIcon:
    return _svg_icon(svg_text(name).replace("currentColor", color).encode(), SIZES, scales)


def app_icon() -> QIcon:
    """Diptych's own icon (two pages side by side, each with a highlight)."""
    data = (resources.files("diptych.resources") / "icons" / f"{APP_ICON}.svg").read_bytes()
    return _svg_icon(data, (*SIZES, 64, 128, 256), (1.0,))


def icon(name: str) -> QIcon:
    """The icon called ``name``, tinted for the current palette."""
    color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _icon(name, color, screen_scales())
