"""With only a line break selected, the palette says that nothing is tagged, and a new tag
named there joins the codebook and says so, as with nothing selected: the palette read
"Tag the selected text", the undo step was named "Tag with new tag …" and the status bar
said only that nothing was tagged, not that the tag was added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.coding import BLANK_SELECTION
from diptych.gui.coding_palette import BLANK_IN_PALETTE
from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NAME = "Brand new theme"


def select_a_line_break(qtbot: QtBot, window: MainWindow) -> ArticlePane:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    while pane.view.textCursor().blockNumber() == 0:  # down to the next paragraph
        qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, SHIFT)  # the line break before it
    selection = pane.selection()
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    assert selection is not None and text[slice(*selection)].isspace()
    return pane


def test_a_new_tag_with_a_line_break_selected_is_added_and_said_to_be(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = select_a_line_break(qtbot, window)
    before = {p.id for p in window.session.project.annotations.query()}

    qtbot.keyClick(pane.view, Qt.Key.Key_T, CONTROL)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.hint.text() == BLANK_IN_PALETTE  # not "Tag the selected text"
    qtbot.keyClicks(palette.field, NAME)
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)

    assert window.session.project.tags.find(name=NAME) is not None
    assert {p.id for p in window.session.project.annotations.query()} == before
    assert window.session.undo_stack.undoText() == f"New tag “{NAME}”"
    assert window.statusBar().currentMessage() == (
        f"Added the tag “{NAME}”. Select text to tag with it."
    )


def test_a_tag_named_whole_with_a_line_break_selected_says_what_is_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_a_line_break(qtbot, window)
    codebook = window.session.codebook()
    tag = next(t for t in codebook.ordered() if t.parent_id is not None)
    steps = window.session.undo_stack.count()

    window.coding.apply_new_tag(codebook.path(tag.id))  # a path that exists: Economy/Trade

    assert window.session.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == BLANK_SELECTION
