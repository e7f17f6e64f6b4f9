"""An undo or redo refused because another program holds the project file can be tried
again, as the message says, instead of the step being lost and the next Ctrl+Z taking back
the step before it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import SetMemo
from diptych.gui.commands import perform
from diptych.gui.passage_commands import DeletePassage
from diptych.gui.session import ProjectSession
from diptych.storage.model import MemoKind


@pytest.fixture
def failures(session: ProjectSession, undo_failures: list[str]) -> list[str]:
    session.project.db.execute("PRAGMA busy_timeout = 0")  # refused at once, not after 5 s
    return undo_failures


@pytest.fixture
def lock(session: ProjectSession) -> Iterator[sqlite3.Connection]:
    """Another program's connection to the file; ``BEGIN IMMEDIATE`` on it holds the file."""
    other = sqlite3.connect(session.project.path, isolation_level=None)
    yield other
    other.close()


def test_an_undo_refused_while_the_file_is_busy_can_be_tried_again(
    qtbot: QtBot, session: ProjectSession, failures: list[str], lock: sqlite3.Connection
) -> None:
    stack = session.undo_stack
    passage = session.project.annotations.query()[0]
    memo = session.memo_text(MemoKind.PROJECT)
    assert perform(session, DeletePassage(session, passage.id))
    assert perform(session, SetMemo(session, MemoKind.PROJECT, None, "Written last."))

    lock.execute("BEGIN IMMEDIATE")
    stack.undo()
    assert len(failures) == 1 and "is busy" in failures[0]
    qtbot.waitUntil(lambda: stack.index() == 2)  # the step is back where it was
    assert stack.count() == 2 and stack.undoText() == "Edit project memo"
    lock.execute("COMMIT")

    stack.undo()  # tried again: the memo, not the passage deleted before it

    assert session.memo_text(MemoKind.PROJECT) == memo
    assert passage.id not in {p.id for p in session.project.annotations.query()}
    assert (stack.index(), stack.count()) == (1, 2)
    stack.redo()
    assert session.memo_text(MemoKind.PROJECT) == "Written last."
    assert len(failures) == 1


def test_a_redo_refused_while_the_file_is_busy_can_be_tried_again(
    qtbot: QtBot, session: ProjectSession, failures: list[str], lock: sqlite3.Connection
) -> None:
    stack = session.undo_stack
    passage = session.project.annotations.query()[0]
    assert perform(session, DeletePassage(session, passage.id))
    stack.undo()
    assert passage.id in {p.id for p in session.project.annotations.query()}

    lock.execute("BEGIN IMMEDIATE")
    stack.redo()
    assert len(failures) == 1 and "is busy" in failures[0]
    qtbot.waitUntil(lambda: stack.index() == 0)
    assert stack.count() == 1 and stack.redoText().startswith("Delete passage “")
    lock.execute("COMMIT")

    stack.redo()

    assert passage.id not in {p.id for p in session.project.annotations.query()}
    assert (stack.index(), stack.count()) == (1, 1)
