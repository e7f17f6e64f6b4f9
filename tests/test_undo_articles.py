"""Undoing an update of an article from a newer file puts the old text back with every
passage where its words are, including a passage another window added meanwhile."""

from __future__ import annotations

from diptych.gui.article_commands import ReplaceArticleText
from diptych.gui.commands import perform
from diptych.gui.passage_commands import AddPassage, ReattachPassage
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

QUOTE = "bilateral trade volume"


def test_a_passage_added_elsewhere_on_the_newer_text_is_found_in_the_old_one_after_undo(
    session: ProjectSession,
) -> None:
    article_id = session.articles()[0].id
    old = session.project.articles.get(article_id=article_id).text
    newer = "A paragraph written since. " * 3 + old
    parsed = parse_article(newer.encode(), name="newer.txt")
    assert perform(session, ReplaceArticleText(session, article_id, parsed))
    with Project.open(session.project.path) as other:  # another window tags the newer text
        at = newer.index(QUOTE)
        added = other.annotations.add(article_id=article_id, start=at, end=at + len(QUOTE))

    session.undo_stack.undo()

    text = session.project.articles.get(article_id=article_id).text
    assert text == old
    passage = session.passage(added.id)
    assert not passage.is_orphan
    assert (passage.start, passage.end) == (old.index(QUOTE), old.index(QUOTE) + len(QUOTE))
    assert text[passage.start : passage.end] == passage.exact == QUOTE


def test_a_passage_redone_after_the_text_was_replaced_elsewhere_is_found_in_the_new_text(
    session: ProjectSession,
) -> None:
    article_id = session.articles()[0].id
    old = session.project.articles.get(article_id=article_id).text
    at = old.index(QUOTE)
    command = AddPassage(session, article_id=article_id, start=at, end=at + len(QUOTE), tag_ids=[])
    assert perform(session, command) and command.passage is not None
    session.undo_stack.undo()
    newer = "A paragraph written since. " * 3 + old
    with Project.open(session.project.path) as other:  # another window updates the article
        other.articles.replace_text(
            article_id=article_id, parsed=parse_article(newer.encode(), name="newer.txt")
        )

    session.undo_stack.redo()

    passage = session.passage(command.passage.id)
    assert not passage.is_orphan
    assert (passage.start, passage.end) == (newer.index(QUOTE), newer.index(QUOTE) + len(QUOTE))
    assert newer[passage.start : passage.end] == passage.exact == QUOTE


def test_undoing_a_re_attachment_after_the_text_was_replaced_elsewhere_finds_the_passage(
    session: ProjectSession,
) -> None:
    article_id = session.articles()[0].id
    old = session.project.articles.get(article_id=article_id).text
    at = old.index(QUOTE)
    added = AddPassage(session, article_id=article_id, start=at, end=at + len(QUOTE), tag_ids=[])
    assert perform(session, added) and added.passage is not None
    assert perform(session, ReattachPassage(session, added.passage.id, 0, 10))
    newer = "A paragraph written since. " * 3 + old
    with Project.open(session.project.path) as other:
        other.articles.replace_text(
            article_id=article_id, parsed=parse_article(newer.encode(), name="newer.txt")
        )

    session.undo_stack.undo()  # the re-attachment: back on the quote, in the new text

    passage = session.passage(added.passage.id)
    assert newer[passage.start : passage.end] == passage.exact == QUOTE
