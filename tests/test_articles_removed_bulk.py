"""Many articles removed from the Library at once, and put back by undo, leave the project
exactly as removing and putting them back one by one does (every table row for row, the
words of every search index, the tags' counts); one worked on or updated meanwhile in
another window refuses the redo, named as one by one names it, and nothing is removed.
And it takes a few statements for all of them, not several for each."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from test_exchange_undo_bulk import but_ids_counters, statements, study
from test_storage_passages_bulk import NOW, main, state

from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.article_removal import ArticleRemoval
from diptych.storage.errors import ChangedMeanwhileError, InputError
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


@pytest.fixture
def original(tmp_path: Path) -> Path:
    path = tmp_path / "original.diptych"
    study(path).close()
    return path


@pytest.fixture
def twins(original: Path, tmp_path: Path) -> Iterator[tuple[Project, Project]]:
    """Two copies of the project: one changed one article at a time, one in bulk."""
    opened = []
    for name in ("one_by_one", "bulk"):
        path = tmp_path / f"{name}.diptych"
        shutil.copy(original, path)
        project = Project.open(path)
        project.now = lambda: NOW  # type: ignore[method-assign]
        opened.append(project)
    yield opened[0], opened[1]
    for project in opened:
        project.close()


def chosen(project: Project) -> list[int]:
    """Most of the articles, not in the Library's order."""
    return [a.id for a in project.articles.all()][::-1][:9]


def one_by_one(
    project: Project, ids: list[int], expected: Sequence[ArticleRemoval] = ()
) -> list[ArticleRemoval]:
    """Remove the articles one at a time, in one transaction, leaving out those gone."""
    before = {r.article.id: r for r in expected}
    with project.transaction():
        present = {a.id for a in project.articles.all()}
        return [
            project.articles.remove(article_id=article_id, expected=before.get(article_id))
            for article_id in ids
            if article_id in present
        ]


def test_removing_many_and_putting_them_back_leaves_the_project_as_one_by_one(
    twins: tuple[Project, Project],
) -> None:
    one, bulk = twins
    before = state(bulk)
    ids = chosen(one)
    by_one = one_by_one(one, ids)
    in_bulk = bulk.articles.remove_listed(article_ids=ids)
    assert in_bulk == by_one
    assert sum(len(r.annotations) for r in in_bulk) > 200 and any(r.memos for r in in_bulk)
    assert state(bulk) == state(one)
    with one.transaction():
        for removal in reversed(by_one):
            one.articles.restore(removal=removal)
    bulk.articles.restore_many(removals=in_bulk[::-1])
    # but the counter of coders' ids, which each putting back of a coder's name moves on
    assert but_ids_counters(state(bulk), "coders") == but_ids_counters(state(one), "coders")
    assert but_ids_counters(state(bulk), "coders") == but_ids_counters(before, "coders")


def changes_meanwhile() -> dict[str, Callable[[Project, int], object]]:
    """What another window can do to an article that a redo is to remove again."""

    def updated(project: Project, article_id: int) -> None:
        title = project.articles.summary(article_id=article_id).title
        text = f"{title}\n\nAnother text altogether, under the same title."
        parsed = parse_article(text.encode(), name="anew.txt")
        project.articles.replace_text(article_id=article_id, parsed=parsed)

    def passage(project: Project, article_id: int) -> None:
        uuid = "00000000-0000-4000-a000-000000000001"
        project.annotations.add(article_id=article_id, start=0, end=8, uuid=uuid)

    return {
        "renamed": lambda p, i: p.articles.rename(article_id=i, title="Renamed since"),
        "memo": lambda p, i: p.memos.set(kind=MemoKind.ARTICLE, target_id=i, text="Since"),
        "passage": passage,
        "updated": updated,
    }


@pytest.mark.parametrize("change", sorted(changes_meanwhile()))
@pytest.mark.parametrize("first", [True, False])
def test_an_article_worked_on_in_another_window_refuses_the_whole_redo_as_one_by_one(
    twins: tuple[Project, Project], change: str, first: bool
) -> None:
    """Another article of the step given a memo too, after it or before it: the first
    refused, in the order given, is named, whatever the kind of refusal."""
    ids = chosen(twins[0])
    left = {}
    for project in twins:
        left[project] = project.articles.remove_listed(article_ids=ids)
        project.articles.restore_many(removals=left[project][::-1])
    for project in twins:
        with Project.open(project.path) as other:  # another window on the same file
            other.now = lambda: NOW  # type: ignore[method-assign]
            changed, memo = (ids[2], ids[5]) if first else (ids[5], ids[2])
            changes_meanwhile()[change](other, changed)
            other.memos.set(kind=MemoKind.ARTICLE, target_id=memo, text="And this")
    one, bulk = twins
    before = state(bulk)
    with pytest.raises((ChangedMeanwhileError, InputError)) as by_one:
        one_by_one(one, ids, left[one])
    with pytest.raises(by_one.type) as in_bulk:
        bulk.articles.remove_listed(article_ids=ids, expected=left[bulk])
    assert str(in_bulk.value) == str(by_one.value)
    assert state(bulk) == before == state(one)


def unfolded(ran: list[str]) -> list[str]:
    """The statements of ``ran`` but those indexing the texts written in compatibility
    forms (“ﬁnance”) by their folded words as the transaction ends, which read and index
    each such text again (:mod:`~diptych.storage.search_folds`), however it was written."""
    return [sql for sql in ran if "_folded" not in sql and not sql.endswith("WHERE id = ?")]


def test_the_library_removes_many_and_puts_them_back_in_a_few_statements(
    original: Path, qapp: object
) -> None:
    session = ProjectSession(Project.open(original), MessageBridge(), coder="Tester")
    try:
        project = session.project
        ids = chosen(project)
        removals: list[ArticleRemoval] = []
        ran = {
            "remove": statements(project, lambda: removals.extend(session.remove_articles(ids))),
            "undo": statements(project, lambda: session.restore_articles(removals)),
            "redo": statements(project, lambda: session.remove_articles(ids, expected=removals)),
        }
    finally:
        session.close()
    # Each article is read once (its text, to put back), beside a few statements in all
    counts = {name: len(unfolded(main(sql))) for name, sql in ran.items()}
    assert all(count < 3 * len(ids) + 15 for count in counts.values()), counts
