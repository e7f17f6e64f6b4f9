"""The Library's tooltip and status tip count an article's passages in words that agree
with the number: "1 passage", not "1 passages"."""

from __future__ import annotations

from pathlib import Path

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_model import ARTICLE_ID_ROLE
from diptych.gui.main_window import MainWindow


def test_an_article_with_one_passage_says_1_passage(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n\nBoth sides agreed on tariffs.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([minutes])
    article_id = imported.args[0][0]
    pane = next(p for p in window.area.panes() if p.article_id == article_id)
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=10_000)
    window.area.set_current(pane)
    select_text(pane, "agreed on tariffs")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.session.project.annotations.count() == 7)

    model = window.library.model
    index = next(
        model.index(row)
        for row in range(model.rowCount())
        if model.index(row).data(ARTICLE_ID_ROLE) == article_id
    )
    assert index.data(Qt.ItemDataRole.StatusTipRole) == "1 passage"
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole))
    assert "characters, 1 passage" in tip and "1 passages" not in tip
