"""Contrast between colours as WCAG 2 measures it: what text and lines need to be read."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

MIN_TEXT_CONTRAST = 4.5  # WCAG AA for text
MIN_MARK_CONTRAST = 1.5  # a grey highlight's fill told apart from the page it is on
MIN_HUE_DIFFERENCE = 48  # ... or a coloured one's: a channel this far from the page's


def luminance(color: QColor) -> float:
    """The relative luminance of a colour (WCAG 2)."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The contrast ratio of two colours (WCAG 2): 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def painted_over(color: QColor, page: QColor) -> QColor:
    """``color``, with its transparency, as painted on ``page``."""
    a = color.alphaF()
    return QColor(
        round(color.red() * a + page.red() * (1 - a)),
        round(color.green() * a + page.green() * (1 - a)),
        round(color.blue() * a + page.blue() * (1 - a)),
    )


def told_apart(color: QColor, page: QColor, least: float = MIN_MARK_CONTRAST) -> QColor:
    """``color`` (with its transparency), or, where it would hardly show on ``page`` (a
    white tag on a white page, a black one on a dark page), that colour mixed towards black
    on a light page or white on a dark one, no further than it takes to show. A colour
    shows by its hue (a pale yellow on white, one channel far from the page's) or by being
    lighter or darker (``least``, a contrast ratio)."""
    if _shows(color, page, least):
        return color
    away = QColor(0, 0, 0) if luminance(page) > _MIDDLE else QColor(255, 255, 255)
    found = QColor(color)
    for step in range(1, 11):
        found = mixed(color, away, step / 10)
        if _shows(found, page, least):
            break
    return found


def _shows(color: QColor, page: QColor, least: float) -> bool:
    painted = painted_over(color, page)
    apart = max(
        abs(painted.red() - page.red()),
        abs(painted.green() - page.green()),
        abs(painted.blue() - page.blue()),
    )
    return apart >= MIN_HUE_DIFFERENCE or contrast(painted, page) >= least


_MIDDLE = 0.18  # the luminance as far in contrast from black as from white


def hint_color(palette: QPalette, page: QPalette.ColorRole, ink: QPalette.ColorRole) -> QColor:
    """The colour of a hint (a sentence saying what to do) on ``page``: the palette's
    placeholder colour where it reads at 4.5:1, else the ``ink`` (text) colour two thirds
    of the way from the page (Qt's own placeholder, the text at half strength, does not)."""
    background = palette.color(page)
    placeholder = painted_over(palette.color(QPalette.ColorRole.PlaceholderText), background)
    if contrast(placeholder, background) >= MIN_TEXT_CONTRAST:
        return placeholder
    return two_thirds_of(palette.color(ink), background)


def two_thirds_of(ink: QColor, page: QColor) -> QColor:
    """``ink`` two thirds of the way from ``page``: quieter than the text, still read."""
    return mixed(ink, page, 1 / 3)


def mixed(color: QColor, other: QColor, share: float) -> QColor:
    """``color`` with ``share`` (0 to 1) of ``other`` mixed in; ``color``'s transparency."""
    return QColor(
        round(color.red() * (1 - share) + other.red() * share),
        round(color.green() * (1 - share) + other.green() * share),
        round(color.blue() * (1 - share) + other.blue() * share),
        color.alpha(),
    )


def ink_on(color: QColor) -> QColor:
    """The text colour for ``color`` (a tag's chip): near-black or white, whichever reads
    better, and black where neither reaches 4.5:1 (by its lightness alone, pure red or a
    mid grey were written on in white at 4:1; black or white always reaches 4.58)."""
    inks = [QColor("#1B1B1B"), QColor("#FFFFFF"), QColor("#000000")]
    best = max(inks[:2], key=lambda ink: contrast(ink, color))
    if contrast(best, color) >= MIN_TEXT_CONTRAST:
        return best
    return max(inks[1:], key=lambda ink: contrast(ink, color))
