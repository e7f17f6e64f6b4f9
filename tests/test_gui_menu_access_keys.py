"""Every menu of the menu bar gives each of its items a key letter of its own (Alt and the
letter, then the letter, chooses it), as the Codebook's menu does; the Tags menu manages
the tag selected in the Codebook (edit, merge, delete, move among its siblings), greyed
while none is selected, so that the codebook can be kept from the keyboard."""

from __future__ import annotations

from gui_support import KEY_LETTER, key_letters
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def menus(window: MainWindow) -> dict[str, QMenu]:
    found = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        found[action.text()] = menu
    return found


def test_every_item_of_every_menu_has_a_key_letter_of_its_own(window: MainWindow) -> None:
    bar = menus(window)
    titles = [KEY_LETTER.findall(title) for title in bar]  # File, Edit, View, Tags, Help
    assert all(len(found) == 1 for found in titles)
    assert len({found[0].lower() for found in titles}) == len(bar)
    for title, menu in bar.items():
        letters = key_letters(menu)
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert "" not in letters, (title, texts)
        assert len(set(letters)) == len(letters), (title, sorted(zip(letters, texts, strict=True)))


def test_the_codebook_menu_gives_each_item_a_key_letter_of_its_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tags = window.tags
    tags.select_tag(window.session.ordered_tags()[0].id)
    tags.view.setFocus()
    qtbot.waitUntil(tags.view.hasFocus)
    qtbot.keyClick(tags.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    letters = key_letters(menu)
    assert "" not in letters and len(set(letters)) == len(letters), letters
    menu.close()


def _top_level(window: MainWindow) -> list[int]:
    return [t.id for t in window.session.codebook().children(None)]


def test_the_tags_menu_edits_the_selected_tag_and_moves_it_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = window.actions_
    tag_edits = (a.edit_tag, a.merge_tag, a.delete_tag, a.move_tag_up, a.move_tag_down)
    assert all(action in menus(window)["&Tags"].actions() for action in tag_edits)
    window.tags.view.setCurrentIndex(window.tags.view.model().index(-1, -1))
    assert window.tags.selected_tag() is None
    assert not any(action.isEnabled() for action in tag_edits)  # no tag to act on

    first, second, *_ = _top_level(window)
    window.tags.select_tag(first)
    assert a.edit_tag.isEnabled() and a.merge_tag.isEnabled() and a.delete_tag.isEnabled()
    assert not a.move_tag_up.isEnabled()  # first among its siblings already
    assert a.move_tag_down.isEnabled()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tags.view.setFocus()
    qtbot.waitUntil(window.tags.view.hasFocus)
    before = _top_level(window)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _top_level(window)[:2] == [second, first]
    assert window.tags.selected_tag() == first  # it stays selected, to be moved on
    assert a.move_tag_up.isEnabled()
    name = window.session.codebook()[first].name
    assert a.undo.text() == f"&Undo Move tag “{name.replace('&', '&&')}”"
    a.move_tag_up.trigger()  # from the menu too
    assert _top_level(window) == before
    window.session.undo_stack.undo()
    assert _top_level(window)[:2] == [second, first]
    window.session.undo_stack.undo()
    assert _top_level(window) == before


def test_alt_up_in_an_article_moves_no_tag(qtbot: QtBot, window: MainWindow) -> None:
    first, second, *_ = _top_level(window)
    window.tags.select_tag(second)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _top_level(window)[:2] == [first, second]


def test_delete_tag_in_the_tags_menu_deletes_the_selected_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    asked: list[str] = []
    window.tags.confirm = lambda _parent, _title, text: asked.append(text) or True
    tag = window.session.ordered_tags()[-1]
    window.tags.select_tag(tag.id)
    window.actions_.delete_tag.trigger()
    assert asked and tag.id not in window.session.codebook()
