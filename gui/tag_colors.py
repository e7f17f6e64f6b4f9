"""Tag colours: a small swatch to show, and a name to say for whoever cannot see or tell
colours apart."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from diptych.gui import icons
from diptych.storage.palette import PALETTE_NAMES

# Hues (degrees) up to which a colour is called by each name.
_HUES = (
    (15, "red"), (40, "orange"), (68, "yellow"), (160, "green"), (195, "teal"),
    (255, "blue"), (290, "purple"), (340, "pink"), (360, "red"),
)  # fmt: skip


def color_name(color: str) -> str:
    """A name for a tag colour, for whoever cannot see or tell colours apart: a palette
    colour's own name, else its hue, "light" or "dark" ("dark blue"), or a grey."""
    qcolor = QColor(color)
    known = PALETTE_NAMES.get(qcolor.name().upper())
    if known:
        return known
    hue, saturation, lightness = qcolor.hslHue(), qcolor.hslSaturationF(), qcolor.lightnessF()
    if saturation < 0.15 or hue < 0:
        if lightness > 0.92:
            return "white"
        if lightness < 0.12:
            return "black"
        base = "grey"
    else:
        base = next(name for top, name in _HUES if hue < top or top == 360)
    if lightness > 0.7:
        return f"light {base}"
    if lightness < 0.3:
        return f"dark {base}"
    return base


def color_icon(color: str, size: int = 14) -> QIcon:
    """A small rounded swatch of ``color`` (a new icon, free to change), drawn for each
    screen's scale so that it stays sharp at 150 % or 200 %, and the same on a selected
    row: Qt tints an icon with the selection's colour there (Economy's yellow turned
    olive), just as the analyst looks at the tag picked."""
    icon = QIcon()
    for scale in icons.screen_scales():
        swatch = _swatch(color, size, scale)
        icon.addPixmap(swatch)
        icon.addPixmap(swatch, QIcon.Mode.Selected)
    return icon


@lru_cache(maxsize=512)
def _swatch(color: str, size: int, scale: float) -> QPixmap:
    """Painted once per colour, size and scale: a codebook of hundreds of tags has few
    colours."""
    pixmap = QPixmap(round(size * scale), round(size * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(140))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return pixmap
