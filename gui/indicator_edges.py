"""Check boxes and radio buttons whose edges read on a dark window.

Qt's Fusion style, which a dark desktop theme often leaves Diptych with, draws the edge of
an unticked check box or radio button a shade darker than the window: on a dark window
(#323232) a radio button's ring is #232323, about 1.1:1, and an option such as "By
article" in the Export dialog shows as its words alone. With a dark window, the style is
wrapped so that each such edge is drawn again, in the window's text colour mixed towards
the window no further than still reads at 3:1 (WCAG's contrast for the parts of a control).
A light window keeps the style as it is. The style is chosen as Diptych starts: a desktop
turned dark while it runs has these edges from the next start (setting the application's
style anew, all its widgets restyled, would be a jolt in the middle of work).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from diptych.gui.contrast import contrast, mixed

LEAST_EDGE_CONTRAST = 3.0  # WCAG 2.1, non-text contrast
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
)


def edge_color(palette: QPalette) -> QColor:
    """The window's text colour, mixed towards the window as far as it still reads at
    3:1 on it: quieter than the words beside the box, plainly there."""
    window = palette.color(QPalette.ColorRole.Window)
    ink = palette.color(QPalette.ColorRole.WindowText)
    edge = ink
    for step in range(1, 10):
        quieter = mixed(ink, window, step / 10)
        if contrast(quieter, window) < LEAST_EDGE_CONTRAST:
            break
        edge = quieter
    return edge


class IndicatorEdges(QProxyStyle):
    """The application's style, with check box and radio button edges that read on a
    dark window (see the module docstring)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS:
            return
        window = option.palette.color(QPalette.ColorRole.Window)
        if window.lightness() >= 128:  # a light window: Fusion's edges read there
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(edge_color(option.palette), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ring = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(ring)
        else:
            painter.drawRoundedRect(ring, 2, 2)
        painter.restore()


def outline_indicators_if_dark(app: QApplication, dark: bool) -> None:
    """Wrap the application's style in :class:`IndicatorEdges` when the window is dark
    (once; a light window keeps its style as it is, and pays nothing)."""
    if dark and not isinstance(app.style(), IndicatorEdges):
        app.setStyle(IndicatorEdges(app.style().name()))
