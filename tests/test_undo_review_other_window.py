"""Undo still brings back what it took away when another window changed the project
meanwhile: a removed article (with its passages) and a deleted tag come back, less only
what the other window deleted."""

from __future__ import annotations

import pytest

from diptych.gui.article_commands import RemoveArticle
from diptych.gui.commands import DeletePassage, perform
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import DeleteTag
from diptych.storage.project import Project


@pytest.fixture
def failures(session: ProjectSession) -> list[str]:
    """The messages saying an undo or redo failed."""
    seen: list[str] = []
    session.messages.posted.connect(
        lambda _level, title, text: seen.append(text) if title == "Undo/redo failed" else None
    )
    return seen


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
