"""Going back to a backup of a project: File > Restore from backup, and the offer made
when a file is too damaged to open. The project is closed, the backup copied into its
file, and the file opened again by the :class:`~diptych.gui.launcher.Launcher`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from diptych.gui.backups import backups_of
from diptych.gui.project_opening import backup_label
from diptych.gui.restore_dialog import RestoreDialog, RestoreOffer
from diptych.gui.workers import Workers
from diptych.storage.backup_folders import BackupInfo
from diptych.storage.backup_restore import restore_backup
from diptych.storage.errors import DiptychError

if TYPE_CHECKING:
    from diptych.gui.launcher import Launcher
    from diptych.gui.main_window import MainWindow


def offer_backups(
    launcher: Launcher, path: Path, exc: DiptychError, found: list[BackupInfo]
) -> None:
    """Say why ``path`` cannot be opened, offering to restore one of its backups ``found``."""
    window, context = launcher.window, launcher.context
    # No window yet when the project opened first cannot be: the offer has workers of its own.
    workers = (
        window.workers if window else Workers(context.pool, launcher, messages=context.messages)
    )
    offer = RestoreOffer(exc, found, workers, window)
    offer.chosen.connect(lambda backup: restore_file(launcher, path, Path(backup)))
    offer.open()


def restore_file(launcher: Launcher, path: Path, backup: Path) -> None:
    """Restore ``backup`` into the project file at ``path`` (not open) and open it."""
    messages = launcher.context.messages
    try:
        kept = restore_backup(backup, target=path, root=launcher.context.paths.backups)
    except DiptychError as exc:
        messages.known_error(exc, "Restore from backup")
        return
    launcher.open_path(path)
    if kept.parent == path.parent:  # the damaged file, moved aside
        messages.info(
            f"Restored {path.name} from its backup. The damaged file is kept as {kept.name}."
        )


def restore_from_backup(launcher: Launcher, window: MainWindow) -> None:
    """Choose a backup of the window's project and go back to it."""
    backups = backups_of(launcher.context.paths.backups, window.session)
    dialog = RestoreDialog(backups, window.workers, window, failure=window.backups.failure)
    if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    chosen = dialog.chosen()
    assert chosen is not None
    restore(launcher, window, chosen)


def restore(launcher: Launcher, window: MainWindow, backup: Path) -> None:
    """Restore ``backup`` into the project file, then open it again in a new window. The
    window stays as it was, with its undo steps, while the restore changes nothing (a full
    disk): it gives way only once the backup is in the file."""
    path = window.session.project.path
    listed = backup_label(backup)
    if not path.exists():  # deleted meanwhile: the backup is copied in its place
        _restore_closed(launcher, window, backup, path)
        return
    if not window.settle_typing():  # kept to copy a note that could not be saved
        return
    try:  # its own connection, beside the window's, which writes nothing meanwhile
        kept = restore_backup(backup, target=path, root=launcher.context.paths.backups)
    except DiptychError as exc:
        launcher.context.messages.known_error(exc, "Restore from backup")
        return
    window.close()  # what was typed is saved already: nothing more is written
    window.deleteLater()
    launcher.window = None
    _restored(launcher, path, listed, kept)


def _restore_closed(launcher: Launcher, window: MainWindow, backup: Path, path: Path) -> None:
    """Restore ``backup`` to ``path``, its file gone meanwhile, the window closed first."""
    listed = backup_label(backup)
    if not window.close():  # kept to copy a note that could not be saved
        return
    window.deleteLater()
    launcher.window = None
    try:
        kept = restore_backup(backup, target=path, root=launcher.context.paths.backups)
    except DiptychError as exc:
        launcher.open_path(path)
        launcher.context.messages.known_error(exc, "Restore from backup")
        return
    _restored(launcher, path, listed, kept)


def _restored(launcher: Launcher, path: Path, listed: str, kept: Path) -> None:
    launcher.context.settings.note_restored(path)  # another window on it says so
    launcher.open_path(path)
    launcher.context.messages.info(
        f"Restored the backup of {listed}. The project as it was is kept as the backup of"
        f" {backup_label(kept)}: File > Restore from backup goes back to it."
    )
