"""Undoing an import (or redoing a removal) of an article another window updated from a
newer file meanwhile keeps the article with that update, and says so naming it."""

from __future__ import annotations

import pytest

from diptych.gui.article_commands import ImportArticles, RemoveArticle, RenameArticle
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

KEPT = (
    "The article “{}” was updated from a newer file since, perhaps in another window, so it"
    " was kept rather than lose that update."
)


def _update_elsewhere(session: ProjectSession, article_id: int, text: str) -> None:
    """Another window (or `diptych reimport`) updates the article from a newer file."""
    with Project.open(session.project.path) as other:
        newer = parse_article(text.encode(), name="harbour.txt")  # the same file, newer
        other.articles.replace_text(article_id=article_id, parsed=newer)


def _article_ids(session: ProjectSession) -> set[int]:
    return {a.id for a in session.project.articles.all()}


@pytest.mark.parametrize("by_worker", [False, True], ids=["parsed", "worker"])
def test_undoing_an_import_updated_elsewhere_keeps_the_update(
    session: ProjectSession, undo_failures: list[str], by_worker: bool
) -> None:
    parsed = [parse_article(b"Harbour notes\n\nThe first text.\n", name="harbour.txt")]
    if by_worker:  # an import worker added it through its own connection
        added = session.project.articles.add_many(parsed=parsed)
        command = ImportArticles(session, added=added)
    else:
        command = ImportArticles(session, parsed)
    assert perform(session, command)
    (article,) = command.added
    _update_elsewhere(session, article.id, "Harbour notes\n\nThe newer text, longer.\n")

    session.undo_stack.undo()

    assert article.id in _article_ids(session)
    kept = session.project.articles.get(article_id=article.id)
    assert "The newer text, longer." in kept.text
    assert len(undo_failures) == 1
    assert undo_failures[0].startswith(
        "Nothing was undone: the 1 article of this import is still in the project; "
        + KEPT.format(article.title)[:1].lower()
        + KEPT.format(article.title)[1:]
    )
    assert "Remove it from the Library" in undo_failures[0]


def test_undoing_an_import_not_updated_elsewhere_still_removes_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    parsed = [parse_article(b"Harbour notes\n\nThe first text.\n", name="harbour.txt")]
    command = ImportArticles(session, parsed)
    assert perform(session, command)
    (article,) = command.added

    session.undo_stack.undo()
    assert article.id not in _article_ids(session)
    session.undo_stack.redo()  # the same article back, with the same text

    assert undo_failures == []
    assert article.id in _article_ids(session)
    assert "The first text." in session.project.articles.get(article_id=article.id).text
    session.undo_stack.undo()
    assert article.id not in _article_ids(session)


def test_redoing_a_removal_of_an_article_updated_elsewhere_keeps_the_update(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article = session.articles()[0]
    text = session.project.articles.get(article_id=article.id).text
    assert perform(session, RemoveArticle(session, article.id))
    session.undo_stack.undo()
    _update_elsewhere(session, article.id, f"{text}\n\nA paragraph added.\n")

    session.undo_stack.redo()

    assert article.id in _article_ids(session)
    assert "A paragraph added." in session.project.articles.get(article_id=article.id).text
    assert len(undo_failures) == 1
    assert undo_failures[0].startswith(KEPT.format(article.title))


def test_undoing_an_import_renamed_and_named_back_in_this_window_still_removes_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    parsed = [parse_article(b"Harbour notes\n\nThe first text.\n", name="harbour.txt")]
    added = session.project.articles.add_many(parsed=parsed)
    assert perform(session, ImportArticles(session, added=added))
    assert perform(session, RenameArticle(session, added[0].id, "Harbour, retitled"))

    session.undo_stack.undo()  # the title back (and the time it was updated moved on)
    session.undo_stack.undo()

    assert undo_failures == []
    assert added[0].id not in _article_ids(session)
