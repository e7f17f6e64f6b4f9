"""The base of every user edit as a QUndoCommand on the session's one undo stack, and
how edits are applied: one at a time with :func:`perform`, or several as one
:class:`UndoStep` (:func:`perform_together`). The commands themselves are in
:mod:`passage_commands`, :mod:`text_commands` (notes and memos typed in),
:mod:`tag_commands` and :mod:`article_commands`.

A command is applied once through :func:`perform`, which reports a known error instead of
pushing a command that did not happen; after that, ``redo()`` and ``undo()`` replay it
through the session, which saves to the project file and tells the views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from diptych.gui.session import ProjectSession
from diptych.storage.errors import (
    ChangedMeanwhileError,
    DiptychError,
    DiskFullError,
    InputError,
    ProjectBusyError,
)
from diptych.storage.model import Annotation
from diptych.storage.wording import sentence

QUOTE_CHARS = 40  # a passage named in a message: the start of its quote, as in titles


def quote_start(quote: str) -> str:
    """A passage's quote on one line, shortened to a title's length: how messages name it."""
    quote = " ".join(quote.split())
    return quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS].rstrip() + "…"


def perform(session: ProjectSession, command: SessionCommand) -> bool:
    """Apply ``command`` and push it on the undo stack; False (and a message) if it failed."""
    try:
        command.apply()
    except DiptychError as exc:
        session.messages.known_error(exc)
        return False
    session.undo_stack.push(command)
    return True


def steps_since(stack: QUndoStack, command: QUndoCommand) -> int | None:
    """How many steps Ctrl+Z takes back before ``command`` (0: it is the next one), or
    None if it is not there to undo (undone, or dropped from the stack)."""
    for index in range(stack.index() - 1, -1, -1):
        if stack.command(index) is command:
            return stack.index() - 1 - index
    return None


class UndoStep:
    """Several commands as one undo step, used as a context manager.

    Commands go through :meth:`perform`; when none of them happened, the step is taken off
    the stack again (QUndoStack would keep an empty macro that undoes nothing).

    Args:
        session: the open project.
        text: how the step is named in Undo/Redo.
    """

    def __init__(self, session: ProjectSession, text: str) -> None:
        self.session = session
        self.text = text
        self.done = 0

    def __enter__(self) -> UndoStep:
        self.session.undo_stack.beginMacro(self.text)
        return self

    def perform(self, command: SessionCommand) -> bool:
        """Apply one command inside the step (see :func:`perform`)."""
        ok = perform(self.session, command)
        self.done += ok
        return ok

    def __exit__(self, *exc: object) -> None:
        stack = self.session.undo_stack
        stack.endMacro()
        if not self.done:
            empty = stack.command(stack.index() - 1)
            if empty is not None:
                empty.setObsolete(True)  # undoing an obsolete command removes it
                stack.undo()


def perform_together(session: ProjectSession, text: str, commands: list[SessionCommand]) -> None:
    """Perform ``commands`` as one undo step; stop at the first that fails."""
    if len(commands) == 1:
        perform(session, commands[0])
        return
    with UndoStep(session, text) as step:
        for command in commands:
            if not step.perform(command):
                break


class SessionCommand(QUndoCommand):
    """Base: the first ``redo()`` (from ``push``) is skipped because :meth:`apply` did it.

    Errors while undoing or redoing are reported. When the file was busy or the disk full,
    nothing changed and trying again may work: the step goes back on the stack where it
    was, for Ctrl+Z (or Ctrl+Shift+Z) to try again, instead of being lost while the next
    Ctrl+Z takes back the step before it. Other errors (what the command would put back
    is gone, deleted in another window; what it would write over was changed there since,
    and is kept) drop the command from the stack rather than leaving the stack out of step
    with the file; when what the step works on was removed, the message names it as the
    user knows it (see :meth:`_gone`). Inside a step of several commands, which
    the stack keeps, a command whose undo or redo was dropped does nothing from then on:
    its record of what to put back is not to be trusted.
    """

    # Which of undo and redo puts back what the step works on (the undo of a removal, the
    # redo of an addition), if one does: that one cannot find it gone (one refused for want
    # of the article or the tag it goes in says so itself), and :meth:`_gone` is not asked.
    PUTS_BACK: ClassVar[Literal["undo", "redo"] | None] = None

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._applied_once = False
        self._not_done = False  # the last undo or redo failed and is to be taken back
        self._replayed = False  # undone or redone since it was first done
        self._seen = session.changes_seen  # the changes made elsewhere it was done after

    def passage_to_show(self, *, undone: bool) -> int:
        """The passage that undoing (``undone``) or redoing this step brought back or
        changed (its tags, note or place), for the reading area to select, so that the user
        sees what was taken back or done again and the keys go on from it (0: none, or it
        is gone; a redo that is the first doing, from the push, shows nothing)."""
        return self._passage_shown(undone=undone) if self.replayed() else 0

    def _passage_shown(self, *, undone: bool) -> int:
        """See :meth:`passage_to_show`: the commands on one passage say which."""
        return 0

    def tag_to_show(self, *, undone: bool) -> int:
        """The tag that undoing (``undone``) or redoing this step brought back (undoing its
        deletion or merging, redoing its creation), for the Codebook to select, so that
        the user sees it and its memo, and the keys go on from it (0: none, or the step
        failed; a redo that is the first doing, from the push, shows nothing)."""
        return self._tag_shown(undone=undone) if self.replayed() else 0

    def _tag_shown(self, *, undone: bool) -> int:
        """See :meth:`tag_to_show`: the commands that take a tag away and put it back say
        which."""
        return 0

    def replayed(self) -> bool:
        """True if the last undo or redo of this step changed the project: not the first
        doing (from the push), and not refused."""
        return self._replayed and not self._not_done and not self.isObsolete()

    def apply(self) -> None:
        """Do the action for the first time (may raise a known error)."""
        self._do()
        self._applied_once = True

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        if self._not_done:  # taking back a failed undo: the change is still in the file
            self._not_done = False
            return
        if not self.isObsolete():
            self._replayed = True
            self._guard(self._redo, undoing=False)

    def undo(self) -> None:
        if self._not_done:  # taking back a failed redo: the change is still not in the file
            self._not_done = False
            return
        if not self.isObsolete():
            self._replayed = True
            self._guard(self._undo, undoing=True)

    def _guard(self, action: Callable[[], None], *, undoing: bool) -> None:
        try:
            action()
            self._seen = self.session.changes_seen
        except (ProjectBusyError, DiskFullError) as exc:
            self.session.messages.known_error(exc, "Undo/redo failed")
            self._not_done = True
            self._take_back_later(undoing=undoing)
        except ChangedMeanwhileError as exc:  # what was written meanwhile shows, and stays
            self.session.show_changes_from_elsewhere()
            who = self.session.changed_since(self._seen)
            said = exc if who is None else exc.by(who)
            self.session.messages.known_error(said, "Undo/redo failed")
            self.setObsolete(True)
        except DiptychError as exc:
            self._report(exc, undoing=undoing)
            self.setObsolete(True)

    def _report(self, exc: DiptychError, *, undoing: bool) -> None:
        """Say why the step failed: what it works on was removed (named as the user knows
        it, not by its number in the file), or else the error as it is."""
        step = "undo" if undoing else "redo"
        try:
            gone = None if step == self.PUTS_BACK else self._gone(undoing=undoing)
        except DiptychError:  # the file cannot be read now: the error says enough
            gone = None
        if gone is None:
            self.session.messages.known_error(exc, "Undo/redo failed")
            return
        self.session.show_changes_from_elsewhere()
        self.session.messages.error(
            f"{sentence(gone)}, perhaps in another window, so “{self.text()}” cannot be"
            f" {'undone' if undoing else 'redone'}.",
            "Undo/redo failed",
        )

    def _gone(self, *, undoing: bool) -> str | None:
        """What this step works on, named as the user knows it, with how it went ("the
        passage “…” was deleted"), if it is no longer in the project; None if it is, or
        the step does not say."""
        return None

    def _passage_gone(self, passage: Annotation | None) -> str | None:
        """See :meth:`_gone`, for a step on ``passage`` (as the step last saw it)."""
        if passage is None:
            return None
        quote = quote_start(passage.exact)
        try:
            self.session.project.articles.summary(article_id=passage.article_id)
        except InputError:
            return f"the article of the passage “{quote}” was removed"
        try:
            self.session.passage(passage.id)
        except InputError:
            return f"the passage “{quote}” was deleted"
        return None

    def _article_gone(self, article_id: int, title: str) -> str | None:
        """See :meth:`_gone`, for a step on an article (titled ``title`` as the step last
        saw it)."""
        try:
            self.session.project.articles.summary(article_id=article_id)
        except InputError:
            return f"the article{f' “{title}”' if title else ''} was removed"
        return None

    def _tag_gone(self, tag_id: int, path: str) -> str | None:
        """See :meth:`_gone`, for a step on a tag (with the path ``path`` as the step last
        saw it)."""
        try:
            self.session.project.tags.get(tag_id=tag_id)
        except InputError:
            return f"the tag{f' “{path}”' if path else ''} was deleted"
        return None

    def _take_back_later(self, *, undoing: bool) -> None:
        """Move the stack back over this step once it has moved past it (the stack cannot
        be moved from inside an undo or a redo); unless something else moved it meanwhile."""
        stack = self.session.undo_stack
        place = stack.index() + (-1 if undoing else 1)  # where the stack is about to be
        count = stack.count()

        def take_back() -> None:
            if (stack.index(), stack.count()) == (place, count):
                stack.redo() if undoing else stack.undo()
            else:
                self._not_done = False

        QTimer.singleShot(0, stack, take_back)

    def _do(self) -> None:
        raise NotImplementedError

    def _redo(self) -> None:
        self._do()

    def _undo(self) -> None:
        raise NotImplementedError


class UndoStepWatch(QObject):
    """Follows a session's undo stack and hands each single step undone or redone to
    :meth:`on_step` (a jump of several steps, a cleared stack: nothing), for what shows
    the user where the step was (a passage, a tag, a memo).

    Args:
        session: the open project, whose undo stack is followed.
        parent: owns this object.
    """

    def __init__(self, session: ProjectSession, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        session.undo_stack.indexChanged.connect(self.on_undo_stack_index_changed)
        self._stack_index = session.undo_stack.index()
        # The stack empties itself as it is deleted, with the session (which says so first).
        session.destroyed.connect(self.on_session_destroyed)

    def on_session_destroyed(self) -> None:
        """Stop following the undo stack, which is about to go."""
        self.session.undo_stack.indexChanged.disconnect(self.on_undo_stack_index_changed)

    def on_undo_stack_index_changed(self, index: int) -> None:
        before, self._stack_index = self._stack_index, index
        if abs(index - before) == 1:
            command = self.session.undo_stack.command(min(index, before))
            self.on_step(command, undone=index < before)

    def on_step(self, command: QUndoCommand, *, undone: bool) -> None:
        """``command`` was just undone (``undone``) or redone."""
        raise NotImplementedError
