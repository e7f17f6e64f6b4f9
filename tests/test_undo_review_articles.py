"""Undoing an update of an article from a newer file puts the old text back with every
passage where its words are, including a passage another window added meanwhile."""

from __future__ import annotations

from diptych.gui.article_commands import ReplaceArticleText
from diptych.gui.commands import perform
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
