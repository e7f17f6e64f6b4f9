"""An undo or redo on an article or a tag (its title, memo, text from a file, place in the
codebook...) that another window removed says so naming it as the window shows it, not by
its number in the file ("There is no article 3"), and the step leaves the stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import (
    RemoveArticle,
    RenameArticle,
    ReplaceArticleText,
    SetMemo,
)
from diptych.gui.commands import SessionCommand, perform, quote_start
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import AddTag, DeleteTag, MergeTags, MoveTag, UpdateTag, tag_path
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def _remove_article(session: ProjectSession, article_id: int) -> None:
    with Project.open(session.project.path) as other:
        other.articles.remove(article_id=article_id)


def _delete_tag(session: ProjectSession, tag_id: int) -> None:
    with Project.open(session.project.path) as other:
        other.tags.delete(tag_id=tag_id)


def _fails(session: ProjectSession, command: SessionCommand, *, undoing: bool) -> None:
    """Do ``command``; for a redo, undo it first: the next undo or redo is to fail."""
    assert perform(session, command)
    if not undoing:
        session.undo_stack.undo()


def _replay(session: ProjectSession, *, undoing: bool) -> None:
    session.undo_stack.undo() if undoing else session.undo_stack.redo()


def _said(gone: str, step: str, *, undoing: bool) -> list[str]:
    done = "undone" if undoing else "redone"
    return [f"{gone}, perhaps in another window, so “{step}” cannot be {done}."]


@pytest.mark.parametrize("undoing", [True, False], ids=["undo", "redo"])
def test_renaming_an_article_removed_elsewhere_names_it_by_its_title(
    session: ProjectSession, undo_failures: list[str], undoing: bool
) -> None:
    article = session.articles()[0]
    _fails(session, RenameArticle(session, article.id, "Trade, retitled"), undoing=undoing)
    _remove_article(session, article.id)

    _replay(session, undoing=undoing)
    title = "Trade, retitled" if undoing else article.title  # as it last read
    step = f"Rename article “{quote_start(article.title)}” to “Trade, retitled”"
    assert undo_failures == _said(f"The article “{title}” was removed", step, undoing=undoing)
    assert session.undo_stack.count() == 0  # dropped


def test_redoing_the_removal_of_an_article_removed_elsewhere_names_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article = session.articles()[0]
    _fails(session, RemoveArticle(session, article.id), undoing=False)
    _remove_article(session, article.id)

    session.undo_stack.redo()
    assert undo_failures == _said(
        f"The article “{article.title}” was removed",
        f"Remove article “{quote_start(article.title)}”",
        undoing=False,
    )


@pytest.mark.parametrize("undoing", [True, False], ids=["undo", "redo"])
def test_an_update_from_file_of_an_article_removed_elsewhere_names_it(
    session: ProjectSession, undo_failures: list[str], undoing: bool
) -> None:
    article = session.articles()[1]
    text = session.project.articles.get(article_id=article.id).text
    newer = parse_article(f"{text}\n\nMine.".encode(), name="newer.txt")
    _fails(session, ReplaceArticleText(session, article.id, newer), undoing=undoing)
    _remove_article(session, article.id)

    _replay(session, undoing=undoing)
    assert undo_failures == _said(
        f"The article “{article.title}” was removed",
        f"Update article “{quote_start(article.title)}” from newer file",
        undoing=undoing,
    )


@pytest.mark.parametrize("undoing", [True, False], ids=["undo", "redo"])
def test_a_memo_on_an_article_removed_elsewhere_names_the_article(
    session: ProjectSession, undo_failures: list[str], undoing: bool
) -> None:
    article = session.articles()[0]
    _fails(session, SetMemo(session, MemoKind.ARTICLE, article.id, "Mine."), undoing=undoing)
    _remove_article(session, article.id)

    _replay(session, undoing=undoing)
    assert undo_failures == _said(
        f"The article “{article.title}” was removed",
        f"Edit memo on article “{quote_start(article.title)}”",
        undoing=undoing,
    )


@pytest.mark.parametrize("undoing", [True, False], ids=["undo", "redo"])
def test_a_memo_on_a_tag_deleted_elsewhere_names_the_tag_by_its_path(
    session: ProjectSession, undo_failures: list[str], undoing: bool
) -> None:
    tag = next(t for t in session.codebook().ordered() if t.parent_id is not None)
    path = tag_path(session, tag.id)
    _fails(session, SetMemo(session, MemoKind.TAG, tag.id, "Mine."), undoing=undoing)
    _delete_tag(session, tag.id)

    _replay(session, undoing=undoing)
    assert undo_failures == _said(
        f"The tag “{path}” was deleted", f"Edit memo on tag “{path}”", undoing=undoing
    )


@pytest.mark.parametrize("undoing", [True, False], ids=["undo", "redo"])
def test_a_tag_edit_on_a_tag_deleted_elsewhere_names_the_tag(
    session: ProjectSession, undo_failures: list[str], undoing: bool
) -> None:
    tag = session.codebook().ordered()[0]
    command = UpdateTag(session, tag.id, name="Renamed")
    step = command.text()  # the stack deletes the step it drops
    _fails(session, command, undoing=undoing)
    _delete_tag(session, tag.id)

    _replay(session, undoing=undoing)
    name = "Renamed" if undoing else tag.name  # as it last read
    assert undo_failures == _said(f"The tag “{name}” was deleted", step, undoing=undoing)


@pytest.mark.parametrize("undoing", [True, False], ids=["undo", "redo"])
def test_moving_a_tag_deleted_elsewhere_names_the_tag(
    session: ProjectSession, undo_failures: list[str], undoing: bool
) -> None:
    tag = next(t for t in session.codebook().ordered() if t.parent_id is not None)
    path = tag_path(session, tag.id)
    command = MoveTag(session, tag.id, None)
    step = command.text()  # the stack deletes the step it drops
    _fails(session, command, undoing=undoing)
    _delete_tag(session, tag.id)

    _replay(session, undoing=undoing)
    shown = tag.name if undoing else path  # at the top, or back under its parent
    assert undo_failures == _said(f"The tag “{shown}” was deleted", step, undoing=undoing)


def test_undoing_a_new_tag_deleted_elsewhere_names_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    command = AddTag(session, name="Fresh")
    _fails(session, command, undoing=True)
    assert command.tag is not None
    _delete_tag(session, command.tag.id)

    session.undo_stack.undo()
    assert undo_failures == _said("The tag “Fresh” was deleted", "New tag “Fresh”", undoing=True)


def test_redoing_the_deletion_of_a_tag_deleted_elsewhere_names_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag = session.codebook().ordered()[0]
    command = DeleteTag(session, tag.id)
    step = command.text()
    _fails(session, command, undoing=False)
    _delete_tag(session, tag.id)

    session.undo_stack.redo()
    assert undo_failures == _said(f"The tag “{tag.name}” was deleted", step, undoing=False)


def test_redoing_a_merge_into_a_tag_deleted_elsewhere_names_that_tag(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    source, target = [t for t in session.codebook().ordered() if t.parent_id is None][:2]
    target_path = tag_path(session, target.id)
    command = MergeTags(session, source.id, target.id)
    step = command.text()
    _fails(session, command, undoing=False)
    _delete_tag(session, target.id)

    session.undo_stack.redo()
    assert undo_failures == _said(f"The tag “{target_path}” was deleted", step, undoing=False)


def test_in_the_window_undoing_a_rename_of_an_article_removed_elsewhere_names_it(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    article = window.session.articles()[0]
    assert perform(window.session, RenameArticle(window.session, article.id, "Retitled"))
    _remove_article(window.session, article.id)

    window.actions_.undo.trigger()
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert errors == [
        "The article “Retitled” was removed, perhaps in another window, so “Rename article"
        f" “{quote_start(article.title)}” to “Retitled”” cannot be undone."
    ]
    assert "There is no" not in " ".join(text for _level, _title, text in posted)
