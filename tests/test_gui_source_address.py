"""An article's source address in the window: the Library's menu gives it (Source
address…, OK greyed while the field holds no web address), Edit > Undo takes it back,
Open source page opens it in the browser (greyed while there is none), and a web page
imported with its canonical address has it at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import menu_item
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page
from test_gui_library import choose, open_context_menu

from diptych.gui.main_window import MainWindow

HERALD = "https://herald.example/2026/xi-séoul"


def type_into_dialog(qtbot: QtBot, typed: list[str], seen: list[tuple[str, bool]]) -> None:
    """Once the input dialog shows, type each of ``typed`` in turn, noting whether OK is
    enabled for each, then press Enter."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
        QTimer.singleShot(10, lambda: type_into_dialog(qtbot, typed, seen))
        return
    field = dialog.findChild(QLineEdit)
    buttons = dialog.findChild(QDialogButtonBox)
    assert field is not None and buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    seen.append((field.text(), ok.isEnabled()))
    for keys in typed:
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
        field.insert(keys)  # as pasted: keyClicks types ASCII only
        seen.append((field.text(), ok.isEnabled()))
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_an_address_given_in_the_library_is_opened_and_undone(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = window.session.project.articles.summary(article_id=2).title
    menu = open_context_menu(window.library, title)
    page = menu_item(menu, "Open source page")
    assert not page.isEnabled()  # no address yet
    seen: list[tuple[str, bool]] = []
    typed = ["herald.example/x", "www.herald.example/x", HERALD]
    QTimer.singleShot(0, lambda: type_into_dialog(qtbot, typed, seen))
    choose(menu, "Source address…")

    assert seen == [
        ("", True),
        ("herald.example/x", False),
        ("www.herald.example/x", True),  # as a browser shows it: https
        (HERALD, True),
    ]
    assert window.session.project.articles.source_url(article_id=2) == HERALD
    assert window.actions_.undo.text().startswith("&Undo Set source address of “Xi")

    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    menu = open_context_menu(window.library, title)
    page = menu_item(menu, "Open source page")
    assert page.isEnabled() and page.toolTip() == HERALD
    choose(menu, "Open source page")
    assert [url.toString(QUrl.ComponentFormattingOption.FullyEncoded) for url in opened] == [
        "https://herald.example/2026/xi-s%C3%A9oul"
    ]

    window.actions_.undo.trigger()
    assert window.session.project.articles.source_url(article_id=2) == ""
    window.actions_.redo.trigger()
    assert window.session.project.articles.source_url(article_id=2) == HERALD


def test_a_field_emptied_clears_the_address(qtbot: QtBot, window: MainWindow) -> None:
    window.session.set_source_url(2, HERALD)
    title = window.session.project.articles.summary(article_id=2).title
    seen: list[tuple[str, bool]] = []
    QTimer.singleShot(0, lambda: type_into_dialog(qtbot, [""], seen))
    choose(open_context_menu(window.library, title), "Source address…")
    assert seen == [(HERALD, True), ("", True)]
    assert window.session.project.articles.source_url(article_id=2) == ""
    assert window.actions_.undo.text().startswith("&Undo Clear source address of")


def test_a_web_page_imported_has_its_canonical_address(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "talks.html"
    path.write_text(
        f'<html><head><link rel="canonical" href="{HERALD}"></head>'
        "<body><h1>Trade talks</h1><p>Body.</p></body></html>",
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    assert window.session.project.articles.source_url(article_id=pane.article_id) == HERALD
    menu = open_context_menu(window.library, "Trade talks")
    assert menu_item(menu, "Open source page").isEnabled()
    menu.close()
