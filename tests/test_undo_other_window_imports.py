"""Redoing an import leaves out an article another window imported again meanwhile (its
text the same), as an import leaves out one already in the project, and says so."""

from __future__ import annotations

from diptych.gui.article_commands import ImportArticles
from diptych.gui.commands import perform
from diptych.gui.messages import Level
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def texts(session: ProjectSession) -> list[str]:
    return [session.project.articles.get(article_id=a.id).text for a in session.articles()]


def test_redo_leaves_out_an_article_imported_again_meanwhile_and_says_so(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    infos: list[str] = []
    session.messages.posted.connect(
        lambda level, _title, text: infos.append(text) if level == Level.INFO else None
    )
    files = {n: f"Article {n}\n\nIts text.\n".encode() for n in "AB"}
    command = ImportArticles(session, [parse_article(t, name=f"{n}.txt") for n, t in files.items()])
    assert perform(session, command)
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:  # imports B again meanwhile
        other.articles.add(parsed=parse_article(files["B"], name="B.txt"))
    before = texts(session)

    session.undo_stack.redo()

    assert undo_failures == []
    assert len(texts(session)) == len(before) + 1  # A back, B not a second time
    titles = [a.title for a in session.articles()]
    assert (titles.count("Article A"), titles.count("Article B")) == (1, 1)
    assert infos[-1] == (
        "“Article B” is in the project again as “Article B”, imported since, perhaps in"
        " another window, so it was not imported a second time."
    )
    session.undo_stack.undo()  # takes back A only: the other window's B stays
    assert undo_failures == []
    assert texts(session) == before


def test_redo_of_an_import_all_imported_again_meanwhile_is_refused(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    text = b"Article C\n\nIts text.\n"
    assert perform(session, ImportArticles(session, [parse_article(text, name="C.txt")]))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.articles.add(parsed=parse_article(text, name="C.txt"))
    before = texts(session)

    session.undo_stack.redo()

    assert texts(session) == before
    assert len(undo_failures) == 1 and "was not imported a second time" in undo_failures[0]


def test_the_same_text_imported_twice_here_is_redone_twice(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    text = b"Article D\n\nIts text.\n"
    for _ in range(2):
        assert perform(session, ImportArticles(session, [parse_article(text, name="D.txt")]))
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert undo_failures == []
    assert [a.title for a in session.articles()].count("Article D") == 2
