"""Each tag's count of passages with its sub-tags', read in one query, against the
codebook's own walk: random nested codebooks, passages with several tags, orphans, and
parents that go round in a circle (a file edited by hand)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.annotations import NewAnnotation
from diptych.storage.codebook import Codebook
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.tag_counts import TagCount

TEXT = "Words enough for a passage at every place of the test. " * 20


def expected(project: Project) -> dict[int, TagCount]:
    """What the Passages panel filtered by each tag lists: the passages carrying the tag
    or one of the sub-tags the codebook shows below it, each once, orphans among them."""
    codebook = Codebook(project.tags.all())
    passages = project.annotations.query()
    counts = {}
    for tag in codebook.ordered():
        wanted = {tag.id, *(t.id for t in codebook.descendants(tag.id))}
        found = [p for p in passages if wanted.intersection(p.tag_ids)]
        if found:
            own = sum(tag.id in p.tag_ids for p in passages)
            orphans = sum(p.is_orphan for p in found)
            counts[tag.id] = TagCount(own=own, passages=len(found), orphans=orphans)
    return counts


def build(
    path: Path,
    parents: list[int | None],
    passages: list[tuple[frozenset[int], bool]],
    circle: tuple[int, int] | None,
) -> Project:
    """Tags nested as ``parents`` says (an index of an earlier tag, or None), passages with
    those tags (by index), orphaned or not, and the tag ``circle[0]`` put by hand under
    ``circle[1]`` (a circle when that one is below it)."""
    project = Project.create(path)
    ids: list[int] = []
    for n, parent in enumerate(parents):
        parent_id = None if parent is None else ids[parent % len(ids)] if ids else None
        ids.append(project.tags.add(name=f"Tag {n}", parent_id=parent_id).id)
    article = project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt")).id
    items = [
        NewAnnotation(article, 2 * n, 2 * n + 5, tuple(sorted({ids[t % len(ids)] for t in tags})))
        for n, (tags, _) in enumerate(passages)
    ]
    added = project.annotations.add_many(items=items)
    with project.transaction():
        for passage_id, (_, orphan) in zip(added, passages, strict=True):
            if orphan:
                project.annotations.apply_anchor(annotation_id=passage_id, anchor=None)
        if circle is not None:
            tag, parent = (ids[i % len(ids)] for i in circle)
            project.db.execute("UPDATE tags SET parent_id = ? WHERE id = ?", [parent, tag])
    return project


@settings(max_examples=60, deadline=None)
@given(
    parents=st.lists(st.none() | st.integers(0, 30), min_size=1, max_size=12),
    passages=st.lists(
        st.tuples(st.frozensets(st.integers(0, 30), min_size=1, max_size=3), st.booleans()),
        max_size=25,
    ),
    circle=st.none() | st.tuples(st.integers(0, 30), st.integers(0, 30)),
)
def test_the_query_counts_what_the_codebook_walk_counts(
    parents: list[int | None],
    passages: list[tuple[frozenset[int], bool]],
    circle: tuple[int, int] | None,
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        build(Path(folder) / "p.diptych", parents, passages, circle) as project,
    ):
        assert project.tags.usage_with_sub_tags() == expected(project)


def test_a_passage_under_a_tag_twice_counts_once_and_its_orphan_too(tmp_path: Path) -> None:
    # Tag 0 > Tag 1 > Tag 2; one orphan carrying Tag 1 and Tag 2, one passage Tag 0 alone
    parents: list[int | None] = [None, 0, 1]
    passages = [(frozenset({1, 2}), True), (frozenset({0}), False)]
    with build(tmp_path / "p.diptych", parents, passages, None) as project:
        counts = project.tags.usage_with_sub_tags()
        top, middle, bottom = (t.id for t in Codebook(project.tags.all()).ordered())
    assert counts == {
        top: TagCount(own=1, passages=2, orphans=1),
        middle: TagCount(own=1, passages=1, orphans=1),
        bottom: TagCount(own=1, passages=1, orphans=1),
    }


def test_a_circle_of_parents_counts_as_the_codebook_shows_it(tmp_path: Path) -> None:
    # Tag 0 > Tag 1 > Tag 2, then Tag 0 put under Tag 2 by hand: the codebook shows Tag 0
    # at the top, so Tag 2 counts no passage of Tag 0
    parents: list[int | None] = [None, 0, 1]
    passages = [(frozenset({0}), False), (frozenset({2}), False)]
    with build(tmp_path / "p.diptych", parents, passages, (0, 2)) as project:
        counts = project.tags.usage_with_sub_tags()
        top, _middle, bottom = (t.id for t in Codebook(project.tags.all()).ordered())
    assert counts[top].passages == 2
    assert counts[bottom].passages == 1


def test_a_codebook_at_hand_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parents: list[int | None] = [None, 0, 1]
    passages = [(frozenset({0}), False), (frozenset({2}), True)]
    with build(tmp_path / "p.diptych", parents, passages, (0, 2)) as project:
        codebook, counted = project.tags.codebook(), project.tags.usage_with_sub_tags()
        reads: list[str] = []
        monkeypatch.setattr(type(project.tags), "all", lambda _store: reads.append("all"))
        assert project.tags.usage_with_sub_tags(codebook=codebook) == counted
    assert reads == []
