"""A Hebrew or Arabic page's table reads right to left: its first column is shown on the
right and its cells' text aligned right, as the page and the HTML report show it. Qt lays
a table's columns out left to right whatever its direction, so such a table's rows are
put in last cell first; the article's text and offsets are unchanged, and a selection,
a passage and a copy over several cells take the cells in the article's order."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPalette, QTextCursor, QTextTable
from pytestqt.qtbot import QtBot
from test_gui_long_table_selection import copied, showing, tagged

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.render_tables import MIN_PIECE_ROWS, PIECE_CELLS

LEFT = Qt.MouseButton.LeftButton
SHIFT = Qt.KeyboardModifier.ShiftModifier
HEBREW = (
    "הערים הגדולות\n\n"
    "| עיר | אוכלוסייה | אזור |\n|---|---|---|\n"
    "| ירושלים | 981,711 | Center |\n"
    "| חיפה | 290,306 | צפון |\n"
    "| באר שבע | 214,162 | דרום |\n"
    "| אילת | | שמש 😀 כל השנה |\n\n"
    "סוף הטבלה.\n"
)
ENGLISH = "Cities\n\n| City | People |\n|---|---|\n| London | 8,866,180 |\n| Leeds | 536,280 |\n"


def edges(pane: ArticlePane, text: str, cell: str) -> tuple[int, int]:
    """The left and right edge of ``cell``'s text in the pane (viewport x)."""
    return edges_at(pane, text.index(cell), cell)


def edges_at(pane: ArticlePane, start: int, cell: str) -> tuple[int, int]:
    """The left and right edge of the text ``cell`` at offset ``start`` (viewport x)."""
    xs = []
    for offset in (start, start + len(cell)):
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(pane.view.positions.to_rendered(offset))
        xs.append(pane.view.cursorRect(cursor).x())
    return min(xs), max(xs)


def column_edge(pane: ArticlePane, text: str, cell: str) -> float:
    """The right edge (viewport x) of the room of ``cell``'s text in its column."""
    view = pane.view
    block = view.document().findBlock(view.positions.to_rendered(text.index(cell)))
    rect = view.document().documentLayout().blockBoundingRect(block)
    return rect.right() - view.horizontalScrollBar().value()


def inside(pane: ArticlePane, text: str, offset: int) -> QPoint:
    """A viewport point on the character at ``offset`` (its middle)."""
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    before = pane.view.cursorRect(cursor)
    cursor.setPosition(pane.view.positions.to_rendered(offset + 1))
    after = pane.view.cursorRect(cursor)
    return QPoint((before.x() + after.x()) // 2, before.center().y())


def test_a_hebrew_table_shows_its_first_column_on_the_right(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = showing(qtbot, window, HEBREW.encode())
    for row in (("עיר", "אוכלוסייה", "אזור"), ("ירושלים", "981,711", "Center")):
        first, second, third = (edges(pane, text, cell) for cell in row)
        assert first[0] > second[1] and second[0] > third[1], row
    # Aligned right in their columns: Hebrew, figures and a Latin word alike.
    for cell in ("ירושלים", "981,711", "Center"):
        assert column_edge(pane, text, cell) - edges(pane, text, cell)[1] < 4, cell
    # The first column reaches the pane's right side, as the paragraphs' text does.
    paragraph = edges(pane, text, "הערים הגדולות")
    assert abs(edges(pane, text, "ירושלים")[1] - paragraph[1]) < 16


def test_a_table_read_left_to_right_keeps_its_first_column_on_the_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = showing(qtbot, window, ENGLISH.encode())
    city, people = edges(pane, text, "London"), edges(pane, text, "8,866,180")
    assert city[1] < people[0]
    assert column_edge(pane, text, "London") - city[1] > 40  # aligned left, as it was


def test_the_text_and_its_places_are_the_articles(qtbot: QtBot, window: MainWindow) -> None:
    """Every cell's text is where the map says (an empty cell's and an emoji's after it
    too), and every offset maps there and back."""
    pane, text = showing(qtbot, window, HEBREW.encode())
    positions, document = pane.view.positions, pane.view.document()
    assert text.startswith("הערים הגדולות\nעיר\tאוכלוסייה\tאזור\nירושלים\t981,711\tCenter\n")
    for index in range(len(positions)):
        block = positions.block(index)
        qt_block = document.findBlock(positions.rendered_start(index))
        assert qt_block.position() == positions.rendered_start(index)
        assert qt_block.text() == text[block.start : block.end]
        for offset in range(block.start, block.end + 1):
            assert positions.to_display(positions.to_rendered(offset)) == offset


def test_a_drag_from_the_first_cell_into_the_second_selects_them_as_they_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Dragged leftwards from the first cell into the second (the next one, as a
    right-to-left row reads), the first cell's word and the second's figure are selected,
    whole words as a drag takes them, copied and tagged: not the document's positions
    between them (the second cell, then the first, in the document)."""
    pane, text = showing(qtbot, window, HEBREW.encode())
    start, end = text.index("ירושלים"), text.index("981,711") + len("981,711")
    viewport = pane.view.viewport()
    qtbot.mousePress(viewport, LEFT, pos=inside(pane, text, start + 1))
    qtbot.mouseMove(viewport, inside(pane, text, end - 3))
    qtbot.mouseRelease(viewport, LEFT, pos=inside(pane, text, end - 2))
    assert pane.view.selection() == (start, end)
    assert copied(qtbot, pane) == "ירושלים\t981,711"
    assert tagged(qtbot, window, pane) == [text[start:end]]


def test_a_passage_over_two_cells_is_painted_in_both(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = showing(qtbot, window, HEBREW.encode())
    start, end = text.index("רושלים"), text.index("711")
    pane.view.select_range(start, end)
    assert tagged(qtbot, window, pane) == ["רושלים\t981,"]
    qtbot.wait(20)
    document, positions = pane.view.document(), pane.view.positions

    def painted(offset: int) -> bool:
        block = document.findBlock(positions.to_rendered(offset))
        at = positions.to_rendered(offset) - block.position()
        return any(
            r.start <= at < r.start + r.length and r.format.background().style() != Qt.NoBrush
            for r in block.layout().formats()
        )

    assert painted(start) and painted(text.index("981"))
    assert not painted(start - 1)  # "י" of the first cell
    assert not painted(end) and not painted(text.index("Center"))


def test_the_selection_over_cells_is_drawn_where_it_reads(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = showing(qtbot, window, HEBREW.encode())
    start, end = text.index("רושלים"), text.index("711")
    selected = pane.view.palette().color(QPalette.ColorRole.Highlight)
    pane.view.select_range(start, end)
    qtbot.wait(20)
    image = pane.view.viewport().grab().toImage()

    def marked(part: str, within: str = "") -> bool:
        """True if the selection's colour is painted over ``part`` (of ``within``)."""
        at = text.index(within or part) + (within or part).index(part)
        left, right = edges_at(pane, at, part)
        y = inside(pane, text, at).y()
        assert QRect(image.rect()).contains(QPoint(right, y))
        return any(image.pixelColor(x, y) == selected for x in range(left + 1, right - 1))

    assert marked("רושלים") and marked("981,")
    assert not marked("י", "ירושלים") and not marked("711")  # the document's run between
    assert not marked("Center") and not marked("אוכלוסייה") and not marked("חיפה")


def test_shift_and_down_select_to_the_same_column_of_the_next_row(
    qtbot: QtBot, window: MainWindow
) -> None:
    """From the first cell, down a row: the rest of its row, as it reads, and the next
    row's first cell up to the caret."""
    pane, text = showing(qtbot, window, HEBREW.encode())
    start = text.index("ירושלים") + 2
    pane.view.select_range(start, start)
    qtbot.keyClick(pane.view, Qt.Key.Key_Down, SHIFT)
    selection = pane.view.selection()
    assert selection is not None and selection[0] == start
    assert text.index("חיפה") <= selection[1] <= text.index("חיפה") + len("חיפה")
    assert copied(qtbot, pane) == text[start : selection[1]]
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)  # the caret, a row further down: its first cell
    caret = pane.view.positions.to_display(pane.view.textCursor().position())
    assert text.index("באר שבע") <= caret <= text.index("באר שבע") + len("באר שבע")


def long_hebrew_table(rows: int) -> bytes:
    lines = ["טבלה ארוכה", "", "| מפתח | ערך | הערה |", "|---|---|---|"]
    lines += [f"| מפתח {n} | {n * 7} | הערה על שורה {n} |" for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def test_a_long_hebrew_table_reads_right_to_left_in_every_piece(
    qtbot: QtBot, window: MainWindow
) -> None:
    piece_rows = max(MIN_PIECE_ROWS, PIECE_CELLS // 3)
    pane, text = showing(qtbot, window, long_hebrew_table(3 * piece_rows))
    view = pane.view
    last_row = 3 * piece_rows - 1
    for key in ("מפתח 0", f"מפתח {piece_rows}", f"מפתח {last_row}"):
        view.select_range(text.index(key), text.index(key))
        qtbot.wait(10)
        figure = str(int(key.split()[1]) * 7)
        value = edges_at(pane, text.index(f"{key}\t{figure}\t") + len(key) + 1, figure)
        assert edges(pane, text, key)[0] > value[1], key
    # Down from the last row of the first piece: the first column of the next piece.
    seam = f"מפתח {piece_rows - 1}"
    view.select_range(text.index(seam) + 1, text.index(seam) + 1)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    caret = view.positions.to_display(view.textCursor().position())
    below = text.index(f"מפתח {piece_rows}\t")
    assert below <= caret <= below + len(f"מפתח {piece_rows}")
    # A selection across the seam, from a row's last cell into the next row's first.
    start, end = text.index(f"הערה על שורה {piece_rows - 1}"), below + 4
    view.select_range(start, end)
    assert view.selection() == (start, end)
    assert copied(qtbot, pane) == text[start:end]


def test_a_long_hebrew_table_fills_the_pane_as_it_is_resized_and_zoomed(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its pieces are as wide as the text, and their columns line up, also after the pane
    is narrowed and the text zoomed (Qt gave the column of notes, first in the document,
    too little room: the table filled half the pane)."""
    piece_rows = max(MIN_PIECE_ROWS, PIECE_CELLS // 3)
    pane, text = showing(qtbot, window, long_hebrew_table(3 * piece_rows))
    view, document = pane.view, pane.view.document()

    def check() -> None:
        pieces = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
        assert len(pieces) >= 3
        text_width = document.textWidth() - 2 * document.documentMargin()
        layout = document.documentLayout()
        for piece in pieces:
            assert abs(layout.frameBoundingRect(piece).width() - text_width) < 6
        # The first column's right edge, the same in the first piece and the last.
        rights = {
            layout.blockBoundingRect(
                document.findBlock(view.positions.to_rendered(text.index(f"מפתח {row}\t")))
            ).right()
            for row in (0, piece_rows - 1, 3 * piece_rows - 1)
        }
        assert len(rights) == 1 and rights.pop() > text_width - 20

    window.resize(1400, window.height())
    qtbot.waitUntil(lambda: document.textWidth() > 400)
    check()
    wide = document.textWidth()
    window.resize(1200, window.height())
    qtbot.waitUntil(lambda: document.textWidth() < wide)
    check()
    size = document.defaultFont().pointSizeF()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: document.defaultFont().pointSizeF() > size)
    check()


def caret_of(pane: ArticlePane) -> int:
    return pane.view.positions.to_display(pane.view.textCursor().position())


def test_the_arrows_go_from_cell_to_cell_as_the_row_reads(qtbot: QtBot, window: MainWindow) -> None:
    """Left (on, in Hebrew) at the end of a row's first cell goes into its second, not
    into the next row's last (the document's next cell); Right comes back; with Shift the
    selection grows into the next cell as the row reads."""
    pane, text = showing(qtbot, window, HEBREW.encode())
    first, second = text.index("ירושלים"), text.index("981,711")
    end = first + len("ירושלים")
    pane.view.select_range(end - 1, end - 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left)
    assert caret_of(pane) == end
    qtbot.keyClick(pane.view, Qt.Key.Key_Left)
    assert caret_of(pane) == second
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    assert caret_of(pane) == end
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, SHIFT)
    assert pane.view.selection() == (end, second)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left)  # the selection left at its end
    assert caret_of(pane) == second
    # Before the table, on into its first cell: on the right, where the row starts.
    heading_end = len("הערים הגדולות")
    pane.view.select_range(heading_end, heading_end)
    for _ in range(3):
        qtbot.keyClick(pane.view, Qt.Key.Key_Left)
        if caret_of(pane) != heading_end:
            break
    assert caret_of(pane) == text.index("עיר")
