"""With several articles side by side, the keys act on the pane that has the keyboard
focus: never on a passage selected in another pane, which the user cannot see there.
Turning to a pane lets go of a passage of another article; one selected there again while
the keyboard stays in the pane (undo bringing it back, the Passages list) is refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
ELSEWHERE = (
    "The selected passage is not in this pane: select text here, or a passage here "
    "(Enter on a highlight, or F8)."
)


def passage_selected_on_the_left(qtbot: QtBot, window: MainWindow) -> tuple[int, ArticlePane]:
    """Select the left pane's first passage with F8, then Ctrl+Tab to the right pane (which
    lets go of it), and select it again from outside the panes, the keyboard left there."""
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    left, right = window.area.panes()
    assert left.article_id != right.article_id
    window.area.set_current(left)
    left.view.setFocus()
    qtbot.keyClick(left.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(left.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert passage and left.selected_passage == passage
    qtbot.keyClick(left.view, Qt.Key.Key_Tab, CONTROL)
    assert window.area.current is right and right.view.hasFocus()
    assert right.view.index is not None and passage not in right.view.index
    assert window.coding.selected == 0 and window.editor.current_passage() is None
    window.coding.select_passage(passage)  # as undo bringing it back does
    assert right.view.hasFocus()
    return passage, right


def test_delete_in_a_pane_never_deletes_a_passage_selected_in_another(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage, right = passage_selected_on_the_left(qtbot, window)
    before = {p.id for p in window.session.project.annotations.query()}

    qtbot.keyClick(right.view, Qt.Key.Key_Delete)
    assert {p.id for p in window.session.project.annotations.query()} == before
    assert window.statusBar().currentMessage() == ELSEWHERE
    assert window.coding.selected == passage  # still selected, in its own pane


def test_a_tag_key_in_a_pane_never_tags_a_passage_selected_in_another(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage, right = passage_selected_on_the_left(qtbot, window)
    tags = window.session.passage(passage).tag_ids
    steps = window.session.undo_stack.count()
    free = next(t.id for t in window.session.ordered_tags() if t.id not in tags)
    key = Qt.Key(Qt.Key.Key_1.value + [t.id for t in window.session.ordered_tags()].index(free))

    qtbot.keyClick(right.view, key)
    assert window.session.passage(passage).tag_ids == tags
    assert window.session.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == ELSEWHERE


def test_keys_still_act_on_the_passage_selected_in_the_focused_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage, right = passage_selected_on_the_left(qtbot, window)
    qtbot.keyClick(right.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(right.view, Qt.Key.Key_F8)  # a passage of this pane
    here = window.coding.selected
    assert here != passage and right.selected_passage == here

    qtbot.keyClick(right.view, Qt.Key.Key_Delete)
    assert here not in {p.id for p in window.session.project.annotations.query()}
    assert passage in {p.id for p in window.session.project.annotations.query()}
    assert window.statusBar().currentMessage() == "Passage deleted — Ctrl+Z to undo"


def test_delete_with_no_passage_selected_says_how_to_select_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    _passage, right = passage_selected_on_the_left(qtbot, window)
    window.coding.select_passage(0)
    before = {p.id for p in window.session.project.annotations.query()}
    qtbot.keyClick(right.view, Qt.Key.Key_Delete)
    assert {p.id for p in window.session.project.annotations.query()} == before
    assert window.statusBar().currentMessage() == (
        "Select a passage first: Enter on a highlight, or F8."
    )


def test_deleting_selected_text_says_an_article_is_read_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage, right = passage_selected_on_the_left(qtbot, window)
    before = right.view.toPlainText()
    qtbot.keyClick(right.view, Qt.Key.Key_A, CONTROL)
    assert right.selection()
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        window.message_bar.clearMessage()
        qtbot.keyClick(right.view, key)
        message = window.statusBar().currentMessage()
        assert message.startswith("An article's text cannot be deleted: articles are read-only.")
        assert "select text here" not in message
    assert right.view.toPlainText() == before
    assert passage in {p.id for p in window.session.project.annotations.query()}
