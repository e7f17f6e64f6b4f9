"""File > Restore from backup: the list of a project's backups to go back to; and the
offer to restore a project file that can no longer be opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.dialog_buttons import dress_as_standard
from diptych.gui.dialog_fit import resize_within_screen
from diptych.gui.messages import as_shown
from diptych.gui.workers import Progress, Workers
from diptych.storage.backup_contents import BackupContents, read_all_contents
from diptych.storage.backup_folders import BackupInfo
from diptych.storage.errors import DiptychError


class RestoreDialog(QDialog):
    """Lists a project's backups, newest first, to choose one to go back to: each by its
    time and what it holds (articles and passages, read in the background: each backup is
    a whole project file), why it was taken and its size.

    Args:
        backups: the backups on offer.
        workers: where what the backups hold is read.
        damaged: the project file cannot be opened: it is kept, renamed, not backed up.
        failure: why the window's last backup of the project failed, if it did.
    """

    def __init__(
        self,
        backups: list[BackupInfo],
        workers: Workers,
        parent: QWidget | None = None,
        *,
        damaged: bool = False,
        failure: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backups = backups
        self.list = QListWidget(self)
        for info in backups:
            item = QListWidgetItem(info.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
        if backups:
            self.list.setCurrentRow(0)
        if not backups and failure:
            text = f"There are no backups of this project: the last backup failed. {failure}"
        elif not backups:
            text = (
                "There are no backups of this project yet. One is taken when it is opened "
                "and every hour while it is open, whenever it has changed since the last one;"
                " the latest changes are also backed up every five minutes and as you turn"
                " to another program."
            )
        elif damaged:
            text = (
                "Choose the state to go back to. The damaged file is kept next to the "
                "project, renamed."
            )
        else:
            text = (
                "Choose the state to go back to. The project as it is now is backed up first, "
                "so restoring can itself be undone by restoring that backup."
            )
        if backups and failure:  # the newest listed is older than the changes since
            lacks = "The last backup failed, so the newest here lacks the latest changes."
            text = f"{lacks} {failure}\n\n{text}"
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # file names are never markup
        label.setWordWrap(True)
        self.list.setAccessibleName("Backups")
        self.list.setAccessibleDescription(text)  # the keyboard never reaches the label
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        dress_as_standard(self.restore_button)
        self.restore_button.setEnabled(bool(backups))
        # With nothing to choose, the message alone and Close: not an empty list, a greyed
        # Restore and a Cancel of nothing.
        kind = QDialogButtonBox.StandardButton
        buttons.addButton(kind.Cancel if backups else kind.Close).setDefault(not backups)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setVisible(bool(backups))
        self.restore_button.setVisible(bool(backups))
        self.setAccessibleDescription(text)
        resize_within_screen(self, 600, 400 if backups else self.sizeHint().height())
        if backups:
            self._read_contents(workers)

    def _read_contents(self, workers: Workers) -> None:
        """Count what each backup holds, off the window's thread (the backups of a big
        project take a while to read), and say it in each line once read; a dialog
        closed meanwhile is told nothing."""
        paths = [info.path for info in self.backups]

        def job(progress: Progress) -> list[BackupContents]:
            return read_all_contents(paths=paths, progress=progress)

        worker = workers.start(job)
        worker.signals.finished.connect(self.on_contents_read)
        self.finished.connect(lambda _result: worker.drop())

    def on_contents_read(self, found: list[BackupContents]) -> None:
        """Say in each backup's line what it holds."""
        for row, (info, contents) in enumerate(zip(self.backups, found, strict=True)):
            item = self.list.item(row)
            if item is not None:
                item.setText(info.described(str(contents)))

    def chosen(self) -> Path | None:
        """The selected backup file."""
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None


class RestoreOffer(QMessageBox):
    """A project file that cannot be opened, and has backups: say so and offer them.

    Non-blocking (``open()``); choosing "Restore from backup…" lists the backups, and
    choosing one emits :attr:`chosen`.

    Signals:
        chosen(str): the backup file to restore.

    Args:
        error: why the file cannot be opened (it names the file).
        backups: the file's backups, newest first (at least one).
        workers: where what the backups hold is read, once they are listed.
    """

    chosen = Signal(str)

    def __init__(
        self,
        error: DiptychError,
        backups: list[BackupInfo],
        workers: Workers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backups = backups
        self.workers = workers
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("Open project")
        self.setTextFormat(Qt.TextFormat.PlainText)  # file names are never markup
        name = error.path.name if error.path is not None else "The project"
        newest = backups[0].label
        has = (
            f"{len(backups)} backups of it; the newest is from {newest}. Restoring one"
            if len(backups) > 1
            else f"a backup of it, from {newest}. Restoring it"
        )
        self.setText(f"{name} {error.message.rstrip('.')}.")
        self.setInformativeText(
            f"Diptych has {has} replaces the file with it; the damaged file is kept next to "
            "it, renamed."
        )
        self.setDetailedText(as_shown(error))
        self.restore_button = self.addButton(
            "Restore from backup…", QMessageBox.ButtonRole.AcceptRole
        )
        dress_as_standard(self.restore_button)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.buttonClicked.connect(self.on_button_clicked)

    def on_button_clicked(self, button: object) -> None:
        """Restore: choose which backup (the list opens over the window); the offer goes
        once it is answered."""
        if button is not self.restore_button:
            self.deleteLater()
            return
        self.dialog = RestoreDialog(self.backups, self.workers, self.parentWidget(), damaged=True)
        self.dialog.accepted.connect(lambda: self._emit_chosen(self.dialog))
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.finished.connect(self.deleteLater)
        self.dialog.open()

    def _emit_chosen(self, dialog: RestoreDialog) -> None:
        chosen = dialog.chosen()
        if chosen is not None:
            self.chosen.emit(str(chosen))
