"""The Passage panel's "Add tag…" and chip × act on the passage shown, whatever is selected."""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.commands import quote_start
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_chips import TagChip

QUOTE = "renewed diplomatic engagement"


def passage_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def test_add_tag_in_the_passage_panel_tags_the_passage_shown_not_the_selected_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)  # a selection left behind in the article
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the user moves to a passage in the list
    shown = window.editor.current_passage()
    assert shown is not None and window.coding.selected == shown
    assert pane.selection() is not None  # the stale selection is still there
    before = passage_ids(window)
    passage = window.session.passage(shown)
    codebook = window.session.codebook()
    new_tag = next(t for t in window.session.ordered_tags() if t.id not in passage.tag_ids)

    qtbot.mouseClick(window.editor.add_tag_button, Qt.MouseButton.LeftButton)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.hint.text().startswith("Add a tag to the passage “")
    assert passage.exact[:20] in palette.hint.text()
    assert palette.hint.textFormat() == Qt.TextFormat.PlainText  # a quote is never markup
    qtbot.keyClicks(palette.field, codebook.path(new_tag.id))
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)

    assert passage_ids(window) == before  # no passage made from the selection
    assert set(window.session.passage(shown).tag_ids) == {*passage.tag_ids, new_tag.id}
    assert window.actions_.undo.text() == (
        f"&Undo Add tag “{codebook.path(new_tag.id)}” to passage “{quote_start(passage.exact)}”"
    )
    window.actions_.undo.trigger()
    assert window.session.passage(shown).tag_ids == passage.tag_ids


def test_a_new_tag_typed_in_the_passage_panel_palette_goes_on_the_passage_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    shown = window.editor.current_passage()
    assert shown is not None
    before = passage_ids(window)

    qtbot.mouseClick(window.editor.add_tag_button, Qt.MouseButton.LeftButton)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "Economy/Tariffs")
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)  # past the matches, to "Create…"
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)

    tariffs = window.session.codebook().find("Tariffs")[0].id
    assert passage_ids(window) == before
    assert tariffs in window.session.passage(shown).tag_ids
    assert window.actions_.undo.text() == "&Undo Tag with new tag “Economy/Tariffs”"


def test_the_chip_x_removes_the_tag_as_one_undo_step_named_by_its_path(
    qtbot: QtBot, window: MainWindow
) -> None:
    codebook = window.session.codebook()
    passage = next(
        p
        for p in window.session.project.annotations.query()
        if any(codebook[t].parent_id is not None for t in p.tag_ids)
    )
    nested = next(t for t in passage.tag_ids if codebook[t].parent_id is not None)
    window.coding.select_passage(passage.id)
    chip = next(
        c for c in window.editor.chips.findChildren(TagChip) if c.isVisible() and c.tag_id == nested
    )
    steps = window.session.undo_stack.count()

    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)

    assert nested not in window.session.passage(passage.id).tag_ids
    assert window.session.undo_stack.count() == steps + 1
    assert window.actions_.undo.text() == (
        f"&Undo Remove tag “{codebook.path(nested)}” from passage “{quote_start(passage.exact)}”"
    )
    window.actions_.undo.trigger()
    assert window.session.passage(passage.id).tag_ids == passage.tag_ids


def test_the_palette_opened_by_add_tag_is_seen_whole_over_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = window.screen().availableGeometry()
    window.setGeometry(screen.adjusted(0, 0, -60, -60))  # the editor's button near an edge
    qtbot.waitUntil(lambda: window.editor.isVisible())
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.mouseClick(window.editor.add_tag_button, Qt.MouseButton.LeftButton)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    area = window.frameGeometry().intersected(screen)
    shown = palette.geometry().translated(-2, -2)  # offscreen, a window sits 2 px in its frame
    assert area.contains(shown), (area, palette.geometry())
