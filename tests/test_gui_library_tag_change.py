"""Deleting or merging a tag, and undoing or redoing it, leaves the Library's list as it
is (no article changed; with 1,500 articles it was rebuilt each time, its titles told
apart again), while each article's passage count stays right."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.article_model import ArticleListModel
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import DeleteTag, MergeTags


def busiest(session: ProjectSession) -> int:
    usage = session.project.tags.usage()
    return max(usage, key=usage.__getitem__)


def counts(model: ArticleListModel) -> list[str]:
    return [model.index(row).data(0x0C) for row in range(model.rowCount())]  # status tips


def test_a_tag_deleted_or_merged_leaves_the_library_list_as_it_is(
    qtbot: QtBot, session: ProjectSession
) -> None:
    model = ArticleListModel(session)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    tag_id = busiest(session)
    other = next(t.id for t in session.project.tags.all() if t.id != tag_id)
    before = counts(model)
    for command in (DeleteTag(session, tag_id), MergeTags(session, tag_id, other)):
        assert perform(session, command)
        session.undo_stack.undo()
        session.undo_stack.redo()
        session.undo_stack.undo()
    assert resets == []
    assert counts(model) == before


def test_another_window_removing_an_article_still_rebuilds_the_list(
    qtbot: QtBot, session: ProjectSession
) -> None:
    model = ArticleListModel(session)
    rows = model.rowCount()
    gone = session.project.articles.all()[0].id
    session.project.articles.remove(article_id=gone)  # as if by another window
    session.allPassagesChanged.emit()
    assert model.rowCount() == rows - 1
