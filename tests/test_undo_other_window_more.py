"""Undo and redo never throw away what another window did to the same passages, tags or
articles after the step, and the window says why a step was not undone:

- a passage re-attached there, or a tag moved there, stays where that window put it;
- a passage it wrote a note on or tagged is not deleted, nor a new tag it used, nor a new
  article it coded, nor, on redoing a deletion or removal, a tag or article it used after
  the undo;
- a merge target's memo written there stays, as does a passage it took the target off,
  and a sub-tag it moved out from under a deleted tag;
- an article's text updated there from a newer file stays.

A move or merge undone never nests two tags inside each other."""

from __future__ import annotations

from diptych.gui.article_commands import (
    ImportArticles,
    RemoveArticle,
    RemoveArticles,
    ReplaceArticleText,
)
from diptych.gui.commands import perform
from diptych.gui.passage_commands import AddPassage, DeletePassage, ReattachPassage
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import AddTag, DeleteTag, MergeTags, MoveTag
from diptych.storage.importing import ParsedArticle, parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def _tag_id(session: ProjectSession, name: str) -> int:
    tag = session.project.tags.find(name=name)
    assert tag is not None
    return tag.id


def _place(session: ProjectSession, annotation_id: int) -> tuple[int, int]:
    passage = session.passage(annotation_id)
    return passage.start, passage.end


def test_undoing_a_reattach_keeps_a_place_given_in_another_window(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = session.project.annotations.query()[0]
    assert perform(session, ReattachPassage(session, passage.id, 10, 40))
    with Project.open(session.project.path) as other:
        other.annotations.reattach(annotation_id=passage.id, start=50, end=90)

    session.undo_stack.undo()

    assert _place(session, passage.id) == (50, 90)
    assert len(undo_failures) == 1 and "passage's place" in undo_failures[0]
    assert not session.undo_stack.canUndo()  # the step left the stack


def test_redoing_a_reattach_keeps_a_place_given_in_another_window_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = session.project.annotations.query()[0]
    assert perform(session, ReattachPassage(session, passage.id, 10, 40))
    session.undo_stack.undo()
    assert _place(session, passage.id) == (passage.start, passage.end)
    with Project.open(session.project.path) as other:
        other.annotations.reattach(annotation_id=passage.id, start=50, end=90)

    session.undo_stack.redo()

    assert _place(session, passage.id) == (50, 90)
    assert len(undo_failures) == 1 and "passage's place" in undo_failures[0]


def test_a_reattach_is_undone_and_redone_when_nothing_else_moved_the_passage(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = session.project.annotations.query()[0]
    assert perform(session, ReattachPassage(session, passage.id, 10, 40))
    session.undo_stack.undo()
    assert session.passage(passage.id) == passage
    session.undo_stack.redo()
    assert _place(session, passage.id) == (10, 40)
    session.undo_stack.undo()
    assert session.passage(passage.id) == passage
    assert undo_failures == []


def test_undoing_a_move_keeps_a_tag_moved_again_in_another_window(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    trade, diplomacy = _tag_id(session, "Trade"), _tag_id(session, "Diplomacy")
    assert perform(session, MoveTag(session, trade, None))
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=trade, parent_id=diplomacy)

    session.undo_stack.undo()

    assert session.project.tags.get(tag_id=trade).parent_id == diplomacy
    assert len(undo_failures) == 1 and "place of the tag 'Trade'" in undo_failures[0]


def test_redoing_a_move_keeps_a_tag_moved_in_another_window_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    trade, diplomacy = _tag_id(session, "Trade"), _tag_id(session, "Diplomacy")
    assert perform(session, MoveTag(session, trade, None))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=trade, parent_id=diplomacy)

    session.undo_stack.redo()

    assert session.project.tags.get(tag_id=trade).parent_id == diplomacy
    assert len(undo_failures) == 1


def test_undoing_a_move_never_nests_a_tag_inside_its_own_sub_tag(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    economy, trade = _tag_id(session, "Economy"), _tag_id(session, "Trade")
    assert perform(session, MoveTag(session, trade, None))  # out of Economy
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=economy, parent_id=trade)  # Economy now inside Trade

    session.undo_stack.undo()

    tags = {t.id: t.parent_id for t in session.project.tags.all()}
    assert (tags[trade], tags[economy]) == (None, trade)
    assert len(undo_failures) == 1 and "moved inside 'Trade'" in undo_failures[0]


def test_undoing_a_move_whose_old_parent_was_deleted_elsewhere_puts_the_tag_at_the_top(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    economy, trade = _tag_id(session, "Economy"), _tag_id(session, "Trade")
    security = _tag_id(session, "Security")
    assert perform(session, MoveTag(session, trade, security))
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=economy)

    session.undo_stack.undo()
    assert session.project.tags.get(tag_id=trade).parent_id is None
    session.undo_stack.redo()
    assert session.project.tags.get(tag_id=trade).parent_id == security
    assert undo_failures == []


def test_undoing_a_merge_keeps_the_targets_memo_written_in_another_window(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    trade, evidence = _tag_id(session, "Trade"), _tag_id(session, "Evidence")
    session.project.memos.set(kind=MemoKind.TAG, target_id=trade, text="About trade.")
    assert perform(session, MergeTags(session, trade, evidence))
    merged = session.memo_text(MemoKind.TAG, evidence)
    assert merged.startswith("*From the tag “Trade”, merged here.*\n\nIts description: ")
    assert merged.endswith("\n\nAbout trade.")
    with Project.open(session.project.path) as other:
        other.memos.set(kind=MemoKind.TAG, target_id=evidence, text="About trade. And more.")

    session.undo_stack.undo()

    assert session.memo_text(MemoKind.TAG, evidence) == "About trade. And more."
    assert session.project.tags.find(name="Trade") is None  # the merge stays
    assert len(undo_failures) == 1 and "memo of the tag 'Evidence'" in undo_failures[0]


def test_undoing_a_merge_leaves_off_a_passage_another_window_took_the_target_off(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    diplomacy, security = _tag_id(session, "Diplomacy"), _tag_id(session, "Security")
    merged = session.project.annotations.query(tag_id=diplomacy)
    assert merged
    untagged, kept = merged[0], merged[1:]
    assert perform(session, MergeTags(session, diplomacy, security))
    with Project.open(session.project.path) as other:
        other.annotations.change_tags(annotation_id=untagged.id, remove=[security])

    session.undo_stack.undo()

    assert diplomacy not in session.passage(untagged.id).tag_ids
    assert security not in session.passage(untagged.id).tag_ids
    assert all(diplomacy in session.passage(p.id).tag_ids for p in kept)
    assert undo_failures == []


def test_a_merge_is_undone_with_both_memos_when_nothing_else_changed_them(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    trade, evidence = _tag_id(session, "Trade"), _tag_id(session, "Evidence")
    session.project.memos.set(kind=MemoKind.TAG, target_id=trade, text="About trade.")
    session.project.memos.set(kind=MemoKind.TAG, target_id=evidence, text="Sources.")
    assert perform(session, MergeTags(session, trade, evidence))
    session.undo_stack.undo()
    assert session.memo_text(MemoKind.TAG, trade) == "About trade."
    assert session.memo_text(MemoKind.TAG, evidence) == "Sources."
    session.undo_stack.redo()
    session.undo_stack.undo()
    assert session.memo_text(MemoKind.TAG, evidence) == "Sources."
    assert undo_failures == []


def _newer(session: ProjectSession, article_id: int, ending: str) -> ParsedArticle:
    text = session.project.articles.get(article_id=article_id).text
    return parse_article(f"{text}\n\n{ending}".encode(), name="newer.txt")


def test_undoing_an_update_from_file_keeps_a_text_another_window_put_in_since(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = session.articles()[1].id
    theirs = _newer(session, article_id, "Their paragraph.")
    mine = _newer(session, article_id, "Mine.")
    assert perform(session, ReplaceArticleText(session, article_id, mine))
    with Project.open(session.project.path) as other:
        other.articles.replace_text(article_id=article_id, parsed=theirs)

    session.undo_stack.undo()

    assert session.project.articles.get(article_id=article_id).text == theirs.content.text
    assert len(undo_failures) == 1 and "article's text" in undo_failures[0]


def test_redoing_an_update_from_file_keeps_a_text_another_window_put_in_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = session.articles()[1].id
    old = session.project.articles.get(article_id=article_id).text
    theirs = _newer(session, article_id, "Their paragraph.")
    mine = _newer(session, article_id, "Mine.")
    assert perform(session, ReplaceArticleText(session, article_id, mine))
    session.undo_stack.undo()
    assert session.project.articles.get(article_id=article_id).text == old
    with Project.open(session.project.path) as other:
        other.articles.replace_text(article_id=article_id, parsed=theirs)

    session.undo_stack.redo()

    assert session.project.articles.get(article_id=article_id).text == theirs.content.text
    assert len(undo_failures) == 1 and "article's text" in undo_failures[0]


def test_an_update_from_file_is_undone_and_redone_when_nothing_else_changed_the_text(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = session.articles()[1].id
    old = session.project.articles.get(article_id=article_id).text
    mine = _newer(session, article_id, "Mine.")
    assert perform(session, ReplaceArticleText(session, article_id, mine))
    for _ in range(2):
        session.undo_stack.undo()
        assert session.project.articles.get(article_id=article_id).text == old
        session.undo_stack.redo()
        assert session.project.articles.get(article_id=article_id).text == mine.content.text
    assert undo_failures == []


def _new_passage(session: ProjectSession) -> int:
    tagging = AddPassage(session, article_id=session.articles()[0].id, start=0, end=20, tag_ids=[1])
    assert perform(session, tagging) and tagging.passage is not None
    return tagging.passage.id


def _passage_ids(session: ProjectSession) -> set[int]:
    return {p.id for p in session.project.annotations.query()}


def test_undoing_a_new_passage_keeps_it_when_another_window_wrote_its_note(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage_id = _new_passage(session)
    with Project.open(session.project.path) as other:
        other.annotations.set_note(annotation_id=passage_id, note="Theirs.")

    session.undo_stack.undo()

    assert session.passage(passage_id).note == "Theirs."
    assert len(undo_failures) == 1
    assert "passage (its note, tags or coder's name)" in undo_failures[0]


def test_undoing_a_new_passage_keeps_it_when_another_window_tagged_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage_id = _new_passage(session)
    with Project.open(session.project.path) as other:
        other.annotations.change_tags(annotation_id=passage_id, add=[3])

    session.undo_stack.undo()

    assert session.passage(passage_id).tag_ids == (1, 3)
    assert len(undo_failures) == 1


def test_a_new_passage_is_undone_though_another_window_deleted_its_tag(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage_id = _new_passage(session)
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=1)

    session.undo_stack.undo()
    assert passage_id not in _passage_ids(session)
    session.undo_stack.redo()
    session.undo_stack.undo()
    assert passage_id not in _passage_ids(session)
    assert undo_failures == []


def test_redoing_a_deletion_keeps_a_passage_another_window_wrote_a_note_on_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = session.project.annotations.query()[0]
    assert perform(session, DeletePassage(session, passage.id))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.annotations.set_note(annotation_id=passage.id, note="Theirs.")

    session.undo_stack.redo()

    assert session.passage(passage.id).note == "Theirs."
    assert len(undo_failures) == 1
    assert "passage (its note, tags or coder's name)" in undo_failures[0]


def test_a_deletion_is_undone_and_redone_when_nothing_else_changed_the_passage(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    passage = session.project.annotations.query()[0]
    assert perform(session, DeletePassage(session, passage.id))
    for _ in range(2):
        session.undo_stack.undo()
        assert session.passage(passage.id) == passage
        session.undo_stack.redo()
        assert passage.id not in _passage_ids(session)
    assert undo_failures == []


def _new_tag(session: ProjectSession) -> int:
    adding = AddTag(session, name="Brand new")
    assert perform(session, adding) and adding.tag is not None
    return adding.tag.id


def test_undoing_a_new_tag_keeps_it_on_passages_another_window_tagged_with_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    passage = session.project.annotations.query()[0]
    with Project.open(session.project.path) as other:
        other.annotations.change_tags(annotation_id=passage.id, add=[tag_id])

    session.undo_stack.undo()

    assert tag_id in session.passage(passage.id).tag_ids
    assert session.project.tags.get(tag_id=tag_id).name == "Brand new"
    assert len(undo_failures) == 1 and "'Brand new' was put on passages" in undo_failures[0]


def test_undoing_a_new_tag_keeps_it_with_a_memo_another_window_wrote(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    with Project.open(session.project.path) as other:
        other.memos.set(kind=MemoKind.TAG, target_id=tag_id, text="What it means.")

    session.undo_stack.undo()

    assert session.memo_text(MemoKind.TAG, tag_id) == "What it means."
    assert len(undo_failures) == 1


def test_a_new_tag_is_undone_and_redone_when_nothing_else_used_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    for _ in range(2):
        session.undo_stack.undo()
        assert session.codebook().get(tag_id) is None
        session.undo_stack.redo()
        assert session.project.tags.get(tag_id=tag_id).name == "Brand new"
    assert undo_failures == []


def _imported(session: ProjectSession) -> int:
    importing = ImportArticles(session, [parse_article(b"A short new article.\n", name="a.txt")])
    assert perform(session, importing)
    return importing.added[0].id


def test_undoing_an_import_keeps_an_article_another_window_coded_meanwhile(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    before = {a.id for a in session.articles()}
    article_id = _imported(session)
    with Project.open(session.project.path) as other:
        other.annotations.add(article_id=article_id, start=0, end=7, tag_ids=[1], note="Theirs.")

    session.undo_stack.undo()

    assert {a.id for a in session.articles()} == before | {article_id}
    (passage,) = session.project.annotations.query(article_id=article_id)
    assert passage.note == "Theirs."
    assert len(undo_failures) == 1 and "given passages or a memo" in undo_failures[0]


def test_undoing_an_import_keeps_an_article_with_a_memo_written_in_another_window(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = _imported(session)
    with Project.open(session.project.path) as other:
        other.memos.set(kind=MemoKind.ARTICLE, target_id=article_id, text="Read twice.")

    session.undo_stack.undo()

    assert session.memo_text(MemoKind.ARTICLE, article_id) == "Read twice."
    assert len(undo_failures) == 1


def test_an_import_is_undone_and_redone_when_nothing_else_used_the_article(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = _imported(session)
    for _ in range(2):
        session.undo_stack.undo()
        assert article_id not in {a.id for a in session.articles()}
        session.undo_stack.redo()
        assert article_id in {a.id for a in session.articles()}
    assert undo_failures == []


def test_undoing_a_deletion_of_a_tag_keeps_a_sub_tag_moved_in_another_window(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    economy, diplomacy = _tag_id(session, "Economy"), _tag_id(session, "Diplomacy")
    summitry = _tag_id(session, "Summitry")
    assert perform(session, DeleteTag(session, diplomacy))  # Summitry moves up
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=summitry, parent_id=economy)

    session.undo_stack.undo()

    assert session.project.tags.get(tag_id=diplomacy).name == "Diplomacy"
    assert session.project.tags.get(tag_id=summitry).parent_id == economy
    session.undo_stack.redo()
    session.undo_stack.undo()
    assert session.project.tags.get(tag_id=summitry).parent_id == economy
    assert undo_failures == []


def test_undoing_a_merge_never_nests_a_tag_inside_its_own_sub_tag(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    economy, diplomacy = _tag_id(session, "Economy"), _tag_id(session, "Diplomacy")
    summitry, security = _tag_id(session, "Summitry"), _tag_id(session, "Security")
    session.project.tags.move(tag_id=diplomacy, parent_id=economy)
    assert perform(session, MergeTags(session, diplomacy, security))  # Summitry to Security
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=economy, parent_id=summitry)

    session.undo_stack.undo()

    parents = {t.id: t.parent_id for t in session.project.tags.all()}
    assert parents[diplomacy] == economy  # back where it was
    assert (parents[economy], parents[summitry]) == (summitry, security)  # as moved there
    codebook = session.codebook()
    assert {t.id for t in codebook.ordered()} == set(parents)  # every tag in the tree
    assert undo_failures == []


def test_a_deleted_tag_takes_back_its_sub_tags_when_nothing_else_moved_them(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    diplomacy, summitry = _tag_id(session, "Diplomacy"), _tag_id(session, "Summitry")
    assert perform(session, DeleteTag(session, diplomacy))
    assert session.project.tags.get(tag_id=summitry).parent_id is None
    session.undo_stack.undo()
    assert session.project.tags.get(tag_id=summitry).parent_id == diplomacy
    assert undo_failures == []


def test_redoing_a_removal_keeps_an_article_another_window_coded_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = session.articles()[1].id
    assert perform(session, RemoveArticle(session, article_id))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.annotations.add(article_id=article_id, start=0, end=7, tag_ids=[1], note="Theirs.")

    session.undo_stack.redo()

    assert article_id in {a.id for a in session.articles()}
    notes = [p.note for p in session.project.annotations.query(article_id=article_id)]
    assert "Theirs." in notes
    assert len(undo_failures) == 1 and "its passages were changed" in undo_failures[0]


def test_redoing_a_removal_of_articles_keeps_a_note_another_window_wrote_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    ids = [a.id for a in session.articles()]
    passage = session.project.annotations.query(article_id=ids[0])[0]
    assert perform(session, RemoveArticles(session, ids))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.annotations.set_note(annotation_id=passage.id, note="Theirs.")

    session.undo_stack.redo()

    assert [a.id for a in session.articles()] == ids  # none removed
    assert session.passage(passage.id).note == "Theirs."
    assert len(undo_failures) == 1


def test_a_removal_is_undone_and_redone_when_nothing_else_changed_the_articles(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    ids = [a.id for a in session.articles()]
    assert perform(session, RemoveArticles(session, ids))
    for _ in range(2):
        session.undo_stack.undo()
        assert [a.id for a in session.articles()] == ids
        session.undo_stack.redo()
        assert session.articles() == []
    assert undo_failures == []


def test_redoing_a_deletion_of_a_tag_keeps_it_on_passages_another_window_tagged_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    evidence = _tag_id(session, "Evidence")
    passage = next(p for p in session.project.annotations.query() if evidence not in p.tag_ids)
    assert perform(session, DeleteTag(session, evidence))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.annotations.change_tags(annotation_id=passage.id, add=[evidence])

    session.undo_stack.redo()

    assert evidence in session.passage(passage.id).tag_ids
    assert len(undo_failures) == 1 and "'Evidence' was put on passages" in undo_failures[0]


def test_a_deletion_of_a_tag_is_redone_though_another_window_took_it_off_a_passage(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    evidence = _tag_id(session, "Evidence")
    passage = session.project.annotations.query(tag_id=evidence)[0]
    assert perform(session, DeleteTag(session, evidence))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.annotations.change_tags(annotation_id=passage.id, remove=[evidence])

    session.undo_stack.redo()

    assert session.codebook().get(evidence) is None
    assert undo_failures == []
