"""Undo and redo of a big REFI-QDA import put the rows back in bulk and leave the project
exactly as it was: every table, row for row, and the words in every search index; a
change made meanwhile still refuses the step, and nothing is lost."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from diptych.storage.annotations import NewAnnotation
from diptych.storage.errors import ChangedMeanwhileError, InputError
from diptych.storage.exchange_undo import ExchangeChanges, bring_back, import_recorded, take_back
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.search import search

ARTICLES = 12
PASSAGES = 30  # on each article
WORDS = [
    "harbour",
    "trade",
    "ﬁnance",
    "Ødegaard",
    "café",
    "naïve",
    "treaty",
    "quota",
    "tariff",
    "dock",
    "ship",
    "crew",
    "ledger",
    "Βουλή",
    "объём",
    "Nguyễn",
    "port",
    "customs",
    "ferry",
    "union",
    "strike",
    "wage",
    "grain",
    "coal",
]


def article_uuid(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def passage_uuid(number: int) -> str:
    return f"00000000-0000-4000-9000-{number:012d}"


def study(path: Path, *, coded: bool = True, first_coded: int = 0) -> Project:
    """Twelve articles with thirty passages each (one to three of eight nested tags, a note
    on most, in folded and plain words, two coders) and memos; or, not ``coded``, the same
    articles (same uuids) with only their first ``first_coded`` passages, given the first
    of their tags and no note."""
    r = random.Random(5)
    project = Project.create(path)
    tags = [project.tags.add(name=f"Theme {i}").id for i in range(3)]
    tags += [project.tags.add(name=f"Sub {i}", parent_id=tags[i % 3]).id for i in range(5)]
    number = 0
    for a in range(ARTICLES):
        text = "\n\n".join(" ".join(r.choices(WORDS, k=60)) for _ in range(12))
        parsed = parse_article(f"Dispatch {a}\n\n{text}".encode(), name=f"dispatch-{a}.txt")
        article = project.articles.add(parsed=parsed, uuid=article_uuid(a))
        shown = project.articles.get(article_id=article.id).text
        items = []
        for p in range(PASSAGES):
            number += 1
            start = r.randrange(0, len(shown) - 200)
            end = start + r.randint(5, 150)
            chosen = tuple(sorted(set(r.choices(tags, k=r.randint(1, 3)))))
            note = f"{r.choice(WORDS)} note {number}" if r.random() < 0.8 else ""
            coder = r.choice(["Ana", "Ben"])
            if not coded:
                if p >= first_coded:
                    continue
                chosen, note = chosen[:1], ""
            items.append(NewAnnotation(article.id, start, end, chosen, note, coder,
                                       passage_uuid(number)))  # fmt: skip
        project.annotations.add_many(items=items)
        if coded and a % 3 == 0:
            project.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text=f"Memo {a} café")
    if coded:
        project.memos.set(kind=MemoKind.TAG, target_id=tags[0], text="Theme memo")
    return project


@pytest.fixture
def qdpx(tmp_path: Path) -> Path:
    path = tmp_path / "colleague.qdpx"
    with study(tmp_path / "colleague.diptych") as source:
        path.write_bytes(export_qdpx(collect(source), None))
    return path


def dump(project: Project) -> dict[str, object]:
    """Every table, row for row (but the full-text indexes' own storage, laid out as
    their merges went), and every word each full-text index holds, where."""
    db = project.db.conn
    names = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%'"
    ).fetchall()
    found: dict[str, object] = {
        name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
        for (name,) in names
    }
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE name LIKE '%\\_fts' ESCAPE '\\'"
    ):
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name}_words"
                   f" USING fts5vocab(main, {name}, instance)")  # fmt: skip
        found[f"{name} words"] = db.execute(
            f"SELECT * FROM temp.{name}_words ORDER BY 1, 2, 3, 4"
        ).fetchall()
        found[f"{name} docsize"] = db.execute(f"SELECT * FROM {name}_docsize ORDER BY 1").fetchall()
        check_index(project, name)
    return found


def check_index(project: Project, name: str) -> None:
    """Raise :class:`sqlite3.DatabaseError` unless the full-text index ``name`` holds what
    its texts (folded where they are kept so) say, no more (read on a connection of its
    own: the check leaves the connection it runs on folding nothing more)."""
    conn = sqlite3.connect(project.path)
    try:
        conn.execute(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def but_ids_counters(state: dict[str, object], *tables: str) -> dict[str, object]:
    """``state`` but the counters of ids given in ``tables`` (all: none named): ids are
    never given again, even after undo, and a coder named again counts one more."""
    counters = state["sqlite_sequence"]
    assert isinstance(counters, list)
    kept = [row for row in counters if tables and row[0] not in tables]
    return {**state, "sqlite_sequence": kept}


class Counted:
    """The project's connection, counting each statement run as its caller ran it: once
    for ``execute``, once a row for ``executemany`` (the statements of triggers and of
    the search index's own storage are not counted)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ran: list[str] = []

    def execute(self, sql: str, parameters: object = ()) -> sqlite3.Cursor:
        self.ran.append(sql)
        return self.conn.execute(sql, parameters)  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Iterable[object]) -> sqlite3.Cursor:
        rows = list(rows)
        self.ran += [sql] * len(rows)
        return self.conn.executemany(sql, rows)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)


def statements(project: Project, action: Callable[[], None]) -> list[str]:
    """The statements ``action`` runs on the project's connection (see :class:`Counted`)."""
    conn = project.db.conn
    counted = Counted(conn)
    project.db.conn = counted  # type: ignore[assignment]
    try:
        action()
    finally:
        project.db.conn = conn
    return counted.ran


def written(ran: list[str], start: str) -> int:
    """How many of ``ran`` start so, the table named with or without its schema."""
    return sum(" ".join(s.split()).replace("main.", "").startswith(start) for s in ran)


@pytest.fixture
def new_project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "mine.diptych") as project:
        yield project


@pytest.fixture
def articles_there(tmp_path: Path) -> Iterator[Project]:
    """The study's articles, each with its first five passages coded with one tag."""
    with study(tmp_path / "mine.diptych", coded=False, first_coded=5) as project:
        yield project


@pytest.mark.parametrize("where", ["new_project", "articles_there"])
def test_undo_and_redo_of_a_big_import_leave_every_table_and_index_as_it_was(
    where: str, qdpx: Path, request: pytest.FixtureRequest
) -> None:
    project: Project = request.getfixturevalue(where)
    before = dump(project)
    _summary, changes = import_recorded(project, path=qdpx)
    imported = dump(project)
    assert project.annotations.count() == ARTICLES * PASSAGES
    if where == "articles_there":
        assert len(changes.passages) == ARTICLES * (PASSAGES - 5)
        assert 0 < len(changes.changed) <= ARTICLES * 5  # their tags and notes
    else:
        assert len(changes.articles) == ARTICLES

    for _round in range(2):
        take_back(project, changes)
        assert but_ids_counters(dump(project)) == but_ids_counters(before)
        bring_back(project, changes)
        assert but_ids_counters(dump(project), "coders") == but_ids_counters(imported, "coders")


def test_undo_and_redo_of_new_articles_go_in_one_statement_not_one_each(
    new_project: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(new_project, path=qdpx)
    ran = statements(new_project, lambda: take_back(new_project, changes))
    assert written(ran, "DELETE FROM annotations ") == 1
    assert written(ran, "DELETE FROM articles ") == 1
    ran = statements(new_project, lambda: bring_back(new_project, changes))
    assert written(ran, "INSERT INTO annotations ") == 1
    assert written(ran, "INSERT INTO articles ") == 1


def test_undo_and_redo_of_codings_on_articles_there_go_in_a_statement_each(
    articles_there: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(articles_there, path=qdpx)
    ran = statements(articles_there, lambda: take_back(articles_there, changes))
    assert written(ran, "DELETE FROM annotations ") == 1
    assert written(ran, "UPDATE annotations SET note ") == 1  # the notes on passages there
    ran = statements(articles_there, lambda: bring_back(articles_there, changes))
    assert written(ran, "INSERT INTO annotations ") == 1
    assert written(ran, "UPDATE annotations SET note ") == 1


def test_redo_indexes_the_folded_words_of_its_passages_together(
    new_project: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(new_project, path=qdpx)
    take_back(new_project, changes)
    ran = statements(new_project, lambda: bring_back(new_project, changes))
    assert written(ran, "INSERT INTO annotations_fts(rowid") == 1  # not one a passage
    assert new_project.db.execute("SELECT count(*) FROM annotations_folded").fetchone()[0] > 100
    assert search(new_project, query="Odegaard finance")


def other_window(project: Project) -> Project:
    return Project.open(project.path)


def test_undo_of_new_articles_refuses_one_given_a_passage_meanwhile(
    new_project: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(new_project, path=qdpx)
    last = changes.articles[-1].article
    with other_window(new_project) as other:
        other.annotations.add(article_id=last.id, start=0, end=8, note="Mine")
    kept = dump(new_project)
    with pytest.raises(ChangedMeanwhileError, match=last.title):
        take_back(new_project, changes)
    assert dump(new_project) == kept


def refused_without_loss(project: Project, changes: ExchangeChanges, error: type) -> None:
    kept = dump(project)
    with pytest.raises(error):
        bring_back(project, changes)
    assert dump(project) == kept


def test_redo_after_the_same_file_was_imported_again_elsewhere_is_refused(
    new_project: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(new_project, path=qdpx)
    take_back(new_project, changes)
    with other_window(new_project) as other:
        import_recorded(other, path=qdpx)
    refused_without_loss(new_project, changes, ChangedMeanwhileError)


def test_redo_of_codings_on_an_article_removed_elsewhere_is_refused(
    articles_there: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(articles_there, path=qdpx)
    take_back(articles_there, changes)
    last = changes.passages[-1].article_id  # the first passages' articles stay
    with other_window(articles_there) as other:
        other.articles.remove(article_id=last)
    refused_without_loss(articles_there, changes, InputError)


def test_redo_leaves_out_a_tag_deleted_elsewhere_meanwhile(
    articles_there: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(articles_there, path=qdpx)
    take_back(articles_there, changes)
    gone = max({t for p in changes.passages for t in p.tag_ids} - set(changes.tag_ids))
    with other_window(articles_there) as other:
        other.tags.delete(tag_id=gone)
    bring_back(articles_there, changes)
    for passage in changes.passages:
        back = articles_there.annotations.get(annotation_id=passage.id)
        assert back.tag_ids == tuple(t for t in passage.tag_ids if t != gone)


def test_undo_of_codings_on_articles_there_refuses_a_passage_noted_meanwhile(
    articles_there: Project, qdpx: Path
) -> None:
    _summary, changes = import_recorded(articles_there, path=qdpx)
    noted = changes.passages[len(changes.passages) // 2]
    with other_window(articles_there) as other:
        other.annotations.set_note(annotation_id=noted.id, note="Checked by hand")
    kept = dump(articles_there)
    with pytest.raises(ChangedMeanwhileError):
        take_back(articles_there, changes)
    assert dump(articles_there) == kept


def test_a_passage_whose_words_moved_elsewhere_meanwhile_is_found_again(
    articles_there: Project, qdpx: Path, tmp_path: Path
) -> None:
    _summary, changes = import_recorded(articles_there, path=qdpx)
    take_back(articles_there, changes)
    moved = changes.passages[0]
    old = articles_there.articles.get(article_id=moved.article_id)
    with other_window(articles_there) as other:
        parsed = parse_article(f"A new first line.\n\n{old.original_text}".encode(), name="n.txt")
        other.articles.replace_text(article_id=moved.article_id, parsed=parsed)
    bring_back(articles_there, changes)
    back = articles_there.annotations.get(annotation_id=moved.id)
    articles_there.forget_cached()  # the text another window put in
    text = articles_there.articles.get(article_id=moved.article_id).text
    assert back.start != moved.start and text[back.start : back.end] == moved.exact


def test_the_check_reads_the_index_itself(new_project: Project) -> None:
    """The dump sees an index out of step with its texts."""
    article = new_project.articles.add(parsed=parse_article(b"Harbour ledger", name="h.txt"))
    dump(new_project)
    new_project.db.conn.execute(
        "INSERT INTO articles_fts(articles_fts, rowid, title, display_text)"
        " SELECT 'delete', id, title, display_text FROM articles WHERE id = ?",
        [article.id],
    )
    with pytest.raises(sqlite3.DatabaseError):
        dump(new_project)
