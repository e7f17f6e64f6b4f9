"""Help > Keyboard shortcuts (F1) names the window's keys and the keys added to the
Library, the Passages filter, the panes and the article's menu; each row is checked against
what the window really does: its actions' shortcuts, its menu's items, its lists' keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gui_support import shown_texts
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.shortcuts_box import SHORTCUTS
from diptych.storage.importing import parse_article
from diptych.storage.sample import create_sample_project

SHIFT = Qt.KeyboardModifier.ShiftModifier
LISTED = QTextDocumentFragment.fromHtml(SHORTCUTS).toPlainText()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project and a third article, open in no pane."""
    path = tmp_path / "keys.diptych"
    with create_sample_project(path) as project:
        project.articles.add_many(
            parsed=[parse_article(b"# Field notes\n\nA meeting in Seoul.\n", name="notes.md")]
        )
    return path


def listed_keys() -> set[str]:
    """Every key the list names, "Ctrl+Shift+L / B / P / M" read as four keys."""
    keys: set[str] = set()
    for group in re.findall(r"[^\s,()]+(?: / [^\s,()]+)*", LISTED):
        first, *others = group.split(" / ")
        keys.add(first)
        prefix = first[: first.rfind("+") + 1] if "+" in first[:-1] else ""
        for other in others:
            keys.add(other)
            if len(other) == 1 and prefix:  # "B" after "Ctrl+Shift+L"
                keys.add(prefix + other)
    return keys


def rows() -> list[str]:
    """Each row of the list as shown, its key and its description in one line."""
    return [
        " ".join(QTextDocumentFragment.fromHtml(cell).toPlainText().split())
        for cell in re.findall(r"<tr>(.*?)</tr>", SHORTCUTS, flags=re.DOTALL)
    ]


def row(name: str) -> str:
    """The row of the list that begins with ``name``."""
    found = [line for line in rows() if line.startswith(name)]
    assert len(found) == 1, (name, found)
    return found[0]


def test_every_key_of_the_window_is_in_the_list(window: MainWindow) -> None:
    keys = listed_keys()
    actions = [a for a in vars(window.actions_).values() if isinstance(a, QAction)]
    with_keys = [a for a in actions if not a.shortcut().isEmpty()]
    assert len(with_keys) > 20
    # Some have several keys (Close pane: Ctrl+W, and Ctrl+F4 on some systems): one is enough.
    missing = [
        (a.text(), a.shortcut().toString())
        for a in with_keys
        if not any(k.toString() in keys for k in a.shortcuts())
    ]
    assert missing == []


def test_ctrl_tab_from_a_panel_is_listed_as_coming_back_to_the_current_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert "from a panel: back to the current pane" in row("Ctrl+Tab / Ctrl+Shift+Tab")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    right = window.area.panes()[1]
    right.view.setFocus()
    qtbot.waitUntil(lambda: window.area.current is right)
    window.library.view.setFocus()
    qtbot.waitUntil(window.library.view.hasFocus)
    window.actions_.next_pane.trigger()
    assert window.area.current is right and right.view.hasFocus()


def test_the_article_menu_items_the_list_names_are_the_menus_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = row("Shift+F10 in an article")
    assert "Fit passage … to the selection" in listed
    assert "Re-attach passage … to the selection" in listed
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    for _ in range(5):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = shown_texts(menu)
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    fit = re.compile(r"^Fit passage “.+” to the selection$")
    assert any(fit.match(t) for t in texts), texts


def test_the_library_keys_the_list_names_select_and_open_several(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = row("Ctrl+click, Shift+click, Shift+arrows, Ctrl+A in the")
    assert "Del removes them all" in listed and "Enter / Shift+Enter opens each beside" in listed
    library = window.library
    assert library.view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(library.selected_articles()) == 3
    for pane in list(window.area.panes()):
        window.area.close_pane(pane)
    qtbot.keyClick(library.view, Qt.Key.Key_Return, SHIFT)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()))
    assert sorted(p.article_id or 0 for p in window.area.panes()) == [1, 2, 3]


def test_the_passages_filter_keys_the_list_names_lead_to_the_matches(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = row("Down / Enter in the Passages filter")
    assert "Go to the matching passages / open the selected match" in listed
    panel = window.passages
    window.docks["passages"].show()
    window.docks["passages"].raise_()
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "symbolic")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.table.hasFocus()
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    passage = window.session.passage(window.coding.selected)
    assert passage.exact == "symbolic restart"
