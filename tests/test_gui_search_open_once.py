"""A search result opens once, whether clicked, double-clicked or chosen with Enter."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.search_panel import SearchPanel

LEFT = Qt.MouseButton.LeftButton


def search(qtbot: QtBot, panel: SearchPanel, query: str) -> None:
    panel.focus()
    qtbot.keyClicks(panel.field, query)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)


def row_of(panel: SearchPanel, kind: str) -> int:
    texts = [panel.results.item(i).text() for i in range(panel.results.count())]
    return next(i for i, text in enumerate(texts) if text.startswith(kind))


def double_click(qtbot: QtBot, viewport: QWidget, point: QPoint) -> None:
    """What a mouse sends for a double-click: press, release, press, double-click, release."""
    qtbot.mousePress(viewport, LEFT, pos=point)
    qtbot.mouseRelease(viewport, LEFT, pos=point)
    qtbot.mousePress(viewport, LEFT, pos=point)
    qtbot.mouseDClick(viewport, LEFT, pos=point)
    qtbot.mouseRelease(viewport, LEFT, pos=point)


def opened(panel: SearchPanel) -> list[tuple[int, ...]]:
    """Every request the panel makes to open a result, in order."""
    requests: list[tuple[int, ...]] = []
    panel.articleRequested.connect(lambda *args: requests.append(args))
    panel.passageRequested.connect(lambda *args: requests.append(args))
    return requests


def test_double_clicking_a_result_opens_it_once(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.search.trigger()
    panel = window.search
    search(qtbot, panel, '"ballistic missiles"')
    requests = opened(panel)
    viewport = panel.results.viewport()
    for kind in ("Article", "Passage"):
        item = panel.results.item(row_of(panel, kind))
        double_click(qtbot, viewport, panel.results.visualItemRect(item).center())
        assert len(requests) == 1, kind
        opened_last = requests.pop()

    passage_id = opened_last[0]  # (passage id, article id)
    qtbot.waitUntil(lambda: window.editor.current_passage() == passage_id)


def test_a_click_or_enter_on_a_result_opens_it_once(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.search.trigger()
    panel = window.search
    search(qtbot, panel, '"ballistic missiles"')
    requests = opened(panel)
    row = row_of(panel, "Article")
    point = panel.results.visualItemRect(panel.results.item(row)).center()

    qtbot.mouseClick(panel.results.viewport(), LEFT, pos=point)
    assert len(requests) == 1
    article_id = requests[0][0]

    requests.clear()
    panel.focus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # into the results, as a user does
    panel.results.setCurrentRow(row)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert len(requests) == 1 and requests[0][0] == article_id
