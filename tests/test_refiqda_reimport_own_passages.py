"""Importing the project's own export back: each selection whose GUID is a passage of the
project is that passage. Two passages on the same words stay two, a passage moved since
stays where the project has it, and none is added a second time; only what it lacks is
added to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file

TEXT = b"Body text number 1 here. Trade rose in the spring, and fell again."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "study.diptych") as opened:
        yield opened


def rows(project: Project) -> list[tuple[str, int, int, tuple[int, ...], str, str, bool]]:
    return sorted(
        (p.uuid, p.start, p.end, tuple(sorted(p.tag_ids)), p.note, p.coder, p.is_orphan)
        for p in project.annotations.query()
    )


def exported(project: Project, path: Path) -> Path:
    path.write_bytes(export_qdpx(collect(project), None))
    return path


def two_on_the_same_words(project: Project) -> tuple[Annotation, Annotation]:
    article = project.articles.add(parsed=parse_article(TEXT, name="t1.txt"))
    first, second = project.tags.add(name="A"), project.tags.add(name="B")
    return (
        project.annotations.add(
            article_id=article.id, start=0, end=9, tag_ids=[first.id], note="note one", coder="x"
        ),
        project.annotations.add(
            article_id=article.id, start=0, end=9, tag_ids=[second.id], note="note two", coder="x"
        ),
    )


def test_two_passages_of_one_coder_on_the_same_words_are_not_merged(
    tmp_path: Path, project: Project
) -> None:
    two_on_the_same_words(project)
    path = exported(project, tmp_path / "own.qdpx")
    before = rows(project)

    summary = import_exchange_file(project, path=path)

    assert rows(project) == before
    assert (summary.passages, summary.codings_added, summary.notes_added) == (0, 0, 0)
    assert summary.codings_present == 2
    assert not summary.brought_anything()
    assert "0 tags on its passages added, 2 already there" in "\n".join(summary.describe())


def test_a_passage_moved_since_the_export_stays_where_it_is_and_is_not_added_again(
    tmp_path: Path, project: Project
) -> None:
    first, _ = two_on_the_same_words(project)
    path = exported(project, tmp_path / "before the move.qdpx")
    start = TEXT.index(b"Trade")
    moved = project.annotations.reattach(annotation_id=first.id, start=start, end=start + 11)
    before = rows(project)

    summary = import_exchange_file(project, path=path)

    assert rows(project) == before
    assert project.annotations.get(annotation_id=first.id).exact == moved.exact == "Trade rose "
    assert (summary.passages, summary.codings_added, summary.notes_added) == (0, 0, 0)


def test_what_a_moved_passage_lacks_is_added_to_it_not_to_its_old_neighbour(
    tmp_path: Path, project: Project
) -> None:
    first, second = two_on_the_same_words(project)
    path = exported(project, tmp_path / "own.qdpx")
    start = TEXT.index(b"spring")
    project.annotations.reattach(annotation_id=first.id, start=start, end=start + 6)
    project.annotations.set_tags(annotation_id=first.id, tag_ids=())
    project.annotations.set_note(annotation_id=first.id, note="")

    summary = import_exchange_file(project, path=path)

    passages = {p.id: p for p in project.annotations.query()}
    assert sorted(passages) == sorted([first.id, second.id])
    assert (passages[first.id].exact, passages[first.id].tag_ids) == ("spring", first.tag_ids)
    assert passages[first.id].note == "note one"
    assert (passages[second.id].tag_ids, passages[second.id].note) == (
        second.tag_ids,
        "note two",
    )
    assert (summary.passages, summary.codings_added, summary.notes_added) == (0, 1, 1)


def test_a_passage_orphaned_here_since_is_not_added_again_as_an_orphan(
    tmp_path: Path, project: Project
) -> None:
    first, _ = two_on_the_same_words(project)
    start = TEXT.index(b"fell")
    kept = project.annotations.add(
        article_id=first.article_id, start=start, end=start + 4, tag_ids=first.tag_ids
    )
    path = exported(project, tmp_path / "own.qdpx")
    edited = TEXT.replace(b"fell again", b"stayed put")  # the article changed since
    project.articles.replace_text(
        article_id=first.article_id, parsed=parse_article(edited, name="t1.txt")
    )
    assert project.annotations.get(annotation_id=kept.id).is_orphan
    before = rows(project)

    summary = import_exchange_file(project, path=path)

    assert rows(project) == before
    assert (summary.passages, summary.orphans_added, summary.codings_added) == (0, 0, 0)
