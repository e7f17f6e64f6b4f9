"""Pasting a web page's selection into a note or memo keeps its links, as Markdown: the
clipboard's HTML is read (never shown, run or loaded); a plain-text paste is unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind

CONTROL = Qt.KeyboardModifier.ControlModifier

BROWSER_HTML = (
    '<meta charset="utf-8"><p>According to <a href="https://www.reuters.com/world/talks/">'
    'Reuters</a> and the <a href="https://www.mofa.go.jp/press/release.html">Japanese '
    "foreign ministry</a>, talks <b>resume</b>.</p>"
)
BROWSER_TEXT = "According to Reuters and the Japanese foreign ministry, talks resume."
PASTED = (
    "According to [Reuters](https://www.reuters.com/world/talks/) and the "
    "[Japanese foreign ministry](https://www.mofa.go.jp/press/release.html), "
    "talks **resume**."
)


@pytest.fixture(autouse=True)
def clipboard_emptied() -> Iterator[None]:
    """A QMimeData made in Python and left on the clipboard is deleted by Qt after Python
    has gone, at the program's end, which crashes it: the clipboard is emptied after each
    test, while Python is there."""
    yield
    QGuiApplication.clipboard().clear()


def _paste(qtbot: QtBot, field: QPlainTextEdit, *, html: str | None, text: str) -> None:
    data = QMimeData()
    if html is not None:
        data.setHtml(html)
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)
    qtbot.keyClick(field, Qt.Key.Key_V, CONTROL)


def _note_field(qtbot: QtBot, window: MainWindow) -> tuple[QPlainTextEdit, int]:
    pane = keyboard_in(qtbot, window, 1)
    note = window.editor.note
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # the second passage: it has no note
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    assert note.toPlainText() == ""
    return note, window.coding.selected


def test_a_browser_selection_pasted_into_a_note_keeps_its_links(
    qtbot: QtBot, window: MainWindow
) -> None:
    note, passage = _note_field(qtbot, window)
    _paste(qtbot, note, html=BROWSER_HTML, text=BROWSER_TEXT)
    assert note.toPlainText() == PASTED
    qtbot.keyClick(note, Qt.Key.Key_Escape)  # saved
    assert window.session.passage(passage).note == PASTED


def test_a_browser_selection_pasted_into_a_memo_keeps_its_links(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    memo = window.memos.article_memo
    qtbot.keyClick(pane.view, Qt.Key.Key_M, CONTROL | Qt.KeyboardModifier.ShiftModifier)
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    qtbot.keyClicks(memo, "Seen: ")
    _paste(qtbot, memo, html=BROWSER_HTML, text=BROWSER_TEXT)
    assert memo.toPlainText() == "Seen: " + PASTED
    qtbot.keyClick(memo, Qt.Key.Key_Escape)
    found = window.session.project.memos.get(kind=MemoKind.ARTICLE, target_id=pane.article_id)
    assert found is not None and found.text == "Seen: " + PASTED


def test_a_pasted_page_gives_its_words_and_safe_links_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    note, _ = _note_field(qtbot, window)
    html = (
        "<html><head><title>Page</title><style>p{}</style></head><body>"
        "<script>alert('run')</script><h2>Sources</h2><ul>"
        '<li><a href="javascript:alert(1)">one</a></li>'
        '<li><a href="https://en.wikipedia.org/wiki/Mercury_(planet)">two</a></li>'
        '<li><i>three</i> <img src="https://tracker.example/pixel.png" alt="chart"></li>'
        "</ul></body></html>"
    )
    _paste(qtbot, note, html=html, text="Sources one two three")
    assert note.toPlainText() == (
        "## Sources\n\n- one\n- [two](<https://en.wikipedia.org/wiki/Mercury_(planet)>)\n"
        "- *three* chart"
    )


def test_a_plain_text_paste_is_pasted_as_it_is(qtbot: QtBot, window: MainWindow) -> None:
    note, _ = _note_field(qtbot, window)
    text = "Plain <b>words</b> and https://example.org/a_b *kept*\n\n  indented"
    _paste(qtbot, note, html=None, text=text)
    assert note.toPlainText() == text


def test_markdown_copied_from_a_note_is_pasted_as_written(qtbot: QtBot, window: MainWindow) -> None:
    note, _ = _note_field(qtbot, window)
    written = "**bold** [x](https://example.org/a_b)\n# heading\n- item *"
    note.setPlainText(written)
    note.selectAll()
    qtbot.keyClick(note, Qt.Key.Key_C, CONTROL)  # Qt gives the copy as HTML as well
    assert QGuiApplication.clipboard().mimeData().hasHtml()
    qtbot.keyClick(note, Qt.Key.Key_End, CONTROL)
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.keyClick(note, Qt.Key.Key_V, CONTROL)
    assert note.toPlainText() == f"{written}\n{written}"


def test_markdown_copied_from_a_code_editor_is_pasted_as_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    note, _ = _note_field(qtbot, window)
    text = "**bold** and [x](https://example.org)\n# heading"
    html = (
        '<div style="white-space: pre;"><div><span style="color: #569cd6;">**bold**</span>'
        "<span> and [x](https://example.org)</span></div><div><span># heading</span></div>"
        "</div>"
    )  # coloured lines, as a code editor copies them
    _paste(qtbot, note, html=html, text=text)
    assert note.toPlainText() == text
