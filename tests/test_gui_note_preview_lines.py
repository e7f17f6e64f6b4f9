"""The Passage panel's Preview shows a note as it was typed: each Enter a line break, a
heading a bold line no larger than the note's text, as the HTML report shows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.passage_editor import PassageEditor
from diptych.gui.session import ProjectSession


def _previewed(qtbot: QtBot, session: ProjectSession, lines: list[str]) -> PassageEditor:
    """The editor showing a passage whose note was typed as ``lines``, then previewed."""
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    passage = next(iter(session.project.annotations.query()))
    editor.show_passage(passage.id)
    qtbot.mouseClick(editor.note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.note, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.note, Qt.Key.Key_Delete)
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(editor.note, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.note, line)
    assert editor.note.toPlainText() == "\n".join(lines)
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.note_pages.currentWidget() is editor.preview
    return editor


def test_a_note_typed_on_two_lines_previews_on_two_lines(
    qtbot: QtBot, session: ProjectSession
) -> None:
    editor = _previewed(qtbot, session, ["first point", "second point"])
    assert editor.preview.toPlainText() == "first point\nsecond point"


def test_a_heading_in_a_note_previews_as_a_bold_line_of_the_notes_size(
    qtbot: QtBot, session: ProjectSession
) -> None:
    editor = _previewed(qtbot, session, ["# Heading", "", "Some text."])
    document = editor.preview.document()
    heading, text = document.firstBlock(), document.lastBlock()
    assert (heading.text(), text.text()) == ("Heading", "Some text.")
    assert heading.blockFormat().headingLevel() == 0
    cursor = QTextCursor(heading)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    bold = cursor.charFormat().font()
    cursor = QTextCursor(text)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    plain = cursor.charFormat().font()
    assert bold.weight() >= QFont.Weight.Bold and plain.weight() < QFont.Weight.Bold
    assert bold.pointSizeF() == plain.pointSizeF()
