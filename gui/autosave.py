"""A text field saved as it is typed: a passage's note, a memo.

It saves after a short pause in typing, when it loses the focus, and whenever the window
asks (before an undo, before closing, before the field shows another text). Each save is
an undoable step, and the saves of one sitting merge into one (see
:class:`~diptych.gui.text_commands.SetText`). A save the project refuses (read-only, another
program holding the file) is reported and keeps the text for the next try.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from diptych.gui.field_undo import pass_undo_on
from diptych.gui.session import ProjectSession
from diptych.gui.text_commands import SetText, Sittings
from diptych.storage.errors import ChangedMeanwhileError, DiptychError

SAVE_PAUSE_MS = 600

SaveCommand = Callable[[str, int], SetText]  # (text, sitting) -> the command saving it
# What the text belongs to was removed (in another window): what to say, and the title of
# the message that gives back what was typed; None while it is there.
GoneCheck = Callable[[], "tuple[str, str] | None"]


class AutosaveText(QPlainTextEdit):
    """A plain-text field that saves itself through the undo stack.

    Args:
        session: the open project.
        parent: the owning widget.

    Signals:
        left(): Esc was pressed in the field (what was typed is saved): go back to where
            the user was.
    """

    left = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._command: SaveCommand | None = None
        self._gone: GoneCheck | None = None
        self._owner: object = None  # what the text shown belongs to (see begin)
        self._saved = ""  # the text as it is stored
        self._loading = False
        self._replacing = False  # typing over a text written elsewhere meanwhile
        self._sittings = Sittings()
        self._timer = QTimer(self, singleShot=True, interval=SAVE_PAUSE_MS)
        self._timer.timeout.connect(self.save)
        self.textChanged.connect(self.on_text_changed)
        pass_undo_on(self)  # with nothing typed to undo, Ctrl+Z is Edit > Undo

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc saves what was typed and leaves the field."""
        if event.key() == Qt.Key.Key_Escape:
            self.save()
            self.left.emit()
            return
        super().keyPressEvent(event)

    @property
    def is_modified(self) -> bool:
        """True while part of what the field shows is not saved yet."""
        return self.toPlainText() != self._saved

    @property
    def is_typing(self) -> bool:
        """True while the user types in the field and part of it is not saved yet."""
        return self.hasFocus() and self.is_modified

    def begin(
        self,
        read: Callable[[], str],
        command: SaveCommand | None,
        gone: GoneCheck | None = None,
        *,
        owner: object = None,
    ) -> None:
        """Show the stored text ``read`` returns, to be saved with ``command`` (None: never).

        What the field showed before is saved first (and only then is the text read: it
        may be the same one), and a new sitting begins. ``gone`` says when what the text
        belongs to was removed: what is typed is then given back rather than saved.
        ``owner`` names what the text belongs to (a passage, an article): the typing of
        another one's text is forgotten, so that Ctrl+Z and Ctrl+Shift+Z in the field never
        bring it into this one (two notes or memos often read alike, empty ones always).
        """
        self.let_go()
        self._sittings.end()
        self._command, self._gone = command, gone
        self._put(read())
        if owner != self._owner:
            self.document().clearUndoRedoStacks()
        self._owner = owner

    def forget(self) -> None:
        """Show nothing: the text it belonged to is gone. What was typed and not saved is
        given back in a message first (see :meth:`let_go`)."""
        self.let_go()
        self._timer.stop()
        self._command = self._gone = self._owner = None
        self._put("")
        self.document().clearUndoRedoStacks()

    def let_go(self) -> None:
        """Save what was typed, before the field shows another text. What the file refuses
        (another program holding it, a full disk) is given back in the message that says
        why, never dropped as the field goes on to the next text."""
        error = self._save()
        if error is None or not self.is_modified or self._command is None:
            return
        typed, what = self.toPlainText(), self._command("", self._sittings.current).WHAT
        self._put(self._saved)  # given back: not to be tried again as the field moves on
        self.session.messages.known_error(error, f"{what.capitalize()} not saved", typed=typed)

    def give_back_if_gone(self) -> bool:
        """If what the text belongs to was removed meanwhile (in another window) while part
        of it is not saved, give that text back in a message, there being nothing left to
        save it on, and show nothing; True if it did."""
        if self._gone is None or not self.is_modified or self.session.project.closed:
            return False
        try:
            gone = self._gone()
        except DiptychError:  # the file cannot be read now: the next save tries again
            return False
        if gone is None:
            return False
        said, title = gone
        typed = self.toPlainText()
        self._command = self._gone = None
        self._put("")
        self.session.messages.warning(f"{said} What was typed:\n\n{typed}", title)
        return True

    def follow(self, text: str) -> None:
        """The stored text changed (undo, redo, another window): show it, unless the user
        is typing, whose text is then saved over it at the next pause (and the window says
        so: undo brings the other text back). A text shown that another window changed is
        said to have changed, lest it seem to have changed under the user's eyes."""
        if self.is_typing:
            self._replacing = self._replacing or text != self._saved
            self._saved = text
            return
        command, changed = self._command, text != self._saved
        self._put(text)
        if self.session.following_elsewhere and changed and command is not None:
            what = command("", self._sittings.current).WHAT
            self.session.messages.info(f"The {what} shown was changed in another window.")

    def save(self) -> None:
        """Save now if the text changed since it was last saved.

        Only over the text the field last showed or saved: one another window wrote in
        between, before this window saw it, is typed over as one seen while typing (see
        :meth:`follow`): what is typed is saved, the window says so, and undo brings the
        other text back. Nothing typed is dropped, in either window.
        """
        error = self._save()
        if error is not None:
            self.session.messages.known_error(error)

    def _save(self) -> DiptychError | None:
        """:meth:`save`, but a refusal is returned rather than said."""
        self._timer.stop()
        text = self.toPlainText()
        if self._command is None or text == self._saved:
            return None
        if self.session.read_only or self.session.project.closed:
            return None
        replacing, self._replacing = self._replacing, False  # showing its save resets it
        try:
            try:
                command = self._write_over(self._saved, text)
            except ChangedMeanwhileError:
                replacing = True
                command = self._write_over(self._stored(), text)
        except DiptychError as exc:  # kept, for the next save to try again
            if self.give_back_if_gone():  # refused as what it belongs to was removed
                return None
            self._replacing = replacing
            return exc
        self.session.undo_stack.push(command)
        if replacing:
            self.session.messages.info(
                f"The {command.WHAT} was changed in another window while you typed; what you"
                " typed replaced it. Edit > Undo brings that version back."
            )
        return None

    def _write_over(self, expected: str, text: str) -> SetText:
        """Write ``text`` if the file still holds ``expected``; the command that did."""
        assert self._command is not None
        command = self._command(text, self._sittings.current)
        command.expected = expected
        self._saved = text  # first: the field hears its own save back (see follow)
        try:
            command.apply()
        except DiptychError:
            self._saved = expected
            raise
        return command

    def _stored(self) -> str:
        """The text as the file holds it now."""
        assert self._command is not None
        return self._command("", self._sittings.current).stored()

    def _put(self, text: str) -> None:
        """Show ``text`` as stored, keeping the cursor where it was (as far as it can)."""
        self._saved = text
        self._replacing = False
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)

    def on_text_changed(self) -> None:
        """Save after a pause in typing."""
        if not self._loading and self._command is not None:
            self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field saves it and ends the sitting."""
        self.save()
        self._sittings.end()
        super().focusOutEvent(event)
