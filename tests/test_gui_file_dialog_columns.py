"""Qt's own file dialog (shown where the desktop offers none, as offscreen here) opens from
File > Import with its Size, Type and Date Modified columns wide enough for their headings
and for what they show of the folder's files, and the dialog wide enough to show them."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from diptych.gui.file_dialog_columns import WATCHED, on_focus_window_changed, watch_file_dialogs
from diptych.gui.main_window import MainWindow

PATIENCE_S = 5.0  # for the folder to be read and the columns fitted


@pytest.fixture
def watched(qapp: QApplication) -> Iterator[None]:
    """File dialogs followed, as ``diptych open`` follows them; no longer afterwards."""
    watch_file_dialogs(qapp)
    yield
    qapp.focusWindowChanged.disconnect(on_focus_window_changed)
    qapp.setProperty(WATCHED, False)


def cut_columns(view: QTreeView) -> list[str]:
    """The headings of the columns but the name's narrower than their heading or rows, and
    "(hidden)" if the columns run past the view's right edge."""
    header = view.header()
    cut = [
        str(view.model().headerData(column, header.orientation()))
        for column in range(1, header.count())
        if header.sectionSize(column)
        < max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
    ]
    return cut + (["(hidden)"] if header.length() > view.viewport().width() else [])


def test_the_file_dialogs_columns_show_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, watched: None
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    with (folder / "big_download_archive.html").open("wb") as big:
        big.truncate(123_456_789)  # "117.74 MiB", where Qt made room for "128.88 GB"
    (folder / "notes on the summit.markdown").write_text("Notes", encoding="utf-8")
    (folder / "plain.txt").write_text("Text", encoding="utf-8")
    settings = window.importer.dialogs.settings
    assert settings is not None
    settings.set_import_folder(folder)  # where File > Import opens
    seen: list[list[str]] = []
    give_up = time.monotonic() + PATIENCE_S

    def look_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        view = dialog.findChild(QTreeView, "treeView") if dialog is not None else None
        shown = view is not None and view.model().rowCount(view.rootIndex()) == 3
        if view is None or not shown or (cut_columns(view) and time.monotonic() < give_up):
            QTimer.singleShot(20, look_then_cancel)
            return
        seen.append(cut_columns(view))
        assert isinstance(dialog, QFileDialog)
        dialog.reject()

    QTimer.singleShot(0, look_then_cancel)
    window.actions_.import_articles.trigger()
    assert seen == [[]], "cut short"


def test_the_dialog_goes_on_reading_folders_after_a_collection(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, watched: None
) -> None:
    # What fits the columns lives as long as the dialog: a cycle collection in between
    # left its slot to be found nowhere, and each folder read then was a crash box.
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / f"{folder.name}.txt").write_text("Text", encoding="utf-8")
    settings = window.importer.dialogs.settings
    assert settings is not None
    settings.set_import_folder(first)
    shown: list[str] = []

    def collect_when_up() -> None:
        if not isinstance(QApplication.activeModalWidget(), QFileDialog):
            QTimer.singleShot(20, collect_when_up)
            return
        QTimer.singleShot(0, gc.collect)  # holding no wrapper of the dialog's
        QTimer.singleShot(20, go_elsewhere_then_cancel)

    def go_elsewhere_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.setDirectory(str(second))
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        qtbot.waitUntil(lambda: model.rowCount(model.index(str(second))) == 1, timeout=5000)
        qtbot.wait(50)  # the folder read is told
        shown.append(dialog.directory().dirName())
        dialog.reject()

    QTimer.singleShot(0, collect_when_up)
    window.actions_.import_articles.trigger()
    assert shown == ["second"]


def test_a_folder_typed_in_the_file_name_is_shown_with_whole_columns(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, watched: None
) -> None:
    # Its files were listed by the completer as the path was typed, so the folder is not
    # read again as it is shown: its columns were left as the empty folder's.
    empty, folder = tmp_path / "empty", tmp_path / "downloads"
    empty.mkdir()
    folder.mkdir()
    with (folder / "big_download_archive.html").open("wb") as big:
        big.truncate(123_456_789)
    (folder / "notes on the summit.markdown").write_text("Notes", encoding="utf-8")
    settings = window.importer.dialogs.settings
    assert settings is not None
    settings.set_import_folder(empty)
    seen: list[list[str]] = []
    typed: list[bool] = []

    def type_the_folder_then_look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, type_the_folder_then_look)
            return
        if not typed:
            field = dialog.findChild(QLineEdit, "fileNameEdit")
            assert field is not None
            field.setText(f"{folder}/")  # as typed, or pasted
            qtbot.wait(300)  # the completer lists the folder's files
            QTest.keyClick(field, Qt.Key.Key_Return)
            typed.append(True)
        view = dialog.findChild(QTreeView, "treeView")
        assert view is not None
        shown = view.model().rowCount(view.rootIndex()) == 2
        if (not shown or cut_columns(view)) and time.monotonic() < give_up:
            QTimer.singleShot(20, type_the_folder_then_look)
            return
        seen.append([*cut_columns(view), *([] if shown else ["(not shown)"])])
        dialog.reject()

    give_up = time.monotonic() + PATIENCE_S
    QTimer.singleShot(0, type_the_folder_then_look)
    window.actions_.import_articles.trigger()
    assert seen == [[]], "cut short"
