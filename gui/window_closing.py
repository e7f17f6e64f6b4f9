"""Closing the main window, or letting it give way to another project's: the note or memo
being typed saved first (when it cannot be, lost only if the user says so), the layout
saved, running jobs stopped, and the project file closed, once."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent

from diptych.gui import dialogs, window_layout
from diptych.gui.context import AppContext
from diptych.gui.messages import as_shown
from diptych.gui.session import ProjectSession
from diptych.gui.window_messages import WindowMessages
from diptych.storage.errors import MadeReadOnlyError

CLOSE_UNSAVED = (
    "The {what} you were typing could not be saved. {why}\n\nClose the window anyway and "
    "lose it? Choose No to keep the window open, to copy it somewhere first or to try again."
)


class WindowClosing(WindowMessages):
    """What is typed kept, and the project closed, as the window closes (which takes the
    window's messages off the message bridge, hence this layer is built on theirs)."""

    def __init__(self, context: AppContext, session: ProjectSession) -> None:
        super().__init__(context, session)
        self._closed = False
        # What the user chose to lose, as it was typed (asked again once more is typed).
        self._typing_let_go: tuple[str, ...] | None = None

    def settle_typing(self) -> bool:
        """Save the note or memo being typed, before the window closes or gives way to
        another project's. True if it is saved, or cannot be (a full disk) and the user
        chose to lose it; False if the user keeps the window to copy it first (asked once:
        the window then closes without asking again, unless more was typed meanwhile)."""
        if self._closed or self._typing_let_go == self._typing():
            return True
        # A note typed just now, before its pause-save ran; why one is refused is said in
        # the question that follows, one box (two took Enter and Esc meant for the other).
        refusals = [self.editor.note.try_save(), self.memos.try_save()]
        refused = next((error for error in refusals if error is not None), None)
        if isinstance(refused, MadeReadOnlyError):  # the window opens it again read-only
            self.context.messages.known_error(refused)
            refused = None
        unsaved = self._unsaved_typing()
        if unsaved:
            why = as_shown(refused) if refused is not None else ""
            question = CLOSE_UNSAVED.format(what=unsaved, why=why).strip()
            if not dialogs.ask_to_lose(self, "Close", question):
                self.context.messages.info(
                    f"The window stays open: copy the {unsaved} somewhere, or free what the"
                    " file needs; it is saved as soon as the file takes it."
                )
                return False
        self._typing_let_go = self._typing() if unsaved else None
        return True

    def _typing(self) -> tuple[str, ...]:
        """The note and the memos as they are typed."""
        return (self.editor.note.text(), *(m.text() for m in self.memos.fields()))

    def unsaved_typing(self) -> str:
        """What is typed and could not be saved ("note", "memo"), or ""."""
        return self._unsaved_typing()

    def _unsaved_typing(self) -> str:
        """What is typed and could not be saved ("note", "memo"), or ""."""
        if self.session.read_only or self.session.project.closed:
            return ""
        if self.editor.note.is_modified:
            return "note"
        return "memo" if any(m.is_modified for m in self.memos.fields()) else ""

    @property
    def closed(self) -> bool:
        """True once the window has closed its project (its layout saved)."""
        return self._closed

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout, let running jobs stop, close the project file (once). A note or
        memo being typed that cannot be saved (a full disk) keeps the window open unless the
        user chooses to lose it."""
        if not self._closed:
            if not self.settle_typing():
                event.ignore()
                return
            self._closed = True
            window_layout.save(self)
            self.workers.close()  # what they say now would reach the next project's window
            # Panes still building a long article, and the focus leaving the window, go
            # on for a moment: nothing they say may reach a project about to be closed.
            self.area.blockSignals(True)
            for pane in self.area.panes():
                pane.blockSignals(True)
            self.context.messages.posted.disconnect(self.on_messages_posted)
            self.context.messages.crashed.disconnect(self.on_messages_crashed)
            self.session.close()
        event.accept()
