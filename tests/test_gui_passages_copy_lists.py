"""Ctrl+C in the Passages list quotes a passage over list items with their bullets and
numbers, as Ctrl+C on the same words in the article does (and the exports do): a brief
pasted from the list lost the numbering of a quoted list. A passage within one item is
quoted as its words, as the exports quote it."""

from __future__ import annotations

from pathlib import Path

from gui_support import keyboard_in, open_window, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT_CONTROL = CONTROL | Qt.KeyboardModifier.ShiftModifier
MARKDOWN = """# Ports

The ports that stayed open:

- Pivdennyi, the deepest, with 18 m draught
- Chornomorsk, the container hub
    1. Quay one
    2. Quay two

What happens next:

3. numbered three
4. numbered four
"""
QUOTES = [
    "Pivdennyi, the deepest, with 18 m draught\nChornomorsk, the container hub\nQuay one",
    "numbered three\nnumbered four",
    "ports that stayed open:\nPivdennyi",
    "the deepest",
    "Chornomorsk, the container hub",
]


def coded_window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    """A window on an article with a passage on each of QUOTES."""
    with Project.create(tmp_path / "lists.diptych") as project:
        article = project.articles.add(parsed=parse_article(MARKDOWN.encode(), name="p.md"))
        text = project.articles.get(article_id=article.id).text
        for quote in QUOTES:
            start = text.index(quote)
            project.annotations.add(article_id=article.id, start=start, end=start + len(quote))
    return open_window(qtbot, context, Project.open(tmp_path / "lists.diptych"))


def copied_in_article(qtbot: QtBot, window: MainWindow, quote: str) -> str:
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, quote)
    qtbot.keyClick(pane.view, Qt.Key.Key_C, CONTROL)
    return QApplication.clipboard().text()


def copied_in_passages(qtbot: QtBot, window: MainWindow, quote: str) -> str:
    """The quote that Ctrl+C in the Passages list copies for the passage on ``quote``."""
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_P, SHIFT_CONTROL)
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    wanted = next(p.id for p in window.session.project.annotations.query() if p.exact == quote)
    qtbot.keyClick(table, Qt.Key.Key_Home, CONTROL)
    for _ in range(table.model().rowCount()):
        if window.passages.current_passage() == wanted:
            break
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.passages.current_passage() == wanted
    qtbot.keyClick(table, Qt.Key.Key_C, CONTROL)
    copied = QApplication.clipboard().text()
    assert copied.startswith("“") and "”\n— " in copied
    return copied[1 : copied.index("”\n— ")]


def test_a_quoted_list_keeps_its_bullets_and_numbers_as_the_article_copies_them(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = coded_window(qtbot, context, tmp_path)
    assert copied_in_passages(qtbot, window, QUOTES[0]) == (
        "• Pivdennyi, the deepest, with 18 m draught\n"
        "• Chornomorsk, the container hub\n"
        "    1. Quay one"
    )
    assert copied_in_passages(qtbot, window, QUOTES[1]) == ("3. numbered three\n4. numbered four")
    for quote in QUOTES[:4]:
        assert copied_in_passages(qtbot, window, quote) == copied_in_article(qtbot, window, quote)
    assert copied_in_passages(qtbot, window, QUOTES[4]) == QUOTES[4]  # one item: no list


def test_several_passages_copied_keep_their_lists(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = coded_window(qtbot, context, tmp_path)
    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_P, SHIFT_CONTROL)
    table = window.passages.table
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_A, CONTROL)
    qtbot.keyClick(table, Qt.Key.Key_C, CONTROL)
    copied = QApplication.clipboard().text()
    assert "“3. numbered three\n4. numbered four”" in copied
    assert "“the deepest”" in copied  # part of an item: its words alone
    assert "“ports that stayed open:\n• Pivdennyi”" in copied
