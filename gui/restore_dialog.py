"""File > Restore from backup: the list of a project's backups to go back to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from diptych.storage.backup import BackupInfo


class RestoreDialog(QDialog):
    """Lists a project's backups, newest first, to choose one to go back to.

    Args:
        backups: the backups on offer.
    """

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.list = QListWidget(self)
        for info in backups:
            item = QListWidgetItem(info.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
        if backups:
            self.list.setCurrentRow(0)
        text = (
            "Choose the state to go back to. The project as it is now is backed up first, "
            "so restoring can itself be undone by restoring that backup."
            if backups
            else "There are no backups of this project yet. One is taken when it is opened "
            "and every hour while it is open, whenever it has changed since the last one."
        )
        label = QLabel(text, self)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 400)

    def chosen(self) -> Path | None:
        """The selected backup file."""
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None
