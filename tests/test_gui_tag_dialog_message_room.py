"""A name the tag dialog refuses is told in full: the dialog grows to show every line of
the reason, where its first and last lines were cut off and the description squeezed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from test_gui_tag_dialog_key import drive_next_dialog, tag_id

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog


def test_the_whole_reason_is_shown_and_the_description_keeps_its_room(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: dict[str, object] = {}

    def refuse(dialog: TagDialog) -> None:
        seen["description before"] = dialog.description.height()
        dialog.name.setText("Other / misc")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        label = dialog.problem
        seen["shown"] = dialog.isVisible() and label.isVisible()
        seen["text"] = label.text()
        seen["height"] = label.height()
        seen["needed"] = label.heightForWidth(label.width())
        seen["inside"] = dialog.rect().contains(label.geometry())
        seen["description after"] = dialog.description.height()

    window.tags.select_tag(tag_id(window, "Security"))
    window.tags.view.setFocus()
    drive_next_dialog(refuse)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_F2)

    assert seen["shown"] and "cannot contain '/'" in str(seen["text"])
    needed = seen["needed"]
    assert isinstance(needed, int) and needed > 2 * window.fontMetrics().height()  # lines
    assert seen["height"] >= needed  # every line of it, none cut off
    assert seen["inside"]
    assert seen["description after"] == seen["description before"]


def test_the_note_of_a_key_taken_from_another_tag_leaves_the_description_its_room(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = TagDialog(window.session.codebook(), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.description.height()
    dialog.key_box.setFocus()
    qtbot.keyClick(dialog.key_box, Qt.Key.Key_Home)  # None, then down to key 1, taken
    qtbot.keyClick(dialog.key_box, Qt.Key.Key_Down)
    note = dialog.key_box.note
    assert note.isVisible() and "moves from" in note.text()
    assert note.height() >= note.heightForWidth(note.width())
    assert dialog.description.height() == before


def test_ok_and_cancel_stay_put_as_the_note_of_a_key_taken_comes_and_goes(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The note's room is kept from the start: OK moved down under the pointer as it
    appeared, and the click meant for OK landed in the description."""
    seen: list[tuple[object, ...]] = []

    def buttons(dialog: TagDialog) -> tuple[object, ...]:
        box = dialog.ok_button.parentWidget()
        return tuple(b.mapToGlobal(b.rect().topLeft()) for b in box.findChildren(QPushButton))

    def choose(dialog: TagDialog) -> None:
        qtbot.waitExposed(dialog)
        seen.append((*buttons(dialog), dialog.geometry()))
        box = dialog.key_box
        box.setFocus()
        for key in (Qt.Key.Key_Home, Qt.Key.Key_Down):  # None, then key 1: Economy's
            qtbot.keyClick(box, key)
            QApplication.processEvents()
            seen.append((*buttons(dialog), dialog.geometry()))
        note = box.note
        assert note.isVisible() and note.text() == "Key 1 moves from “Economy” to this tag."
        assert note.height() >= QLabel.heightForWidth(note, note.width())  # whole, as laid out
        box.setCurrentIndex(box.findData(6))  # Culture & society's: a longer name
        QApplication.processEvents()
        seen.append((*buttons(dialog), dialog.geometry()))
        assert note.height() >= QLabel.heightForWidth(note, note.width())

    window.tags.select_tag(tag_id(window, "Evidence"))
    window.tags.view.setFocus()
    drive_next_dialog(choose)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_F2)

    assert len(seen) == 4 and len(seen[0]) == 3  # OK, Cancel, the dialog
    assert seen[1:] == [seen[0]] * 3
