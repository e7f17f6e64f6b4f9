"""Up and Down, with Shift or without, go row by row through the whole of a long table,
across the seams between its pieces, the caret kept in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from test_gui_long_table_columns import figures_article
from test_gui_long_table_selection import SHIFT, copied, showing

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow


def reading(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, str]:
    return showing(qtbot, window, figures_article())


def row_of(text: str, offset: int) -> int:
    """The row of the table (its Id) that ``offset`` is in."""
    line = text[: offset + 1].rsplit("\n", 1)[-1]
    return int(line.split("\t", 1)[0])


def shown(pane: ArticlePane, offset: int) -> bool:
    """True if the text at ``offset`` is in view."""
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    rect = pane.view.cursorRect(cursor)
    return rect.top() >= 0 and rect.bottom() <= pane.view.viewport().height()


def test_shift_down_and_down_go_on_row_by_row_across_pieces(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window)
    start = text.index("supply of row 70,")
    pane.view.select_range(start, start)
    end = start
    for _ in range(600):  # line by line (the notes wrap), past the seam after row 73
        if row_of(text, end) > 76:
            break
        qtbot.keyClick(pane.view, Qt.Key.Key_Down, SHIFT)
        selection = pane.view.selection()
        assert selection is not None and selection[0] == start  # from where it was made
        assert selection[1] > end  # one line further down each time
        end = selection[1]
        assert shown(pane, end)
    assert row_of(text, end) > 76
    assert copied(qtbot, pane) == text[start:end]
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)  # from the selection's end, a line down
    caret = pane.view.textCursor().position()
    assert 0 < pane.view.positions.to_display(caret) - end < 40
    for _ in range(60):  # and down on without Shift
        qtbot.keyClick(pane.view, Qt.Key.Key_Down)
        assert pane.view.textCursor().position() > caret
        caret = pane.view.textCursor().position()
        assert pane.view.textCursor().hasSelection() is False
        assert shown(pane, pane.view.positions.to_display(caret))
    for _ in range(60):  # and back up
        qtbot.keyClick(pane.view, Qt.Key.Key_Up)
        assert pane.view.textCursor().position() < caret
        caret = pane.view.textCursor().position()
