"""Light and dark appearance, following the system's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from diptych.gui.highlighter import HighlightTheme
from diptych.gui.render import RenderStyle

READING_POINT_SIZE = 11.5


def is_dark() -> bool:
    """True if the system (or the palette) asks for a dark appearance."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


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


def reading_font() -> QFont:
    """The font articles are read in."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(READING_POINT_SIZE)
    return font


def render_style() -> RenderStyle:
    """Fonts and colours for rendering articles in the current appearance."""
    dark = is_dark()
    return RenderStyle(
        font=reading_font(),
        code_background=QColor("#2B2F36" if dark else "#F1F3F5"),
        quote_color=QColor("#B8BCC4" if dark else "#55595F"),
        link_color=QColor("#7FB3FF" if dark else "#1A5FB4"),
        rule_color=QColor("#5A5F66" if dark else "#C4C8CE"),
    )


_THEMES: dict[bool, HighlightTheme] = {}


def highlight_theme() -> HighlightTheme:
    """How passages are painted in the current appearance: one theme per appearance, so
    that the formats made for one pane (or one opening) serve the next."""
    dark = is_dark()
    theme = _THEMES.get(dark)
    if theme is None:
        theme = _THEMES[dark] = HighlightTheme(dark=dark)
    return theme
