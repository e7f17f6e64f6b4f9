"""Previewing a note or memo with nothing written says so, instead of a blank box."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.note_html import EMPTY_PREVIEW


def test_an_empty_note_previews_as_nothing_written(qtbot: QtBot, window: MainWindow) -> None:
    project = window.session.project
    passage = project.annotations.add(article_id=1, start=0, end=10)  # no note
    window.docks["passage"].show()
    window.coding.select_passage(passage.id)
    window.editor.preview_button.click()
    preview = window.editor.preview
    assert preview.isVisible()
    assert preview.toPlainText() == "" and preview.placeholderText() == EMPTY_PREVIEW

    window.editor.preview_button.click()  # back to the note: write, then preview again
    window.editor.note.setPlainText("Compare **both** speeches.")
    window.editor.preview_button.click()
    assert preview.toPlainText() == "Compare both speeches."
