"""Contrast between colours as WCAG 2 measures it: what text and lines need to be read."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from diptych.storage import color_contrast as pure
from diptych.storage.color_contrast import MIN_HUE_DIFFERENCE as MIN_HUE_DIFFERENCE
from diptych.storage.color_contrast import MIN_MARK_CONTRAST as MIN_MARK_CONTRAST
from diptych.storage.color_contrast import MIN_TEXT_CONTRAST as MIN_TEXT_CONTRAST

# The arithmetic is the storage module's, which the HTML report uses too: a white tag
# shows in the report in the colour it shows in the window.


def _rgba(color: QColor) -> pure.Rgba:
    return (color.red(), color.green(), color.blue(), color.alpha())


def _qcolor(color: pure.Rgba) -> QColor:
    return QColor(*color)


def luminance(color: QColor) -> float:
    """The relative luminance of a colour (WCAG 2)."""
    return pure.luminance(_rgba(color))


def contrast(a: QColor, b: QColor) -> float:
    """The contrast ratio of two colours (WCAG 2): 1 (none) to 21 (black on white)."""
    return pure.contrast(_rgba(a), _rgba(b))


def painted_over(color: QColor, page: QColor) -> QColor:
    """``color``, with its transparency, as painted on ``page``."""
    return _qcolor(pure.painted_over(_rgba(color), _rgba(page)))


def told_apart(color: QColor, page: QColor, least: float = MIN_MARK_CONTRAST) -> QColor:
    """``color`` (with its transparency), or, where it would hardly show on ``page`` (a
    white tag on a white page), the nearest colour that does
    (:func:`diptych.storage.color_contrast.told_apart`)."""
    return _qcolor(pure.told_apart(_rgba(color), _rgba(page), least))


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
    return _qcolor(pure.mixed(_rgba(color), _rgba(other), share))


def ink_on(color: QColor) -> QColor:
    """The text colour for ``color`` (a tag's chip): near-black or white, whichever reads
    better, and black where neither reaches 4.5:1 (by its lightness alone, pure red or a
    mid grey were written on in white at 4:1; black or white always reaches 4.58)."""
    inks = [QColor("#1B1B1B"), QColor("#FFFFFF"), QColor("#000000")]
    best = max(inks[:2], key=lambda ink: contrast(ink, color))
    if contrast(best, color) >= MIN_TEXT_CONTRAST:
        return best
    return max(inks[1:], key=lambda ink: contrast(ink, color))
