"""Another window or program changes the project while this window shows it."""

from __future__ import annotations

from pathlib import Path

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article
NEW_TEXT = b"Another version of this article, saved in another window.\n"


def test_tagging_text_replaced_in_another_window_is_refused_and_the_new_text_shown(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    article_id = pane.article_id or 0
    with Project.open(sample) as project:
        before = len(project.annotations.query(article_id=article_id))
    select_text(pane, QUOTE)

    with Project.open(sample) as other:  # the other window updates the article meanwhile
        other.articles.replace_text(
            article_id=article_id, parsed=parse_article(NEW_TEXT, name="update.txt")
        )
    qtbot.keyClick(pane.view, Qt.Key.Key_1)

    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1 and "changed in another window or program" in errors[0]
    assert "Select the passage again" in errors[0]
    qtbot.waitUntil(lambda: pane.view.toPlainText().startswith("Another version"), timeout=5000)
    with Project.open(sample) as project:
        passages = project.annotations.query(article_id=article_id)
        assert all(p.exact != QUOTE for p in passages)
        assert len(passages) == before  # re-anchored or orphaned by the update, none added
    assert not window.session.undo_stack.canUndo()  # nothing was done, nothing to undo


def _passage_at(sample: Path, quote: str) -> tuple[int, tuple[int, ...], str]:
    with Project.open(sample, read_only=True) as project:
        (passage,) = [p for p in project.annotations.query() if p.exact == quote]
        return passage.id, passage.tag_ids, passage.note


def test_undo_keeps_a_tag_and_a_note_another_window_gave_the_passage_meanwhile(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # a new passage with the first tag
    passage_id, (first,), _ = _passage_at(sample, QUOTE)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_2)  # and the second
    note = window.editor.note
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "mine")
    tags = _passage_at(sample, QUOTE)[1]
    assert len(tags) == 2
    qtbot.waitUntil(lambda: _passage_at(sample, QUOTE)[2] == "mine", timeout=5000)
    pane.view.setFocus()

    with Project.open(sample) as other:  # another window tags and annotates it meanwhile
        theirs = next(t.id for t in other.tags.all() if t.id not in tags)
        other.annotations.set_tags(annotation_id=passage_id, tag_ids=[*tags, theirs])
        other.annotations.set_note(annotation_id=passage_id, note="theirs")

    window.actions_.undo.trigger()  # the note: changed since, so kept
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1 and "note was changed since" in errors[0]
    qtbot.waitUntil(lambda: window.editor.note.toPlainText() == "theirs", timeout=5000)

    window.actions_.undo.trigger()  # the second tag: taken off, theirs stays
    _, after, note_text = _passage_at(sample, QUOTE)
    assert set(after) == {first, theirs} and note_text == "theirs"
    assert len([1 for level, _t, _x in posted if level == Level.ERROR]) == 1
