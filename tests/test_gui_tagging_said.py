"""A passage made with a digit key is said in the status bar, as a tag added to a passage
is (the highlight alone is silent to a listener), and so are a passage fitted to the
selection and a tag given another key in its dialog."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_keys_fit import choose_from_the_menu, first_passage

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_a_digit_key_on_selected_text_says_the_passage_tagged(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.context.settings.set_coder_told()  # the first passage's word on the coder aside
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, "middle powers")
    count = len(window.session.project.annotations.query())
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert len(window.session.project.annotations.query()) == count + 1
    assert window.statusBar().currentMessage() == (
        "Passage “middle powers” tagged “Economy” — Ctrl+Z to undo"
    )


def test_fitting_a_passage_to_the_selection_is_said(qtbot: QtBot, window: MainWindow) -> None:
    pane, before = first_passage(qtbot, window)
    for _ in range(len(before.exact) + 6):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    window.statusBar().clearMessage()
    choose_from_the_menu(qtbot, pane, "Fit passage")
    assert window.session.passage(before.id).exact != before.exact
    assert window.statusBar().currentMessage() == (
        "Passage fitted to the selection — Ctrl+Z to undo"
    )


def test_a_tag_given_another_key_in_its_dialog_is_said(qtbot: QtBot, window: MainWindow) -> None:
    culture = next(t.id for t in window.session.ordered_tags() if t.name == "Culture & society")
    chosen: list[bool] = []

    def give_9() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TagDialog):
            return
        chosen.append(True)
        dialog.key_box.setCurrentIndex(dialog.key_box.findData(9))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if dialog.isVisible():
            dialog.reject()  # never left hanging in its modal loop

    window.tags.select_tag(culture)
    window.tags.view.setFocus()
    window.statusBar().clearMessage()
    QTimer.singleShot(0, give_9)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_F2)
    assert chosen
    assert window.session.codebook().key(culture) == 9
    assert window.statusBar().currentMessage() == (
        "Key 9 tags with “Culture & society” now — Ctrl+Z to undo"
    )
