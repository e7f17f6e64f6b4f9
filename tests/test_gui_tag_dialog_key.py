"""The tag dialog's Key: a tag's key is chosen there, a key another tag has says which and
moves from it, and the choice is one undo step.

In the sample, keys 1-7 are Economy, Trade, Security, Diplomacy, Summitry, Culture &
society and Evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def tag_id(window: MainWindow, name: str) -> int:
    return next(t.id for t in window.session.ordered_tags() if t.name == name)


def saved_keys(sample: Path) -> dict[int, str]:
    """Which tag each key applies, as the file says (another window, the next start)."""
    with Project.open(sample, read_only=True) as project:
        codebook = project.tags.codebook()
        return {key: codebook.path(tag) for key, tag in codebook.keys().items()}


def drive_next_dialog(act: Callable[[TagDialog], None]) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, TagDialog), dialog
            act(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never leave a test hanging in a modal loop

    QTimer.singleShot(0, run)


def choose_key(dialog: TagDialog, key: int | None) -> None:
    dialog.key_box.setCurrentIndex(dialog.key_box.findData(key))


SAMPLE_KEYS = {1: "Economy", 2: "Economy/Trade", 3: "Security", 4: "Diplomacy"}
SAMPLE_KEYS |= {5: "Diplomacy/Summitry", 6: "Culture & society", 7: "Evidence"}


def test_giving_security_the_key_of_diplomacy_moves_it_and_undoes_in_one_step(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    security, diplomacy = tag_id(window, "Security"), tag_id(window, "Diplomacy")
    seen: list[tuple[str, str, str]] = []

    def give_4(dialog: TagDialog) -> None:
        box = dialog.key_box
        seen.append((box.currentText(), box.itemText(box.findData(4)), ""))
        choose_key(dialog, 4)
        assert dialog.key_box.note.isVisibleTo(dialog)
        seen.append(("", "", dialog.key_box.note.text()))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    window.tags.select_tag(security)
    window.tags.view.setFocus()
    drive_next_dialog(give_4)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_F2)

    assert seen == [
        ("3", "4 (used by Diplomacy)", ""),
        ("", "", "Key 4 moves from “Diplomacy” to this tag."),
    ]
    stack = window.session.undo_stack
    assert stack.undoText() == "Give key 4 to tag “Security”"
    model = window.tags.model
    assert (model.key(security), model.key(diplomacy)) == (4, None)
    assert saved_keys(sample) == {k: t for k, t in SAMPLE_KEYS.items() if k != 3} | {4: "Security"}

    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_4)
    with Project.open(sample, read_only=True) as project:
        (passage,) = [p for p in project.annotations.query() if p.exact == QUOTE]
        assert passage.tag_ids == (security,)

    window.actions_.undo.trigger()  # the passage
    window.actions_.undo.trigger()  # the key: one step
    assert (model.key(security), model.key(diplomacy)) == (3, 4)
    assert saved_keys(sample) == SAMPLE_KEYS
    window.actions_.redo.trigger()
    assert (model.key(security), model.key(diplomacy)) == (4, None)


def test_a_new_tag_takes_the_lowest_free_key_or_the_one_chosen_in_one_step(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    offered: list[str] = []

    def make(name: str, key: int | None) -> Callable[[TagDialog], None]:
        def fill(dialog: TagDialog) -> None:
            offered.append(dialog.key_box.currentText())
            qtbot.keyClicks(dialog.name, name)
            choose_key(dialog, key)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        return fill

    stack = window.session.undo_stack
    drive_next_dialog(make("Sanctions", 2))
    window.tags.new_tag()
    assert offered == ["8"]  # the lowest free key, unless another is chosen
    assert stack.undoText() == "New tag “Sanctions”"
    assert saved_keys(sample)[2] == "Sanctions"
    assert window.tags.model.key(tag_id(window, "Trade")) is None

    drive_next_dialog(make("Tariffs", None))
    window.tags.new_tag()
    assert window.tags.model.key(tag_id(window, "Tariffs")) is None
    assert 8 not in saved_keys(sample)

    window.actions_.undo.trigger()
    window.actions_.undo.trigger()  # Sanctions and its key, in one step
    assert saved_keys(sample) == SAMPLE_KEYS
    assert window.session.project.tags.find(name="Sanctions") is None


def test_a_new_name_and_a_key_taken_away_undo_together(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    evidence = tag_id(window, "Evidence")

    def change(dialog: TagDialog) -> None:
        dialog.name.setText("Sources")
        choose_key(dialog, None)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    window.tags.select_tag(evidence)
    drive_next_dialog(change)
    window.tags.edit_tag()
    assert 7 not in saved_keys(sample)
    assert window.session.undo_stack.undoText() == "Edit tag “Evidence”"
    window.actions_.undo.trigger()
    assert saved_keys(sample) == SAMPLE_KEYS
    assert window.tags.model.key(evidence) == 7


def test_a_key_left_as_offered_leaves_one_another_window_gave_meanwhile(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    security, evidence = tag_id(window, "Security"), tag_id(window, "Evidence")

    def rename(dialog: TagDialog) -> None:
        with Project.open(sample) as other:  # another window, while the dialog is open
            other.tags.set_keys(keys={3: evidence})
        window.session.show_changes_from_elsewhere()
        dialog.name.setText("Safety")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    window.tags.select_tag(security)
    drive_next_dialog(rename)
    window.tags.edit_tag()
    assert window.session.undo_stack.undoText() == "Rename tag “Security” to “Safety”"
    assert saved_keys(sample)[3] == "Evidence"
    assert window.tags.model.key(security) is None
