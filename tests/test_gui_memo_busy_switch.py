"""A memo or note that cannot be saved as its panel goes on to another one (another program
holds the project file) is said once, not once for each try made on the way, and what was
typed is given back in that message rather than dropped."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.annotations import AnnotationStore
from diptych.storage.errors import ProjectBusyError
from diptych.storage.memos import MemoStore


def test_a_tag_memo_refused_as_another_tag_is_selected_is_said_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    window.tags.select_tag(3)
    field = window.memos.tag_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Half a thought")

    def busy(*_args: object, **_kwargs: object) -> None:
        raise ProjectBusyError("is busy: another program is writing to it")

    monkeypatch.setattr(MemoStore, "set", busy)
    window.memos.show_tag(4)
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1 and "busy" in errors[0]


def refuse_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(*_args: object, **_kwargs: object) -> None:
        raise ProjectBusyError("is busy: another program is writing to it")

    monkeypatch.setattr(MemoStore, "set", busy)
    monkeypatch.setattr(AnnotationStore, "set_note", busy)


def test_a_memo_refused_as_the_panel_goes_on_is_given_back_in_its_message(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    window.tags.select_tag(3)
    field = window.memos.tag_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Half a thought on security")
    refuse_writes(monkeypatch)
    window.memos.show_tag(4)
    errors = [(title, text) for level, title, text in posted if level == Level.ERROR]
    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Memo not saved" and "busy" in text
    assert text.endswith("What was typed:\n\nHalf a thought on security")
    assert field.target_id == 4 and "Half a thought" not in field.toPlainText()
    monkeypatch.undo()
    window.memos.show_tag(3)  # nothing was written over the tag's memo either
    assert "Half a thought" not in field.toPlainText()


def test_a_note_refused_as_another_passage_is_shown_is_given_back_in_its_message(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    passages = window.session.project.annotations.query()
    first, second = passages[0].id, passages[1].id
    window.coding.selection.select_passage(first)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.edit_note())
    qtbot.waitUntil(editor.note.hasFocus)
    editor.note.selectAll()
    qtbot.keyClicks(editor.note, "A note the file refused")
    refuse_writes(monkeypatch)
    window.coding.selection.select_passage(second)
    errors = [(title, text) for level, title, text in posted if level == Level.ERROR]
    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Note not saved" and "busy" in text
    assert text.endswith("What was typed:\n\nA note the file refused")
    assert "A note the file refused" not in editor.note.toPlainText()
