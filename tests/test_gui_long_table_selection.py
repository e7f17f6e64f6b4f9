"""A selection in a long table, which is put in as a run of pieces, runs from where it was
made to where it ends, also from one piece into the next: Qt would take both pieces whole
(rows 0 to 99 for rows 47 to 52). What is drawn, tagged and copied is what was selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_long_table import ROWS, table_article

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article

LEFT = Qt.MouseButton.LeftButton
SHIFT = Qt.KeyboardModifier.ShiftModifier


def reading(qtbot: QtBot, window: MainWindow, rows: int = ROWS) -> tuple[ArticlePane, str]:
    """The second pane showing an article with a table of ``rows`` rows, and its text."""
    return showing(qtbot, window, table_article(rows))


def showing(qtbot: QtBot, window: MainWindow, source: bytes) -> tuple[ArticlePane, str]:
    """The second pane showing the article read from markdown ``source``, and its text."""
    project = window.session.project
    article = project.articles.add(parsed=parse_article(source, name="p.md"))
    pane = window.area.panes()[1]
    # Wide enough for a drag or a selection from the text into the table to be in view.
    window.resize(1100, window.height())
    qtbot.waitUntil(lambda: pane.width() > 320)
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        pane.show_article(article.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    return pane, project.articles.get(article_id=article.id).text


def at(pane: ArticlePane, offset: int) -> QPoint:
    """A viewport point just right of the boundary before the character at ``offset``."""
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    rect = pane.view.cursorRect(cursor)
    return QPoint(rect.x() + 1, rect.center().y())


def rows_47_to_52(text: str) -> tuple[int, int]:
    return text.index("key 47\t"), text.index("note on row 52 of the list") + 26


def tagged(qtbot: QtBot, window: MainWindow, pane: ArticlePane) -> list[str]:
    """Tag the selection with the 1 key; the text of the passages it made."""
    before = {p.id for p in window.session.project.annotations.query()}
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    return [p.exact for p in window.session.project.annotations.query() if p.id not in before]


def copied(qtbot: QtBot, pane: ArticlePane) -> str:
    QApplication.clipboard().clear()
    qtbot.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QApplication.clipboard().text()


def test_a_drag_from_one_piece_into_the_next_selects_what_was_dragged(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window)
    start, end = rows_47_to_52(text)
    viewport = pane.view.viewport()
    pane.go_to_offset(start)
    qtbot.wait(20)
    qtbot.mousePress(viewport, LEFT, pos=at(pane, start))
    qtbot.mouseMove(viewport, at(pane, text.index("note on row 49")))
    qtbot.mouseMove(viewport, at(pane, end))
    qtbot.mouseRelease(viewport, LEFT, pos=at(pane, end))
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]
    assert tagged(qtbot, window, pane) == [text[start:end]]


def test_shift_and_the_arrows_select_from_one_piece_into_the_next(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window)
    start, end = rows_47_to_52(text)
    pane.view.select_range(start, start)
    row_52 = text.index("key 52\t")
    for _ in range(40):  # down, line by line (a narrow pane wraps cells), to key 52
        qtbot.keyClick(pane.view, Qt.Key.Key_Down, SHIFT)
        selection = pane.view.selection()
        assert selection is not None and selection[0] == start
        if selection[1] >= row_52:
            break
    assert selection[1] == row_52  # rows 47 to 51 whole, no more
    for _ in range(end - row_52):  # on along row 52, character by character
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]
    qtbot.keyClick(pane.view, Qt.Key.Key_Up, SHIFT)  # back up a line, still across
    selection = pane.view.selection()
    assert selection is not None and selection[0] == start and row_52 - 40 < selection[1] < end
    qtbot.keyClick(pane.view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(pane.view, Qt.Key.Key_End, SHIFT)
    assert pane.view.selection() == (start, end)
    assert tagged(qtbot, window, pane) == [text[start:end]]


def test_the_selection_across_pieces_is_drawn_as_made(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = reading(qtbot, window)
    start, end = rows_47_to_52(text)
    selected = pane.view.palette().color(QPalette.ColorRole.Highlight)
    pane.view.select_range(start, end)
    qtbot.wait(20)

    def marked(offset: int) -> bool:
        """True if the selection's colour is painted beside the character at ``offset``."""
        bar = pane.view.verticalScrollBar()
        bar.setValue(bar.value() + at(pane, offset).y() - 40)
        left, right = at(pane, offset), at(pane, offset + 2)
        image = pane.view.viewport().grab().toImage()
        assert image.rect().contains(left) and image.rect().contains(right)
        return any(image.pixelColor(x, left.y()) == selected for x in range(left.x(), right.x()))

    assert marked(text.index("ote on row 50"))
    assert marked(text.index("ote on row 47"))
    assert not marked(text.index("ote on row 46"))  # Qt would draw rows 0 to 99
    assert not marked(text.index("ote on row 55"))
    words = text.index("note on row 47")
    pane.view.select_range(words, words + 11)  # an ordinary selection again: Qt draws it
    qtbot.wait(20)
    assert marked(words + 1)
    assert not marked(text.index("ote on row 50"))
    assert pane.view.palette().color(QPalette.ColorRole.Highlight) == selected


def test_a_selection_across_the_cells_of_a_short_table_runs_as_made(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window, rows=20)
    start = text.index("key 7\t")
    pane.view.select_range(start, start)
    end = text.index("key 9\t")  # rows 7 and 8 whole, not Qt's column of keys
    for _ in range(6):  # line by line (a narrow pane may wrap a key)
        qtbot.keyClick(pane.view, Qt.Key.Key_Down, SHIFT)
        selection = pane.view.selection()
        assert selection is not None and selection[0] == start
        if selection[1] >= end:
            break
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]
    assert tagged(qtbot, window, pane) == [text[start:end].rstrip()]


def drag(qtbot: QtBot, pane: ArticlePane, start: int, end: int) -> None:
    viewport = pane.view.viewport()
    pane.go_to_offset(start)
    qtbot.wait(20)
    qtbot.mousePress(viewport, LEFT, pos=at(pane, start))
    qtbot.mouseMove(viewport, at(pane, (start + end) // 2))
    qtbot.mouseMove(viewport, at(pane, end))
    qtbot.mouseRelease(viewport, LEFT, pos=at(pane, end))


@pytest.mark.parametrize("rows", [20, ROWS])  # a short table; one piece of a long one
def test_a_drag_down_a_column_selects_tags_and_copies_the_text_between(
    qtbot: QtBot, window: MainWindow, rows: int
) -> None:
    pane, text = reading(qtbot, window, rows=rows)
    start, end = text.index("note on row 1 "), text.index("row 5 of the list") + 5
    drag(qtbot, pane, start, end)  # Qt would select the notes of rows 1 to 5 only
    assert pane.view.selection() == (start, end)
    # Qt's cells hidden, the text between drawn instead: the keys of rows 2 to 5 too
    assert pane.view.palette().color(QPalette.ColorRole.Highlight).alpha() == 0
    key = pane.view.positions.to_rendered(text.index("key 3\t") + 1)
    assert any(
        m.cursor.selectionStart() <= key < m.cursor.selectionEnd()
        for m in pane.view.extraSelections()
        if m.format.background().color().alpha()
    )
    assert copied(qtbot, pane) == text[start:end]
    assert tagged(qtbot, window, pane) == [text[start:end]]
    words = text.index("note on row 7")  # within one cell: Qt's own selection again
    drag(qtbot, pane, words, words + 11)
    assert pane.view.selection() == (words, words + 11)
    assert copied(qtbot, pane) == "note on row"
    assert pane.view.palette().color(QPalette.ColorRole.Highlight).alpha() == 255


def test_the_outline_of_a_passage_across_pieces_covers_only_its_rows(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window)
    start, end = rows_47_to_52(text)
    pane.view.select_range(start, end)
    assert tagged(qtbot, window, pane) == [text[start:end]]  # and selected: outlined
    qtbot.waitUntil(lambda: window.coding.selected != 0)
    to_rendered = pane.view.positions.to_rendered
    drawn = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.view.extraSelections()
        if s.format.underlineStyle() == s.format.UnderlineStyle.WaveUnderline
    ]
    assert drawn
    assert min(a for a, _b in drawn) >= to_rendered(start)
    assert max(b for _a, b in drawn) <= to_rendered(end)  # not rows 0 to 99 whole
    row_50 = to_rendered(text.index("key 50\t"))
    assert any(a <= row_50 < b for a, b in drawn)


def test_the_outline_of_a_passage_down_a_column_covers_the_text_between(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window, rows=20)  # a short table: one piece
    start, end = text.index("note on row 1 "), text.index("row 5 of the list") + 5
    drag(qtbot, pane, start, end)
    assert tagged(qtbot, window, pane) == [text[start:end]]  # and selected: outlined
    qtbot.waitUntil(lambda: window.coding.selected != 0)
    outline = [
        (s.cursor.hasComplexSelection(), s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.view.extraSelections()
        if s.format.underlineStyle() == s.format.UnderlineStyle.WaveUnderline
    ]
    # Qt draws a mark running from one cell into another over the rectangle of cells
    # between its ends: the notes of rows 1 to 5 only, not the keys of rows 2 to 5.
    assert outline and not any(cells for cells, _a, _b in outline)
    key = pane.view.positions.to_rendered(text.index("key 3\t") + 1)
    assert any(a <= key < b for _cells, a, b in outline)
