"""Ctrl+Z and Ctrl+Shift+Z in a message box: a box holds the keyboard, and the window's
shortcuts do nothing while it is open, so the box takes the window's Undo and Redo itself
(and is put away by them). A box that says what Ctrl+Z undoes ("Ctrl+Z undoes the update")
says it of the step made last when it opened; a step made in the background while it is
open (an import ending) comes before that one, and the box then says so."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMessageBox


def give_undo_keys(box: QMessageBox, stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Let ``box`` take ``undo`` and ``redo`` (the window's, on ``stack``), and close it
    when either is used."""
    for action in (undo, redo):
        box.addAction(action)
        action.triggered.connect(box.close)
    if "Ctrl+Z" in box.text():  # a box that says what the key undoes
        StepsSince(box, stack)


class StepsSince(QObject):
    """Keeps what ``box`` says of Ctrl+Z true: each step made on ``stack`` while the box is
    open is named after its text, as undone by Ctrl+Z first. Owned by the box, it goes
    with it."""

    def __init__(self, box: QMessageBox, stack: QUndoStack) -> None:
        super().__init__(box)
        self.box, self.stack = box, stack
        self.text, self.index = box.text(), stack.index()
        stack.indexChanged.connect(self.on_index_changed)

    def on_index_changed(self, index: int) -> None:
        """A step was made (or undone, by the box's own keys, which close it)."""
        made = index - self.index
        self.box.setText(f"{self.text}\n\n{self._since(made)}" if made > 0 else self.text)

    def _since(self, made: int) -> str:
        last = self.stack.undoText()
        if made == 1:
            return f"Since then, another step was made ({last}): Ctrl+Z undoes it first."
        return (
            f"Since then, {made} more steps were made (the last: {last}): Ctrl+Z undoes them first."
        )
