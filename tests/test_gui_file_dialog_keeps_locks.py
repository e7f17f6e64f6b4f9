"""Qt's own file dialog showing the open project's folder leaves the project's locks alone.
Its Type column and icons were found by reading each file's first bytes (a name ending
``.diptych``, ``-wal`` or ``-shm`` says nothing to it), and closing a file this process
holds open in SQLite drops all of its locks on it: the next program to close the project
(`diptych articles`, another window) took itself for the last one and deleted the log the
window still wrote into."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QTreeView
from pytestqt.qtbot import QtBot
from test_storage_held_files import _other_program_reads_tags

from diptych.gui.main_window import MainWindow


def test_browsing_the_projects_folder_keeps_its_log(qtbot: QtBot, window: MainWindow) -> None:
    path = window.session.project.path
    window.session.project.fold_log()
    window.session.add_tag(name="Typed since")  # in the log, which must stay
    settings = window.importer.dialogs.settings
    assert settings is not None
    settings.set_import_folder(path.parent)
    looked: list[list[str]] = []
    give_up = time.monotonic() + 5

    def look_at_every_file_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        view = dialog.findChild(QTreeView, "treeView") if dialog is not None else None
        model = dialog.findChild(QFileSystemModel) if dialog is not None else None
        if view is None or model is None:
            QTimer.singleShot(20, look_at_every_file_then_cancel)
            return
        assert isinstance(dialog, QFileDialog)
        dialog.setNameFilter("All files (*)")  # as chosen in its list of kinds
        root = model.index(str(path.parent))
        shown = model.index(str(path)).isValid()
        if not shown and time.monotonic() < give_up:  # not read yet
            QTimer.singleShot(20, look_at_every_file_then_cancel)
            return
        # As the rows of the folder's files are drawn, a filter showing them or not (the
        # completer of a path typed lists them all): their type and icon.
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        for file in files:
            for column in range(model.columnCount(root)):
                model.index(str(file), column).data()
            model.index(str(file), 0).data(Qt.ItemDataRole.DecorationRole)
        looked.append([model.index(str(file), 0).data() for file in files])
        dialog.reject()

    QTimer.singleShot(0, look_at_every_file_then_cancel)
    window.actions_.import_articles.trigger()
    assert looked and looked[0][0] == path.name
    assert "Typed since" in _other_program_reads_tags(path)
    assert Path(f"{path}-wal").exists()  # still the window's log, not folded and deleted
