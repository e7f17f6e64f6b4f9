"""The passages an update found only approximately stay marked to check until the analyst
has looked at them (fitted, re-attached, marked checked or deleted), across openings of
the project, and undo puts the marks back as they were."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_anchor_edges import INTERVIEW, REWRITTEN

from diptych.storage.importing import parse_article
from diptych.storage.model import PassageCheck, ReanchorReport
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION

REWORDED = "The union says wages have fallen behind inflation for three years."
GONE = "Signed by the chair of the union local."
KEPT = "End of the transcript."
SHORTENED = "They can hold out much longer - maybe a month."
OLDER = INTERVIEW.replace(KEPT, f"{GONE}\n\n{KEPT}")
FIRST, SECOND = "2026-03-01T10:00:00Z", "2026-03-02T11:00:00Z"


class Clock:
    """The time storage is told, set by the test."""

    def __init__(self) -> None:
        self.now = FIRST

    def __call__(self) -> str:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def project(tmp_path: Path, clock: Clock) -> Iterator[Project]:
    with Project.open(tmp_path / "p.diptych", create=True, clock=clock) as project:
        yield project


def coded(project: Project, text: str = OLDER) -> dict[str, int]:
    """An article of ``text`` with a passage on each quote; the passages' ids by quote."""
    article_id = project.articles.add(parsed=parse_article(text.encode(), name="i.txt")).id
    body = project.articles.get(article_id=article_id).text
    ids = {}
    for quote in (REWORDED, GONE, KEPT, SHORTENED):
        if quote in body:
            start = body.index(quote)
            passage = project.annotations.add(
                article_id=article_id, start=start, end=start + len(quote)
            )
            ids[quote] = passage.id
    return ids


def update(project: Project, text: str = REWRITTEN, article_id: int = 1) -> ReanchorReport:
    parsed = parse_article(text.encode(), name="i.txt")
    return project.articles.replace_text(article_id=article_id, parsed=parsed)


def checks(project: Project) -> dict[int, PassageCheck | None]:
    return {p.id: p.check for p in project.annotations.query()}


def test_an_update_marks_the_passages_it_found_approximately(project: Project) -> None:
    ids = coded(project)
    report = update(project)
    assert len(report.approximate) == 2
    assert checks(project) == {
        ids[REWORDED]: PassageCheck("approximate", FIRST, REWORDED),
        ids[GONE]: None,  # orphaned: listed under Orphans
        ids[KEPT]: None,  # in place
        ids[SHORTENED]: PassageCheck("approximate", FIRST, SHORTENED),
    }
    # Read one by one as in a list of them all
    assert project.annotations.get(annotation_id=ids[KEPT]).check is None
    assert project.annotations.get(annotation_id=ids[REWORDED]).check == PassageCheck(
        "approximate", FIRST, REWORDED
    )


def test_the_marks_are_kept_in_the_file(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "kept.diptych"
    with Project.open(path, create=True, clock=clock) as project:
        ids = coded(project)
        update(project)
    with Project.open(path) as project:
        assert project.annotations.get(annotation_id=ids[REWORDED]).check == PassageCheck(
            "approximate", FIRST, REWORDED
        )


def test_undoing_the_update_puts_back_the_marks_it_found(project: Project, clock: Clock) -> None:
    ids = coded(project)
    update(project)
    project.annotations.mark_checked(annotation_ids=[ids[SHORTENED]])
    before = checks(project)
    assert before[ids[REWORDED]] is not None and before[ids[SHORTENED]] is None
    clock.now = SECOND
    report = update(project, OLDER)  # back to the older words: found approximately again
    after = checks(project)
    # Still not looked at since the first update: it keeps what it quoted before that
    assert after[ids[REWORDED]] == PassageCheck("approximate", SECOND, REWORDED)
    assert after[ids[SHORTENED]] == PassageCheck(
        "approximate", SECOND, "They can hold out much longer, maybe a month"
    )
    assert report.previous_article is not None
    project.articles.restore_text(article=report.previous_article, passages=report.previous)
    assert checks(project) == before
    # Redone, as undo's redo does
    update(project, OLDER)
    assert checks(project) == after


def test_undoing_a_first_update_leaves_no_mark(project: Project) -> None:
    coded(project)
    report = update(project)
    assert report.previous_article is not None
    project.articles.restore_text(article=report.previous_article, passages=report.previous)
    assert set(checks(project).values()) == {None}


def test_a_marked_passage_orphaned_by_a_later_update_loses_its_mark(project: Project) -> None:
    ids = coded(project)
    update(project)
    report = update(project, "Something else entirely.\n\nEnd of the transcript.")
    assert project.annotations.get(annotation_id=ids[REWORDED]).is_orphan
    assert checks(project)[ids[REWORDED]] is None
    assert report.previous_article is not None
    project.articles.restore_text(article=report.previous_article, passages=report.previous)
    assert checks(project)[ids[REWORDED]] == PassageCheck("approximate", FIRST, REWORDED)


def test_marking_checked_clears_and_undo_puts_back(project: Project) -> None:
    ids = coded(project)
    update(project)
    chosen = [ids[REWORDED], ids[KEPT], ids[SHORTENED]]
    was = project.annotations.mark_checked(annotation_ids=chosen)
    assert [p.id for p in was] == [ids[REWORDED], ids[SHORTENED]]  # the unmarked one not
    assert set(checks(project).values()) == {None}
    project.annotations.put_back_checks(passages=was)
    assert checks(project)[ids[REWORDED]] == PassageCheck("approximate", FIRST, REWORDED)
    assert checks(project)[ids[SHORTENED]] == PassageCheck("approximate", FIRST, SHORTENED)
    assert checks(project)[ids[KEPT]] is None


def test_fitting_a_passage_clears_its_mark_and_undo_puts_it_back(project: Project) -> None:
    ids = coded(project)
    update(project)
    before = project.annotations.get(annotation_id=ids[REWORDED])
    after = project.annotations.reattach(
        annotation_id=before.id, start=before.start, end=before.end - 1
    )
    assert after.check is None
    back = project.annotations.put_back_anchor(annotation=before, expected=after)
    assert back.check == PassageCheck("approximate", FIRST, REWORDED)


def test_a_deleted_passage_takes_its_mark_and_undo_puts_it_back(project: Project) -> None:
    ids = coded(project)
    update(project)
    deleted = project.annotations.delete(annotation_id=ids[REWORDED])
    rows = project.db.execute("SELECT annotation_id FROM passages_to_check").fetchall()
    assert sorted(rows) == [(ids[SHORTENED],)]
    restored = project.annotations.restore(annotation=deleted)
    assert restored.check == PassageCheck("approximate", FIRST, REWORDED)


def test_removing_the_article_and_undoing_puts_the_marks_back(project: Project) -> None:
    ids = coded(project)
    update(project)
    removal = project.articles.remove(article_id=1)
    assert project.db.execute("SELECT count(*) FROM passages_to_check").fetchone()[0] == 0
    project.articles.restore(removal=removal)
    assert checks(project)[ids[SHORTENED]] == PassageCheck("approximate", FIRST, SHORTENED)


def test_a_format_8_project_is_given_the_table(tmp_path: Path) -> None:
    path = tmp_path / "older.diptych"
    with Project.create(path) as project:
        coded(project)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE passages_to_check")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0009_passages_to_check'")
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert set(checks(project).values()) == {None}
        update(project)
        assert sum(1 for c in checks(project).values() if c) == 2


def test_undoing_mark_checked_after_the_update_was_undone_elsewhere_leaves_the_mark_off(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "two.diptych"
    with Project.open(path, create=True, clock=clock) as first, Project.open(path) as second:
        ids = coded(first)
        report = update(first)
        was = second.annotations.mark_checked(annotation_ids=[ids[REWORDED], ids[SHORTENED]])
        assert report.previous_article is not None
        first.articles.restore_text(article=report.previous_article, passages=report.previous)
        # The second window undoes its Mark as checked: the update is no longer there
        left_off = second.annotations.put_back_checks(passages=was)
        assert [p.id for p in left_off] == [ids[REWORDED], ids[SHORTENED]]
        assert set(checks(first).values()) == {None}
        assert set(checks(second).values()) == {None}


def test_undoing_mark_checked_with_the_update_still_there_puts_the_mark_back(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "two.diptych"
    with Project.open(path, create=True, clock=clock) as first, Project.open(path) as second:
        ids = coded(first)
        update(first)
        was = second.annotations.mark_checked(annotation_ids=[ids[REWORDED]])
        first.annotations.set_note(annotation_id=ids[KEPT], note="Read.")  # work elsewhere
        assert second.annotations.put_back_checks(passages=was) == []
        assert checks(first)[ids[REWORDED]] == PassageCheck("approximate", FIRST, REWORDED)


def test_a_deleted_passage_put_back_after_the_update_was_undone_elsewhere_is_not_marked(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "two.diptych"
    with Project.open(path, create=True, clock=clock) as first, Project.open(path) as second:
        ids = coded(first)
        report = update(first)
        deleted = second.annotations.delete(annotation_id=ids[REWORDED])
        assert deleted.check is not None
        assert report.previous_article is not None
        first.articles.restore_text(article=report.previous_article, passages=report.previous)
        back = second.annotations.restore(annotation=deleted)
        assert back.check is None and not back.is_orphan
        assert checks(first)[ids[REWORDED]] is None
