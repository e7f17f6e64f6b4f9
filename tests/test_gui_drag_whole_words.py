"""A selection dragged with the mouse takes whole words: a passage never starts or ends
mid-word ("regional dynamics. Analy"). The keyboard, a double or triple click, and a drag
within one word select exactly what they select."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
SHIFT = Qt.KeyboardModifier.ShiftModifier


def reading(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, str]:
    """The second pane with the keyboard in it, and its article's text."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    return pane, text


def at(pane: ArticlePane, offset: int) -> QPoint:
    """A viewport point just right of the boundary before the character at ``offset``."""
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    rect = pane.view.cursorRect(cursor)
    return QPoint(rect.x() + 1, rect.center().y())


def drag(qtbot: QtBot, pane: ArticlePane, start: int, end: int) -> str:
    """Drag the mouse from ``start`` to ``end`` (article offsets); the text then selected,
    checked while the button is still down: the selection shows whole words as it grows."""
    viewport = pane.view.viewport()
    qtbot.mousePress(viewport, LEFT, pos=at(pane, start))
    qtbot.mouseMove(viewport, at(pane, (start + end) // 2))
    qtbot.mouseMove(viewport, at(pane, end))
    while_dragging = pane.selection()
    qtbot.mouseRelease(viewport, LEFT, pos=at(pane, end))
    assert pane.selection() == while_dragging
    selection = pane.selection()
    assert selection is not None
    return pane.session.project.articles.get(article_id=pane.article_id or 0).text[
        selection[0] : selection[1]
    ]


def test_a_drag_from_and_to_the_middle_of_words_selects_the_whole_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window)
    start = text.index("regional dynamics") + 3  # "reg|ional"
    end = text.index("Analysts") + 5  # "Analy|sts"
    assert drag(qtbot, pane, start, end) == "regional dynamics. Analysts"


def test_a_drag_backwards_selects_the_whole_words_too(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = reading(qtbot, window)
    start = text.index("Analysts") + 5
    end = text.index("regional dynamics") + 3
    assert drag(qtbot, pane, start, end) == "regional dynamics. Analysts"


def test_a_drag_from_between_words_keeps_that_end_where_it_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = reading(qtbot, window)
    start = text.index(" dynamics. Analysts")  # just after "regional"
    end = text.index("Analysts") + 2
    assert drag(qtbot, pane, start, end) == " dynamics. Analysts"


def test_a_drag_within_one_word_selects_part_of_it(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = reading(qtbot, window)
    start = text.index("Analysts") + 1
    assert drag(qtbot, pane, start, start + 4) == "naly"


def test_the_keyboard_selects_exactly(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = reading(qtbot, window)
    start = text.index("Analysts") + 2
    qtbot.mouseClick(pane.view.viewport(), LEFT, pos=at(pane, start))
    for _ in range(3):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    assert pane.selection() == (start, start + 3)


def test_a_double_click_selects_its_word(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = reading(qtbot, window)
    start = text.index("Analysts") + 2
    qtbot.mouseDClick(pane.view.viewport(), LEFT, pos=at(pane, start))
    assert pane.selection() == (start - 2, start - 2 + len("Analysts"))


def test_a_passage_tagged_from_a_drag_quotes_whole_words(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = reading(qtbot, window)
    before = {p.id for p in window.session.project.annotations.query()}
    drag(qtbot, pane, text.index("regional dynamics") + 3, text.index("Analysts") + 5)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    made = [p for p in window.session.project.annotations.query() if p.id not in before]
    assert [p.exact for p in made] == ["regional dynamics. Analysts"]
