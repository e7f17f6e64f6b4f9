"""A news page with a chart drawn inline and a formula, imported with File > Import, shows
the chart's caption and the formula's characters in the pane, and none of the chart's
labels, links or pictures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page
from test_import_charts_and_formulas import CHART_PAGE

from diptych.gui.main_window import MainWindow


def test_a_chart_shows_its_caption_but_not_its_labels(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "prices.html"
    path.write_text(CHART_PAGE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert pane.view.toPlainText() == "Prices\nPrices by year.\nThe area is πr2 and x≤3 here."
    cursor = QTextCursor(pane.view.document())
    while not cursor.atEnd():
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        fmt = cursor.charFormat()
        assert not fmt.isAnchor() and not fmt.isImageFormat()
