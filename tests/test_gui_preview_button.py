"""The note's Preview button names the way back to writing while the note is previewed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.passage_editor import PassageEditor
from diptych.gui.session import ProjectSession


def test_preview_then_edit(qtbot: QtBot, session: ProjectSession) -> None:
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    passage = next(p for p in session.project.annotations.query() if p.note)
    editor.show_passage(passage.id)
    button = editor.preview_button
    assert button.text() == "Preview"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.note_pages.currentWidget() is editor.preview
    assert button.text() == "Edit"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.note_pages.currentWidget() is editor.note
    assert button.text() == "Preview"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor.show_passage(passage.id)  # another passage shown: writing again, and said so
    other = next(p for p in session.project.annotations.query() if p.id != passage.id)
    editor.show_passage(other.id)
    assert button.text() == ("Edit" if button.isChecked() else "Preview")
