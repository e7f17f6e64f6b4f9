"""Redoing the removal of an article is refused when another window gave it a source
address or signed one of its passages with another coder's name after the undo."""

from __future__ import annotations

import pytest

from diptych.gui.article_commands import ImportArticles, RemoveArticle
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.passage_coders import sign
from diptych.storage.project import Project


def _address(other: Project, article_id: int) -> None:
    other.articles.set_source_url(article_id=article_id, url="https://bob.example/x")


def _signing(other: Project, article_id: int) -> None:
    sign(other, [other.annotations.query(article_id=article_id)[0].id], "Ben")


@pytest.mark.parametrize(
    ("change", "said"),
    [(_address, "source address of the article"), (_signing, "passages were changed")],
    ids=["address", "signing"],
)
def test_redo_of_a_removal_keeps_an_article_changed_after_the_undo(
    session: ProjectSession, undo_failures: list[str], change: object, said: str
) -> None:
    article_id = next(a.id for a in session.articles() if a.annotation_count)
    assert perform(session, RemoveArticle(session, article_id))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        change(other, article_id)  # type: ignore[operator]

    session.undo_stack.redo()

    assert article_id in {a.id for a in session.project.articles.all()}
    assert len(undo_failures) == 1 and said in undo_failures[0]


def test_redo_of_a_removal_nothing_changed_since_removes_it_again(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = next(a.id for a in session.articles() if a.annotation_count)
    assert perform(session, RemoveArticle(session, article_id))
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert undo_failures == []
    assert article_id not in {a.id for a in session.project.articles.all()}


def test_undo_of_an_import_keeps_an_article_given_a_source_address_since(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    text = b"Article E\n\nIts text.\n"
    command = ImportArticles(session, [parse_article(text, name="E.txt")])
    assert perform(session, command)
    (added,) = command.added
    with Project.open(session.project.path) as other:
        _address(other, added.id)

    session.undo_stack.undo()

    assert added.id in {a.id for a in session.project.articles.all()}
    assert len(undo_failures) == 1 and "source address of the article" in undo_failures[0]
