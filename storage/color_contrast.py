"""Contrast between colours as WCAG 2 measures it, on plain numbers: the arithmetic the
window (through :mod:`diptych.gui.contrast`) and the HTML report share, so that a tag of
the page's own colour shows in both, and in the same colour.

A colour is an ``(red, green, blue, alpha)`` tuple of 0-255 values (alpha 255: opaque).
"""

from __future__ import annotations

Rgba = tuple[int, int, int, int]

MIN_TEXT_CONTRAST = 4.5  # WCAG AA for text
MIN_MARK_CONTRAST = 1.5  # a grey highlight's fill told apart from the page it is on
MIN_HUE_DIFFERENCE = 48  # ... or a coloured one's: a channel this far from the page's
_MIDDLE = 0.18  # the luminance as far in contrast from black as from white
_BLACK, _WHITE = (0, 0, 0, 255), (255, 255, 255, 255)


def luminance(color: Rgba) -> float:
    """The relative luminance of a colour (WCAG 2)."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color[0]) + 0.7152 * channel(color[1]) + 0.0722 * channel(color[2])


def contrast(a: Rgba, b: Rgba) -> float:
    """The contrast ratio of two colours (WCAG 2): 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def painted_over(color: Rgba, page: Rgba) -> Rgba:
    """``color``, with its transparency, as painted on ``page`` (opaque)."""
    a = color[3] / 255
    r, g, b = (round(color[i] * a + page[i] * (1 - a)) for i in range(3))
    return (r, g, b, 255)


def mixed(color: Rgba, other: Rgba, share: float) -> Rgba:
    """``color`` with ``share`` (0 to 1) of ``other`` mixed in; ``color``'s transparency."""
    r, g, b = (round(color[i] * (1 - share) + other[i] * share) for i in range(3))
    return (r, g, b, color[3])


def told_apart(color: Rgba, page: Rgba, least: float = MIN_MARK_CONTRAST) -> Rgba:
    """``color`` (with its transparency), or, where it would hardly show on ``page`` (a
    white tag on a white page, a black one on a dark page), that colour mixed towards black
    on a light page or white on a dark one, no further than it takes to show. A colour
    shows by its hue (a pale yellow on white, one channel far from the page's) or by being
    lighter or darker (``least``, a contrast ratio)."""
    if _shows(color, page, least):
        return color
    away = _BLACK if luminance(page) > _MIDDLE else _WHITE
    found = color
    for step in range(1, 11):
        found = mixed(color, away, step / 10)
        if _shows(found, page, least):
            break
    return found


def _shows(color: Rgba, page: Rgba, least: float) -> bool:
    painted = painted_over(color, page)
    apart = max(abs(painted[i] - page[i]) for i in range(3))
    return apart >= MIN_HUE_DIFFERENCE or contrast(painted, page) >= least


def from_hex(value: str) -> Rgba:
    """``#RRGGBB`` as a colour."""
    return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16), 255)


def to_hex(color: Rgba) -> str:
    """A colour as ``#RRGGBB`` (its transparency left out)."""
    return "#{:02X}{:02X}{:02X}".format(*color[:3])
