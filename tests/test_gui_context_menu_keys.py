"""The Library's, the Passages list's and the reading pane's context menus give each of
their items a key letter of its own, as the menu bar's menus and the Codebook's menu do:
opened with Shift+F10 (or the Menu key), the letter chooses the item. The items that name
a tag (Remove tag …, the Tag with submenu) have none: a user's names may hold any letter,
and their '&' reads as typed."""

from __future__ import annotations

import pytest
from gui_support import key_letters, keyboard_in, shown_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

SHIFT = Qt.KeyboardModifier.ShiftModifier
SYMBOLIC = "symbolic restart"  # the first passage of the second sample article
REMOVE_TAG = "Remove tag "


def open_menu(qtbot: QtBot, widget: QWidget) -> QMenu:
    """Shift+F10 in ``widget``: the menu it opens."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def press(qtbot: QtBot, menu: QMenu, letter: str) -> None:
    """Press ``letter`` in the open ``menu``: it chooses the item, and the menu closes."""
    qtbot.keyClick(menu, letter)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def assert_letters_of_their_own(menu: QMenu) -> dict[str, str]:
    """Every item of ``menu`` but those naming a tag has a key letter, none used twice, and
    the submenu of tags none; each item's letter, by what it reads."""
    items = [a for a in menu.actions() if not a.isSeparator()]
    letters = key_letters(menu)
    texts = [shown_text(a.text()) for a in items]
    for text, letter in zip(texts, letters, strict=True):
        assert (letter == "") == text.startswith(REMOVE_TAG), (text, letter)
    given = [letter for letter in letters if letter]
    assert len(set(given)) == len(given), sorted(zip(letters, texts, strict=True))
    for action in items:
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            assert submenu.actions() and not any(key_letters(submenu)), action.text()
    return dict(zip(texts, letters, strict=True))


def test_the_library_menu_of_an_article_renames_it_with_r(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def get_text(_parent, _title, _label, text="", *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    library = window.library
    article = window.session.articles()[0]
    library.select_article(article.id)
    menu = open_menu(qtbot, library.view)
    letters = assert_letters_of_their_own(menu)
    assert letters["Open"] == "o" and letters["Rename…"] == "r"
    assert set(letters) >= {"Open in new pane", "Open source page", "Remove from project…"}
    press(qtbot, menu, "r")
    assert asked == [article.title]


def test_the_library_menu_of_several_articles_removes_them_with_m(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_plain", lambda _parent, title, _text: asked.append(title))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    library = window.library
    library.view.selectAll()
    count = len(library.selected_articles())
    assert count > 1
    menu = open_menu(qtbot, library.view)
    letters = assert_letters_of_their_own(menu)
    assert letters[f"Open {count} articles, each in a new pane"] == "o"
    assert letters["Rename…"] == "r"  # greyed, but with the letter it has for one article
    assert letters[f"Remove {count} articles from project…"] == "m"
    press(qtbot, menu, "m")
    assert asked == ["Remove articles"]
    assert len(window.session.articles()) == count  # the question was not answered Yes


def test_the_passages_list_menu_writes_the_note_with_n(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the first row chosen
    menu = open_menu(qtbot, table)
    letters = assert_letters_of_their_own(menu)
    assert letters == {"Go to passage": "g", "Edit note": "n", "Copy": "c", "Delete passage": "d"}
    press(qtbot, menu, "n")
    window.activateWindow()  # the test platform leaves the window inactive after a menu
    qtbot.waitUntil(window.editor.note.hasFocus)


def first_passage_started(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, int]:
    """F8 from the top of the left pane, then the first five letters of its first passage
    selected with Shift and the arrows: its menu offers Fit and the passage's own items."""
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.coding.selected
    for _ in range(5):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    return pane, passage


def test_the_reading_pane_menu_fits_the_passage_with_f(qtbot: QtBot, window: MainWindow) -> None:
    pane, passage = first_passage_started(qtbot, window)
    before = window.session.passage(passage)
    assert before.tag_ids
    menu = open_menu(qtbot, pane.view)
    letters = assert_letters_of_their_own(menu)
    fit = next(text for text in letters if text.startswith("Fit passage “"))
    assert letters[fit] == "f"
    assert {"Tag selection…", "Tag with", "Copy", "Add tag…", "Edit note", "Delete passage"} <= set(
        letters
    )
    assert sum(text.startswith(REMOVE_TAG) for text in letters) == len(before.tag_ids)
    press(qtbot, menu, "f")
    after = window.session.passage(passage)
    assert (after.start, after.end) == (before.start, before.start + 5)


def test_the_reading_pane_menu_re_attaches_an_orphan_with_e(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
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
    pane = keyboard_in(qtbot, window, 1)
    text = window.session.project.articles.get(article_id=article.id).text
    start = text.index("Discussions aimed")  # inside the passage "Security cooperation: …"
    pane.view.select_range(start, start)
    for _ in "Discussions":
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    menu = open_menu(qtbot, pane.view)
    letters = assert_letters_of_their_own(menu)
    assert letters[f"Re-attach passage “{SYMBOLIC}” to the selection"] == "e"
    assert {"Tag selection…", "Copy", "Add tag…", "Edit note", "Delete passage"} <= set(letters)
    assert any(text.startswith(REMOVE_TAG) for text in letters)  # the passage's items too
    press(qtbot, menu, "e")
    back = window.session.passage(orphan.id)
    assert not back.is_orphan and back.exact == "Discussions"
