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
)  # fmt: skip
APP_ICON = "diptych"  # in colour: not tinted
SIZES = (16, 24, 32, 48)


def svg_text(name: str) -> str:
    """The SVG source of an icon."""
    if name not in NAMES:
        raise KeyError(f"no icon called {name!r}")
    return (resources.files("diptych.resources") / "icons" / f"{name}.svg").read_text("utf-8")


def _svg_icon(svg: bytes, sizes: tuple[int, ...]) -> QIcon:
    """An icon with a pixmap of each size, drawn from SVG source."""
    renderer = QSvgRenderer(QByteArray(svg))
    icon = QIcon()
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def _icon(name: str, color: str) -> QIcon:
    return _svg_icon(svg_text(name).replace("currentColor", color).encode(), SIZES)


def app_icon() -> QIcon:
    """Diptych's own icon (two pages side by side, each with a highlight)."""
    data = (resources.files("diptych.resources") / "icons" / f"{APP_ICON}.svg").read_bytes()
    return _svg_icon(data, (*SIZES, 64, 128, 256))


def icon(name: str) -> QIcon:
    """The icon called ``name``, tinted for the current palette."""
    color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _icon(name, color)
