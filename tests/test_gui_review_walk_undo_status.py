"""Undo and redo say what they did in the status bar, in place of the step's own message."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.commands import SessionCommand, perform
from diptych.gui.main_window import MainWindow


def test_undoing_a_deletion_does_not_leave_passage_deleted_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    window.actions_.delete_passage.trigger()
    status = window.statusBar()
    assert "deleted" in status.currentMessage()
    window.actions_.undo.trigger()
    assert window.session.passage(passage.id).id == passage.id  # back
    assert "deleted" not in status.currentMessage()
    assert status.currentMessage().startswith("Undone")
    assert "Delete passage" in status.currentMessage()
    window.actions_.redo.trigger()
    assert status.currentMessage().startswith("Redone")


class Reporting(SessionCommand):
    """A step that reports on its undo, as one does when part of it cannot be put back."""

    def _do(self) -> None:
        pass

    def _undo(self) -> None:
        self.session.messages.info("Part of the step could not be put back.")

    def _redo(self) -> None:
        pass


def test_a_message_the_step_gives_on_undo_stays(qtbot: QtBot, window: MainWindow) -> None:
    assert perform(window.session, Reporting(window.session, "Reporting step"))
    window.actions_.undo.trigger()
    assert window.statusBar().currentMessage() == "Part of the step could not be put back."
