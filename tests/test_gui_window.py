"""The window as a user drives it: two articles side by side, tag, note, undo, restart."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from gui_support import blended, close_to, open_window, painted_colors, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from diptych.gui.commands import quote_start
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

QUOTE_001 = "renewed diplomatic engagement"


def passages_with(project_path: Path, quote: str) -> list[tuple[str, tuple[str, ...], str]]:
    with Project.open(project_path, read_only=True) as project:
        codebook = project.tags.codebook()
        return [
            (p.exact, tuple(codebook[t].name for t in p.tag_ids), p.note)
            for p in project.annotations.query()
            if p.exact == quote
        ]


def test_first_start_shows_both_sample_articles_side_by_side(window: MainWindow) -> None:
    panes = window.area.panes()
    assert len(panes) == 2
    titles = [p.header._full_title for p in panes]
    assert titles[0].startswith("The Shifting Landscape") and titles[1].startswith(
        "Xi’s South Korea"
    )
    assert panes[0].x() < panes[1].x() and panes[0].width() > 200 and panes[1].width() > 200
    assert window.library.model.rowCount() == 2
    assert window.tags.model.rowCount() == 5  # top-level tags of the sample codebook


def test_tag_with_palette_then_key_then_note_then_undo_redo(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    start, end = select_text(pane, QUOTE_001)

    # Ctrl+T opens the palette; typing filters; Enter applies the best match.
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "diplo")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not palette.isVisible())
    assert passages_with(sample, QUOTE_001) == [(QUOTE_001, ("Diplomacy",), "")]

    # Key 1 applies the first tag of the codebook to the same passage.
    select_text(pane, QUOTE_001)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert passages_with(sample, QUOTE_001) == [(QUOTE_001, ("Economy", "Diplomacy"), "")]

    # The editor shows the passage; typing a note saves it.
    editor = window.editor
    note = editor.note
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Key framing")
    qtbot.waitUntil(lambda: passages_with(sample, QUOTE_001)[0][2] == "Key framing", timeout=5000)

    stack = window.session.undo_stack
    window.actions_.undo.trigger()  # the note
    assert passages_with(sample, QUOTE_001)[0][2] == ""
    window.actions_.undo.trigger()  # key 1
    assert passages_with(sample, QUOTE_001) == [(QUOTE_001, ("Diplomacy",), "")]
    window.actions_.undo.trigger()  # the palette
    assert passages_with(sample, QUOTE_001) == []
    window.actions_.redo.trigger()
    window.actions_.redo.trigger()
    window.actions_.redo.trigger()
    assert passages_with(sample, QUOTE_001) == [
        (QUOTE_001, ("Economy", "Diplomacy"), "Key framing")
    ]
    assert stack.index() == stack.count()
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    assert text[start:end] == QUOTE_001


def test_palette_creates_a_new_tag(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    select_text(pane, "undeniable economic reality")
    window.actions_.tag_selection.trigger()
    palette = window.coding.palette
    qtbot.keyClicks(palette.field, "Brand new theme")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert passages_with(sample, "undeniable economic reality") == [
        ("undeniable economic reality", ("Brand new theme",), "")
    ]
    window.actions_.undo.trigger()  # one step removes both the passage and the new tag
    assert passages_with(sample, "undeniable economic reality") == []
    assert window.session.project.tags.find(name="Brand new theme") is None


def test_highlight_is_painted_in_the_tag_colour_after_restart(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample))
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    start, end = select_text(pane, QUOTE_001)
    article_id = pane.article_id
    qtbot.keyClick(pane.view, Qt.Key.Key_3)  # third tag in codebook order: Security
    tags = window.session.ordered_tags()
    assert tags[2].name == "Security"
    window.close()

    again = open_window(qtbot, context, Project.open(sample))
    pane = again.area.panes()[1]
    assert pane.article_id == article_id  # the layout was restored
    pane.view.verticalScrollBar().setValue(0)
    pane.go_to_offset(start)
    base = pane.view.viewport().palette().color(pane.view.viewport().backgroundRole())
    expected = blended(tags[2].color, 170, base)
    # Wait until the scrolled view shows the passage (a busy machine may take a while).
    qtbot.waitUntil(lambda: bool(painted_colors(pane, start, end)), timeout=5000)
    colors = painted_colors(pane, start, end)
    # Glyph strokes cover some sampled pixels; the background shows in most of them.
    matching = [c for c in colors if close_to(c, expected)]
    assert len(matching) >= len(colors) * 0.6, (expected.name(), [c.name() for c in colors[:8]])
    most_common = Counter(c.name() for c in colors).most_common(1)[0][0]
    assert close_to(QColor(most_common), expected)
    outside = painted_colors(pane, end + 2, end + 10)
    assert not any(close_to(c, expected) for c in outside)
    assert QColor(tags[2].color) != base


def test_undo_while_typing_a_note_takes_back_the_typing(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    window.coding.remove_tag(passage.id, passage.tag_ids[-1])  # an earlier step
    earlier = window.actions_.undo.text()
    note = window.editor.note
    note.setFocus()
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " and more")
    window.actions_.undo.trigger()  # before the typing pause saved it
    with Project.open(sample, read_only=True) as project:
        assert project.annotations.get(annotation_id=passage.id).note == passage.note
    assert note.toPlainText() == passage.note
    assert window.actions_.redo.text() == (
        f"&Redo Edit note on passage “{quote_start(passage.exact)}”"
    )
    assert window.actions_.undo.text() == earlier
    window.actions_.redo.trigger()
    with Project.open(sample, read_only=True) as project:
        assert project.annotations.get(annotation_id=passage.id).note == passage.note + " and more"


def test_keyboard_only_coding_moves_between_panes_and_selects_passages(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    left, right = window.area.panes()
    window.area.set_current(left)
    left.view.setFocus()
    window.actions_.next_pane.trigger()
    assert window.area.current is right and right.view.hasFocus()
    window.actions_.next_pane.trigger()
    assert window.area.current is left
    window.actions_.previous_pane.trigger()
    assert window.area.current is right
    # Put the text cursor inside "symbolic restart" with the keyboard, then press Enter.
    passage = next(
        p for p in window.session.project.annotations.query() if p.exact == "symbolic restart"
    )
    cursor = right.view.textCursor()
    cursor.setPosition(right.view.positions.to_rendered(passage.start + 2))
    right.view.setTextCursor(cursor)
    qtbot.keyClick(right.view, Qt.Key.Key_Return)
    assert window.editor.current_passage() == passage.id
    # Shift+Right selects text by keyboard; key 2 tags it (the second tag: Trade).
    cursor.setPosition(right.view.positions.to_rendered(0))
    right.view.setTextCursor(cursor)
    for _ in range(5):
        qtbot.keyClick(right.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(right.view, Qt.Key.Key_2)
    text = window.session.project.articles.get(article_id=right.article_id or 0).text
    tagged = [p for p in window.session.project.annotations.query() if p.start == 0]
    assert [(p.exact, p.tag_ids) for p in tagged] == [
        (text[:5], (window.session.ordered_tags()[1].id,))
    ]


def test_a_note_typed_just_before_closing_is_saved(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    note = window.editor.note
    note.setFocus()
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " LAST WORDS")
    window.close()  # before the typing pause: nothing has been saved yet
    with Project.open(sample, read_only=True) as project:
        assert project.annotations.get(annotation_id=passage.id).note.endswith(" LAST WORDS")


def test_a_refused_new_tag_leaves_no_empty_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    select_text(pane, "undeniable economic reality")
    before = (window.session.undo_stack.count(), window.actions_.undo.text())
    window.coding.apply_new_tag("Economy  ")  # only spacing differs from an existing tag
    assert (window.session.undo_stack.count(), window.actions_.undo.text()) == before
