"""Update from newer file… opens Qt's own file dialog (shown where the desktop offers none,
as offscreen here) in the folder articles were last imported from, with the article's own
file selected when it is there: a newer version is most often saved over it, and Open then
takes it at once. With the file gone, the dialog opens in that folder with nothing
selected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gui_support import menu_item
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

SHIFT = Qt.KeyboardModifier.ShiftModifier
ADDED = "An editor's note added at the top of the article."


def downloads_with(window: MainWindow, tmp_path: Path, *names: str) -> Path:
    """A folder the last import was made from, holding the newer text of the sample's
    second article under each of ``names``."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    newer = f"{ADDED}\n{sample_bytes(SAMPLE_FILES[1]).decode('utf-8')}"
    for name in names:
        (folder / name).write_text(newer, encoding="utf-8")
    settings = window.importer.dialogs.settings
    assert settings is not None
    settings.set_import_folder(folder)
    return folder


def update_from_the_library(
    qtbot: QtBot, window: MainWindow, answer: Callable[[QFileDialog], None], article_id: int = 2
) -> None:
    """Choose Update from newer file… in the menu of an article in the Library (the
    sample's second), as a user does (Shift+F10), and ``answer`` the file dialog once it
    shows its folder."""

    def when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            QTimer.singleShot(20, when_shown)
            return
        answer(dialog)

    library = window.library
    library.select_article(article_id)
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_F10, SHIFT)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    update = menu_item(menu, "Update from newer file…")
    QTimer.singleShot(0, when_shown)
    menu.close()
    update.trigger()  # the dialog's own loop runs until it is answered


def typed_name(dialog: QFileDialog) -> str:
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    assert field is not None
    return field.text()


def test_the_dialog_opens_on_the_articles_own_file_and_open_takes_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    own = window.session.project.articles.summary(article_id=2).source_name
    assert own == SAMPLE_FILES[1]
    folder = downloads_with(window, tmp_path, "other.txt", own)
    seen: list[tuple[str, list[str], str]] = []

    def look_then_open(dialog: QFileDialog) -> None:
        seen.append((dialog.directory().absolutePath(), dialog.selectedFiles(), typed_name(dialog)))
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        qtbot.keyClick(field, Qt.Key.Key_Return)  # Open
        if dialog.isVisible():  # nothing chosen to open: put away, not waited on forever
            dialog.reject()

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        update_from_the_library(qtbot, window, look_then_open)
        assert seen == [(str(folder), [str(folder / own)], own)]

    assert window.session.project.articles.get(article_id=2).text.startswith(ADDED)


def test_with_the_articles_file_gone_the_dialog_opens_in_its_folder_with_nothing_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = downloads_with(window, tmp_path, "renamed since.txt")
    seen: list[tuple[str, str]] = []

    def look_then_cancel(dialog: QFileDialog) -> None:
        seen.append((dialog.directory().absolutePath(), typed_name(dialog)))
        dialog.reject()

    update_from_the_library(qtbot, window, look_then_cancel)

    assert seen == [(str(folder), "")]
    assert not window.session.undo_stack.canUndo()


def test_a_source_name_that_is_no_files_name_selects_no_file_of_that_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # A source brought in from a REFI-QDA file bears the name it had there.
    parsed = parse_article(b"Notes of the second week.", name="notes.txt")
    article = window.session.project.articles.add(
        parsed=replace(parsed, source_name="Week 2/notes.txt")
    )
    window.session.reload_all()
    folder = downloads_with(window, tmp_path, "notes.txt")
    seen: list[tuple[str, str]] = []

    def look_then_cancel(dialog: QFileDialog) -> None:
        seen.append((dialog.directory().absolutePath(), typed_name(dialog)))
        dialog.reject()

    update_from_the_library(qtbot, window, look_then_cancel, article.id)

    assert seen == [(str(folder), "")]
