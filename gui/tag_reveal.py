"""Undo and redo show the tag they brought back: a tag whose deletion or merging is undone,
or whose creation is redone, becomes the tag selected in the Codebook (its memo shown in
the Memos panel), as it was when the user deleted it, so that the user sees it back and
the keys (F2, Del) go on from it, not from the tag that had taken its row meanwhile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from diptych.gui.commands import SessionCommand, UndoStepWatch

if TYPE_CHECKING:
    from diptych.gui.codebook_view import CodebookView


def tag_to_show(command: QUndoCommand | None, *, undone: bool) -> int:
    """The tag that undoing (``undone``) or redoing ``command`` brought back (the last one,
    in a step of several commands), or 0."""
    if isinstance(command, SessionCommand):
        return command.tag_to_show(undone=undone)
    children = [command.child(i) for i in range(command.childCount())] if command else []
    return next((found for c in reversed(children) if (found := tag_to_show(c, undone=undone))), 0)


class TagReveal(UndoStepWatch):
    """Follows the undo stack and selects in the Codebook the tag a step brought back.

    Args:
        view: the Codebook's tree; it owns this object.
    """

    def __init__(self, view: CodebookView) -> None:
        super().__init__(view.session, view)
        self.view = view

    def on_step(self, command: QUndoCommand, *, undone: bool) -> None:
        """Select the tag the step just undone or redone brought back, if it is there."""
        tag_id = tag_to_show(command, undone=undone)
        if tag_id and tag_id in self.view.tag_model.codebook:
            self.view.select_tag(tag_id)
