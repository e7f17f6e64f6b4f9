"""Undo and redo show the tag they brought back: a tag whose deletion or merging is undone,
or whose creation is redone, becomes the tag selected in the Codebook (its memo shown in
the Memos panel), as it was when the user deleted it, so that the user sees it back and
the keys (F2, Del) go on from it, not from the tag that had taken its row meanwhile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from diptych.gui.commands import SessionCommand

if TYPE_CHECKING:
    from diptych.gui.codebook_view import CodebookView


def tag_to_show(command: QUndoCommand | None, *, undone: bool) -> int:
    """The tag that undoing (``undone``) or redoing ``command`` brought back (the last one,
    in a step of several commands), or 0."""
    if isinstance(command, SessionCommand):
        return command.tag_to_show(undone=undone)
    children = [command.child(i) for i in range(command.childCount())] if command else []
    return next((found for c in reversed(children) if (found := tag_to_show(c, undone=undone))), 0)


class TagReveal(QObject):
    """Follows the undo stack and selects in the Codebook the tag a step brought back.

    Args:
        view: the Codebook's tree; it owns this object.
    """

    def __init__(self, view: CodebookView) -> None:
        super().__init__(view)
        self.view = view
        self.session = session = view.session
        session.undo_stack.indexChanged.connect(self.on_undo_stack_index_changed)
        self._stack_index = session.undo_stack.index()
        # The stack empties itself as it is deleted, with the session (which says so first).
        session.destroyed.connect(self.on_session_destroyed)

    def on_session_destroyed(self) -> None:
        """Stop following the undo stack, which is about to go."""
        self.session.undo_stack.indexChanged.disconnect(self.on_undo_stack_index_changed)

    def on_undo_stack_index_changed(self, index: int) -> None:
        """Select the tag the step just undone or redone brought back, if it is there."""
        before, self._stack_index = self._stack_index, index
        stack = self.session.undo_stack
        if index == before - 1:
            tag_id = tag_to_show(stack.command(index), undone=True)
        elif index == before + 1:
            tag_id = tag_to_show(stack.command(before), undone=False)
        else:
            return
        if tag_id and tag_id in self.view.tag_model.codebook:
            self.view.select_tag(tag_id)
