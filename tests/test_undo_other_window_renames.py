"""Undoing a new tag or an import, and redoing a deletion or removal, never throws away a
name (or a tag's colour, description or place) given in another window since: the tag or
article stays as that window left it, and the message names it as it is now called."""

from __future__ import annotations

from diptych.gui.article_commands import ImportArticles, RemoveArticle, RenameArticle
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import AddTag, DeleteTag, UpdateTag
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def _tag_id(session: ProjectSession, name: str) -> int:
    tag = session.project.tags.find(name=name)
    assert tag is not None
    return tag.id


def _new_tag(session: ProjectSession) -> int:
    adding = AddTag(session, name="Brand new", color="#123456")
    assert perform(session, adding) and adding.tag is not None
    return adding.tag.id


def test_undoing_a_new_tag_keeps_it_under_the_name_another_window_gave_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    with Project.open(session.project.path) as other:
        other.tags.update(tag_id=tag_id, name="Novel")

    session.undo_stack.undo()

    assert session.project.tags.get(tag_id=tag_id).name == "Novel"
    assert len(undo_failures) == 1
    assert "tag 'Novel' was renamed (it was 'Brand new')" in undo_failures[0]
    assert "another window" in undo_failures[0]
    assert not session.undo_stack.canUndo() and not session.undo_stack.canRedo()


def test_undoing_a_new_tag_keeps_a_colour_another_window_gave_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    with Project.open(session.project.path) as other:
        other.tags.update(tag_id=tag_id, color="#654321")

    session.undo_stack.undo()

    assert session.project.tags.get(tag_id=tag_id).color.casefold() == "#654321"
    assert len(undo_failures) == 1
    assert "tag 'Brand new' was given another colour" in undo_failures[0]


def test_undoing_a_new_tag_keeps_a_description_another_window_wrote(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    with Project.open(session.project.path) as other:
        other.tags.update(tag_id=tag_id, name="Novel", description="What it means.")

    session.undo_stack.undo()

    assert session.project.tags.get(tag_id=tag_id).description == "What it means."
    assert len(undo_failures) == 1
    assert (
        "'Novel' was renamed (it was 'Brand new') and given another description"
        in (undo_failures[0])
    )


def test_undoing_a_new_tag_keeps_it_where_another_window_nested_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    economy = _tag_id(session, "Economy")
    with Project.open(session.project.path) as other:
        other.tags.move(tag_id=tag_id, parent_id=economy)

    session.undo_stack.undo()

    assert session.project.tags.get(tag_id=tag_id).parent_id == economy
    assert len(undo_failures) == 1 and "moved in the codebook" in undo_failures[0]


def test_a_new_tag_renamed_in_the_same_window_is_undone_step_by_step(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    tag_id = _new_tag(session)
    assert perform(session, UpdateTag(session, tag_id, name="Novel", color="#654321"))
    for _ in range(2):
        session.undo_stack.undo()
        session.undo_stack.undo()
        assert session.codebook().get(tag_id) is None
        session.undo_stack.redo()
        session.undo_stack.redo()
        assert session.project.tags.get(tag_id=tag_id).name == "Novel"
    assert undo_failures == []


def test_redoing_a_deletion_keeps_a_tag_another_window_renamed_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    evidence = _tag_id(session, "Evidence")
    assert perform(session, DeleteTag(session, evidence))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.tags.update(tag_id=evidence, name="Sources")

    session.undo_stack.redo()

    assert session.project.tags.get(tag_id=evidence).name == "Sources"
    assert len(undo_failures) == 1
    assert "tag 'Sources' was renamed (it was 'Evidence')" in undo_failures[0]


def test_redoing_a_deletion_of_a_tag_brought_back_under_another_name_deletes_it(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    evidence = _tag_id(session, "Evidence")
    assert perform(session, DeleteTag(session, evidence))
    with Project.open(session.project.path) as other:
        other.tags.add(name="Evidence")
    session.undo_stack.undo()  # back as "Evidence (2)"
    assert session.project.tags.get(tag_id=evidence).name == "Evidence (2)"

    session.undo_stack.redo()

    assert session.codebook().get(evidence) is None
    assert undo_failures == []


def _imported(session: ProjectSession) -> int:
    importing = ImportArticles(session, [parse_article(b"A short new article.\n", name="a.txt")])
    assert perform(session, importing)
    return importing.added[0].id


def _titles(session: ProjectSession) -> dict[int, str]:
    return {a.id: a.title for a in session.articles()}


def test_undoing_an_import_keeps_an_article_another_window_retitled(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = _imported(session)
    title = _titles(session)[article_id]
    with Project.open(session.project.path) as other:
        other.articles.rename(article_id=article_id, title="Their title")

    session.undo_stack.undo()

    assert _titles(session)[article_id] == "Their title"
    assert len(undo_failures) == 1
    assert f"article 'Their title' was renamed (it was {title!r})" in undo_failures[0]
    assert "another window" in undo_failures[0]


def test_undoing_an_import_of_several_articles_keeps_the_one_retitled_and_says_so(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    said: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    parsed = [parse_article(f"Article {n}.\n".encode(), name=f"{n}.txt") for n in range(3)]
    importing = ImportArticles(session, parsed)
    assert perform(session, importing)
    ids = [a.id for a in importing.added]
    with Project.open(session.project.path) as other:
        other.articles.rename(article_id=ids[1], title="Their title")

    session.undo_stack.undo()

    assert ids[1] in _titles(session)
    assert not {ids[0], ids[2]} & set(_titles(session))  # the two left alone: taken back
    assert undo_failures == []
    assert said[-1].startswith("Undone: 2 of the 3 articles of this import; the article")
    assert "'Their title' was renamed" in said[-1]
    session.undo_stack.redo()
    assert set(ids) <= set(_titles(session))
    assert undo_failures == []


def test_an_import_retitled_in_the_same_window_is_undone_and_redone_step_by_step(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = _imported(session)
    assert perform(session, RenameArticle(session, article_id, "My title"))
    for _ in range(2):
        session.undo_stack.undo()
        session.undo_stack.undo()
        assert article_id not in _titles(session)
        session.undo_stack.redo()
        session.undo_stack.redo()
        assert _titles(session)[article_id] == "My title"
    assert undo_failures == []


def test_redoing_a_removal_keeps_an_article_another_window_retitled_after_the_undo(
    session: ProjectSession, undo_failures: list[str]
) -> None:
    article_id = session.articles()[1].id
    assert perform(session, RemoveArticle(session, article_id))
    session.undo_stack.undo()
    with Project.open(session.project.path) as other:
        other.articles.rename(article_id=article_id, title="Their title")

    session.undo_stack.redo()

    assert _titles(session)[article_id] == "Their title"
    assert len(undo_failures) == 1 and "article 'Their title' was renamed" in undo_failures[0]
