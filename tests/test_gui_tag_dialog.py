"""The tag dialog refuses a name already used at the chosen level, and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog


def drive_next_tag_dialog(act: Callable[[TagDialog], None]) -> list[TagDialog]:
    """Let ``act`` drive the next tag dialog once it is open; it is closed if left open."""
    seen: list[TagDialog] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, TagDialog), dialog
            seen.append(dialog)
            act(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never leave a test hanging in a modal loop

    QTimer.singleShot(0, run)
    return seen


def tag_names(window: MainWindow) -> list[str]:
    return [window.session.codebook().path(t.id) for t in window.session.ordered_tags()]


def test_a_duplicate_name_is_refused_inside_the_dialog_which_stays_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    economy = window.session.codebook().find("Economy")[0].id
    before = tag_names(window)
    states: list[tuple[bool, str, str, str]] = []

    def fill(dialog: TagDialog) -> None:
        qtbot.keyClicks(dialog.name, "security")
        qtbot.keyClicks(dialog.description, "Threats and alliances")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        states.append((dialog.isVisible(), dialog.problem.text(), dialog.name.text(),
                       dialog.description.toPlainText()))  # fmt: skip
        assert dialog.problem.isVisible()
        dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(economy))
        assert not dialog.problem.isVisible()
        qtbot.keyClicks(dialog.name, "Trade")  # the whole name was selected: typed over
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        states.append((dialog.isVisible(), dialog.problem.text(), dialog.name.text(), ""))
        dialog.name.setText("Sanctions")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = drive_next_tag_dialog(fill)
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen, "Ctrl+Shift+T opens the New tag dialog"
    assert states == [
        (True, "A tag called “Security” already exists at the top level. Choose another name, "
         "or another parent.", "security", "Threats and alliances"),
        (True, "A tag called “Trade” already exists under “Economy”. Choose another name, "
         "or another parent.", "Trade", ""),
    ]  # fmt: skip
    assert tag_names(window) == [*before[:2], "Economy/Sanctions", *before[2:]]
    assert window.session.codebook()[window.tags.selected_tag() or 0].description == (
        "Threats and alliances"
    )


def test_the_dialog_is_as_tall_again_once_its_reason_is_gone(
    qtbot: QtBot, window: MainWindow
) -> None:
    heights: list[tuple[int, int, int]] = []

    def refuse_then_retype(dialog: TagDialog) -> None:
        before = dialog.height()
        qtbot.keyClicks(dialog.name, "economy")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # refused: the reason shown
        assert dialog.problem.isVisible()
        shown = dialog.height()
        qtbot.keyClicks(dialog.name, "Zed")  # the name typed over: the reason goes
        assert not dialog.problem.isVisible()
        heights.append((before, shown, dialog.height()))

    seen = drive_next_tag_dialog(refuse_then_retype)
    window.actions_.new_tag.trigger()
    assert seen and heights
    before, shown, after = heights[0]
    assert shown > before  # room made for the reason
    assert after == before  # its room given back, not spread between the rows
