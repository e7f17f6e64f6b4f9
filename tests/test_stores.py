"""Articles, tags, passages and memos: every operation, and undoing it exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.errors import InputError
from diptych.storage.importing import parse_article
from diptych.storage.model import AnnotationStatus, MemoKind
from diptych.storage.project import Project

TEXT = "Heading One\nFirst paragraph with 😀 emoji and 漢字 text.\nSecond paragraph here.\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.diptych") as project:
        yield project


@pytest.fixture
def article_id(project: Project) -> int:
    parsed = parse_article(TEXT.encode("utf-8"), name="a.txt")
    return project.articles.add(parsed=parsed).id


def test_article_round_trip_keeps_text_and_blocks(project: Project, article_id: int) -> None:
    article = project.articles.get(article_id=article_id)
    assert "😀 emoji and 漢字" in article.text
    assert article.content.outline()[0].text == "Heading One"
    project.forget_cached()
    again = project.articles.get(article_id=article_id)
    assert again.content == article.content
    summary = project.articles.summary(article_id=article_id)
    assert summary.characters == len(article.text)


def test_passage_offsets_are_code_points(project: Project, article_id: int) -> None:
    text = project.articles.get(article_id=article_id).text
    start = text.index("😀")
    end = text.index("text") + 4
    passage = project.annotations.add(article_id=article_id, start=start, end=end)
    assert passage.exact == "😀 emoji and 漢字 text"
    assert passage.exact == text[passage.start : passage.end]


def test_passage_out_of_range_is_refused(project: Project, article_id: int) -> None:
    with pytest.raises(InputError, match="outside the article"):
        project.annotations.add(article_id=article_id, start=5, end=10_000)
    assert project.annotations.count() == 0


def test_tags_nest_and_refuse_duplicates_and_cycles(project: Project) -> None:
    economy = project.tags.add(name="Economy", color="#f6c945")
    trade = project.tags.add(name="Trade", parent_id=economy.id)
    assert economy.color == "#F6C945"
    assert project.tags.codebook().path(trade.id) == "Economy/Trade"
    with pytest.raises(InputError, match="already exists"):
        project.tags.add(name="economy")
    with pytest.raises(InputError, match="inside itself"):
        project.tags.move(tag_id=economy.id, parent_id=trade.id)
    assert project.tags.find(name="Economy/Trade") == trade
    with pytest.raises(InputError, match="not a colour"):
        project.tags.add(name="Bad", color="red")


def test_new_tags_get_distinct_colours(project: Project) -> None:
    colors = {project.tags.add(name=f"T{i}").color for i in range(6)}
    assert len(colors) == 6


def test_delete_tag_and_restore_brings_everything_back(project: Project, article_id: int) -> None:
    parent = project.tags.add(name="Parent")
    child = project.tags.add(name="Child", parent_id=parent.id)
    other = project.tags.add(name="Other")
    passage = project.annotations.add(
        article_id=article_id, start=0, end=7, tag_ids=[parent.id, other.id]
    )
    project.memos.set(kind=MemoKind.TAG, target_id=parent.id, text="memo")
    removal = project.tags.delete(tag_id=parent.id)
    assert project.annotations.get(annotation_id=passage.id).tag_ids == (other.id,)
    assert project.tags.get(tag_id=child.id).parent_id is None
    assert project.memos.get(kind=MemoKind.TAG, target_id=parent.id) is None
    project.tags.restore(removal=removal)
    assert project.tags.get(tag_id=parent.id) == parent
    assert project.tags.get(tag_id=child.id).parent_id == parent.id
    assert project.annotations.get(annotation_id=passage.id).tag_ids == (parent.id, other.id)
    memo = project.memos.get(kind=MemoKind.TAG, target_id=parent.id)
    assert memo is not None and memo.text == "memo"


def test_merge_moves_passages_and_undo_restores(project: Project, article_id: int) -> None:
    a = project.tags.add(name="A")
    b = project.tags.add(name="B")
    p1 = project.annotations.add(article_id=article_id, start=0, end=7, tag_ids=[a.id])
    p2 = project.annotations.add(article_id=article_id, start=12, end=17, tag_ids=[a.id, b.id])
    removal = project.tags.merge(source_id=a.id, target_id=b.id)
    assert project.annotations.get(annotation_id=p1.id).tag_ids == (b.id,)
    assert project.annotations.get(annotation_id=p2.id).tag_ids == (b.id,)
    assert project.tags.usage() == {b.id: 2}
    project.tags.restore(removal=removal)
    assert project.annotations.get(annotation_id=p1.id).tag_ids == (a.id,)
    assert project.annotations.get(annotation_id=p2.id).tag_ids == (a.id, b.id)


def test_delete_and_restore_passage_keeps_identity(project: Project, article_id: int) -> None:
    tag = project.tags.add(name="T")
    passage = project.annotations.add(
        article_id=article_id, start=0, end=7, tag_ids=[tag.id], note="*note*", coder="Ann"
    )
    deleted = project.annotations.delete(annotation_id=passage.id)
    assert project.annotations.count() == 0
    restored = project.annotations.restore(annotation=deleted)
    assert restored == passage
    assert [c.name for c in project.annotations.coders()] == ["Ann"]


def test_query_filters(project: Project, article_id: int) -> None:
    t1 = project.tags.add(name="One")
    t2 = project.tags.add(name="Two")
    project.annotations.add(article_id=article_id, start=0, end=7, tag_ids=[t1.id], coder="A")
    project.annotations.add(article_id=article_id, start=12, end=17, tag_ids=[t2.id], coder="B")
    assert [p.start for p in project.annotations.query(tag_id=t2.id)] == [12]
    assert [p.coder for p in project.annotations.query(coder="A")] == ["A"]
    assert project.annotations.query(status=AnnotationStatus.ORPHAN) == []


def test_replace_text_reanchors_and_orphans(project: Project, article_id: int) -> None:
    text = project.articles.get(article_id=article_id).text
    kept = project.annotations.add(
        article_id=article_id, start=text.index("Second"), end=text.index("here") + 4
    )
    gone = project.annotations.add(
        article_id=article_id, start=text.index("First"), end=text.index("text.") + 5
    )
    newer = "Intro line added at the top.\nHeading One\nSecond paragraph here.\n"
    report = project.articles.replace_text(
        article_id=article_id, parsed=parse_article(newer.encode(), name="a.txt")
    )
    assert report.orphaned == 1 and report.kept + report.moved + report.fuzzy == 1
    moved = project.annotations.get(annotation_id=kept.id)
    new_text = project.articles.get(article_id=article_id).text
    assert new_text[moved.start : moved.end] == "Second paragraph here"
    orphan = project.annotations.get(annotation_id=gone.id)
    assert orphan.is_orphan and orphan.exact == gone.exact  # kept, never deleted
    assert project.articles.summary(article_id=article_id).orphan_count == 1


def test_remove_article_and_restore(project: Project, article_id: int) -> None:
    tag = project.tags.add(name="T")
    passage = project.annotations.add(article_id=article_id, start=0, end=7, tag_ids=[tag.id])
    project.memos.set(kind=MemoKind.ARTICLE, target_id=article_id, text="about it")
    removal = project.articles.remove(article_id=article_id)
    assert project.articles.all() == [] and project.annotations.count() == 0
    project.articles.restore(removal=removal)
    assert project.annotations.get(annotation_id=passage.id) == passage
    memo = project.memos.get(kind=MemoKind.ARTICLE, target_id=article_id)
    assert memo is not None and memo.text == "about it"


def test_failed_transaction_leaves_nothing_behind(project: Project) -> None:
    with pytest.raises(InputError), project.transaction():
        project.tags.add(name="First")
        project.tags.add(name="first")  # duplicate: the whole action is rolled back
    assert project.tags.all() == []


def test_search_finds_articles_and_notes(project: Project, article_id: int) -> None:
    from diptych.storage.search import search

    project.annotations.add(article_id=article_id, start=0, end=7, note="remarkable zebra")
    kinds = {(h.kind, h.article_id) for h in search(project, query="zebra")}
    assert kinds == {("passage", article_id)}
    assert {h.kind for h in search(project, query="paragraph")} == {"article"}
    assert search(project, query='"unbalanced paragraph') == []  # bad FTS5 syntax: no error
    assert {h.kind for h in search(project, query="paragraph AND (")} == {"article"}
    assert search(project, query="!!!") == []


def test_restore_text_undoes_replace_text(project: Project, article_id: int) -> None:
    text = project.articles.get(article_id=article_id).text
    passage = project.annotations.add(
        article_id=article_id, start=text.index("First"), end=text.index("text.") + 5
    )
    before = project.articles.get(article_id=article_id)
    report = project.articles.replace_text(
        article_id=article_id, parsed=parse_article(b"Completely new text.\n", name="a.txt")
    )
    assert project.annotations.get(annotation_id=passage.id).is_orphan
    assert report.previous_article == before
    project.articles.restore_text(article=before, passages=report.previous)
    assert project.articles.get(article_id=article_id) == before
    assert project.annotations.get(annotation_id=passage.id) == passage


def test_put_back_anchor_undoes_a_reattach_exactly(project: Project, article_id: int) -> None:
    tag = project.tags.add(name="T")
    passage = project.annotations.add(
        article_id=article_id, start=0, end=7, tag_ids=[tag.id], note="kept"
    )
    project.annotations.reattach(annotation_id=passage.id, start=12, end=17)
    restored = project.annotations.put_back_anchor(annotation=passage)
    assert restored == passage


def test_load_passages_reads_every_passage_in_table_order_from_another_thread(
    project: Project,
) -> None:
    import threading

    from diptych.storage.passage_rows import load_passages

    first = project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt")).id
    second = project.articles.add(parsed=parse_article(TEXT.encode(), name="b.txt")).id
    for article, start in ((second, 3), (first, 20), (second, 0), (first, 1)):
        project.annotations.add(article_id=article, start=start, end=start + 5, note="n")
    loaded: list[list] = []
    reader = threading.Thread(target=lambda: loaded.append(load_passages(project.path)))
    reader.start()
    reader.join()
    expected = sorted(
        project.annotations.query(), key=lambda p: (p.article_id != first, p.start, p.id)
    )
    assert loaded == [expected]
    assert [(p.article_id, p.start) for p in loaded[0]] == [
        (first, 1), (first, 20), (second, 0), (second, 3)
    ]  # fmt: skip
