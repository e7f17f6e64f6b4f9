"""Hovering a bar in the margin says which passage it stands for (its tags and note), as
hovering the passage's text does; elsewhere in the margin nothing is shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_tooltip import passage_tooltip


def hover(widget, point: QPoint) -> None:  # type: ignore[no-untyped-def]
    event = QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)


def test_hovering_a_margin_bar_shows_its_passages_tags_and_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    left = window.area.panes()[0]
    assert left.view.index is not None
    mark = next(m for m in left.view.index.marks() if window.session.passage(m.annotation_id).note)
    left.scroll_to_offset(mark.start)
    left.margin.repaint()
    bar = next(rect for rect, passage in left.margin._bars if passage == mark.annotation_id)

    hover(left.margin, bar.center())

    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == passage_tooltip(window.session, mark.annotation_id)
    passage = window.session.passage(mark.annotation_id)
    names = [window.session.codebook()[t].name for t in passage.tag_ids]
    assert all(name in QToolTip.text() for name in names)

    beside = QPoint(left.margin.width() - 1, 1)
    assert left.margin.bar_at(beside) == 0
    hover(left.margin, beside)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
