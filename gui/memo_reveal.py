"""Undo and redo show the article memo they changed. The Memos panel shows the memo of the
article in the current pane: a memo undone or redone while another article is in the current
pane makes current a pane showing its article, so that its memo, changed, is seen there
(the panes keep their articles); with its article in no pane, the status bar says so, and
how to see the memo, rather than the memo changing out of sight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from diptych.gui.article_commands import SetMemo
from diptych.gui.commands import UndoStepWatch
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


class ArticleMemoReveal(UndoStepWatch):
    """Follows the undo stack and shows the article memo a step changed.

    Args:
        area: the reading area; it owns this object.
    """

    def __init__(self, area: PaneArea) -> None:
        super().__init__(area.session, area)
        self.area = area

    def on_step(self, command: QUndoCommand, *, undone: bool) -> None:
        """An article's memo undone or redone while another article is in the current pane:
        a pane showing its article becomes the current one (the keyboard goes with it if
        it was in the reading area); none does: the status bar says so."""
        memo = article_memo_in(command)
        current = self.area.current
        if memo is None or (current is not None and current.article_id == memo.target_id):
            return
        pane = self.area.pane_for(memo.target_id or 0)
        if pane is None:
            done = "Undone" if undone else "Redone"
            self.session.messages.info(NOT_OPEN.format(done=done, step=memo.text()))
            return
        focus = QApplication.focusWidget()
        self.area.set_current(pane)
        if focus is None or self.area.isAncestorOf(focus):
            pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
