"""A project file made read-only while its window is open (its permissions changed, a sync
tool, a disk mounted again read-only): the first change it refuses (see
:class:`~diptych.storage.errors.MadeReadOnlyError`) opens the project again read-only in
the same window, its panes, reading places and panels kept, as when another project takes
its place; one message says so, naming the file and what to do, and gives back what was
typed and not saved. From then on the window is exactly one on a project opened read-only:
its edits greyed saying why, the keys that would edit answered in the status bar
(:mod:`~diptych.gui.read_only`).

Opened again rather than greyed where it is: every panel, menu and field greys or refuses
its edits in a read-only project as it is built, and an edit added to any of them later is
greyed here too, with no list of them to keep up. The undo steps go with the window: none
could be undone or redone in a read-only file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from diptych.gui.messages import as_shown
from diptych.gui.project_opening import CHECK_ON_OPEN_LIMIT
from diptych.storage.errors import DiptychError
from diptych.storage.project import Project

if TYPE_CHECKING:
    from diptych.gui.launcher import Launcher
    from diptych.gui.main_window import MainWindow

TITLE = "Project made read-only"
NOW_READ_ONLY = "It is open read-only from now on: what would change it is greyed."
NOT_REOPENED = "It could not be opened again read-only:"


def on_project_made_read_only(launcher: Launcher, shown: str, typed: str) -> None:
    """A change was refused because the project file was made read-only (``shown``, the
    error as the window says it; ``typed``, text given back with it): open the launcher's
    window's project again read-only, once its slot is done with (the key or field that
    made the change is in the window about to go). Said once, however many changes are
    refused before then; not for a window opened read-only, nor for another window's."""
    window = launcher.window
    if window is None or window.opened_read_only or not window.session.read_only:
        return
    reopening = window.findChild(Reopening)
    if reopening is None:
        reopening = Reopening(launcher, window, shown)
    if typed:
        reopening.given.append(typed)


class Reopening(QObject):
    """The window's project opened again read-only, at the next turn of the event loop.

    Args:
        launcher: the launcher that owns the window.
        window: the window whose project file was made read-only.
        shown: the first refusal, as the window says it.
    """

    def __init__(self, launcher: Launcher, window: MainWindow, shown: str) -> None:
        super().__init__(window)
        self.launcher = launcher
        self.window = window
        self.shown = shown
        self.given: list[str] = []  # given back with a refusal: not in any field any more
        QTimer.singleShot(0, self, self.reopen)

    def reopen(self) -> None:
        """Open the project again read-only in the window's stead, and say so."""
        launcher, window = self.launcher, self.window
        if launcher.window is not window:
            return  # another project was opened meanwhile
        typed = [*self.given, *unsaved_typing(window)]
        messages = launcher.context.messages
        try:
            project = Project.open(
                window.session.project.path, read_only=True, check_limit=CHECK_ON_OPEN_LIMIT
            )
        except DiptychError as exc:  # the window stays, refusing each change in a word
            messages.error(with_typed(f"{self.shown}\n\n{NOT_REOPENED} {as_shown(exc)}", typed))
            return
        launcher.show_project(project)
        messages.error(with_typed(f"{self.shown}\n\n{NOW_READ_ONLY}", typed), TITLE)


def unsaved_typing(window: MainWindow) -> list[str]:
    """What is typed in the window's note and memos and not saved, each named: the window
    that shows it is about to go, and the file takes it no more."""
    fields = [("the passage's note", window.editor.note)]
    fields += [(f"the {memo.kind} memo", memo) for memo in window.memos.fields()]
    return [f"In {what}:\n\n{field.text()}" for what, field in fields if field.is_modified]


def with_typed(text: str, typed: list[str]) -> str:
    """``text``, followed by what was typed and not saved, if anything was."""
    if not typed:
        return text
    return text + "\n\nWhat was typed and not saved:\n\n" + "\n\n".join(typed)
