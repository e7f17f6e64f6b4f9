"""Undo and redo show what they changed: the passage they brought back (undoing its
deletion, redoing its tagging) or changed (its tags, note or place) becomes the selected
passage, in view; the text of an undone tagging is selected again.

So the user sees what changed, and the keys (Del, F2, 1-9) go on from it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from diptych.gui.commands import SessionCommand, UndoStepWatch
from diptych.gui.passage_commands import AddPassage
from diptych.gui.passage_selection import PassageSelection
from diptych.storage.errors import InputError


def passage_to_show(command: QUndoCommand | None, *, undone: bool) -> int:
    """The passage that undoing (``undone``) or redoing ``command`` brought back or gave a
    tag (the last one, in a step of several commands), or 0."""
    if isinstance(command, SessionCommand):
        return command.passage_to_show(undone=undone)
    children = [command.child(i) for i in range(command.childCount())] if command else []
    return next(
        (found for c in reversed(children) if (found := passage_to_show(c, undone=undone))), 0
    )


def tagging_in(command: QUndoCommand | None) -> AddPassage | None:
    """The tagging of new text that ``command`` is or holds (the first one), or None."""
    if isinstance(command, AddPassage):
        return command
    if command is None or isinstance(command, SessionCommand):
        return None
    children = (tagging_in(command.child(i)) for i in range(command.childCount()))
    return next((c for c in children if c is not None), None)


class UndoReveal(UndoStepWatch):
    """Follows the undo stack and selects what each undo or redo step changed.

    Args:
        selection: the selected passage, which the steps move; it owns this object.
    """

    def __init__(self, selection: PassageSelection) -> None:
        super().__init__(selection.session, selection)
        self.selection = selection
        self.area = selection.area

    def on_step(self, command: QUndoCommand, *, undone: bool) -> None:
        """A passage that undo or redo brings back (undoing its deletion, redoing its
        tagging) or changes (its tags, note or place) is selected, as it was when the user
        worked on it: outlined, with the caret on it (unless it was outlined and in view
        already) and the keyboard in its pane if the keyboard was in the reading area, so
        that the user sees what changed and the keys (Del, F2, 1-9) go on from it."""
        annotation_id = passage_to_show(command, undone=undone)
        if undone and not annotation_id:
            self._select_untagged_text(tagging_in(command))
        if annotation_id:
            self._show_restored(annotation_id)

    def _select_untagged_text(self, tagging: AddPassage | None) -> None:
        """A tagging undone: its text is selected again in a pane showing it, as it was
        before the tag key, with the keyboard there if it was in the reading area, so that
        a key pressed by mistake is put right with Ctrl+Z and the right one."""
        if tagging is None or tagging.passage is None:
            return
        try:
            self.session.passage(tagging.passage.id)
            return  # still there: the undo failed
        except InputError:
            pass
        article_id, start, end = tagging.place
        panes = [
            p for p in self.area.panes() if p.article_id == article_id and len(p.view.positions)
        ]
        pane = self.area.current if self.area.current in panes else next(iter(panes), None)
        if pane is None:
            return
        focus = QApplication.focusWidget()
        if focus is None or self.area.isAncestorOf(focus):
            pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
        pane.view.select_range(start, end)

    def _show_restored(self, annotation_id: int) -> None:
        try:
            self.session.passage(annotation_id)
        except InputError:  # not put back (the undo failed)
            return
        panes = [p for p in self.area.panes() if annotation_id in (p.view.index or ())]
        pane = self.area.current if self.area.current in panes else next(iter(panes), None)
        # Outlined and in view already (its tags or note changed): the caret stays put.
        selection = self.selection
        shown = (
            pane is not None
            and selection.selected == annotation_id
            and not selection.not_outlined(pane)
        )
        selection.select_passage(annotation_id)
        if pane is None:
            return
        focus = QApplication.focusWidget()
        if focus is None or self.area.isAncestorOf(focus):
            pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not shown:
            pane.select_passage(annotation_id, scroll=True)
