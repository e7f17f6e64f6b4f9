"""Links in a note's preview open in the browser or mail program; nothing else opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.note_html import NoteBrowser

NOTE = "See [the treaty](https://example.org/treaty) or [write](mailto:desk@example.org)."


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses handed to the desktop to open (none is really opened)."""
    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True
    )
    return urls


def point_of_text(browser: NoteBrowser, text: str) -> QPoint:
    found = browser.document().find(text)
    assert not found.isNull(), text
    middle = QTextCursor(browser.document())
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    return browser.cursorRect(middle).center()


def href_before(browser: NoteBrowser, position: int) -> str:
    """The link address of the character before ``position`` ("" for none)."""
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    return cursor.charFormat().anchorHref()


def preview_with_note(qtbot: QtBot, window: MainWindow, note: str = NOTE) -> NoteBrowser:
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    editor = window.editor
    editor.note.setFocus()
    editor.note.selectAll()
    qtbot.keyClicks(editor.note, note)
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.preview.isVisible()
    return editor.preview


def test_clicking_a_web_or_mail_link_in_the_preview_opens_it(
    qtbot: QtBot, window: MainWindow, opened: list[str]
) -> None:
    preview = preview_with_note(qtbot, window)
    qtbot.mouseClick(
        preview.viewport(), Qt.MouseButton.LeftButton, pos=point_of_text(preview, "treaty")
    )
    assert opened == ["https://example.org/treaty"]
    qtbot.mouseClick(
        preview.viewport(), Qt.MouseButton.LeftButton, pos=point_of_text(preview, "write")
    )
    assert opened == ["https://example.org/treaty", "mailto:desk@example.org"]
    assert "See" in preview.toPlainText()  # the browser did not follow the link itself


def test_other_links_open_nothing(qtbot: QtBot, window: MainWindow, opened: list[str]) -> None:
    preview = preview_with_note(qtbot, window)
    for url in ("file:///etc/passwd", "javascript:alert(1)", "diptych:passage/1"):
        preview.anchorClicked.emit(QUrl(url))
    assert opened == []


def test_a_bare_address_in_a_note_is_a_link_that_opens_like_the_others(
    qtbot: QtBot, window: MainWindow, opened: list[str]
) -> None:
    preview = preview_with_note(
        qtbot, window, "See www.who.int. Or https://example.org/report, or desk@example.org."
    )
    for words, address in [
        ("who.int", "http://www.who.int"),
        ("example.org/report", "https://example.org/report"),
        ("desk@example", "mailto:desk@example.org"),
    ]:
        point = point_of_text(preview, words)
        assert preview.anchorAt(point) == address  # shown as a link
        qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == ["http://www.who.int", "https://example.org/report", "mailto:desk@example.org"]
    # the full stop after the address is not part of the link
    found = preview.document().find("www.who.int.")
    assert [href_before(preview, found.selectionEnd() - n) for n in (1, 0)] == [
        "http://www.who.int",
        "",
    ]
    assert "See www.who.int. Or" in preview.toPlainText()  # the browser followed no link


def test_a_link_no_browser_opens_is_copied_and_the_status_bar_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    preview = preview_with_note(qtbot, window)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(
        preview.viewport(), Qt.MouseButton.LeftButton, pos=point_of_text(preview, "treaty")
    )
    message = window.statusBar().currentMessage()
    assert "https://example.org/treaty could not be opened" in message
    assert "copied" in message
    assert QGuiApplication.clipboard().text() == "https://example.org/treaty"
