"""Undo and redo say what they did in the status bar, in place of the step's own message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import SetMemo
from diptych.gui.commands import SessionCommand, UndoStep, perform
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_commands import SetPassageNote
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def test_undoing_a_deletion_does_not_leave_passage_deleted_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = window.session.project.annotations.query()[0]
    window.area.set_current(window.area.pane_for(passage.article_id))
    window.coding.select_passage(passage.id, scroll=True)  # outlined in the current pane
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


def test_undo_and_redo_of_a_deletion_name_the_passage_as_the_edit_menu_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Del on "symbolic restart": the passage brought back may be out of sight, so the
    step names it, as a note's or a tag's step does."""
    window.activateWindow()  # window shortcuts (F8) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    assert window.session.passage(window.coding.selected).exact == "symbolic restart"
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    status = window.statusBar()
    assert status.currentMessage() == "Passage deleted — Ctrl+Z to undo"
    assert window.actions_.undo.text() == "&Undo Delete passage “symbolic restart”"

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage() == "Undone: Delete passage “symbolic restart”"
    assert window.actions_.redo.text() == "&Redo Delete passage “symbolic restart”"
    window.actions_.redo.trigger()
    assert status.currentMessage() == "Redone: Delete passage “symbolic restart”"


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


def test_an_undo_refused_because_another_window_changed_the_note_is_not_said_done(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The note was rewritten in another window after this one's edit: undo keeps that
    text and says why in a dialog (starting with a capital); the status bar does not claim
    "Undone: Edit note"."""
    passage = window.session.project.annotations.query()[0]
    assert perform(window.session, SetPassageNote(window.session, passage.id, "Mine."))
    with Project.open(window.session.project.path) as other:
        other.annotations.set_note(annotation_id=passage.id, note="Theirs.")
    status = window.statusBar()
    status.showMessage("Before the undo")

    window.actions_.undo.trigger()

    assert window.session.passage(passage.id).note == "Theirs."
    qtbot.waitUntil(lambda: open_box(window) is not None)
    box = open_box(window)
    assert box is not None and box.windowTitle() == "Undo/redo failed"
    assert box.text().startswith("The passage's note was changed since")
    assert not status.currentMessage().startswith("Undone")
    box.close()


def open_box(window: MainWindow) -> QMessageBox | None:
    """The message box shown over ``window``, if any."""
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    return boxes[0] if boxes else None


def test_a_step_whose_parts_all_refuse_says_so_in_one_box(qtbot: QtBot, window: MainWindow) -> None:
    """A step of several changes (a note and the project's memo) both rewritten in another
    window: each part keeps the other window's text, and one box gives every reason, not a
    box per part."""
    session = window.session
    passage = session.project.annotations.query()[0]
    with UndoStep(session, "Note and memo") as step:
        assert step.perform(SetPassageNote(session, passage.id, "Mine."))
        assert step.perform(SetMemo(session, MemoKind.PROJECT, None, "My memo."))
    with Project.open(session.project.path) as other:
        other.annotations.set_note(annotation_id=passage.id, note="Theirs.")
        other.memos.set(kind=MemoKind.PROJECT, text="Their memo.")

    window.actions_.undo.trigger()

    assert session.passage(passage.id).note == "Theirs."
    assert session.memo_text(MemoKind.PROJECT, None) == "Their memo."
    qtbot.waitUntil(lambda: open_box(window) is not None)
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    paragraphs = sorted(boxes[0].text().split("\n\n"))  # undone last part first
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The passage's note was changed since")
    assert paragraphs[1].startswith("The project memo was changed since")
    assert not window.statusBar().currentMessage().startswith("Undone")
