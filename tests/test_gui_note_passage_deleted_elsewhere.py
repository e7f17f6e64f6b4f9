"""A note being typed on a passage that another window deletes (or whose article it
removes): what was typed is given back in a message, never dropped, and no error names
the passage by its number in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.commands import quote_start
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.model import Annotation
from diptych.storage.project import Project


def _typing_in_the_note(qtbot: QtBot, window: MainWindow, sample: Path) -> Annotation:
    with Project.open(sample, read_only=True) as project:
        passage = next(p for p in project.annotations.query() if p.note)
    window.session.watch(False)  # the window looks at the file when the test says
    window.editor.show_passage(passage.id)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " half a thought")
    return passage


def _posted(window: MainWindow) -> list[tuple[int, str, str]]:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    return posted


@pytest.mark.parametrize("removed", ["passage", "article"])
def test_a_note_typed_on_a_passage_removed_elsewhere_is_given_back(
    qtbot: QtBot, window: MainWindow, sample: Path, removed: str
) -> None:
    posted = _posted(window)
    passage = _typing_in_the_note(qtbot, window, sample)
    with Project.open(sample) as other:
        if removed == "passage":
            other.annotations.delete(annotation_id=passage.id)
        else:
            other.articles.remove(article_id=passage.article_id)

    window.session.on_watch_timeout()  # this window notices
    assert window.editor.current_passage() is None
    assert [text for level, _title, text in posted if level == Level.ERROR] == []
    warnings = [(title, text) for level, title, text in posted if level == Level.WARNING]
    assert len(warnings) == 1 and warnings[0][0] == "Note not saved"
    assert f"“{quote_start(passage.exact)}”" in warnings[0][1]
    assert "in another window" in warnings[0][1]
    assert warnings[0][1].endswith(f"\n\n{passage.note} half a thought")


def test_a_note_saved_before_the_window_saw_its_passage_deleted_is_given_back(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    posted = _posted(window)
    passage = _typing_in_the_note(qtbot, window, sample)
    with Project.open(sample) as other:
        other.annotations.delete(annotation_id=passage.id)

    window.editor.save_note()  # the pause in typing, before the window looked at the file
    assert [text for level, _title, text in posted if level == Level.ERROR] == []
    warnings = [text for level, _title, text in posted if level == Level.WARNING]
    assert len(warnings) == 1 and warnings[0].endswith(" half a thought")
    window.session.on_watch_timeout()
    assert window.editor.current_passage() is None
    assert len([1 for level, _t, _x in posted if level == Level.WARNING]) == 1
