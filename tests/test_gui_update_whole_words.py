"""Update from newer file… with some words of a passage reworded: the passage found again
begins and ends on whole words, its first and last ones, in the Passage panel and the
Passages list, where it ended inside a word ("...for three s")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot
from test_anchor_edges import INTERVIEW, REWRITTEN
from test_gui_import_saved_pages import import_page
from test_gui_update_dialog_file import update_from_the_library

from diptych.gui.import_messages import TO_CHECK_WHERE
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level

OLD = "The union says wages have fallen behind inflation for three years."
NEW = "The union says pay has fallen behind inflation for three straight years,"


def test_a_reworded_passage_is_found_again_on_whole_words(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "interview.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    article_id = pane.article_id or 0
    start = window.session.project.articles.get(article_id=article_id).text.index(OLD)
    passage = window.session.add_passage(
        article_id=article_id, start=start, end=start + len(OLD), tag_ids=[]
    )
    path.write_text(REWRITTEN, encoding="utf-8")
    window.importer.dialogs.settings.set_import_folder(tmp_path)  # type: ignore[union-attr]

    def open_it(dialog: QFileDialog) -> None:
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        field.setText(path.name)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    posted: list[str] = []
    levels: dict[str, int] = {}
    window.context.messages.posted.connect(lambda _level, _title, text: posted.append(text))
    window.context.messages.posted.connect(lambda level, _title, text: levels.update({text: level}))
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        update_from_the_library(qtbot, window, open_it, article_id=article_id)
    said = next(text for text in posted if text.startswith("Updated “Transcript"))
    assert said.startswith(
        "Updated “Transcript of the meeting.”: 0 passages in place, 0 moved, 1 found"
        " approximately (worth a look: “The union says pay has fallen"
    )
    # No word of Orphans then; where the passage to check is listed, until checked
    assert f", 0 orphaned. {TO_CHECK_WHERE} Ctrl+Z undoes the update." in said
    # In a box, where all of them are read: the status bar's line went at the next message
    assert levels[said] == int(Level.WARNING)

    assert window.session.passage(passage.id).exact == NEW
    window.editor.show_passage(passage.id)
    assert window.editor.quote.full_text() == NEW
