"""F3 and Shift+F3 in an article whose find bar was closed find the words last looked for
again, next or previous from the match selected, with the keyboard left in the text (a tag
key then tags the match); with nothing looked for yet, F3 opens the bar as Ctrl+F does, and
in a pane with no article it says so, as Ctrl+F does. The keys are Edit > Find next and Find
previous: they work from the panels too, on the current pane, and with no pane at all they
say how to open an article."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import NO_ARTICLE, NO_PANE
from diptych.gui.find_bar import find_all
from diptych.gui.main_window import MainWindow


def test_f3_after_closing_the_bar_goes_to_the_next_match(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    matches = find_all(text, "korea")
    assert len(matches) >= 3
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "korea")
    assert pane.view.selection() == matches[0]
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    assert not bar.isVisible()

    qtbot.keyClick(pane.view, Qt.Key.Key_F3)
    assert pane.view.selection() == matches[1]
    assert bar.isVisible() and bar.count.text() == f"2 of {len(matches)}"
    assert pane.view.hasFocus()  # the keys go on in the text
    qtbot.keyClick(pane.view, Qt.Key.Key_F3)
    assert pane.view.selection() == matches[2]

    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)  # closes the bar again
    assert not bar.isVisible()
    qtbot.keyClick(pane.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.view.selection() == matches[1]
    assert bar.count.text() == f"2 of {len(matches)}"


def test_f3_with_nothing_looked_for_opens_the_bar(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_F3)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    assert pane.find_bar.isVisible()


def test_f3_in_a_pane_with_no_article_says_so_as_ctrl_f_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    keyboard_in(qtbot, window, 0)
    window.actions_.new_pane.trigger()  # an empty pane, with the keyboard
    pane = window.area.current
    assert pane is not None and pane.article_id is None
    qtbot.waitUntil(pane.view.hasFocus)
    for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        window.message_bar.clearMessage()
        qtbot.keyClick(pane.view, Qt.Key.Key_F3, modifier)
        assert window.statusBar().currentMessage() == NO_ARTICLE
        assert not pane.find_bar.isVisible()
    window.message_bar.clearMessage()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == NO_ARTICLE


def test_f3_from_the_library_finds_again_in_the_current_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    matches = find_all(text, "korea")
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    qtbot.keyClicks(pane.find_bar.field, "korea")
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Escape)
    library = window.library.view
    library.setFocus()
    qtbot.waitUntil(library.hasFocus)

    qtbot.keyClick(library, Qt.Key.Key_F3)
    assert pane.view.selection() == matches[1]
    qtbot.keyClick(library, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.view.selection() == matches[0]
    assert library.hasFocus()  # the keys go on where they were


def test_f3_with_no_pane_at_all_says_how_to_open_an_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    keyboard_in(qtbot, window, 0)
    window.area.close_all()
    assert window.area.current is None
    library = window.library.view
    library.setFocus()
    qtbot.waitUntil(library.hasFocus)
    for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        window.message_bar.clearMessage()
        qtbot.keyClick(library, Qt.Key.Key_F3, modifier)
        assert window.statusBar().currentMessage() == NO_PANE


def test_the_edit_menu_offers_find_next_and_previous_with_their_keys(window: MainWindow) -> None:
    actions = window.actions_
    assert actions.find_next.shortcut().toString() == "F3"
    assert actions.find_previous.shortcut().toString() == "Shift+F3"
    edit = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Edit")
    assert {actions.find_next, actions.find_previous} <= set(edit.actions())
