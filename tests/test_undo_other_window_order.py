"""Undoing or redoing a move of a tag never puts back an order of its siblings over the
order another window gave them since (a tag moved among them, or the tag itself moved
elsewhere among them): the order stays as that window left it and the window says why.
Tags added, deleted or renamed there meanwhile are no change of order."""

from __future__ import annotations

from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import MoveTag
from diptych.storage.project import Project

TOP = ["Economy", "Security", "Diplomacy", "Culture & society", "Evidence"]


def _tag_id(session: ProjectSession, name: str) -> int:
    tag = session.project.tags.find(name=name)
    assert tag is not None
    return tag.id


def _order(session: ProjectSession, parent: str | None = None) -> list[str]:
    parent_id = None if parent is None else _tag_id(session, parent)
    return [t.name for t in session.project.tags.codebook().children(parent_id)]


def _evidence_first(session: ProjectSession) -> int:
    evidence = _tag_id(session, "Evidence")
    assert _order(session) == TOP
    assert perform(session, MoveTag(session, evidence, None, 0))
    assert _order(session) == ["Evidence", *TOP[:-1]]
    return evidence


def test_undoing_a_move_keeps_an_order_another_window_gave_the_siblings_since(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    _evidence_first(session)
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=_tag_id(session, "Security"), parent_id=None)  # to the end
    theirs = ["Evidence", "Economy", "Diplomacy", "Culture & society", "Security"]

    session.undo_stack.undo()

    assert _order(session) == theirs
    assert len(undo_failures) == 1
    assert "order of the tags at the top level was changed" in undo_failures[0]
    assert "another window" in undo_failures[0]
    assert not session.undo_stack.canUndo() and not session.undo_stack.canRedo()


def test_undoing_a_move_keeps_the_tag_where_another_window_put_it_among_the_same_siblings(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    evidence = _evidence_first(session)
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=evidence, parent_id=None, position=2)
    theirs = ["Economy", "Security", "Evidence", "Diplomacy", "Culture & society"]

    session.undo_stack.undo()

    assert _order(session) == theirs
    assert len(undo_failures) == 1 and "order of the tags" in undo_failures[0]


def test_redoing_a_move_keeps_an_order_another_window_gave_the_siblings_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    _evidence_first(session)
    session.undo_stack.undo()
    assert _order(session) == TOP
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=_tag_id(session, "Security"), parent_id=None)  # to the end
    theirs = ["Economy", "Diplomacy", "Culture & society", "Evidence", "Security"]

    session.undo_stack.redo()

    assert _order(session) == theirs
    assert len(undo_failures) == 1 and "order of the tags at the top level" in undo_failures[0]


def test_undoing_a_nesting_keeps_an_order_another_window_gave_the_new_siblings(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    trade = _tag_id(session, "Trade")
    assert perform(session, MoveTag(session, trade, None, 1))  # out of Economy, second
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=_tag_id(session, "Evidence"), parent_id=None, position=0)
    theirs = ["Evidence", "Economy", "Trade", "Security", "Diplomacy", "Culture & society"]

    session.undo_stack.undo()

    assert _order(session) == theirs
    assert len(undo_failures) == 1 and "at the top level" in undo_failures[0]


def test_undoing_a_nesting_keeps_an_order_another_window_gave_the_siblings_left_behind(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    diplomacy, summitry = _tag_id(session, "Diplomacy"), _tag_id(session, "Summitry")
    session.project.tags.add(name="Envoys", parent_id=diplomacy)
    treaties = session.project.tags.add(name="Treaties", parent_id=diplomacy)
    assert perform(session, MoveTag(session, summitry, None))  # out of Diplomacy
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=treaties.id, parent_id=diplomacy, position=0)

    session.undo_stack.undo()

    assert _order(session, "Diplomacy") == ["Treaties", "Envoys"]
    assert session.project.tags.get(tag_id=summitry).parent_id is None
    assert len(undo_failures) == 1 and "order of the tags under 'Diplomacy'" in undo_failures[0]


def test_a_move_is_undone_and_redone_though_another_window_added_deleted_or_renamed_siblings(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    _evidence_first(session)
    with Project.open(session.project.path) as other:
        other.tags.add(name="Newer")
        other.tags.delete(tag_id=_tag_id(session, "Culture & society"))
        other.tags.update(tag_id=_tag_id(session, "Security"), name="Safety")

    session.undo_stack.undo()
    assert _order(session) == ["Economy", "Safety", "Diplomacy", "Evidence", "Newer"]
    session.undo_stack.redo()
    assert _order(session) == ["Evidence", "Economy", "Safety", "Diplomacy", "Newer"]
    session.undo_stack.undo()
    assert _order(session) == ["Economy", "Safety", "Diplomacy", "Evidence", "Newer"]
    assert undo_failures == []


def test_moves_in_one_window_are_undone_and_redone_to_the_same_order(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    trade, evidence = _tag_id(session, "Trade"), _tag_id(session, "Evidence")
    diplomacy = _tag_id(session, "Diplomacy")
    assert perform(session, MoveTag(session, evidence, None, 1))
    assert perform(session, MoveTag(session, trade, diplomacy, 0))
    assert perform(session, MoveTag(session, diplomacy, None, 0))
    done = (_order(session), _order(session, "Diplomacy"))
    assert done == (
        ["Diplomacy", "Economy", "Evidence", "Security", "Culture & society"],
        ["Trade", "Summitry"],
    )
    for _ in range(2):
        for _ in range(3):
            session.undo_stack.undo()
        assert (_order(session), _order(session, "Diplomacy")) == (TOP, ["Summitry"])
        for _ in range(3):
            session.undo_stack.redo()
        assert (_order(session), _order(session, "Diplomacy")) == done
    assert undo_failures == []


def test_redoing_a_nesting_under_a_tag_deleted_elsewhere_leaves_the_tag_where_it_is(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    trade, security = _tag_id(session, "Trade"), _tag_id(session, "Security")
    economy = _tag_id(session, "Economy")
    assert perform(session, MoveTag(session, trade, security))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=security)

    session.undo_stack.redo()

    assert session.project.tags.get(tag_id=trade).parent_id == economy
    assert len(undo_failures) == 1 and "was deleted since" in undo_failures[0]
