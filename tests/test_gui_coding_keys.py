"""Tagging from the keyboard: a selection no passage can be made of, and the menu's tags."""

from __future__ import annotations

from gui_support import select_text, shown_text, shown_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.coding import BLANK_SELECTION
from diptych.gui.coding_palette import NOTHING_SELECTED
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def test_a_tag_key_on_a_selected_line_break_says_so_without_an_error(
    qtbot: QtBot, window: MainWindow
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
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
    before = {p.id for p in window.session.project.annotations.query()}
    steps = window.session.undo_stack.count()

    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert {p.id for p in window.session.project.annotations.query()} == before
    assert window.session.undo_stack.count() == steps
    assert [level for level, _title, _text in posted] == [Level.INFO]
    assert window.statusBar().currentMessage() == BLANK_SELECTION


def menu_texts(qtbot: QtBot, pane: ArticlePane) -> tuple[list[str], list[str]]:
    """Shift+F10 in the pane: the menu's items, and those of its "Tag with" submenu (none
    without text selected), as they read."""
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = shown_texts(menu)
    submenus = [a.menu() for a in menu.actions() if shown_text(a.text()) == "Tag with"]
    tags = [shown_text(a.text()) for m in submenus if isinstance(m, QMenu) for a in m.actions()]
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return texts, tags


def test_the_menu_tells_apart_tags_sharing_a_name_by_their_paths(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    tags = {t.name: t.id for t in session.codebook().ordered()}
    other_economy = session.add_tag(name="Other", parent_id=tags["Economy"])
    session.add_tag(name="Other", parent_id=tags["Diplomacy"])
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    start, _end = select_text(pane, QUOTE)
    qtbot.waitUntil(pane.view.hasFocus)
    _texts, indented = menu_texts(qtbot, pane)
    names = [name.strip() for name in indented]  # sub-tags indented under their parents
    assert names
    assert "Economy/Other" in names and "Diplomacy/Other" in names
    assert "Other" not in names
    assert "Trade" in names  # a name no other tag has stays short

    window.coding.apply_tag(other_economy.id)  # a passage with one of the two
    passage = window.coding.selected
    assert session.passage(passage).tag_ids == (other_economy.id,)
    pane.view.select_range(start + 1, start + 1)  # the caret in it, nothing selected
    texts, _tags = menu_texts(qtbot, pane)
    assert "Remove tag Economy/Other" in texts


def test_ctrl_t_in_the_passages_list_tags_the_passage_chosen_not_text_left_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)  # a selection left behind in the article
    table = window.passages.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the user moves to a passage in the list
    chosen = window.coding.selected
    assert chosen and window.passages.current_passage() == chosen
    assert pane.selection() is not None
    before = {p.id for p in window.session.project.annotations.query()}
    tags = window.session.passage(chosen).tag_ids
    codebook = window.session.codebook()
    new_tag = next(t for t in window.session.ordered_tags() if t.id not in tags)

    qtbot.keyClick(table, Qt.Key.Key_T, CONTROL)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.hint.text().startswith("Add a tag to the passage “")
    qtbot.keyClicks(palette.field, codebook.path(new_tag.id))
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert {p.id for p in window.session.project.annotations.query()} == before
    assert set(window.session.passage(chosen).tag_ids) == {*tags, new_tag.id}


def test_ctrl_t_in_a_pane_never_tags_a_passage_selected_in_another(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    left, right = window.area.panes()
    window.area.set_current(left)
    left.view.setFocus()
    qtbot.waitUntil(left.view.hasFocus)
    qtbot.keyClick(left.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(left.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    assert passage and left.selected_passage == passage
    qtbot.keyClick(left.view, Qt.Key.Key_Tab, CONTROL)  # to the other article's pane
    assert window.area.current is right and right.view.hasFocus()
    tags = window.session.passage(passage).tag_ids
    new_tag = next(t for t in window.session.ordered_tags() if t.id not in tags)
    steps = window.session.undo_stack.count()

    qtbot.keyClick(right.view, Qt.Key.Key_T, CONTROL)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.hint.text() == NOTHING_SELECTED
    qtbot.keyClicks(palette.field, window.session.codebook().path(new_tag.id))
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert window.session.passage(passage).tag_ids == tags
    assert window.session.undo_stack.count() == steps

    qtbot.keyClick(right.view, Qt.Key.Key_T, CONTROL)  # a new name only joins the codebook
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "Brand new theme")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert window.session.project.tags.find(name="Brand new theme") is not None
    assert window.session.passage(passage).tag_ids == tags
