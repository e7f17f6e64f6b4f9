"""The mouse wheel over the margin of tag bars beside an article scrolls the article (and
with Ctrl zooms it), as over its text, where it did nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def _wheel(widget: QWidget, notches: int, modifiers: Qt.KeyboardModifier) -> None:
    point = QPointF(widget.rect().center())
    event = QWheelEvent(
        point,
        QPointF(widget.mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_the_margin_scrolls_and_zooms_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    bar = pane.view.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    _wheel(pane.margin, -3, Qt.KeyboardModifier.NoModifier)  # three notches down
    qtbot.waitUntil(lambda: bar.value() > 0)
    down = bar.value()
    _wheel(pane.margin, 1, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: bar.value() < down)
    _wheel(pane.margin, 1, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom == 110
