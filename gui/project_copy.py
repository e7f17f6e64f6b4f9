"""File > Save a copy…: the project as the window shows it, written whole to another file.

The copy is taken with SQLite's online backup (in a worker, through a connection of its
own), so it holds what the log beside the project file holds too: a copy of the file
alone, made in a file manager, lacks the latest changes of a project that is open, or of
one a crashed program left with changes in its log (a read-only project, say, which
cannot fold them into the file). The window stays on the project and says where the copy
is; a copy never replaces a file already there. A project named after its file (the
sample, "Sample project.diptych", or "study" in study.diptych) gives its copy the copy's
file name for a name ("Korea brief"), which its window's title and exports then show; a
project named otherwise keeps its name in the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from diptych.gui.dialogs import PROJECT_FILTER
from diptych.gui.main_window import MainWindow
from diptych.gui.paths import documents_folder
from diptych.gui.settings import is_folder
from diptych.gui.workers import Progress
from diptych.storage.errors import ProjectFileError, readable_text
from diptych.storage.project import PROJECT_SUFFIX, Project
from diptych.storage.project_checks import file_exists
from diptych.storage.project_copies import copy_database

TITLE = "Save a copy"


def choose_copy(parent: QWidget, source: Path, folder: Path | None = None) -> Path | None:
    """Ask where to write the copy of the project file ``source``, offered in ``folder``
    (else beside it)."""
    suggested = (folder or source.parent) / f"{source.stem} (copy){PROJECT_SUFFIX}"
    # Not "Do you want to replace it?": a copy never replaces a file (it is refused).
    from diptych.gui.file_dialog_icons import names_only  # with the dialog

    with names_only():
        name, _ = QFileDialog.getSaveFileName(
            parent,
            TITLE,
            str(suggested),
            PROJECT_FILTER,
            "",
            QFileDialog.Option.DontConfirmOverwrite,
        )
    if not name:
        return None
    path = Path(name)
    return (
        path
        if path.suffix.lower() == PROJECT_SUFFIX
        else path.with_name(path.name + PROJECT_SUFFIX)
    )


def copy_job(source: Path, target: Path) -> Callable[[Progress], tuple[Path, str]]:
    """The worker's job: copy the project at ``source`` through a connection of its own;
    the copy, and the name it was given after its file ("" if it keeps the project's)."""

    def job(_progress: Progress) -> tuple[Path, str]:
        if file_exists(target):
            raise ProjectFileError(
                "already exists, and a copy never replaces a file",
                path=target,
                advice="Choose another name for the copy.",
            )
        with Project.open(source, read_only=True, verify=False) as project:
            name = project.info().name
            copy_database(project.db.conn, target, source_path=source, journal="WAL")
        if not named_after(name, source) or named_after(name, target):
            return target, ""
        with Project.open(target, verify=False) as copy:
            return target, copy.rename(name=readable_text(target.stem))

    return job


def named_after(name: str, path: Path) -> bool:
    """True if the project's ``name`` is its file's name at ``path``, as the window's title
    reads it (one name, not the two)."""
    return readable_text(path.stem).casefold() == name.casefold()


def save_copy(window: MainWindow) -> None:
    """Ask where, then write the copy in the background and say where it is."""
    source, settings = window.session.project.path, window.context.settings
    # The sample lives in Diptych's hidden data folder: a copy there would be lost to sight.
    hidden = window.context.paths.data.resolve() in source.resolve().parents
    folder = settings.copy_folder()  # copies kept together (a backup disk), as exports are
    if folder is None or not is_folder(folder):
        folder = documents_folder() if hidden else None
    target = choose_copy(window, source, folder)
    if target is None:
        return
    settings.set_copy_folder(target.parent)  # a name refused is chosen again there
    # Said once it ends, even if the window has given way to another project meanwhile:
    # the copy is there, and the message names the project it is a copy of.
    messages = window.context.messages
    worker = window.workers.start(copy_job(source, target), told_after_close=True)
    worker.signals.finished.connect(lambda done: messages.info(_copy_said(source, *done)))
    worker.signals.failed.connect(lambda text: messages.error(text, TITLE))


def _copy_said(source: Path, copy: Path, name: str) -> str:
    """What the status bar says of the copy written (and named after its file)."""
    named = f", named “{name}” after it" if name else ""
    return (
        f"Saved a copy of {readable_text(source.name)} as {readable_text(str(copy))}{named}."
        " Open it with File > Open project to work in it."
    )
