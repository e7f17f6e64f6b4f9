"""Undo and redo never throw away what another window (or an import) changed on the same
passage or memo after the step: a change of tags is taken back as a change, the tags
added or removed meanwhile staying as they were; a note or memo written meanwhile is
kept, and the window says why that step was not undone."""

from __future__ import annotations

import pytest

from diptych.gui.article_commands import RenameArticle, SetMemo
from diptych.gui.commands import perform
from diptych.gui.passage_commands import SetPassageNote, SetPassageTags
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import UpdateTag
from diptych.storage.model import Annotation, MemoKind
from diptych.storage.project import Project


@pytest.fixture
def failures(undo_failures: list[str]) -> list[str]:
    """The messages saying an undo or redo failed."""
    return undo_failures


def _passage_with_one_tag(session: ProjectSession) -> Annotation:
    return next(p for p in session.project.annotations.query() if len(p.tag_ids) == 1)


def _other_tags(session: ProjectSession, passage: Annotation, count: int) -> list[int]:
    ids = [t.id for t in session.project.tags.all() if t.id not in passage.tag_ids]
    assert len(ids) >= count
    return ids[:count]


def test_undoing_a_change_of_tags_keeps_a_tag_another_window_added_meanwhile(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = _passage_with_one_tag(session)
    (first,) = passage.tag_ids
    mine, theirs = _other_tags(session, passage, 2)
    assert perform(session, SetPassageTags(session, passage.id, [first, mine]))
    with Project.open(session.project.path) as other:
        other.annotations.set_tags(annotation_id=passage.id, tag_ids=[first, mine, theirs])

    session.undo_stack.undo()
    assert set(session.passage(passage.id).tag_ids) == {first, theirs}
    session.undo_stack.redo()
    assert set(session.passage(passage.id).tag_ids) == {first, mine, theirs}
    assert failures == []


def test_undoing_a_change_of_tags_keeps_a_removal_made_in_another_window(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = _passage_with_one_tag(session)
    (first,) = passage.tag_ids
    (mine,) = _other_tags(session, passage, 1)
    assert perform(session, SetPassageTags(session, passage.id, [mine]))  # first taken off
    with Project.open(session.project.path) as other:
        other.annotations.set_tags(annotation_id=passage.id, tag_ids=[])  # mine taken off

    session.undo_stack.undo()
    assert session.passage(passage.id).tag_ids == (first,)
    session.undo_stack.redo()
    assert session.passage(passage.id).tag_ids == (mine,)
    assert failures == []


def test_a_note_written_in_another_window_after_the_step_is_not_undone(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = _passage_with_one_tag(session)
    assert perform(session, SetPassageNote(session, passage.id, "mine"))
    with Project.open(session.project.path) as other:
        other.annotations.set_note(annotation_id=passage.id, note="theirs")

    session.undo_stack.undo()

    assert session.passage(passage.id).note == "theirs"
    assert len(failures) == 1
    assert "changed" in failures[0] and "note" in failures[0]
    assert not session.undo_stack.canUndo()  # the step left the stack


def test_a_note_written_elsewhere_after_an_undo_is_not_overwritten_by_redo(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = _passage_with_one_tag(session)
    assert perform(session, SetPassageNote(session, passage.id, "mine"))
    session.undo_stack.undo()
    assert session.passage(passage.id).note == passage.note
    with Project.open(session.project.path) as other:
        other.annotations.set_note(annotation_id=passage.id, note="theirs")

    session.undo_stack.redo()

    assert session.passage(passage.id).note == "theirs"
    assert len(failures) == 1


def test_a_note_undone_and_redone_when_nothing_else_changed_it(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = _passage_with_one_tag(session)
    assert perform(session, SetPassageNote(session, passage.id, "  mine\n"))
    session.undo_stack.undo()
    assert session.passage(passage.id).note == passage.note
    session.undo_stack.redo()
    assert session.passage(passage.id).note == "  mine\n"
    assert failures == []


def test_an_article_memo_written_in_another_window_after_the_step_is_not_undone(
    session: ProjectSession, failures: list[str]
) -> None:
    article_id = session.articles()[0].id
    assert perform(session, SetMemo(session, MemoKind.ARTICLE, article_id, "mine"))
    with Project.open(session.project.path) as other:
        other.memos.set(kind=MemoKind.ARTICLE, target_id=article_id, text="theirs")

    session.undo_stack.undo()

    assert session.memo_text(MemoKind.ARTICLE, article_id) == "theirs"
    assert len(failures) == 1 and "memo" in failures[0]


def test_a_tag_renamed_again_in_another_window_is_not_renamed_back_by_undo(
    session: ProjectSession, failures: list[str]
) -> None:
    trade = session.project.tags.find(name="Trade")
    assert trade is not None
    assert perform(session, UpdateTag(session, trade.id, name="Commerce", color="#5ED1C4"))
    with Project.open(session.project.path) as other:
        other.tags.update(tag_id=trade.id, name="Exchange")

    session.undo_stack.undo()

    now = session.project.tags.get(tag_id=trade.id)
    assert (now.name, now.color) == ("Exchange", "#5ED1C4")  # nothing of the step undone
    assert len(failures) == 1 and "tag's name" in failures[0]
    assert not session.undo_stack.canUndo()


def test_a_recolouring_is_undone_and_redone_when_nothing_else_changed_the_tag(
    session: ProjectSession, failures: list[str]
) -> None:
    trade = session.project.tags.find(name="Trade")
    assert trade is not None
    assert perform(session, UpdateTag(session, trade.id, color="#5ED1C4", description="d"))
    session.undo_stack.undo()
    back = session.project.tags.get(tag_id=trade.id)
    assert (back.color, back.description) == (trade.color, trade.description)
    session.undo_stack.redo()
    again = session.project.tags.get(tag_id=trade.id)
    assert (again.color, again.description) == ("#5ED1C4", "d")
    assert failures == []


def test_an_article_renamed_again_in_another_window_is_not_renamed_back_by_undo(
    session: ProjectSession, failures: list[str]
) -> None:
    article = session.articles()[0]
    assert perform(session, RenameArticle(session, article.id, "  Mine  "))
    assert session.project.articles.summary(article_id=article.id).title == "Mine"
    session.undo_stack.undo()
    assert session.project.articles.summary(article_id=article.id).title == article.title
    session.undo_stack.redo()
    assert failures == []
    with Project.open(session.project.path) as other:
        other.articles.rename(article_id=article.id, title="Theirs")

    session.undo_stack.undo()

    assert session.project.articles.summary(article_id=article.id).title == "Theirs"
    assert len(failures) == 1 and "title" in failures[0]
