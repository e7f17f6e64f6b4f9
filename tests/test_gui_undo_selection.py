"""After undo and redo, the article, the Passage panel and the Passages list agree on which
passage is selected."""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

QUOTE = "renewed diplomatic engagement"


def selected_everywhere(window: MainWindow) -> tuple[int, int, int]:
    """The passage selected in the reading area, shown in the Passage panel, and on the
    current row of the Passages list (0: none)."""
    return (
        window.coding.selected,
        window.editor.current_passage() or 0,
        window.passages.current_passage() or 0,
    )


def tag_new_passage(qtbot: QtBot, window: MainWindow) -> int:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    passage = next(p for p in window.session.project.annotations.query() if p.exact == QUOTE)
    assert selected_everywhere(window) == (passage.id, passage.id, passage.id)
    return passage.id


def test_redoing_a_tagging_undone_selects_the_passage_again_as_it_was_when_tagged(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage_id = tag_new_passage(qtbot, window)
    window.actions_.undo.trigger()
    assert selected_everywhere(window) == (0, 0, 0)
    window.actions_.redo.trigger()
    assert selected_everywhere(window) == (passage_id, passage_id, passage_id)


def test_undoing_a_deletion_selects_the_passage_again_as_it_was_when_deleted(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage_id = tag_new_passage(qtbot, window)
    pane = window.area.current
    assert pane is not None
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage_id not in {p.id for p in window.session.project.annotations.query()}
    assert selected_everywhere(window) == (0, 0, 0)
    window.actions_.undo.trigger()
    assert passage_id in {p.id for p in window.session.project.annotations.query()}
    assert selected_everywhere(window) == (passage_id, passage_id, passage_id)
    assert pane.selected_passage == passage_id
    window.actions_.redo.trigger()  # deleted again: nothing selected
    assert selected_everywhere(window) == (0, 0, 0)


def test_delete_in_the_article_says_the_passage_is_deleted_and_how_to_undo(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage_id = tag_new_passage(qtbot, window)
    pane = window.area.current
    assert pane is not None
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert passage_id not in {p.id for p in window.session.project.annotations.query()}
    assert window.statusBar().currentMessage() == "Passage deleted — Ctrl+Z to undo"
