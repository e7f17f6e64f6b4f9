"""A heading chosen in a pane's outline menu gives the keyboard to that pane's text, at the
heading, so that Page Down reads on from there and the tag keys act there: it was left in
the pane (or on the ☰ button) it was in before. Move pane left or right chosen there gives
it to the moved pane's text too."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def _choose_in_menu(qtbot: QtBot, text: str, *, keys: bool) -> None:
    """Pick the heading ``text`` in the outline menu once it is open."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text().strip() == text)
        if keys:
            menu.setActiveAction(action)
            qtbot.keyClick(menu, Qt.Key.Key_Return)
        else:
            where = menu.actionGeometry(action).center()
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=where)

    QTimer.singleShot(0, pick)


def _keyboard_back(qtbot: QtBot, window: MainWindow) -> None:
    """The window active again once the menu is closed (the test platform leaves it not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_heading_clicked_in_another_pane_takes_the_keyboard_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    other = keyboard_in(qtbot, window, 1)
    pane = window.area.panes()[0]
    article = window.session.project.articles.get(article_id=pane.article_id or 0)
    target = next(h for h in article.content.outline() if h.text.startswith("Voices of"))
    _choose_in_menu(qtbot, target.text, keys=False)
    qtbot.mouseClick(pane.header.outline_button, Qt.MouseButton.LeftButton)
    _keyboard_back(qtbot, window)

    qtbot.waitUntil(pane.view.hasFocus)
    assert window.area.current is pane and not other.view.hasFocus()
    assert pane.view.textCursor().position() == pane.view.positions.to_rendered(target.start)
    bar = pane.view.verticalScrollBar()
    before = bar.value()
    qtbot.keyClick(pane.view, Qt.Key.Key_PageDown)
    assert bar.value() > before  # reads on from the heading


def test_a_heading_chosen_with_the_keys_gives_them_to_the_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    article = window.session.project.articles.get(article_id=pane.article_id or 0)
    target = next(h for h in article.content.outline() if h.text.startswith("Case Study"))
    button = pane.header.outline_button
    button.setFocus()  # Shift+Tab from the text
    qtbot.waitUntil(button.hasFocus)
    _choose_in_menu(qtbot, target.text, keys=True)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    _keyboard_back(qtbot, window)

    qtbot.waitUntil(pane.view.hasFocus)
    assert pane.view.textCursor().position() == pane.view.positions.to_rendered(target.start)


def test_move_pane_chosen_with_the_keys_gives_them_to_the_moved_panes_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    caret = pane.view.textCursor().position()
    button = pane.header.outline_button
    button.setFocus()  # Shift+Tab from the text
    qtbot.waitUntil(button.hasFocus)
    _choose_in_menu(qtbot, "Move pane left", keys=True)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    _keyboard_back(qtbot, window)

    assert window.area.panes()[0] is pane  # moved
    qtbot.waitUntil(pane.view.hasFocus)
    assert window.area.current is pane
    assert pane.view.textCursor().position() == caret  # where it was
    qtbot.keyClick(pane.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert pane.view.textCursor().hasSelection()  # the keys select text, not walk buttons
