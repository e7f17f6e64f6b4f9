"""A pane that showed a tagged passage, then opens an article holding a long table (which
grows in the view slice by slice), draws its outlines over the document as far as it has
grown: nothing is drawn over positions the document does not have yet."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from test_gui_long_table_selection import reading, tagged

from diptych.gui.main_window import MainWindow


def test_a_long_table_opened_after_tagging_in_the_same_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window, rows=20)
    start = text.index("key 7\t")
    pane.view.select_range(start, start + 5)
    assert tagged(qtbot, window, pane) == [text[start : start + 5]]
    pane, text = reading(qtbot, window, rows=3000)
    assert pane.view.document().characterCount() > len(text) // 2
    assert "key 2999" in pane.view.document().toPlainText()
