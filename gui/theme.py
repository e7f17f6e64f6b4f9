"""Light and dark appearance, following the system's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

# The contrast arithmetic has a module of its own, which the highlighter uses too.
from diptych.gui.contrast import contrast as contrast
from diptych.gui.contrast import luminance as luminance
from diptych.gui.contrast import painted_over as painted_over
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


_THEMES: dict[tuple[bool, str, str], HighlightTheme] = {}


def highlight_theme() -> HighlightTheme:
    """How passages are painted in the current appearance: one theme per appearance (and
    page and text colour, which the fills are made to read on), so that the formats made
    for one pane (or one opening) serve the next."""
    dark = is_dark()
    palette = QGuiApplication.palette()
    page = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.Text)
    key = (dark, page.name(), ink.name())
    theme = _THEMES.get(key)
    if theme is None:
        theme = _THEMES[key] = HighlightTheme(dark=dark, page=page, ink=ink)
    return theme
