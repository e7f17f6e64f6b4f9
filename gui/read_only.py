"""What a project open read-only offers: its edits greyed, saying why (in their tooltips),
and the keys that would edit it answered in the status bar. An edit offered only for a box
to refuse it afterwards told the user nothing they could not have been shown before.

Reading, searching, exporting and Save a copy stay as they are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from diptych.gui.session import ProjectSession
from diptych.storage.errors import DISK_READ_ONLY_ADVICE, READ_ONLY_ADVICE
from diptych.storage.project_checks import on_read_only_disk, only_folder_unwritable, why_read_only

READ_ONLY = "read-only project"


FOLDER_ADVICE = (
    "Make the folder writable and open the project again, or save a copy (File > Save a"
    " copy…) and open that."
)


def opened_read_only(path: Path) -> str:
    """What the window says as it opens the project at ``path`` read-only, naming the
    file, why and what to do: the title's "(read-only)" and the greyed edits said neither."""
    if on_read_only_disk(path):
        return (
            f"{path} is open read-only: the disk holding it is mounted read-only, so nothing"
            f" in it can be changed. {DISK_READ_ONLY_ADVICE.window}"
        )
    if only_folder_unwritable(path):
        why = f"its folder, {path.parent}, cannot be written (Diptych keeps working files there)"
        return f"{path} is open read-only: {why}, so nothing can be changed. {FOLDER_ADVICE}"
    return (
        f"{path} is open read-only: the file cannot be written, so nothing in it can be"
        f" changed. {READ_ONLY_ADVICE.window}"
    )


def read_only_tip(tip: str) -> str:
    """``tip`` saying that the project is read-only: "New tag (read-only project)"."""
    return f"{tip} ({READ_ONLY})" if tip else f"Not in a {READ_ONLY}"


def grey_action(action: QAction) -> None:
    """Grey a menu item or toolbar button that would change the project, saying why."""
    action.setEnabled(False)
    tip = read_only_tip(action.toolTip())  # its own, else its text
    action.setToolTip(tip)
    action.setStatusTip(tip)


def grey_widget(widget: QWidget) -> None:
    """Grey a button or field that would change the project, saying why."""
    widget.setEnabled(False)
    widget.setToolTip(read_only_tip(widget.toolTip()))


def unwritable_text(field: QPlainTextEdit, what: str) -> None:
    """Say in an empty field, and in its tooltip, why ``what`` (a note, a memo) cannot be
    written in it (the field is made read-only where it is filled)."""
    said = f"No {what} can be written in a {READ_ONLY}."
    field.setPlaceholderText(said)
    field.setToolTip(said)


def grey_menu_edits(session: ProjectSession, menu: QMenu, *edits: QAction) -> None:
    """In a read-only project, grey the items of ``menu`` that would change it, their
    tooltips shown (a menu hides them unless told) saying why."""
    if not session.read_only:
        return
    menu.setToolTipsVisible(True)
    for action in edits:
        grey_action(action)


def refused_read_only(session: ProjectSession, what: str) -> bool:
    """In a read-only project, say in the status bar that ``what`` cannot be done, naming
    the file, and what to do (a key pressed that would change it); True if so."""
    if not session.read_only:
        return False
    path = session.project.path
    why, advice = why_read_only(path)
    session.messages.info(f"{path} is open read-only{why}, so {what}. {advice.window}")
    return True
