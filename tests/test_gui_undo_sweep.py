"""A long run of changes made with the keys, then undone to the start and redone to the
end with Ctrl+Z and Ctrl+Shift+Z, the article open in two panes: after every step the
project file, the highlights of every pane (the marks and the colours painted), the
Passages list, the Codebook (its tags and their counts), the Passage panel and the Memos
panel agree.

The run: a passage tagged (1), a second tag added (2), its note written (F2, Esc), the
passage made longer (Shift+F10, Fit passage), a sub-tag created in the palette (Ctrl+T,
``Economy/Tariffs``), a tag the passage carries renamed and recoloured in one edit, moved,
merged and deleted (Del in the Codebook), the project memo written, the passage deleted
(Del)."""

from __future__ import annotations

import sqlite3

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_keys_fit import choose_from_the_menu
from test_gui_undo_stateful import TAG_COLUMNS, expected_marks

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_chips import TagChip
from diptych.gui.tag_values import TagValues
from diptych.storage.codebook import Codebook
from diptych.storage.model import Annotation, Tag
from diptych.storage.passage_rows import load_passages

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def read_file(window: MainWindow) -> tuple[Codebook, list[Annotation], str]:
    """The codebook, the passages and the project memo, read from the file afresh."""
    path = window.session.project.path
    conn = sqlite3.connect(path)
    try:
        tags = conn.execute(f"SELECT {TAG_COLUMNS} FROM tags ORDER BY id").fetchall()
        memo = conn.execute("SELECT text FROM memos WHERE kind = 'project'").fetchall()
    finally:
        conn.close()
    return Codebook(Tag(*row) for row in tags), load_passages(path), memo[0][0] if memo else ""


def with_sub_tags(codebook: Codebook, tag_id: int) -> set[int]:
    """The tag and every tag under it."""
    found = {tag_id}
    for child in codebook.children(tag_id):
        found |= with_sub_tags(codebook, child.id)
    return found


def check_pane(pane: ArticlePane, passages: list[Annotation], codebook: Codebook) -> None:
    """The pane's marks are the file's, and each is painted with its tags' fill (stripes of
    each colour where they are several)."""
    assert pane.view.index is not None and pane.loader.current is not None
    mine = [p for p in passages if p.article_id == pane.article_id]
    wanted = sorted(expected_marks(mine, codebook), key=lambda m: m.annotation_id)
    assert sorted(pane.view.index.marks(), key=lambda m: m.annotation_id) == wanted
    theme = pane.loader.current.highlighter.theme
    document = pane.view.document()
    for mark in wanted:
        rendered = pane.view.positions.to_rendered(mark.start)
        block = document.findBlock(rendered)
        at = rendered - block.position()
        painted = [
            f.format.background()
            for f in block.layout().formats()
            if f.start <= at < f.start + f.length
        ]
        wanted_fill = theme.brush(tuple(pane.view.index.at(mark.start)))
        assert any(same_fill(wanted_fill, brush) for brush in painted), mark


def same_fill(one: QBrush, other: QBrush) -> bool:
    """True if the two brushes paint alike: one colour, or the same stripes (brushes of
    stripes made again for the same colours are equal only in what they paint)."""
    texture = Qt.BrushStyle.TexturePattern
    if one.style() == texture and other.style() == texture:
        return one.texture().toImage() == other.texture().toImage()
    return one == other


def check_window(qtbot: QtBot, window: MainWindow) -> None:
    """Every view of the window agrees with the file."""
    codebook, passages, memo = read_file(window)
    for pane in window.area.panes():
        if pane.article_id is not None:
            check_pane(pane, passages, codebook)
    listed = window.passages.model
    qtbot.waitUntil(lambda: not listed.reading)
    rows = [listed.passage(row) for row in range(listed.rowCount())]
    assert {p.id: (p.tag_ids, p.note) for p in rows} == {
        p.id: (p.tag_ids, p.note) for p in passages if not p.is_orphan
    }
    tree = window.tags.model
    qtbot.waitUntil(lambda: not tree.counting and not tree._usage_counter._usage_timer.isActive())
    assert tree.codebook.ordered() == codebook.ordered()
    counts = {
        tag.id: sum(1 for p in passages if with_sub_tags(codebook, tag.id) & set(p.tag_ids))
        for tag in codebook.ordered()
    }
    assert {tag_id: tree.count(tag_id) for tag_id in counts} == counts
    editor, shown = window.editor, window.editor.current_passage()
    if shown is not None:
        (passage,) = [p for p in passages if p.id == shown]  # never a deleted one
        chips = [c.tag_id for c in editor.chips.findChildren(TagChip) if not c.isHidden()]
        assert sorted(chips) == sorted(passage.tag_ids)
        assert editor.note.toPlainText() == passage.note
        assert editor.quote.full_text() == passage.exact
    assert window.memos.project_memo.toPlainText() == memo


@pytest.fixture
def twice(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The sample's window, its second article open in a third pane too."""
    window.area.open_article(2, new_pane=True)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=10_000)
    assert [p.article_id for p in window.area.panes()] == [1, 2, 2]
    window.tags.confirm = lambda *_args: True  # type: ignore[method-assign]  # Del: yes
    return window


def test_a_long_run_of_keyboard_changes_undone_and_redone_keeps_every_view_right(
    qtbot: QtBot, twice: MainWindow
) -> None:
    window, stack = twice, twice.session.undo_stack
    check_window(qtbot, window)
    pane = keyboard_in(qtbot, window, 1)
    places = [stack.index()]

    def changed() -> None:
        assert stack.index() == places[-1] + 1, stack.undoText()
        places.append(stack.index())
        check_window(qtbot, window)

    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    changed()
    passage = pane.selected_passage
    assert passage and pane.view.hasFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_2)  # on the passage outlined
    changed()
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.editor.note.hasFocus)
    qtbot.keyClicks(window.editor.note, "Why *now*?")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    changed()
    select_text(pane, QUOTE + " after")
    choose_from_the_menu(qtbot, pane, "Fit passage “")
    changed()
    pane = keyboard_in(qtbot, window, 1)  # (the menu took the window's activation offscreen)
    assert pane.selected_passage == passage
    qtbot.keyClick(pane.view, Qt.Key.Key_T, CONTROL)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "Economy/Tariffs")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    changed()
    book = window.session.codebook()
    economy = next(t for t in book.ordered() if t.name == "Economy")
    trade = next(t for t in book.ordered() if t.name == "Trade")
    tariffs = next(t for t in book.ordered() if t.name == "Tariffs")
    assert set(window.session.passage(passage).tag_ids) == {economy.id, trade.id, tariffs.id}
    values = TagValues("Economics", "#5B8DEF", economy.parent_id, economy.description)
    window.tags.update_tag(economy.id, values, name=economy.name)  # the dialog's OK
    changed()
    moved = TagValues(trade.name, trade.color, None, trade.description)
    window.tags.update_tag(trade.id, moved, name=trade.name)
    changed()
    window.tags.merge_into(tariffs.id, trade.id)
    changed()
    window.tags.select_tag(economy.id)
    window.tags.view.setFocus()
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)
    changed()
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_M, CONTROL | SHIFT)
    memo = window.memos.project_memo
    memo.setFocus()
    qtbot.waitUntil(memo.hasFocus)
    qtbot.keyClicks(memo, "Where the two visits differ.")
    qtbot.keyClick(memo, Qt.Key.Key_Escape)
    changed()
    pane = keyboard_in(qtbot, window, 1)
    assert pane.selected_passage == passage
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    changed()
    assert passage not in {p.id for p in window.session.project.annotations.query()}

    while stack.canUndo():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL)
        assert stack.index() == places[-1] - 1
        places.pop()
        check_window(qtbot, window)
    assert passage not in {p.id for p in window.session.project.annotations.query()}
    while stack.canRedo():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL | SHIFT)
        check_window(qtbot, window)
    assert stack.index() == 11
