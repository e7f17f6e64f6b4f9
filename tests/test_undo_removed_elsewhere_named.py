"""An undo or redo whose passage was deleted, or whose article was removed, in another
window says so naming the passage by the start of its quote, not by its number in the file
("There is no passage 7"), and the step leaves the stack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.commands import SessionCommand, perform, quote_start
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.passage_commands import (
    AddPassage,
    DeletePassage,
    ReattachPassage,
    SetPassageNote,
    SetPassageTags,
)
from diptych.gui.session import ProjectSession
from diptych.storage.model import Annotation
from diptych.storage.project import Project


def _passage(session: ProjectSession) -> Annotation:
    return next(p for p in session.project.annotations.query() if p.tag_ids and len(p.exact) > 50)


def _remove_article(session: ProjectSession, article_id: int) -> None:
    with Project.open(session.project.path) as other:
        other.articles.remove(article_id=article_id)


def _delete_passage(session: ProjectSession, passage_id: int) -> None:
    with Project.open(session.project.path) as other:
        other.annotations.delete(annotation_id=passage_id)


def test_quote_start_is_one_line_and_short() -> None:
    assert quote_start("Trade\n  talks resumed") == "Trade talks resumed"
    long = "word " * 20
    assert quote_start(long) == ("word " * 8).rstrip() + "…"


Make = Callable[[ProjectSession, Annotation], SessionCommand]


@pytest.mark.parametrize(
    ("make", "step"),
    [
        (lambda s, p: SetPassageNote(s, p.id, "mine"), "Edit note on passage “{quote}”"),
        (lambda s, p: SetPassageTags(s, p.id, []), "Change passage tags"),
        (lambda s, p: ReattachPassage(s, p.id, p.start, p.end - 1), "Re-attach passage"),
    ],
    ids=["note", "tags", "reattach"],
)
def test_undoing_a_step_on_a_passage_whose_article_was_removed_names_both(
    session: ProjectSession, undo_failures: list[str], make: Make, step: str
) -> None:
    passage = _passage(session)
    assert perform(session, make(session, passage))
    _remove_article(session, passage.article_id)

    session.undo_stack.undo()
    quote = quote_start(passage.exact)
    step = step.format(quote=quote)
    assert undo_failures == [
        f"The article of the passage “{quote}” was removed, perhaps in another window, so"
        f" “{step}” cannot be undone."
    ]
    assert session.undo_stack.count() == 0  # dropped


def test_undoing_a_note_on_a_passage_deleted_elsewhere_names_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = _passage(session)
    assert perform(session, SetPassageNote(session, passage.id, "mine"))
    _delete_passage(session, passage.id)

    session.undo_stack.undo()
    assert undo_failures == [
        f"The passage “{quote_start(passage.exact)}” was deleted, perhaps in another window,"
        f" so “Edit note on passage “{quote_start(passage.exact)}”” cannot be undone."
    ]


def test_undoing_a_new_passage_whose_article_was_removed_names_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = _passage(session)
    command = AddPassage(
        session, article_id=passage.article_id, start=0, end=60, tag_ids=passage.tag_ids
    )
    assert perform(session, command)
    assert command.passage is not None
    _remove_article(session, passage.article_id)

    session.undo_stack.undo()
    assert len(undo_failures) == 1
    assert undo_failures[0].startswith(
        f"The article of the passage “{quote_start(command.passage.exact)}” was removed"
    )
    assert "There is no" not in undo_failures[0]


def test_redoing_a_deletion_of_a_passage_deleted_elsewhere_names_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = _passage(session)
    assert perform(session, DeletePassage(session, passage.id))
    session.undo_stack.undo()  # put back
    _delete_passage(session, passage.id)

    session.undo_stack.redo()
    assert undo_failures == [
        f"The passage “{quote_start(passage.exact)}” was deleted, perhaps in another window,"
        f" so “Delete passage “{quote_start(passage.exact)}”” cannot be redone."
    ]


def test_in_the_window_undoing_a_note_whose_article_was_removed_elsewhere_names_it(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    passage = _passage(window.session)
    window.editor.show_passage(passage.id)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, " mine")
    window.editor.save_note()
    _remove_article(window.session, passage.article_id)

    window.actions_.undo.trigger()
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert errors == [
        f"The article of the passage “{quote_start(passage.exact)}” was removed, perhaps in"
        f" another window, so “Edit note on passage “{quote_start(passage.exact)}”” cannot be"
        " undone."
    ]
    assert window.editor.current_passage() is None  # the window shows it gone
