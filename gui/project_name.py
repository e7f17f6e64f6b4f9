"""File > Project name…: the name the window's title and the exports' titles show.

A project begun from the sample, or saved as a copy, kept the name it was begun with
("Sample project"), and every export of it was titled so. The name is given here, as one
undo step; the file keeps its own name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diptych.gui.commands import SessionCommand, perform
from diptych.gui.dialogs import ask_text
from diptych.gui.session import ProjectSession
from diptych.storage.project import project_name_as_stored

if TYPE_CHECKING:
    from diptych.gui.main_window import MainWindow

TITLE = "Project name"


class RenameProject(SessionCommand):
    """Give the project another name."""

    def __init__(self, session: ProjectSession, name: str) -> None:
        super().__init__(session, "Rename project")
        self.new = name
        self.old = ""

    def _do(self) -> None:
        self.old = self.session.project.info().name
        self.new = self.session.rename_project(self.new)  # as stored
        self.setText(f"Rename project to “{self.new}”")

    # A name given meanwhile in another window is not written over: the step is refused.
    def _redo(self) -> None:
        self.session.rename_project(self.new, expected=self.old)

    def _undo(self) -> None:
        self.session.rename_project(self.old, expected=self.new)


def change_project_name(window: MainWindow) -> None:
    """Ask for the project's name, in a field wide enough to show it whole; given
    another, name the project so (undoable) and say so."""
    session = window.session
    current = session.project.info().name
    label = "Name shown in the window's title and the exports' titles:"
    name, ok = ask_text(window, TITLE, label, current, required=True)
    if not ok or project_name_as_stored(name) in ("", current):
        return  # nothing given, or the name it has (a space more or less)
    command = RenameProject(session, name)
    if perform(session, command):
        session.messages.info(f"Project named “{command.new}” — Ctrl+Z to undo")
