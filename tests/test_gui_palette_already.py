"""The tag palette opened for a passage (Add tag…) marks the tags it has already, so the
list does not offer them as if they were new to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_palette import ALREADY_MARK, KEY_ROLE, TAG_ROLE


def test_add_tag_marks_the_tags_the_passage_has_and_only_those(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    shown = window.editor.current_passage()
    assert shown is not None
    passage = window.session.passage(shown)
    codebook = window.session.codebook()

    qtbot.mouseClick(window.editor.add_tag_button, Qt.MouseButton.LeftButton)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    rows = [palette.model.item(r) for r in range(palette.model.rowCount())]
    marked = {row.data(TAG_ROLE) for row in rows if row.text().endswith(ALREADY_MARK)}
    assert marked == set(passage.tag_ids) and marked
    for row in rows:
        spoken = row.data(Qt.ItemDataRole.AccessibleTextRole)
        # Said before the tag's digit key, which ends what is read of a row that has one.
        bare = spoken.removesuffix(f", key {row.data(KEY_ROLE)}")
        assert bare.endswith(", already on it") == row.text().endswith(ALREADY_MARK)
    assert len(rows) == len(codebook)
    palette.hide()


def test_the_palette_for_selected_text_marks_nothing(qtbot: QtBot, window: MainWindow) -> None:
    from gui_support import select_text

    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, "renewed diplomatic engagement")
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    texts = [palette.model.item(r).text() for r in range(palette.model.rowCount())]
    assert texts and not any(t.endswith(ALREADY_MARK) for t in texts)
    palette.hide()
