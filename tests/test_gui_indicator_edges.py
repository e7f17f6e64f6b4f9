"""On a dark window, an unticked check box's and radio button's edge reads at 3:1: Qt's
Fusion style drew it a shade darker than the window, so that "By article" in the Export
dialog showed as its words alone. A light window keeps the style as it is."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
)
from pytestqt.qtbot import QtBot

from diptych.gui.contrast import contrast
from diptych.gui.indicator_edges import (
    LEAST_EDGE_CONTRAST,
    IndicatorEdges,
    edge_color,
    outline_indicators_if_dark,
)

DARK_WINDOW = QColor("#323232")


def dark_palette() -> QPalette:
    """A dark palette, as a dark desktop theme gives the application."""
    dark = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        dark.setColor(group, QPalette.ColorRole.Window, DARK_WINDOW)
        dark.setColor(group, QPalette.ColorRole.WindowText, QColor("#E6E6E6"))
        dark.setColor(group, QPalette.ColorRole.Base, QColor("#2A2A2A"))
    return dark


def edge_contrast(qtbot: QtBot, box: QRadioButton | QCheckBox, style: QStyle) -> float:
    """The best contrast with the window of the pixels on the indicator's edge, drawn in
    ``style`` on a dark window (the widget's own: the application's is left alone)."""
    box.setStyle(style)
    box.setPalette(dark_palette())
    box.setAutoFillBackground(True)
    qtbot.addWidget(box)
    box.resize(160, 30)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    option_rect = box.style().subElementRect(
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(box, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator,
        _option(box),
        box,
    )
    ratio = image.width() / box.width()
    return max(
        contrast(image.pixelColor(int(x * ratio), int(option_rect.center().y() * ratio)),
                 DARK_WINDOW)
        for x in range(option_rect.left(), option_rect.left() + 4)
    )  # fmt: skip


def _option(box: QRadioButton | QCheckBox) -> QStyleOptionButton:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return option


def test_edges_read_at_3_to_1_on_a_dark_window(qtbot: QtBot) -> None:
    fusion = QStyleFactory.create("Fusion")
    assert edge_contrast(qtbot, QRadioButton("By article"), fusion) < LEAST_EDGE_CONTRAST
    edges = IndicatorEdges("Fusion")
    assert edge_contrast(qtbot, QRadioButton("By article"), edges) >= LEAST_EDGE_CONTRAST
    assert edge_contrast(qtbot, QCheckBox("Block ids"), edges) >= LEAST_EDGE_CONTRAST


class _App:
    """What outline_indicators_if_dark asks of the application."""

    def __init__(self) -> None:
        self._style: QStyle = QStyleFactory.create("Fusion")

    def style(self) -> QStyle:
        return self._style

    def setStyle(self, style: QStyle) -> None:
        self._style = style


def test_a_dark_window_wraps_the_style_once_and_a_light_one_keeps_it(
    qapp: QApplication,
) -> None:
    app = _App()
    light = app.style()
    outline_indicators_if_dark(app, False)  # type: ignore[arg-type]
    assert app.style() is light
    outline_indicators_if_dark(app, True)  # type: ignore[arg-type]
    wrapped = app.style()
    assert isinstance(wrapped, IndicatorEdges)
    outline_indicators_if_dark(app, True)  # type: ignore[arg-type]
    assert app.style() is wrapped


def test_the_edge_colour_reads_at_3_to_1_and_no_louder_than_it_needs() -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, DARK_WINDOW)
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#E6E6E6"))
    edge = edge_color(palette)
    assert (
        LEAST_EDGE_CONTRAST
        <= contrast(edge, DARK_WINDOW)
        < contrast(QColor("#E6E6E6"), DARK_WINDOW)
    )
