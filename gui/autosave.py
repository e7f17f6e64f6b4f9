"""A text field saved as it is typed: a passage's note, a memo.

It saves after a short pause in typing, every few seconds of typing without a pause, when
it loses the focus, and whenever the window asks (before an undo, before closing, before
the field shows another text). Each save is an undoable step, and the saves of one sitting
merge into one (see :class:`~diptych.gui.text_commands.SetText`): the window's Undo takes
back a sitting. In the field, Ctrl+Z takes back what was typed there a pause at a time
(each save begins a step of the field's own undo), and saves what is left; Ctrl+Shift+Z
brings it back, until something else is typed. Once the field is left, or something else is
done, undone or redone meanwhile, Ctrl+Z there is the window's Undo, whose steps then come
back in the order they were made: the field's own undo would be saved as a step after them.

A save made while typing that the file refuses (a full disk, another program holding the
file, the file moved meanwhile) is said in the status bar, without a box that would take
the next keys typed, and tried again every few seconds until the file takes it: the text
stays in the field meanwhile, and the status bar says when it is saved. A save the window
asks for says why it is refused in a box. A file made read-only is the window's to say
(it opens the project again read-only and gives the text back).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from diptych.gui.bidi_cells import right_to_left
from diptych.gui.field_undo import pass_undo_on
from diptych.gui.messages import as_shown
from diptych.gui.session import ProjectSession
from diptych.gui.text_commands import SetText, Sittings
from diptych.storage.errors import (
    ChangedMeanwhileError,
    DiptychError,
    MadeReadOnlyError,
    ProjectMovedError,
)
from diptych.storage.offsets import codepoint_to_utf16, utf16_to_codepoint

SAVE_PAUSE_MS = 600
SAVE_TYPING_MS = 3000  # typing on without a pause is saved this often
RETRY_MS = 3000  # a save the file refused while typing is tried again this often
MOVED_RETRY_MS = 300  # ... and soon after the window found a moved project file again

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
        self._unchanged = ""  # ... as the field shows it (see text)
        self._pushing = False  # a save of the field's own is going on the undo stack
        self._loading = False
        self._replacing = False  # typing over a text written elsewhere meanwhile
        self._sittings = Sittings()
        self._timer = QTimer(self, singleShot=True, interval=SAVE_PAUSE_MS)
        self._timer.timeout.connect(self.save_while_typing)
        # Not started again by each key: typing on without a pause is saved too.
        self._typing_timer = QTimer(self, singleShot=True, interval=SAVE_TYPING_MS)
        self._typing_timer.timeout.connect(self.save_while_typing)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.save_while_typing)
        self._refused = False  # the last save made while typing was refused
        self._said = False  # ... and the status bar said so
        self.textChanged.connect(self.on_text_changed)
        self.textChanged.connect(self.align_to_direction)
        pass_undo_on(self)  # with nothing typed to undo, Ctrl+Z is Edit > Undo
        session.undo_stack.indexChanged.connect(self.on_undo_stack_index_changed)

    def text(self) -> str:
        """The text the field holds, each character as it is: ``toPlainText`` gives a
        no-break space as a plain one, and a line or paragraph separator as a line break,
        which would rewrite a note (say, in French typography) just by showing it."""
        return field_text(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc saves what was typed and leaves the field. Ctrl+Z or Ctrl+Shift+Z with
        nothing left to undo or redo, here or in the window, says so."""
        if event.key() == Qt.Key.Key_Escape:
            self.save()
            self.left.emit()
            return
        for key, word in (
            (QKeySequence.StandardKey.Undo, "undo"),
            (QKeySequence.StandardKey.Redo, "redo"),
        ):
            if event.matches(key) and not self._own_step(word == "undo"):
                self.session.messages.info(f"Nothing more to {word}.")
                return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A paste holding HTML (a web page's selection) comes in as Markdown, its links
        kept as ``[text](address)``; any other paste as its plain text, as does one copied
        from a text of this window (a note's Markdown, an article's words), which Qt gives
        as HTML too."""
        html = source.html() if source.hasHtml() else ""
        if html and 'name="qrichtext"' not in html[:2000]:
            from diptych.storage.html_to_markdown import html_to_markdown

            markdown = html_to_markdown(html)
            if markdown:
                self.insertPlainText(markdown)
                return
        super().insertFromMimeData(source)

    def _own_step(self, undo: bool) -> bool:
        """Whether the field's document has a step to undo (or redo)."""
        document = self.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()

    @property
    def is_modified(self) -> bool:
        """True while part of what the field shows is not saved yet."""
        return self.text() != self._unchanged

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
        may be the same one), and a new sitting begins: the typing of the text shown before
        is forgotten, so that Ctrl+Z and Ctrl+Shift+Z in the field never bring it into this
        one (two notes or memos often read alike, empty ones always). ``gone`` says when what
        the text belongs to was removed: what is typed is then given back rather than saved.
        ``owner`` names what the text belongs to (a passage, an article).
        """
        self.let_go()
        self._end_sitting()
        self._command, self._gone = command, gone
        self._put(read())
        if owner != self._owner:
            self._show_from_the_start()
        self._owner = owner

    def _show_from_the_start(self) -> None:
        """Show a text just put in from its first line, the caret at its end: it is read
        from its start, and the keyboard coming in writes on at its end (see
        :meth:`focusInEvent`). Left where the caret's end had scrolled it, a long note
        showed a slice of its middle, its heading out of sight."""
        self.moveCursor(self.textCursor().MoveOperation.End)
        self.verticalScrollBar().setValue(0)

    def _end_sitting(self) -> None:
        """The next save begins a new undo step of the window's; and the field's own
        history is forgotten: undone in the field, what was typed in an earlier sitting
        would be saved as a new step after it, and the window's next undo would bring it
        back. Ctrl+Z then goes to the window's steps, a sitting at a time."""
        self._sittings.end()
        self.document().clearUndoRedoStacks()

    def on_undo_stack_index_changed(self) -> None:
        """Another step was done, undone or redone (not a save of this field's): the
        field's own history is forgotten, as its undo would be saved as a step after that
        one, in the wrong order, and the window's next undo would bring it back."""
        if not self._pushing:
            self.document().clearUndoRedoStacks()

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
        typed, what = self.text(), self._command("", self._sittings.current).WHAT
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
        typed = self.text()
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
            self._saved, self._unchanged = text, _as_shown(text)
            return
        command, changed = self._command, text != self._saved
        self._put(text, changed=True)
        if self.session.following_elsewhere and changed and command is not None:
            what = command("", self._sittings.current).WHAT
            self.session.messages.info(f"The {what} shown was changed in another window.")

    def save_while_typing(self) -> None:
        """Save what is typed so far (a pause, typing on, a retry). A refusal is said in the
        status bar once, not in a box (it would take the keys typed next), and the save is
        tried again until the file takes it; the status bar then says it is saved. A file
        moved meanwhile is found again by the window at once, and the save tried soon."""
        if self._command is None:
            return
        refused = self._refused  # the save heard back may show the text afresh (follow)
        error = self._save()
        if error is None:
            if refused and not self.is_modified:
                self.session.messages.info(f"The {self._what()} you typed is saved now.")
            self._refused = self._said = False
            return
        if isinstance(error, MadeReadOnlyError):  # the window opens it again read-only
            self._refused = self._said = False
            self.session.messages.known_error(error)
            return
        if isinstance(error, ProjectMovedError) and not self._refused:
            self.session.messages.projectFileLeft.emit()
            self._retry.start(MOVED_RETRY_MS)
        else:
            if not self._said:
                self.session.messages.info(
                    f"The {self._what()} you are typing is not saved yet: {as_shown(error)}"
                    " It stays here, and is saved as soon as the file takes it."
                )
                self._said = True
            self._retry.start(RETRY_MS)
        self._refused = True

    def _what(self) -> str:
        """What the field holds ("note", "memo")."""
        try:
            return self._command("", self._sittings.current).WHAT if self._command else "text"
        except DiptychError:
            return "text"

    def save(self) -> None:
        """Save now if the text changed since it was last saved.

        Only over the text the field last showed or saved: one another window wrote in
        between, before this window saw it, is typed over as one seen while typing (see
        :meth:`follow`): what is typed is saved, the window says so, and undo brings the
        other text back. Nothing typed is dropped, in either window.
        """
        error = self.try_save()
        if error is not None:
            self.session.messages.known_error(error)

    def try_save(self) -> DiptychError | None:
        """Save now, as :meth:`save` does; a refusal is returned, not said. What is typed
        stays in the field, and is tried again until the file takes it (a file made
        read-only aside: the window opens it again read-only)."""
        error = self._save()
        if error is not None and not isinstance(error, MadeReadOnlyError):
            self._refused = self._said = True  # said by the caller
            self._retry.start(RETRY_MS)
        return error

    def _save(self) -> DiptychError | None:
        """:meth:`save`, but a refusal is returned rather than said."""
        self._timer.stop()
        self._typing_timer.stop()
        self._retry.stop()
        text = self.text()
        if self._command is None or text == self._unchanged:
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
        self._pushing = True
        try:
            self.session.undo_stack.push(command)
        finally:
            self._pushing = False
        # What is typed after a save is a step of its own in the field's undo: Qt joins
        # the typing of a whole paragraph into one while the document is "modified".
        self.document().setModified(False)
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
        # First: the field hears its own save back (see follow).
        self._saved = self._unchanged = text
        try:
            command.apply()
        except DiptychError:
            self._saved, self._unchanged = expected, _as_shown(expected)
            raise
        return command

    def _stored(self) -> str:
        """The text as the file holds it now."""
        assert self._command is not None
        return self._command("", self._sittings.current).stored()

    def _put(self, text: str, *, changed: bool = False) -> None:
        """Show ``text`` as stored; the cursor where it was, as far as it can be, or, for
        the text shown ``changed`` (undo, redo, another window), where the change leaves it
        (see :func:`caret_after_change`): after the text redone, where the text undone was."""
        same, self._saved = text == self._saved, text
        self._replacing = False
        self._refused = self._said = False
        self._retry.stop()
        shown = self.text()
        if shown == (self._unchanged if same else text):  # shown already: kept as it is
            self._unchanged = shown
            return
        caret = utf16_to_codepoint(shown, self.textCursor().position())
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        # As the field shows it: a line ended by "\r\n" shows as one ended by "\n", and
        # is saved so only if it is typed in.
        new = self._unchanged = self.text()
        caret = caret_after_change(shown, new, caret) if changed else min(caret, len(new))
        cursor = self.textCursor()
        cursor.setPosition(codepoint_to_utf16(new, caret))
        self.setTextCursor(cursor)

    def on_text_changed(self) -> None:
        """Save after a pause in typing, and every few seconds of typing on."""
        if not self._loading and self._command is not None:
            self._timer.start()
            if not self._typing_timer.isActive():
                self._typing_timer.start()

    def align_to_direction(self) -> None:
        """Align the text right when its first letter is right-to-left (an Arabic or Hebrew
        note), left otherwise, as a browser's ``<textarea dir="auto">`` does and the
        Preview shows it: Qt lays each paragraph out in its own direction, but aligned
        every one left."""
        document = self.document()
        option = document.defaultTextOption()
        wanted = (
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
            if _first_letter_right_to_left(document)
            else Qt.AlignmentFlag.AlignLeft
        )
        if option.alignment() != wanted:
            option.setAlignment(wanted)
            document.setDefaultTextOption(option)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """The keyboard coming in (Tab, a shortcut such as F2) shows the caret, which a
        text shown from its first line may have out of sight at its end."""
        if event.reason() in _KEYBOARD_REASONS:
            self.ensureCursorVisible()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field saves it and ends the sitting; a menu opened over it (its own
        context menu, whose Undo is the field's) does not leave it."""
        self.save()
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._end_sitting()
        super().focusOutEvent(event)


_KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
)


def field_text(field: QPlainTextEdit) -> str:
    """The text ``field`` holds, each character as it is (see :meth:`AutosaveText.text`)."""
    return _held(field.document())


def _as_shown(text: str) -> str:
    """``text`` as a field shows it: a line ended by "\\r\\n" as one ended by "\\n"."""
    document = QTextDocument()
    document.setPlainText(text)
    return _held(document)


def _held(document: QTextDocument) -> str:
    """The text of ``document``, its paragraphs parted by line breaks; no-break spaces
    and line separators kept (``toPlainText`` makes them spaces and line breaks)."""
    return document.toRawText().replace("\u2029", "\n")


def _first_letter_right_to_left(document: QTextDocument) -> bool:
    """Whether the first letter of ``document`` with a direction of its own is
    right-to-left, read paragraph by paragraph up to it: asked at each key typed, the whole
    of a long memo was copied and scanned."""
    block = document.firstBlock()
    while block.isValid():
        text = block.text()
        if any(unicodedata.bidirectional(c) in ("L", "R", "AL") for c in text):
            return right_to_left(text)
        block = block.next()
    return False


def caret_after_change(old: str, new: str, caret: int) -> int:
    """Where a caret at ``caret`` in ``old`` stands in ``new``: before the part that changed,
    where it was; after it, by the same text; in it or at its edges, at its end (after the
    text a redo brought back, where the text an undo took away was, as every editor puts
    it: left where the undo had it, the next key typed went before the text redone)."""
    shortest = min(len(old), len(new))
    low, high = 0, shortest  # the longest common start, by halves: a memo may be long
    while low < high:
        middle = (low + high + 1) // 2
        if old[:middle] == new[:middle]:
            low = middle
        else:
            high = middle - 1
    start = low
    low, high = 0, shortest - start  # the longest common end, not over the start
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle :] == new[len(new) - middle :]:
            low = middle
        else:
            high = middle - 1
    old_end, new_end = len(old) - low, len(new) - low
    if caret < start:
        return caret
    if caret > old_end:
        return caret + len(new) - len(old)
    return new_end
