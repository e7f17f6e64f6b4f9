"""Many passages deleted or re-tagged at once (thousands selected in the Passages list)
leave the project exactly as deleting or re-tagging them one by one does: every table row
for row, the words of every search index, the marks to check and the tags' counts; a
passage changed or deleted meanwhile in another window is refused, named as the one by
one path names it, and nothing is changed. And it takes a few statements, not several
for each passage."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_exchange_undo_bulk import but_ids_counters, dump, statements, study

from diptych.storage.errors import ChangedMeanwhileError, InputError
from diptych.storage.model import Annotation, CheckReason, PassageCheck
from diptych.storage.passage_checks import put_back_check
from diptych.storage.project import Project

NOW = "2026-12-08T01:00:00.000Z"


@pytest.fixture
def original(tmp_path: Path) -> Path:
    """The study's project (twelve articles of thirty passages, eight tags, notes, two
    coders) with some passages marked to check and some orphans."""
    path = tmp_path / "original.diptych"
    with study(path) as project:
        passages = project.annotations.query(tag_id=project.tags.all()[0].id)
        for passage in passages[::7]:
            check = PassageCheck(CheckReason.APPROXIMATE.value, NOW, passage.exact + " before")
            with project.transaction():
                put_back_check(project, annotation_id=passage.id, check=check)
        for passage in passages[3::17]:
            with project.transaction():
                project.annotations.apply_anchor(annotation_id=passage.id, anchor=None)
    return path


@pytest.fixture
def twins(original: Path, tmp_path: Path) -> Iterator[tuple[Project, Project]]:
    """Two copies of the project: one changed one passage at a time, one in bulk."""
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


def state(project: Project) -> dict[str, object]:
    """Every table and search index (see :func:`dump`), and each tag's count."""
    return {**dump(project), "counts": project.tags.usage()}


def main(ran: list[str]) -> list[str]:
    """The statements of ``ran`` on the project's tables (not rows staged on their way to
    them in a temporary table of the connection, which no trigger follows)."""
    return [sql for sql in ran if "INTO temp." not in sql]


def chosen(project: Project) -> list[int]:
    """The passages of the first tag, as the list shows them (orphans and passages marked
    to check among them)."""
    tag_id = project.tags.all()[0].id
    return [p.id for p in project.annotations.query(tag_id=tag_id)]


def test_deleting_many_leaves_the_project_as_deleting_them_one_by_one(
    twins: tuple[Project, Project],
) -> None:
    one, bulk = twins
    ids = chosen(one)
    assert len(ids) > 50
    with one.transaction():
        gone_one = [one.annotations.delete(annotation_id=i) for i in ids]
    gone_bulk: list[Annotation] = []
    ran = statements(
        bulk, lambda: gone_bulk.extend(bulk.annotations.delete_listed(annotation_ids=ids))
    )
    assert gone_bulk == gone_one
    assert any(p.check for p in gone_bulk) and any(p.is_orphan for p in gone_bulk)
    assert state(bulk) == state(one)
    assert len(main(ran)) < 20  # a few statements, not several for each passage


def test_redoing_a_deletion_of_many_checks_each_and_leaves_the_same_project(
    twins: tuple[Project, Project],
) -> None:
    """Redo deletes the passages as undo left them, a tag deleted since not counting."""
    one, bulk = twins
    ids = chosen(one)
    left = {project: project.annotations.get_many(annotation_ids=ids) for project in twins}
    for project in twins:
        project.tags.delete(tag_id=project.tags.all()[-1].id)  # in another window, say
    with one.transaction():
        for i in ids:
            one.annotations.delete(annotation_id=i, expected=left[one][i])
    bulk.annotations.delete_listed(annotation_ids=ids, expected=left[bulk].values())
    assert state(bulk) == state(one)


def changes_meanwhile() -> dict[str, Callable[[Project, int], object]]:
    """What another window can do to a passage that a redo is to delete."""
    return {
        "note": lambda p, i: p.annotations.set_note(annotation_id=i, note="written since"),
        "tag": lambda p, i: p.annotations.change_tags(annotation_id=i, add=[p.tags.all()[-1].id]),
        "coder": lambda p, i: p.db.execute("UPDATE annotations SET coder = 'Cy' WHERE id = ?", [i]),
        "re-attached": lambda p, i: p.annotations.reattach(annotation_id=i, start=0, end=12),
        "another": lambda p, i: p.db.execute(
            "UPDATE annotations SET uuid = 'x' || id WHERE id = ?", [i]
        ),
        "deleted": lambda p, i: p.annotations.delete(annotation_id=i),
    }


@pytest.mark.parametrize("change", sorted(changes_meanwhile()))
def test_a_passage_changed_in_another_window_refuses_the_whole_redo_as_one_by_one(
    original: Path, twins: tuple[Project, Project], change: str
) -> None:
    ids = chosen(twins[0])
    left = twins[0].annotations.get_many(annotation_ids=ids)
    victims = [ids[20], ids[40]]  # the first of them is named
    for project in twins:
        with Project.open(project.path) as other:  # another window on the same file
            other.now = lambda: NOW  # type: ignore[method-assign]
            for victim in victims:
                with other.transaction():
                    changes_meanwhile()[change](other, victim)
    before = state(twins[1])
    one, bulk = twins
    with pytest.raises((ChangedMeanwhileError, InputError)) as by_one, one.transaction():
        for i in ids:
            one.annotations.delete(annotation_id=i, expected=left[i])
    with pytest.raises(by_one.type) as in_bulk:
        bulk.annotations.delete_listed(annotation_ids=ids, expected=left.values())
    refused = [str(by_one.value), str(in_bulk.value)]
    assert refused[0] == refused[1]
    assert by_one.value.advice == in_bulk.value.advice
    assert state(bulk) == before == state(one)  # nothing deleted, that work kept


def test_deleting_a_passage_twice_in_one_go_is_refused_as_one_by_one(
    twins: tuple[Project, Project],
) -> None:
    one, bulk = twins
    ids = chosen(one)[:5]
    ids.append(ids[2])
    with pytest.raises(InputError) as by_one, one.transaction():
        for i in ids:
            one.annotations.delete(annotation_id=i)
    with pytest.raises(InputError) as in_bulk:
        bulk.annotations.delete_listed(annotation_ids=ids)
    assert str(in_bulk.value) == str(by_one.value)
    assert state(bulk) == state(one)


def test_passages_deleted_in_bulk_come_back_as_they_were(twins: tuple[Project, Project]) -> None:
    _one, bulk = twins
    before = state(bulk)
    gone = bulk.annotations.delete_listed(annotation_ids=chosen(bulk))
    bulk.annotations.restore_many(annotations=gone)
    assert but_ids_counters(state(bulk), "coders") == but_ids_counters(before, "coders")


def tag_changes(project: Project) -> dict[int, tuple[set[int], set[int]]]:
    """Put the last tag on every passage of the first tag and take the second off them;
    some carry the last already, some not the second (deleted since, perhaps)."""
    tags = [t.id for t in project.tags.all()]
    return {i: ({tags[-1]}, {tags[1]}) for i in chosen(project)}


@pytest.mark.parametrize("given_times", [False, True])
def test_retagging_many_leaves_the_project_as_retagging_them_one_by_one(
    twins: tuple[Project, Project], given_times: bool
) -> None:
    """With a tag deleted meanwhile among those to put on (left out), and with the times
    of change put back (undo and redo) or without (now)."""
    one, bulk = twins
    changes = tag_changes(one)
    for project in twins:
        gone = project.tags.add(name="Deleted since").id
        project.tags.delete(tag_id=gone)
    for added, _removed in changes.values():
        added.add(gone)
    times = {i: f"2026-01-{1 + n % 28:02d}T00:00:00.000Z" for n, i in enumerate(changes)}
    times = times if given_times else {}
    with one.transaction():
        by_one = [
            one.annotations.change_tags(
                annotation_id=i, add=add, remove=remove, updated_at=times.get(i)
            )
            for i, (add, remove) in changes.items()
        ]
    in_bulk: list[Annotation] = []
    ran = statements(
        bulk,
        lambda: in_bulk.extend(bulk.annotations.change_tags_listed(changes=changes, times=times)),
    )
    assert in_bulk == by_one
    assert state(bulk) == state(one)
    assert len(main(ran)) < 20


def test_retagging_many_is_refused_for_a_passage_deleted_meanwhile_as_one_by_one(
    twins: tuple[Project, Project],
) -> None:
    one, bulk = twins
    changes = tag_changes(one)
    victim = list(changes)[30]
    for project in twins:
        with Project.open(project.path) as other:
            other.annotations.delete(annotation_id=victim)
    before = state(bulk)
    with pytest.raises(InputError) as by_one, one.transaction():
        for i, (add, remove) in changes.items():
            one.annotations.change_tags(annotation_id=i, add=add, remove=remove)
    with pytest.raises(InputError) as in_bulk:
        bulk.annotations.change_tags_listed(changes=changes)
    assert str(in_bulk.value) == str(by_one.value)
    assert state(bulk) == before == state(one)
