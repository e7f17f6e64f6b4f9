"""Undo still brings back what it took away when another window changed the project
meanwhile: a removed article (with its passages) and a deleted tag come back, less only
what the other window deleted."""

from __future__ import annotations

import pytest

from diptych.gui.article_commands import ImportArticles, RemoveArticle, SetMemo
from diptych.gui.commands import UndoStep, perform
from diptych.gui.passage_commands import AddPassage, DeletePassage, SetPassageTags
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import AddTag, DeleteTag, MergeTags, UpdateTag
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


@pytest.fixture
def failures(undo_failures: list[str]) -> list[str]:
    """The messages saying an undo or redo failed."""
    return undo_failures


def test_a_removed_article_comes_back_though_another_window_deleted_one_of_its_tags(
    session: ProjectSession, failures: list[str]
) -> None:
    article_id = session.articles()[0].id
    before = session.project.annotations.query(article_id=article_id)
    gone = before[0].tag_ids[0]
    assert perform(session, RemoveArticle(session, article_id))
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=gone)

    session.undo_stack.undo()

    assert failures == []
    assert article_id in [a.id for a in session.project.articles.all()]
    after = session.project.annotations.query(article_id=article_id)
    assert [(p.id, p.uuid, p.note) for p in after] == [(p.id, p.uuid, p.note) for p in before]
    assert [p.tag_ids for p in after] == [tuple(t for t in p.tag_ids if t != gone) for p in before]


def test_a_deleted_passage_comes_back_without_a_tag_deleted_meanwhile(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = next(p for p in session.project.annotations.query() if len(p.tag_ids) == 2)
    assert perform(session, DeletePassage(session, passage.id))
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=passage.tag_ids[0])

    session.undo_stack.undo()

    assert failures == []
    assert session.passage(passage.id).tag_ids == passage.tag_ids[1:]


def test_a_deleted_tag_comes_back_though_another_window_deleted_one_of_its_passages(
    session: ProjectSession, failures: list[str]
) -> None:
    usage = session.project.tags.usage()
    tag_id = max(usage, key=usage.__getitem__)
    tagged = [p.id for p in session.project.annotations.query(tag_id=tag_id)]
    assert len(tagged) >= 2
    assert perform(session, DeleteTag(session, tag_id))
    with Project.open(session.project.path) as other:
        other.annotations.delete(annotation_id=tagged[0])

    session.undo_stack.undo()

    assert failures == []
    assert session.project.tags.get(tag_id=tag_id).id == tag_id
    assert [p.id for p in session.project.annotations.query(tag_id=tag_id)] == tagged[1:]


def test_a_step_whose_tag_was_deleted_elsewhere_can_be_undone_and_redone(
    session: ProjectSession, failures: list[str]
) -> None:
    """A step of several changes (a new tag and the passage tagged with it) whose tag
    another window deleted: undoing says the tag was deleted, naming it, and redoing puts the
    passage back without raising."""
    article_id = session.articles()[0].id
    with UndoStep(session, "Tag with new tag Brand new") as step:
        add = AddTag(session, name="Brand new")
        assert step.perform(add) and add.tag is not None
        tagging = AddPassage(session, article_id=article_id, start=0, end=5, tag_ids=[add.tag.id])
        assert step.perform(tagging) and tagging.passage is not None
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=add.tag.id)

    session.undo_stack.undo()
    assert len(failures) == 1 and "The tag “Brand new” was deleted" in failures[0]
    assert tagging.passage.id not in {p.id for p in session.project.annotations.query()}
    session.undo_stack.redo()

    assert session.passage(tagging.passage.id).tag_ids == ()
    assert len(failures) == 1


def test_a_deleted_tag_whose_parent_was_deleted_elsewhere_comes_back_at_the_top_level(
    session: ProjectSession, failures: list[str]
) -> None:
    summitry = session.project.tags.find(name="Summitry")
    assert summitry is not None and summitry.parent_id is not None
    tagged = [p.id for p in session.project.annotations.query(tag_id=summitry.id)]
    assert perform(session, DeleteTag(session, summitry.id))
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=summitry.parent_id)

    session.undo_stack.undo()

    assert failures == []
    codebook = session.project.tags.codebook()
    assert codebook.children(None)[-1].id == summitry.id
    assert [p.id for p in session.project.annotations.query(tag_id=summitry.id)] == tagged


def test_a_merge_into_a_tag_deleted_elsewhere_is_undone_with_the_merged_tags_memo(
    session: ProjectSession, failures: list[str]
) -> None:
    summitry, evidence = (session.project.tags.find(name=n) for n in ("Summitry", "Evidence"))
    assert summitry is not None and evidence is not None
    assert perform(session, SetMemo(session, MemoKind.TAG, summitry.id, "At the summit."))
    assert perform(session, SetMemo(session, MemoKind.TAG, evidence.id, "Sources."))
    assert perform(session, MergeTags(session, summitry.id, evidence.id))
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=evidence.id)

    session.undo_stack.undo()

    assert failures == []
    assert session.project.tags.get(tag_id=summitry.id).name == "Summitry"
    assert session.memo_text(MemoKind.TAG, summitry.id) == "At the summit."


def test_undoing_a_deletion_on_an_article_removed_elsewhere_says_so(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = session.project.annotations.query()[0]
    assert perform(session, DeletePassage(session, passage.id))
    with Project.open(session.project.path) as other:
        other.articles.remove(article_id=passage.article_id)

    session.undo_stack.undo()

    assert failures == [
        "The passage's article was removed, perhaps in another window, so the passage could"
        " not be put back. Undo the removal of the article in the window that removed it."
    ]


def test_undoing_an_import_leaves_out_an_article_removed_elsewhere(
    session: ProjectSession, failures: list[str]
) -> None:
    parsed = [parse_article(f"Article {n}\n\nIts text.\n".encode(), name=f"{n}.txt") for n in "AB"]
    command = ImportArticles(session, parsed)
    assert perform(session, command)
    first, second = (a.id for a in command.added)
    with Project.open(session.project.path) as other:
        other.articles.remove(article_id=second)

    session.undo_stack.undo()
    assert failures == []
    assert {first, second}.isdisjoint(a.id for a in session.project.articles.all())
    session.undo_stack.redo()

    assert failures == []
    assert [a.id for a in session.project.articles.all()][-1] == first
    assert second not in {a.id for a in session.project.articles.all()}


def test_a_deleted_tag_comes_back_under_a_name_of_its_own_if_its_name_was_taken_elsewhere(
    session: ProjectSession, failures: list[str]
) -> None:
    summitry = session.project.tags.find(name="Summitry")
    assert summitry is not None
    tagged = [p.id for p in session.project.annotations.query(tag_id=summitry.id)]
    infos: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: infos.append(text))
    assert perform(session, DeleteTag(session, summitry.id))
    with Project.open(session.project.path) as other:
        other.tags.add(name="summitry", parent_id=summitry.parent_id)

    session.undo_stack.undo()

    assert failures == []
    back = session.project.tags.get(tag_id=summitry.id)
    assert (back.name, back.parent_id, back.uuid) == (
        "Summitry (2)",
        summitry.parent_id,
        summitry.uuid,
    )
    assert [p.id for p in session.project.annotations.query(tag_id=summitry.id)] == tagged
    assert infos == [
        "The tag “Summitry” is back as “Summitry (2)”: a tag of that name was added beside"
        " it meanwhile."
    ]


def test_undoing_a_change_of_tags_puts_back_those_not_deleted_elsewhere(
    session: ProjectSession, failures: list[str]
) -> None:
    passage = next(p for p in session.project.annotations.query() if len(p.tag_ids) == 2)
    kept, gone = passage.tag_ids
    assert perform(session, SetPassageTags(session, passage.id, []))
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=gone)

    session.undo_stack.undo()
    assert session.passage(passage.id).tag_ids == (kept,)
    session.undo_stack.redo()

    assert failures == []
    assert session.passage(passage.id).tag_ids == ()
    session.undo_stack.undo()
    assert session.passage(passage.id).tag_ids == (kept,)


def test_undoing_a_recolouring_keeps_a_name_given_elsewhere_meanwhile(
    session: ProjectSession, failures: list[str]
) -> None:
    trade = session.project.tags.find(name="Trade")
    assert trade is not None
    assert perform(session, UpdateTag(session, trade.id, color="#5ED1C4"))
    with Project.open(session.project.path) as other:
        other.tags.update(tag_id=trade.id, name="Commerce")

    session.undo_stack.undo()

    back = session.project.tags.get(tag_id=trade.id)
    assert (back.name, back.color) == ("Commerce", trade.color)
    session.undo_stack.redo()
    assert session.project.tags.get(tag_id=trade.id).color == "#5ED1C4"
    assert failures == []
