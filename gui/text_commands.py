"""A text typed in a field (a passage's note, a memo) saved as an undo step: the saves of
one sitting merge into one step (:class:`Sittings` counts the sittings)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from PySide6.QtGui import QUndoCommand

from diptych.gui.commands import SessionCommand
from diptych.gui.session import ProjectSession


class Sittings:
    """Counts the times a text (a note, a memo) is typed in: a new sitting begins when the
    field is left or shows another text; saves of one sitting merge into one undo step."""

    def __init__(self) -> None:
        self.current = 0

    def end(self) -> None:
        """The field was left, or shows another text: the next save starts a new step."""
        self.current += 1


class SetText(SessionCommand):
    """Write a text typed in a field (a note, a memo). The saves of one sitting, the text
    typed in without leaving the field, merge into one undo step, so that undo takes back
    one sitting, not each pause in typing (see :class:`Sittings`); never over a text another
    window wrote in between, which undo is to bring back.

    Subclasses read and write the text of their :attr:`target` and have a merge id and a
    name of their own.

    Args:
        target: what the text belongs to; only saves of the same target merge.
        sitting: which time the field was typed in.

    Attributes:
        expected: the text the field last showed or saved, for the first doing to write
            over only that (a :class:`ChangedMeanwhileError` if another window wrote
            something else meanwhile); None writes over whatever is there.
    """

    MERGE_ID: ClassVar[int]
    WHAT: ClassVar[str]  # what the text is, for messages ("note")

    def __init__(
        self, session: ProjectSession, label: str, target: Hashable, text: str, sitting: int
    ) -> None:
        super().__init__(session, label)
        self.target = target
        self.new = text
        self.old = ""
        self.sitting = sitting
        self.expected: str | None = None

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            type(other) is not type(self)
            or not isinstance(other, SetText)
            or (other.target, other.sitting) != (self.target, self.sitting)
            or other.old != self.new
        ):
            return False
        self.new = other.new
        # Typed back to what it was (a letter typed, saved, then deleted): the step changes
        # nothing, and the stack drops it rather than offer an undo that does nothing.
        self.setObsolete(self.new == self.old)
        return True

    def _do(self) -> None:
        self.old = self._read() if self.expected is None else self.expected
        self._write(self.new, expected=self.expected)

    def stored(self) -> str:
        """The text as the project file holds it now."""
        return self._read()

    # Undo and redo write only over the text this step left (or found): one written
    # meanwhile, in another window or by an import, is kept and the step is dropped.
    def _redo(self) -> None:
        self._write(self.new, expected=self.old)

    def _undo(self) -> None:
        self._write(self.old, expected=self.new)

    def _read(self) -> str:
        raise NotImplementedError

    def _write(self, text: str, expected: str | None = None) -> None:
        """Write ``text``; with ``expected``, only if the text still reads so (a
        :class:`ChangedMeanwhileError` otherwise)."""
        raise NotImplementedError
