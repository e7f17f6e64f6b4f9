"""The passage outlined in a pane follows its caret, so that Del (and the other keys) act on
the passage the pane marks; undoing a deletion brings the passage back outlined, with the
caret on it, for the keys to go on from it."""

from __future__ import annotations

from gui_support import point_of, shown_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.coding import CARET_LEFT_TAG_KEY
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_selection import CARET_LEFT, NO_PASSAGE_SELECTED, OUT_OF_VIEW
from diptych.storage.importing import parse_article
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SYMBOLIC = "symbolic restart"  # the first passage of the second sample article


def passage_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def first_passage_selected(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, int]:
    """Ctrl+Home then F8 in the second pane: its first passage outlined, the caret at it."""
    window.activateWindow()  # window shortcuts (F8) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert window.session.passage(passage).exact == SYMBOLIC
    assert pane.selected_passage == passage
    return pane, passage


def caret(pane: ArticlePane) -> int:
    return pane.view.positions.to_display(pane.view.textCursor().position())


def test_the_caret_leaving_the_outlined_passage_for_plain_text_leaves_nothing_to_delete(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)  # back to the top: no passage there
    assert pane.view.passage_at_cursor() == 0
    assert pane.selected_passage == 0  # no outline left in the pane
    # still the selected one, in the Passage panel and the Passages list, which agree
    assert window.coding.selected == passage
    assert window.editor.current_passage() == window.passages.current_passage() == passage
    before = passage_ids(window)
    tags = window.session.passage(passage).tag_ids
    steps = window.session.undo_stack.count()

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage_ids(window) == before
    assert passage in before
    assert window.statusBar().currentMessage() == CARET_LEFT
    window.statusBar().clearMessage()
    qtbot.keyClick(pane.view, Qt.Key.Key_7)  # nor is it tagged
    assert window.session.passage(passage).tag_ids == tags
    assert window.session.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == CARET_LEFT_TAG_KEY


def test_a_tag_key_with_the_caret_off_the_passage_says_to_select_text_which_it_then_tags(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, _ = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)  # off the passage, nothing selected
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    said = window.statusBar().currentMessage()
    assert said == CARET_LEFT_TAG_KEY
    assert "select text here" in said  # the keys' usual use, not only a passage to select
    before = passage_ids(window)

    qtbot.keyClick(pane.view, Qt.Key.Key_Right, CONTROL | SHIFT)  # as the message says
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    (new,) = passage_ids(window) - before
    first_tag = window.session.ordered_tags()[0].id
    assert window.session.passage(new).tag_ids == (first_tag,)


def test_the_caret_coming_back_into_the_selected_passage_outlines_it_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    start = window.session.passage(passage).start
    qtbot.keyClick(pane.view, Qt.Key.Key_Left)  # just before it
    assert caret(pane) == start - 1 and pane.selected_passage == 0
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    assert caret(pane) == start and pane.selected_passage == passage
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)


def test_del_pressed_twice_deletes_one_passage(qtbot: QtBot, window: MainWindow) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)
    before = passage_ids(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)  # pressed twice: nothing else goes
    assert passage_ids(window) == before
    assert window.statusBar().currentMessage() == NO_PASSAGE_SELECTED


def test_del_deletes_the_passage_the_caret_moved_into_not_the_one_outlined_before(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, at_caret = first_passage_selected(qtbot, window)
    table = window.passages.table
    table.setFocus()
    other = 0
    for _ in range(table.model().rowCount()):  # the user goes down the list to another one
        qtbot.keyClick(table, Qt.Key.Key_Down)
        other = window.coding.selected
        if other != at_caret and other in (pane.view.index or ()):
            break
    assert other != at_caret and pane.selected_passage == other  # outlined in the pane
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)

    qtbot.keyClick(pane.view, Qt.Key.Key_Right)  # the caret moves on inside the first passage
    assert pane.view.passage_at_cursor() == at_caret
    assert (window.coding.selected, pane.selected_passage) == (at_caret, at_caret)
    assert window.editor.current_passage() == at_caret

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert at_caret not in passage_ids(window)
    assert other in passage_ids(window)


def test_a_click_in_plain_text_takes_the_outline_off(qtbot: QtBot, window: MainWindow) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    start = window.session.passage(passage).start
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, 3))
    assert pane.view.passage_at_cursor() == 0 and caret(pane) < start
    assert pane.selected_passage == 0


def test_selecting_text_from_the_outlined_passage_keeps_it_outlined(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    end = window.session.passage(passage).end
    while caret(pane) <= end + 3:  # Shift and the arrows, past its end (to fit it)
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    assert pane.selection() is not None
    assert (window.coding.selected, pane.selected_passage) == (passage, passage)


def test_undoing_del_brings_the_passage_back_outlined_with_the_caret_on_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)
    assert (window.coding.selected, pane.selected_passage) == (0, 0)

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert passage in passage_ids(window)
    assert (window.coding.selected, pane.selected_passage) == (passage, passage)
    assert window.editor.current_passage() == passage
    assert window.passages.current_passage() == passage
    assert pane.view.passage_at_cursor() == passage
    assert window.area.current is pane and pane.view.hasFocus()

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)  # the keys go on from it
    assert passage not in passage_ids(window)


def test_undoing_del_in_a_pane_while_the_keyboard_is_in_another_goes_back_to_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    left = window.area.panes()[0]
    qtbot.keyClick(pane.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.area.current is left and left.view.hasFocus()

    qtbot.keyClick(left.view, Qt.Key.Key_Z, CONTROL)
    assert passage in passage_ids(window)
    assert window.area.current is pane and pane.view.hasFocus()
    assert pane.view.passage_at_cursor() == passage
    assert pane.selected_passage == passage and left.selected_passage == 0


def orphan_of_the_second_article(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, int]:
    """The second article updated without "symbolic restart": its passage there is an
    orphan, chosen (as in the Orphans list) to be re-attached."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    article = window.session.project.articles.get(article_id=pane.article_id or 0)
    source = sample_bytes(SAMPLE_FILES[1]).decode()
    parsed = parse_article(
        source.replace(SYMBOLIC, "fresh beginning").encode(), name=SAMPLE_FILES[1]
    )
    window.session.replace_article_text(article.id, parsed)
    orphan = next(p for p in window.session.project.annotations.query() if p.is_orphan)
    qtbot.waitUntil(lambda: not pane.is_loading and pane.view.index is not None)
    window.passages.select_passage(orphan.id)
    window.coding.select_passage(orphan.id)  # as choosing it in the Orphans list does
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    return pane, orphan.id


def test_an_orphan_stays_selected_while_the_caret_goes_through_passages_to_its_new_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, orphan = orphan_of_the_second_article(qtbot, window)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    start = text.index("Discussions aimed")  # inside the passage "Security cooperation: …"
    pane.view.select_range(start - 1, start - 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    assert pane.view.passage_at_cursor() not in (0, orphan)
    assert window.coding.selected == window.editor.current_passage() == orphan
    for _ in "Discussions":
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = shown_texts(menu)
    menu.close()
    assert f"Re-attach passage “{SYMBOLIC}” to the selection" in texts


def test_a_drag_from_inside_a_passage_leaves_the_selected_passage_as_it_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, first = first_passage_selected(qtbot, window)
    index = pane.view.index
    assert index is not None
    chosen = next(m.annotation_id for m in index.marks() if m.annotation_id != first)
    window.coding.select_passage(chosen)  # as choosing it in the Passages list does
    mark = index.get(first)
    assert mark is not None
    inside, beyond = point_of(pane, mark.start + 2), point_of(pane, mark.end + 8)
    qtbot.mousePress(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    qtbot.mouseMove(pane.view.viewport(), beyond)
    qtbot.mouseRelease(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=beyond)
    assert pane.selection() is not None  # text selected from inside the first passage
    assert window.coding.selected == pane.selected_passage == chosen


def test_del_after_finding_a_word_far_from_the_outlined_passage_deletes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, passage = first_passage_selected(qtbot, window)
    qtbot.keyClick(pane.view, Qt.Key.Key_F, CONTROL)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    qtbot.keyClicks(pane.find_bar.field, "interoperability")  # near the article's end
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    assert pane.selection() is not None  # the word found, far below
    assert pane.selected_passage == passage  # still outlined, out of view
    before = passage_ids(window)

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage_ids(window) == before
    assert window.statusBar().currentMessage() == OUT_OF_VIEW

    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)  # back to it: in view again
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.coding.selected == passage
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage not in passage_ids(window)
