"""The Library's and the Codebook's context menus show beside Rename/Edit and Remove/Delete
the keys that do the same in their list (F2, Del), as a desktop menu teaches its keys;
pressed while the menu is open, the key chooses that entry, and Enter still chooses the
entry the keyboard is on."""

from __future__ import annotations

import pytest
from gui_support import menu_item, shown_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.library_panel import LibraryPanel
from diptych.gui.main_window import MainWindow
from diptych.gui.session import ProjectSession


def open_menu(qtbot: QtBot, view) -> QMenu:  # type: ignore[no-untyped-def]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def keys_shown(menu: QMenu) -> dict[str, str]:
    """The key shown beside each entry of ``menu``, by what the entry reads."""
    return {
        shown_text(a.text()): a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        for a in menu.actions()
        if not a.isSeparator()
    }


def library(qtbot: QtBot, session: ProjectSession) -> LibraryPanel:
    panel = LibraryPanel(session)
    qtbot.addWidget(panel)
    panel.resize(260, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


def test_the_librarys_menu_shows_f2_and_del_and_enter_chooses_the_current_entry(
    qtbot: QtBot, session: ProjectSession
) -> None:
    panel = library(qtbot, session)
    first = session.articles()[0]
    panel.select_article(first.id)
    renamed: list[int] = []
    panel.renameRequested.connect(renamed.append)
    menu = open_menu(qtbot, panel.view)
    shown = keys_shown(menu)
    assert shown["Rename…"] == "F2"
    assert shown["Remove from project…"] == "Del"
    assert shown["Open"] == ""  # Enter chooses the entry the keyboard is on, not Open

    entry = menu_item(menu, "Rename…")
    menu.setActiveAction(entry)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: renamed == [first.id])
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_the_librarys_menu_of_several_articles_shows_del_on_removing_them(
    qtbot: QtBot, session: ProjectSession
) -> None:
    panel = library(qtbot, session)
    panel.view.selectAll()
    assert len(panel.selected_articles()) == 2
    removed: list[list[int]] = []
    panel.removeArticlesRequested.connect(removed.append)
    menu = open_menu(qtbot, panel.view)
    shown = keys_shown(menu)
    assert shown["Remove 2 articles from project…"] == "Del"

    entry = menu_item(menu, "Remove 2 articles from project…")
    menu.setActiveAction(entry)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(removed) == 1)
    assert sorted(removed[0]) == sorted(a.id for a in session.articles())


def test_the_codebooks_menu_shows_f2_and_del_and_enter_chooses_the_current_entry(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tags = window.tags
    tag = window.session.ordered_tags()[0]
    tags.select_tag(tag.id)
    shown_passages: list[int] = []
    tags.showPassagesRequested.connect(shown_passages.append)
    menu = open_menu(qtbot, tags.view)
    shown = keys_shown(menu)
    assert shown["Edit…"] == "F2"
    assert shown["Delete…"] == "Del"
    assert shown["New tag…"] == ""

    # Enter is not taken by any entry's key: it chooses the one the keyboard is on
    entry = menu_item(menu, "Show its passages")
    menu.setActiveAction(entry)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_passages == [tag.id])


def test_f2_and_del_pressed_in_the_librarys_open_menu_choose_rename_and_remove(
    qtbot: QtBot, session: ProjectSession
) -> None:
    panel = library(qtbot, session)
    first = session.articles()[0]
    panel.select_article(first.id)
    renamed: list[int] = []
    removed: list[int] = []
    panel.renameRequested.connect(renamed.append)
    panel.removeRequested.connect(removed.append)

    menu = open_menu(qtbot, panel.view)
    qtbot.keyClick(menu, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: renamed == [first.id])
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert removed == []

    menu = open_menu(qtbot, panel.view)
    qtbot.keyClick(menu, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: removed == [first.id])
    assert renamed == [first.id]


def test_keys_without_an_entry_leave_the_menu_as_it_was(
    qtbot: QtBot, session: ProjectSession
) -> None:
    panel = library(qtbot, session)
    panel.select_article(session.articles()[0].id)
    renamed: list[int] = []
    panel.renameRequested.connect(renamed.append)
    menu = open_menu(qtbot, panel.view)
    first_entry = menu.actions()[0]
    menu.setActiveAction(first_entry)
    qtbot.keyClick(menu, Qt.Key.Key_Down)  # still moves through the entries
    assert menu.activeAction() is not first_entry
    qtbot.keyClick(menu, Qt.Key.Key_F3)
    assert QApplication.activePopupWidget() is menu
    assert renamed == []
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_f2_and_del_in_the_codebooks_open_menu_edit_and_delete_the_tag(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tags = window.tags
    tags.select_tag(window.session.ordered_tags()[0].id)
    chosen: list[str] = []
    monkeypatch.setattr(tags, "edit_tag", lambda: chosen.append("edit"))
    monkeypatch.setattr(tags, "delete_tag", lambda: chosen.append("delete"))

    qtbot.keyClick(open_menu(qtbot, tags.view), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: chosen == ["edit"])
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    qtbot.keyClick(open_menu(qtbot, tags.view), Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: chosen == ["edit", "delete"])
