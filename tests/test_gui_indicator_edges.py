"""On a dark window, an unticked check box's and radio button's edge reads at 3:1: Qt's
Fusion style drew it a shade darker than the window, so that "By article" in the Export
dialog showed as its words alone. A light window keeps the style as it is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
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


@pytest.fixture
def dark_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application with a dark palette (as a dark desktop theme gives it) and the
    style as it was, both put back afterwards."""
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    dark = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        dark.setColor(group, QPalette.ColorRole.Window, DARK_WINDOW)
        dark.setColor(group, QPalette.ColorRole.WindowText, QColor("#E6E6E6"))
        dark.setColor(group, QPalette.ColorRole.Base, QColor("#2A2A2A"))
    qapp.setStyle("Fusion")
    qapp.setPalette(dark)
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def edge_contrast(qtbot: QtBot, box: QRadioButton | QCheckBox) -> float:
    """The best contrast with the window of the pixels on the indicator's edge."""
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


def test_edges_read_at_3_to_1_on_a_dark_window(qtbot: QtBot, dark_app: QApplication) -> None:
    assert edge_contrast(qtbot, QRadioButton("By article")) < LEAST_EDGE_CONTRAST  # Fusion's
    outline_indicators_if_dark(dark_app, True)
    assert isinstance(dark_app.style(), IndicatorEdges)
    assert edge_contrast(qtbot, QRadioButton("By article")) >= LEAST_EDGE_CONTRAST
    assert edge_contrast(qtbot, QCheckBox("Block ids")) >= LEAST_EDGE_CONTRAST
    outline_indicators_if_dark(dark_app, True)  # once
    assert isinstance(dark_app.style(), IndicatorEdges)


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


def test_a_light_window_keeps_its_style(qapp: QApplication) -> None:
    before = qapp.style()
    outline_indicators_if_dark(qapp, False)
    assert qapp.style() is before
