"""A pane's zoom, in percent of the normal reading size, through round steps as browsers
zoom (90%, 100%, 110%, 125%…): steps of 1.1 times showed 110%, 121%, 133% in the header.

A zoom between two steps (saved by an earlier Diptych, which zoomed by 1.1 times) is shown
as it is; a step in or out goes to the next round step that way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QFont

from diptych.gui.theme import reading_font

ZOOM_STEPS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
NORMAL_ZOOM = 100
# The smallest and largest, the round steps nearest the limits of 1.1 times (56% and 314%).
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
SMALLEST_POINT_SIZE = 6.0  # zoomed out further, the text is not made smaller


def next_zoom(zoom: int, step: int) -> int:
    """The zoom after ``zoom`` one step in (``step`` +1) or out (-1), or back to the normal
    size (0): the next round step that way, from a zoom between two steps too."""
    if step == 0:
        return NORMAL_ZOOM
    if step > 0:
        return next((z for z in ZOOM_STEPS if z > zoom), MAX_ZOOM)
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom), MIN_ZOOM)


def within_limits(zoom: int) -> int:
    """``zoom``, no smaller than the smallest step and no larger than the largest."""
    return max(MIN_ZOOM, min(MAX_ZOOM, zoom))


def zoomed_font(zoom: int) -> QFont:
    """The reading font at ``zoom`` percent."""
    font = reading_font()
    font.setPointSizeF(max(SMALLEST_POINT_SIZE, font.pointSizeF() * zoom / 100))
    return font


def saved_zoom(entry: Mapping[str, Any]) -> int:
    """A pane's zoom as saved with its layout: in percent, or, as saved before, in steps of
    1.1 times (3: 133%, shown as it was)."""
    if "zoom_percent" in entry:
        return int(entry["zoom_percent"])
    return round(NORMAL_ZOOM * 1.1 ** int(entry.get("zoom", 0)))
