"""Undoing and redoing codebook changes puts back exactly what was there: the order of the
tags, and the ids of the memos that go with them."""

from __future__ import annotations

from diptych.gui.article_commands import SetMemo
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import DeleteTag, MergeTags, MoveTag
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def top_level(session: ProjectSession) -> list[str]:
    """The top-level tags' names in codebook order, read from the file."""
    return [t.name for t in session.project.tags.codebook().children(None)]


def tag_id(session: ProjectSession, name: str) -> int:
    found = session.project.tags.find(name=name)
    assert found is not None
    return found.id


def test_undoing_a_move_and_a_deletion_gives_back_the_codebook_order(
    session: ProjectSession,
) -> None:
    original = top_level(session)
    assert original == ["Economy", "Security", "Diplomacy", "Culture & society", "Evidence"]
    assert perform(session, DeleteTag(session, tag_id(session, "Security")))
    assert perform(session, MoveTag(session, tag_id(session, "Evidence"), None, 0))
    assert top_level(session)[0] == "Evidence"

    session.undo_stack.undo()  # the move
    session.undo_stack.undo()  # the deletion

    assert top_level(session) == original
    assert [t.name for t in session.ordered_tags()][:3] == ["Economy", "Trade", "Security"]


def test_redoing_a_merge_gives_the_target_the_same_memo(session: ProjectSession) -> None:
    evidence, economy = tag_id(session, "Evidence"), tag_id(session, "Economy")
    assert perform(session, SetMemo(session, MemoKind.TAG, evidence, "Sources we trust."))
    assert perform(session, MergeTags(session, evidence, economy))
    merged = session.project.memos.get(kind=MemoKind.TAG, target_id=economy)
    assert merged is not None and merged.text.endswith("\n\nSources we trust.")
    assert merged.text.startswith("*From the tag “Evidence”, merged here.*\n\nIts description:")

    session.undo_stack.undo()
    assert session.project.memos.get(kind=MemoKind.TAG, target_id=economy) is None
    session.undo_stack.redo()

    again = session.project.memos.get(kind=MemoKind.TAG, target_id=economy)
    assert again is not None
    assert (again.id, again.uuid, again.text) == (merged.id, merged.uuid, merged.text)


def test_undoing_a_move_leaves_a_tag_moved_elsewhere_meanwhile_where_it_is(
    session: ProjectSession,
) -> None:
    assert perform(session, MoveTag(session, tag_id(session, "Evidence"), None, 0))
    security, diplomacy = tag_id(session, "Security"), tag_id(session, "Diplomacy")
    with Project.open(session.project.path) as other:  # another window nests Security
        other.tags.move(tag_id=security, parent_id=diplomacy)

    session.undo_stack.undo()

    assert session.project.tags.get(tag_id=security).parent_id == diplomacy
    assert top_level(session) == ["Economy", "Diplomacy", "Culture & society", "Evidence"]


def test_undoing_a_move_out_of_a_tag_deleted_elsewhere_leaves_it_at_the_top_level(
    session: ProjectSession,
) -> None:
    trade, economy = tag_id(session, "Trade"), tag_id(session, "Economy")
    assert perform(session, MoveTag(session, trade, tag_id(session, "Diplomacy")))
    with Project.open(session.project.path) as other:  # another window deletes Economy
        other.tags.delete(tag_id=economy)
    failures: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: failures.append(text))

    session.undo_stack.undo()

    assert failures == []
    assert session.project.tags.get(tag_id=trade).parent_id is None
    assert top_level(session)[-1] == "Trade"
