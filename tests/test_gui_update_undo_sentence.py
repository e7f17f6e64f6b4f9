"""What the window says of undoing an update from a newer file is true when it is said:
a note being typed as the update lands is saved before it, so that Ctrl+Z (pressed in the
update's box, or Edit > Undo) takes back the update, as said, and not the typing, which
was saved after it (as the box took the focus, or as Ctrl+Z was pressed) where it is now
kept. A step made after the update is counted in the message: Ctrl+Z takes it back first;
one made while the update's box is open (an import ending) is named in the box.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from test_gui_update_dialog_file import update_from_the_library

from diptych.gui import importer
from diptych.gui.commands import quote_start, steps_since
from diptych.gui.import_jobs import NewerVersion
from diptych.gui.import_messages import update_message
from diptych.gui.main_window import MainWindow
from diptych.gui.workers import Progress
from diptych.storage.model import ReanchorReport
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

CONTROL = Qt.KeyboardModifier.ControlModifier
GONE = "- Security cooperation"  # its passage is orphaned by the update
ADDED = "An editor's note added at the top of the article."
TYPED = " Checked again."


def newer_file(window: MainWindow, tmp_path: Path, *, orphaning: bool) -> Path:
    """The sample's second article's newer text, in the folder imports are made from,
    under its own name."""
    lines = sample_bytes(SAMPLE_FILES[1]).decode("utf-8").splitlines()
    if orphaning:
        lines = [line for line in lines if not line.startswith(GONE)]
    folder = tmp_path / "downloads"
    folder.mkdir()
    newer = folder / SAMPLE_FILES[1]
    newer.write_text("\n".join([ADDED, *lines]), encoding="utf-8")
    settings = window.importer.dialogs.settings
    assert settings is not None
    settings.set_import_folder(folder)
    return newer


def update_while_typing_a_note(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """Choose the newer file of the second article from its menu in the Library; while
    it is read, type in the note of a passage of the first article, with no pause to save
    it; then let the update end. The passage and its note as it was."""
    passage = window.session.project.annotations.query(article_id=1)[0]
    window.coding.select_passage(passage.id)
    reading = threading.Event()  # the newer file is read until the note is typed
    read = importer.newer_version_job

    def read_slowly(*args: Any) -> Callable[[Progress], NewerVersion]:
        job = read(*args)

        def job_once_typed(progress: Progress) -> NewerVersion:
            reading.wait(10)
            return job(progress)

        return job_once_typed

    monkeypatch.setattr(importer, "newer_version_job", read_slowly)

    def open_it(dialog: QFileDialog) -> None:
        qtbot.keyClick(dialog.findChild(QLineEdit, "fileNameEdit"), Qt.Key.Key_Return)

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        update_from_the_library(qtbot, window, open_it)
        window.activateWindow()
        assert window.editor.edit_note()
        qtbot.waitUntil(window.editor.note.hasFocus)
        qtbot.keyClicks(window.editor.note, TYPED)
        reading.set()
    return passage.id, passage.note


def test_ctrl_z_in_the_updates_box_undoes_the_update_not_the_note_typed_meanwhile(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    old_text = session.project.articles.get(article_id=2).text
    newer_file(window, tmp_path, orphaning=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    passage_id, note = update_while_typing_a_note(qtbot, window, monkeypatch)

    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.text().endswith("Ctrl+Z undoes the update.")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)  # the note lost the focus
    qtbot.keyClick(box, Qt.Key.Key_Z, CONTROL)  # as the box says, while it is open

    assert session.project.articles.get(article_id=2).text == old_text
    assert session.project.annotations.get(annotation_id=passage_id).note == note + TYPED
    quote = quote_start(session.passage(passage_id).exact)
    assert window.actions_.undo.text() == f"&Undo Edit note on passage “{quote}”"
    qtbot.waitUntil(lambda: not box.isVisible())


def test_edit_undo_after_the_update_undoes_it_not_the_note_typed_meanwhile(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    old_text = session.project.articles.get(article_id=2).text
    newer_file(window, tmp_path, orphaning=False)

    passage_id, note = update_while_typing_a_note(qtbot, window, monkeypatch)

    assert window.message_bar.currentMessage().endswith("Ctrl+Z undoes the update.")
    assert QApplication.activeModalWidget() is None  # nothing lost: no box
    window.actions_.undo.trigger()  # Edit > Undo, with the note still being typed

    assert session.project.articles.get(article_id=2).text == old_text
    assert session.project.annotations.get(annotation_id=passage_id).note == note + TYPED
    assert window.editor.note.toPlainText() == note + TYPED


class Step(QUndoCommand):
    """A step that changes nothing, for counting."""


def test_steps_made_after_the_update_are_said_to_be_undone_first(qapp: QApplication) -> None:
    stack = QUndoStack()
    update, later = Step("Update article"), Step("Edit note")
    report = ReanchorReport(article_id=1, kept=2, moved=0, fuzzy=0, orphaned=0)
    said = []
    stack.push(update)
    for step in (later, Step("Tag passage")):
        said.append(update_message(report, title="Talks", since=steps_since(stack, update)))
        stack.push(step)
    said.append(update_message(report, title="Talks", since=steps_since(stack, update)))
    stack.undo(), stack.undo(), stack.undo()
    said.append(update_message(report, title="Talks", since=steps_since(stack, update)))

    found = "Updated “Talks”: 2 passages in place, 0 moved, 0 found approximately, 0 orphaned."
    assert said == [
        f"{found} Ctrl+Z undoes the update.",
        f"{found} Ctrl+Z undoes the step made since first, then the update.",
        f"{found} Ctrl+Z undoes the 2 steps made since first, then the update.",
        found,  # undone already
    ]


def test_the_updates_box_says_so_when_a_step_is_made_while_it_is_open(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    session = window.session
    old_text = session.project.articles.get(article_id=2).text
    newer_file(window, tmp_path, orphaning=True)
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n\nBoth sides agreed.\n", encoding="utf-8")
    titles = [a.title for a in session.articles()]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def open_it(dialog: QFileDialog) -> None:
        qtbot.keyClick(dialog.findChild(QLineEdit, "fileNameEdit"), Qt.Key.Key_Return)

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        update_from_the_library(qtbot, window, open_it)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.text().endswith("Ctrl+Z undoes the update.")
    said = box.text()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    # An import the user started before ends while the box is open (it is made in the
    # background: the box holds the window's keys and mouse).
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([minutes])
    assert box.text() == (
        f"{said}\n\nSince then, another step was made (Import article “Minutes”):"
        " Ctrl+Z undoes it first."
    )

    qtbot.keyClick(box, Qt.Key.Key_Z, CONTROL)  # as the box now says

    assert [a.title for a in session.articles()] == titles  # the import undone
    assert session.project.articles.get(article_id=2).text != old_text
    qtbot.waitUntil(lambda: not box.isVisible())
    window.actions_.undo.trigger()  # Edit > Undo, the box put away
    assert session.project.articles.get(article_id=2).text == old_text
