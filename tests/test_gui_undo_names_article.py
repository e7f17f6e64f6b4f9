"""Undo and redo of a step on an article name the article by its title (shortened as a
passage's quote is), as the steps on a tag name the tag: "Undo Remove article" did not
say which article would come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import menu_item
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow

XI_START = "Xi’s South Korea Visit Marks Turning Poi…"  # the first 40 characters, and …


def undo_redo_names(qtbot: QtBot, window: MainWindow) -> tuple[str, str, str]:
    """Edit > Undo's name, the status bar's once Ctrl+Z undid the step, then Edit > Redo's."""
    undo_name = window.actions_.undo.text()
    view = window.library.view
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    return undo_name, window.statusBar().currentMessage(), window.actions_.redo.text()


def keyboard_in_library(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    window.activateWindow()
    window.library.select_article(article_id)
    window.library.view.setFocus()
    qtbot.waitUntil(window.library.view.hasFocus)


def test_renaming_an_article_names_its_old_and_new_title(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_args, **_kwargs: ("Xi in Seoul", True))
    )
    keyboard_in_library(qtbot, window, 2)
    qtbot.keyClick(window.library.view, Qt.Key.Key_F2)
    step = f"Rename article “{XI_START}” to “Xi in Seoul”"
    assert undo_redo_names(qtbot, window) == (f"&Undo {step}", f"Undone: {step}", f"&Redo {step}")


def test_removing_an_article_names_it_and_several_are_counted(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    keyboard_in_library(qtbot, window, 1)
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    step = "Remove article “The Shifting Landscape: Evidence of a Ne…”"
    assert undo_redo_names(qtbot, window) == (f"&Undo {step}", f"Undone: {step}", f"&Redo {step}")

    qtbot.keyClick(window.library.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.library.selected_articles()) == 2
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    assert window.actions_.undo.text() == "&Undo Remove 2 articles"


def test_updating_an_article_from_a_newer_file_names_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = window.session.project.articles.summary(article_id=2).source_name
    newer = tmp_path / source  # its own file's newer version, asked nothing
    project = window.session.project
    text = project.articles.get(article_id=2).text
    gone = project.annotations.query(article_id=2)[0].exact  # orphaned by the update
    newer.write_text(f"{text.replace(gone, '')}\n\nAn editor's note.\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(newer), ""))
    )
    keyboard_in_library(qtbot, window, 2)
    qtbot.keyClick(window.library.view, Qt.Key.Key_Menu)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    update = menu_item(menu, "Update from newer file…")
    menu.close()
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        update.trigger()
    box = QApplication.activeModalWidget()  # a box says which passages were orphaned
    assert isinstance(box, QMessageBox)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    keyboard_in_library(qtbot, window, 2)
    step = f"Update article “{XI_START}” from newer file"
    assert undo_redo_names(qtbot, window) == (f"&Undo {step}", f"Undone: {step}", f"&Redo {step}")


def test_importing_one_article_names_it_and_several_are_counted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes of the trade talks\n\nBoth sides agreed.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([minutes])
    window.library.view.setFocus()
    step = "Import article “Minutes of the trade talks”"
    assert undo_redo_names(qtbot, window) == (f"&Undo {step}", f"Undone: {step}", f"&Redo {step}")

    more = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in more:
        path.write_text(f"Talks {path.stem}\n\nText.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files(more)
    assert window.actions_.undo.text() == "&Undo Import 2 articles"


def test_a_title_with_an_ampersand_is_named_as_written(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_args, **_kwargs: ("Trade & Talks", True))
    )
    keyboard_in_library(qtbot, window, 2)
    qtbot.keyClick(window.library.view, Qt.Key.Key_F2)
    assert window.session.undo_stack.undoText().endswith("to “Trade & Talks”")
    assert window.actions_.undo.text().endswith("to “Trade && Talks”")  # a menu's & doubled
