"""The Passage panel's "Add tag…" and a chip's × used from the keyboard leave the keyboard
where it is seen (the focus frame drawn, as Qt draws it only after a key moved the focus)
and say what was done, as every other way of tagging does: the focus was left on the
button unframed, or moved silently from the × taken away, and nothing was said."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_chips import TagChip

KEYBOARD_SHOWN = Qt.WidgetAttribute.WA_KeyboardFocusChange


def passage_in_the_panel(qtbot: QtBot, window: MainWindow) -> int:
    """A passage tagged with the first two tags, shown in the Passage panel, the keyboard
    in its note."""
    window.context.settings.set_coder_told()
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "middle powers")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    qtbot.keyClick(pane.view, Qt.Key.Key_2)
    window.editor.edit_note()
    qtbot.waitUntil(window.editor.note.hasFocus)
    return window.coding.selected


def shift_tab_to(qtbot: QtBot, target: QWidget) -> None:
    for _ in range(20):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    raise AssertionError("Shift+Tab never reached it")


def assert_keyboard_seen_on(window: MainWindow, widget: QWidget) -> None:
    assert QApplication.focusWidget() is widget
    assert widget.isVisible()
    assert window.testAttribute(KEYBOARD_SHOWN)  # the focus frame is drawn


def test_a_tag_added_with_add_tag_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    passage = passage_in_the_panel(qtbot, window)
    third = window.session.ordered_tags()[2]
    button = window.editor.chips.add_button
    shift_tab_to(qtbot, button)
    assert window.testAttribute(KEYBOARD_SHOWN)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, third.name)
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert third.id in window.session.passage(passage).tag_ids
    assert_keyboard_seen_on(window, button)
    window.activateWindow()  # (offscreen, the palette gone is made active again meanwhile)
    qtbot.waitUntil(window.isActiveWindow)
    assert_keyboard_seen_on(window, button)
    assert window.statusBar().currentMessage() == (
        f"“{third.name}” added to passage “middle powers” — Ctrl+Z to undo"
    )


def test_a_tag_taken_off_with_a_chips_cross_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = passage_in_the_panel(qtbot, window)
    first, second = window.session.ordered_tags()[:2]
    chips = [c for c in window.editor.chips.findChildren(TagChip) if c.isVisible()]
    assert [c.tag_id for c in chips] == [first.id, second.id]
    shift_tab_to(qtbot, chips[0].remove_button)
    qtbot.keyClick(chips[0].remove_button, Qt.Key.Key_Space)
    assert window.session.passage(passage).tag_ids == (second.id,)
    (left,) = [c for c in window.editor.chips.findChildren(TagChip) if c.isVisible()]
    assert_keyboard_seen_on(window, left.remove_button)  # on the next chip's ×
    assert window.statusBar().currentMessage() == (
        f"“{first.name}” removed from passage “middle powers” — Ctrl+Z to undo"
    )

    qtbot.keyClick(left.remove_button, Qt.Key.Key_Space)  # the last: on to Add tag…
    assert window.session.passage(passage).tag_ids == ()
    assert_keyboard_seen_on(window, window.editor.chips.add_button)
