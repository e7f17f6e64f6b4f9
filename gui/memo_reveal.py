"""Undo and redo show the article memo they changed. The Memos panel shows the memo of the
article in the current pane: a memo undone or redone while another article is in the current
pane makes current a pane showing its article, so that its memo, changed, is seen there
(the panes keep their articles); with its article in no pane, the status bar says so, and
how to see the memo, rather than the memo changing out of sight."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from diptych.gui.article_commands import SetMemo
from diptych.gui.pane_area import PaneArea
from diptych.storage.model import MemoKind

NOT_OPEN = (
    "{done}: {step}, whose article is in no pane: open it from the Library (double-click it,"
    " or Enter) to see its memo."
)


def article_memo_in(command: QUndoCommand | None) -> SetMemo | None:
    """The article memo edit that ``command`` is, if its last undo or redo changed the memo."""
    if isinstance(command, SetMemo) and command.kind is MemoKind.ARTICLE and command.replayed():
        return command
    return None


class ArticleMemoReveal(QObject):
    """Follows the undo stack and shows the article memo a step changed.

    Args:
        area: the reading area; it owns this object.
    """

    def __init__(self, area: PaneArea) -> None:
        super().__init__(area)
        self.area = area
        self.session = session = area.session
        session.undo_stack.indexChanged.connect(self.on_undo_stack_index_changed)
        self._stack_index = session.undo_stack.index()
        # The stack empties itself as it is deleted, with the session (which says so first).
        session.destroyed.connect(self.on_session_destroyed)

    def on_session_destroyed(self) -> None:
        """Stop following the undo stack, which is about to go."""
        self.session.undo_stack.indexChanged.disconnect(self.on_undo_stack_index_changed)

    def on_undo_stack_index_changed(self, index: int) -> None:
        """An article's memo undone or redone while another article is in the current pane:
        a pane showing its article becomes the current one (the keyboard goes with it if
        it was in the reading area); none does: the status bar says so."""
        before, self._stack_index = self._stack_index, index
        stack = self.session.undo_stack
        if abs(index - before) != 1:
            return
        memo = article_memo_in(stack.command(min(index, before)))
        current = self.area.current
        if memo is None or (current is not None and current.article_id == memo.target_id):
            return
        pane = self.area.pane_for(memo.target_id or 0)
        if pane is None:
            done = "Undone" if index < before else "Redone"
            self.session.messages.info(NOT_OPEN.format(done=done, step=memo.text()))
            return
        focus = QApplication.focusWidget()
        self.area.set_current(pane)
        if focus is None or self.area.isAncestorOf(focus):
            pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
