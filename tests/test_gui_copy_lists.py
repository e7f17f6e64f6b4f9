"""Text copied from an article keeps its lists' bullets and numbers, as the pane draws them
and the exports quote them, and a selection taken from the start of a list item does not
begin with an empty line: Qt's own plain text dropped the markers (a numbered list pasted
into a text editor had no numbers, an ``<ol start="3">`` lost its 3 and 4)."""

from __future__ import annotations

from pathlib import Path

from gui_support import keyboard_in, open_window, point_of, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

MARKDOWN = """# Tariffs

Before the list.

- First bullet: exporters lose 10%
- Second bullet: importers pay more
    1. nested one
    2. nested two

After the list.
"""
HTML = """<html><body><h1>Points</h1><p>Intro.</p>
<ol start="3"><li>Third point</li><li>Fourth point</li></ol><p>End.</p></body></html>"""


def copied(
    qtbot: QtBot, context: AppContext, tmp_path: Path, name: str, text: str, quote: str
) -> str:
    with Project.create(tmp_path / "lists.diptych") as project:
        project.articles.add(parsed=parse_article(text.encode(), name=name))
    window = open_window(qtbot, context, Project.open(tmp_path / "lists.diptych"))
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, quote)
    qtbot.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QApplication.clipboard().text()


def test_a_list_copied_keeps_its_bullets_and_numbers(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    quote = "First bullet: exporters lose 10%\nSecond bullet: importers pay more\nnested one\n"
    quote += "nested two"
    assert copied(qtbot, context, tmp_path, "a.md", MARKDOWN, quote) == (
        "• First bullet: exporters lose 10%\n"
        "• Second bullet: importers pay more\n"
        "    1. nested one\n"
        "    2. nested two"
    )


def test_an_ordered_list_copied_keeps_the_numbers_it_starts_from(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    text = copied(qtbot, context, tmp_path, "p.html", HTML, "Third point\nFourth point")
    assert text == "3. Third point\n4. Fourth point"


def test_part_of_an_item_is_copied_as_it_is(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    assert copied(qtbot, context, tmp_path, "a.md", MARKDOWN, "exporters lose") == "exporters lose"
    (tmp_path / "b").mkdir()
    assert copied(qtbot, context, tmp_path / "b", "a.md", MARKDOWN, "Before the list.") == (
        "Before the list."
    )


def test_a_selection_ending_where_the_next_item_starts_copies_no_marker_of_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    quote = "First bullet: exporters lose 10%\n"
    assert copied(qtbot, context, tmp_path, "a.md", MARKDOWN, quote) == (
        "• First bullet: exporters lose 10%\n"
    )
    (tmp_path / "b").mkdir()
    assert copied(qtbot, context, tmp_path / "b", "p.html", HTML, "Third point\n") == (
        "3. Third point\n"
    )


def test_a_triple_clicked_item_is_copied_with_its_own_marker_only(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "lists.diptych") as project:
        project.articles.add(parsed=parse_article(MARKDOWN.encode(), name="a.md"))
    window = open_window(qtbot, context, Project.open(tmp_path / "lists.diptych"))
    pane = keyboard_in(qtbot, window, 0)
    start, _ = select_text(pane, "nested one")
    point = point_of(pane, start + 3)
    viewport = pane.view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert pane.view.textCursor().selectedText().startswith("nested one")
    qtbot.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().rstrip("\n") == "    1. nested one"
