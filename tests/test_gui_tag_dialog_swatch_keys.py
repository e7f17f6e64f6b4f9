"""The tag dialog's twelve colour swatches are one stop for Tab, as radio buttons are: Tab
reaches the swatch of the tag's colour and goes on to Parent, and the arrows move between
the swatches (Space picks one). A stop on each took fourteen Tabs to get from the colour
to the parent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import TagDialog

SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown_dialog(qtbot: QtBot, session: ProjectSession) -> TagDialog:
    dialog = TagDialog(session.codebook())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_tab_stops_once_at_the_chosen_colour_then_goes_to_the_parent(
    qtbot: QtBot, session: ProjectSession
) -> None:
    dialog = shown_dialog(qtbot, session)
    chosen = next(s for s in dialog.swatches if s.chosen)
    dialog.color_button.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chosen
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.parent_box
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is chosen


def test_the_arrows_move_between_the_swatches_and_space_picks_one(
    qtbot: QtBot, session: ProjectSession
) -> None:
    dialog = shown_dialog(qtbot, session)
    first = dialog.swatches[0]
    first.setFocus()
    press(qtbot, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is dialog.swatches[1]
    press(qtbot, Qt.Key.Key_Down)  # the row below
    below = dialog.swatches[7]
    assert QApplication.focusWidget() is below
    press(qtbot, Qt.Key.Key_Down)  # no row further down: stays
    assert QApplication.focusWidget() is below
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.color == QColor(below.color).name().upper()

    press(qtbot, Qt.Key.Key_Tab)  # the colour picked is now the stop
    assert QApplication.focusWidget() is dialog.parent_box
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is below


def test_enter_on_a_swatch_picks_its_colour_and_is_ok(
    qtbot: QtBot, session: ProjectSession
) -> None:
    dialog = shown_dialog(qtbot, session)
    qtbot.keyClicks(dialog.name, "Sanctions")
    chosen = next(s for s in dialog.swatches if s.chosen)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # to the tag's colour
    assert QApplication.focusWidget() is chosen
    press(qtbot, Qt.Key.Key_Right)
    other = QApplication.focusWidget()
    assert other is not chosen and other in dialog.swatches
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == TagDialog.DialogCode.Accepted
    assert dialog.values().color == QColor(other.color).name().upper()
    assert dialog.values().name == "Sanctions"


def test_enter_after_a_click_on_a_swatch_is_ok(qtbot: QtBot, session: ProjectSession) -> None:
    dialog = shown_dialog(qtbot, session)
    qtbot.keyClicks(dialog.name, "Sanctions")
    swatch = next(s for s in dialog.swatches if not s.chosen)
    qtbot.mouseClick(swatch, Qt.MouseButton.LeftButton)
    assert dialog.color == QColor(swatch.color).name().upper()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == TagDialog.DialogCode.Accepted
    assert dialog.values().color == QColor(swatch.color).name().upper()
