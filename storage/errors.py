"""Known errors: things that go wrong in the user's environment, not bugs.

Each carries the file concerned and advice on what to do. The command line prints
``str(error)`` as its one-line message; the window shows the same message with the advice
worded for it (:meth:`DiptychError.in_window`): a menu to choose, never a command to type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_SURROGATE = re.compile("[\ud800-\udfff]")  # how Python holds bytes that are not UTF-8


def readable_text(text: str) -> str:
    """``text`` with each byte that is not UTF-8 shown as U+FFFD, so that it can be stored.

    Linux hands Python a file name that is not UTF-8 (``café`` saved in Latin-1) with each
    undecodable byte as a lone surrogate (:pep:`383`); SQLite and UTF-8 output refuse those.
    The file is still read through its real path; only the name shown and stored changes.
    """
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class Advice:
    """What to do next, where the command line and the window say it differently: a
    ``diptych`` command to type there, a menu item to choose here."""

    command_line: str
    window: str


READ_ONLY_ADVICE = Advice(
    "Make the file writable and run the command again, or work on a copy of it.",
    "Make the file writable and open it again, or save a copy (File > Save a copy…) and open that.",
)
"""What to do about a change refused because the project is open read-only."""

FOLDER_READ_ONLY_ADVICE = Advice(
    "Make its folder writable (changes are written in files beside it) and run the command"
    " again, or work on a copy of the project in a folder that is.",
    "Make the folder writable and open the project again, or save a copy (File > Save a"
    " copy…) and open that.",
)
"""The same, where the file could be written but not its folder."""

DISK_READ_ONLY_ADVICE = Advice(
    "The disk holding it is mounted read-only (a card or stick locked, or a disk the system"
    " stopped writing to after errors): copy the project to a writable disk and run the"
    " command on the copy.",
    "The disk holding it is mounted read-only (a card or stick locked, or a disk the system"
    " stopped writing to after errors): save a copy on a writable disk (File > Save a"
    " copy…) and open that.",
)
"""The same, where the disk holding the project cannot be written at all: its file's
permissions have nothing to do with it."""


class DiptychError(Exception):
    """A known error with the file it concerns and what the user can do about it.

    Args:
        message: what happened, in the user's words.
        path: the file concerned, if any.
        advice: what to do next: the same words for the command line and the window, or
            an :class:`Advice` wording them for each.

    Attributes:
        advice: what to do next, as the command line says it.
        window_advice: what to do next, as the window says it.
    """

    def __init__(
        self, message: str, *, path: str | Path | None = None, advice: str | Advice = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        if isinstance(advice, Advice):
            self.advice, self.window_advice = advice.command_line, advice.window
        else:
            self.advice = self.window_advice = advice

    def __str__(self) -> str:
        return self._said(self.advice)

    def in_window(self) -> str:
        """The error as the window says it: the same message, with the window's advice."""
        return self._said(self.window_advice)

    def _said(self, advice: str) -> str:
        where = f"{readable_text(str(self.path))}: " if self.path is not None else ""
        tail = f" {advice}" if advice else ""
        return f"{where}{self.message.rstrip('.')}.{tail}"


class ArticleFileError(DiptychError):
    """An article file that cannot be imported (binary, unreadable, too large...)."""


class ProjectFileError(DiptychError):
    """A project file that cannot be opened or written."""


class NotAProjectError(ProjectFileError):
    """The file is not a Diptych project (not SQLite, or another program's database)."""


class DamagedProjectError(ProjectFileError):
    """The project file is damaged (truncated, malformed)."""


class DamagedSearchIndexError(DamagedProjectError):
    """The project file is damaged in its search indexes alone, which can be made again
    from its texts (:mod:`diptych.storage.search_repair`)."""


class NewerProjectError(ProjectFileError):
    """The project was written by a newer Diptych; it is left untouched."""


class ReadOnlyProjectError(ProjectFileError):
    """The project file or its folder cannot be written."""


class MadeReadOnlyError(ReadOnlyProjectError):
    """The project file or its folder was made read-only while it was open (a change of
    its permissions, a sync tool, a disk mounted again read-only): the change was refused,
    and the project is read-only from then on, as it would open now."""


class ProjectBusyError(ProjectFileError):
    """Another program holds a lock on the project for too long."""


class ProjectMovedError(ProjectFileError):
    """The project file was moved, deleted or replaced while open; the change was not
    saved (see :mod:`diptych.storage.file_place`)."""


class DiskFullError(ProjectFileError):
    """The disk is full; the last change was not saved."""


class ExchangeFileError(DiptychError):
    """A REFI-QDA or other exchange file that cannot be read safely."""


class Cancelled(Exception):
    """Long work (an import, an export) stopped because the user cancelled it; what it
    would have written was not written."""


class InputError(DiptychError):
    """Bad input from the user (an unknown tag, a quote that is not in the article...)."""


# How a change made since a step is told when it is not known who made it.
CHANGED_ELSEWHERE = re.compile(r"perhaps in another window(?: or by an import)?")


class ChangedMeanwhileError(InputError):
    """What an undo or redo would write over was changed since the step, in another window
    or by an import: writing it would lose that change."""

    def by(self, who: str) -> ChangedMeanwhileError:
        """This error saying who made the change, ``who`` ("by an import"), where it says
        who may have ("perhaps in another window"): the window knows, when it imported a
        REFI-QDA project itself since the step and nothing else changed the file."""
        said = CHANGED_ELSEWHERE.sub(who, self.message)
        return ChangedMeanwhileError(
            said, path=self.path, advice=Advice(self.advice, self.window_advice)
        )


def refuse_if_changed(
    current: object,
    expected: object,
    what: str,
    advice: str = "Edit it by hand if it should read as before.",
) -> None:
    """Raise :class:`ChangedMeanwhileError` unless ``current`` still reads ``expected``.

    Args:
        current: the text (or place, or parent) in the file now.
        expected: what the step left there (or found there, for a redo).
        what: its name for the message ("the passage's note").
        advice: what the user can do instead.
    """
    if current != expected:
        raise ChangedMeanwhileError(
            f"{what} was changed since, perhaps in another window or by an import, so it"
            " was left as it is rather than lose that change",
            advice=advice,
        )


class ArticleChangedError(InputError):
    """A passage was made on an article's text that another window has since replaced."""

    def __init__(self, message: str, *, article_id: int, advice: str | Advice = "") -> None:
        super().__init__(message, advice=advice)
        self.article_id = article_id


def refuse_if_back(back: bool, what: str) -> None:
    """Raise :class:`ChangedMeanwhileError` if ``what`` (an article, passage or tag that
    undo or redo is to put back, with its uuid) is ``back`` in the project already: a copy
    of the project imported since brought it back, or another window did. That one, and
    what was done to it since, stays; nothing is put back a second time.

    Args:
        back: whether something with its uuid is in the project now.
        what: its name for the message ("the tag 'Diplomacy'").
    """
    if back:
        raise ChangedMeanwhileError(
            f"{what} is in the project again, brought back since by an import or in another"
            " window, so it was not put back a second time",
            advice="It is kept as it is in the project now; nothing was changed.",
        )


def refuse_if_another(uuid: str, expected: str, what: str) -> None:
    """Raise :class:`ChangedMeanwhileError` if the passage or tag with the number of
    ``what`` (which had the uuid ``expected``) is another one now (``uuid``): a backup
    restored since, in another window, took ``what`` away and its number was given to
    something made after the restore, which undo and redo must not touch.

    Args:
        uuid: the uuid of the passage or tag with that number in the file now.
        expected: the uuid of the one the step worked on.
        what: its name for the message ("the passage 'wheat prices'").
    """
    if expected and uuid != expected:
        raise ChangedMeanwhileError(
            f"{what} is no longer in the project: a backup was restored since, perhaps in"
            " another window; what was made after the restore is left as it is",
            advice="Nothing was changed.",
        )
