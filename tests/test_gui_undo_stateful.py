"""Undo and redo of every kind of change, checked against the project file at every step.

A hypothesis state machine drives the real undo commands through a real
:class:`ProjectSession` and its one undo stack, on a copy of the sample project: passages
added (on code-point ranges of an article's text), deleted, tagged, re-attached and given
notes (saves of one sitting merge into one step); tags added, renamed, recoloured,
described, moved, merged and deleted (in use, with sub-tags, with memos, merges that fold
sub-tags of the same name) and given keys 1-9 or none; articles imported (also as the
window does, by a worker through a connection of its own), removed, renamed and updated
from an edited text; memos on the project, an article and a tag written; steps of several
changes, as the tag dialog and "tag with a new tag" make them; interleaved with undo and
redo, one step at a time and all the way down and up again.

The file is read after every step through a connection of its own and reduced to a
logical dump of every table. The dump is recorded at each place of the undo stack; an undo
or a redo must land exactly on the dump recorded at the place it reaches (so undoing
everything gives the dump taken at the start, redoing everything the dump taken before the
undos), and a refused change must leave the dump as it was. After every change, undo and
redo (in the all-the-way sweeps: at both ends) ``PRAGMA integrity_check`` and
``foreign_key_check`` are clean, both full-text indexes agree with their tables, no undo
or redo has failed, and the session's cached codebook (with its keys), library list, marks
and article texts agree with a fresh read of the file.

What may legitimately differ, and nothing else:

- ``updated_at`` of passages, articles and memos: undoing a change is itself a change, made
  now (the clock ticks at every call, so any other time put back wrongly shows).
- A memo whose text is empty counts as no memo: undoing the first text of a memo leaves
  the row, empty, which keeps its id and uuid for the redo. Exports and the Memos panel
  treat both alike.
- The ``coders`` table may gain the session's coder (names of people who worked on the
  project are kept), never lose or change one.
- ``sqlite_sequence``: an AUTOINCREMENT counter only grows, so an id handed out and undone
  is never handed out again to something else.

Ids and uuids are strict: exports and other windows rely on them.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtWidgets import QApplication

from diptych.gui.article_commands import (
    ImportArticles,
    RemoveArticle,
    RenameArticle,
    ReplaceArticleText,
    SetMemo,
)
from diptych.gui.commands import SessionCommand, UndoStep, perform
from diptych.gui.messages import MessageBridge
from diptych.gui.passage_commands import (
    AddPassage,
    DeletePassage,
    ReattachPassage,
    SetPassageNote,
    SetPassageTags,
)
from diptych.gui.passage_index import Mark
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import AddTag, DeleteTag, MergeTags, MoveTag, UpdateTag
from diptych.gui.tag_key_commands import GiveTagKey
from diptych.storage.article_rows import SUMMARY_SQL, load_article
from diptych.storage.codebook import Codebook
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation, ArticleSummary, MemoKind, Tag
from diptych.storage.palette import PALETTE
from diptych.storage.passage_rows import load_passages
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

CODER = "Tester"
TAG_COLUMNS = "id, uuid, name, color, parent_id, description, sort_order, created_at"
TAG_NAMES = ("Economy", "trade", "Trade", "Alpha", "Beta", "Évidence", "Summitry")
TITLES = ("Renamed", "Another title", "  ", "Émigré ✓")
NOTES = ("", "A note.", "*Check* this.", "Ünïcode 😀 note", "line one\n\nline two")
MEMOS = ("", "Memo text.", "Second thoughts 😀", "# Heading\n\nBody")
INSERTS = (" New words here. ", "\n\nA new paragraph 😀 with an emoji.\n\n", "Ω", " ")


def ticking_clock() -> Iterator[str]:
    """Times one second apart: a time put back wrongly differs from the one it replaced."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for n in itertools.count():
        yield (start + timedelta(seconds=n)).isoformat().replace("+00:00", "Z")


def dump(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every table of the project file, as the file holds it (see the module's docstring
    for what is left out)."""

    def rows(sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        return conn.execute(sql, params).fetchall()

    return {
        "schema": rows("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"),
        "project_info": rows("SELECT key, value FROM project_info ORDER BY key"),
        "articles": rows(
            "SELECT id, uuid, title, source_name, format, encoding, imported_at,"
            " original_text, display_text, characters, blocks, sort_order"
            " FROM articles ORDER BY id"
        ),
        "tags": rows(f"SELECT {TAG_COLUMNS} FROM tags ORDER BY id"),
        "passages": rows(
            "SELECT id, uuid, article_id, start_pos, end_pos, exact, prefix, suffix, note,"
            " coder, created_at, status FROM annotations ORDER BY id"
        ),
        "passage_tags": rows("SELECT annotation_id, tag_id FROM annotation_tags ORDER BY 1, 2"),
        "memos": rows(
            "SELECT id, uuid, kind, article_id, tag_id, text, created_at FROM memos"
            " WHERE text != '' ORDER BY id"
        ),
        "coders": rows("SELECT id, uuid, name FROM coders WHERE name != ? ORDER BY id", (CODER,)),
    }


def differences(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """The rows that differ between two dumps, table by table (empty if none)."""
    lines = []
    for table, rows in expected.items():
        extra = [row for row in found[table] if row not in rows]
        missing = [row for row in rows if row not in found[table]]
        if extra or missing:
            lines.append(f"{table}: found {extra!r}, expected {missing!r}")
    return lines


def check_file(conn: sqlite3.Connection) -> None:
    """SQLite's own checks, and every full-text index against its table."""
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for index in ("articles_fts", "annotations_fts", "memos_fts"):
        # rank 1: compare the index with the rows of its table (raises if they differ)
        conn.execute(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)")


def expected_marks(passages: list[Annotation], codebook: Codebook) -> list[Mark]:
    """How the passages of one article are to be painted, from a fresh read."""
    marks = []
    for p in passages:
        if p.is_orphan:
            continue
        tags = sorted((t for t in p.tag_ids if t in codebook), key=codebook.rank)
        marks.append(Mark(p.id, p.start, p.end, tuple(codebook[t].color for t in tags)))
    return marks


class UndoMachine(RuleBasedStateMachine):
    """Random changes, undos and redos on one project; see the module's docstring."""

    template: Path
    folder: Path
    counter = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        self.path = self.folder / f"p{next(self.counter)}.diptych"
        shutil.copyfile(self.template, self.path)
        clock = ticking_clock()
        self.project = Project.open(self.path, clock=lambda: next(clock))
        # Not flushed to disk at every commit: what is tested is what is saved, not when
        # it reaches the disk (the reliability tests cover that); the steps run faster.
        self.project.db.execute("PRAGMA synchronous = OFF")
        self.messages = MessageBridge()
        self.posted: list[tuple[str, str]] = []
        self.messages.posted.connect(lambda _level, title, text: self.posted.append((title, text)))
        self.session = ProjectSession(self.project, self.messages, coder=CODER)
        self.stack = self.session.undo_stack
        # The test's own connection; it only reads (the full-text checks write nothing).
        self.file = sqlite3.connect(self.path, isolation_level=None)
        self.dumps = [dump(self.file)]  # the file at each place of the undo stack
        self.sittings = itertools.count(1)
        self.check()

    def teardown(self) -> None:
        try:
            self.undo_all_then_redo_all()
        finally:
            self.file.close()
            self.session.close()
            self.session.deleteLater()

    # -- what there is --------------------------------------------------------------
    def articles(self) -> list[ArticleSummary]:
        return self.project.articles.all()

    def passages(self) -> list[Annotation]:
        return self.project.annotations.query()

    def tag_ids(self) -> list[int]:
        return [t.id for t in self.project.tags.all()]

    def text(self, article_id: int) -> str:
        return self.project.articles.get(article_id=article_id).text

    # -- checks ---------------------------------------------------------------------
    def check(self) -> None:
        """The file is sound and the session's caches agree with it."""
        check_file(self.file)
        failures = [text for title, text in self.posted if title == "Undo/redo failed"]
        assert failures == []
        assert self.stack.count() == len(self.dumps) - 1
        tags = self.file.execute(f"SELECT {TAG_COLUMNS} FROM tags ORDER BY id").fetchall()
        codebook = Codebook(Tag(*row) for row in tags)
        assert self.session.codebook().ordered() == codebook.ordered()
        assert self.session.codebook().keys() == self.project.tags.codebook().keys()
        assert len(self.session.codebook()) == len(codebook)
        rows = self.file.execute(SUMMARY_SQL + " ORDER BY a.sort_order, a.id").fetchall()
        articles = [ArticleSummary(*row) for row in rows]
        assert self.session.articles() == articles
        passages = load_passages(self.path)
        for article in articles:
            mine = [p for p in passages if p.article_id == article.id]
            assert self.session.marks(article.id) == expected_marks(mine, codebook)
            if self.project.articles.is_cached(article_id=article.id):
                cached = self.project.articles.get(article_id=article.id)
                assert cached == load_article(self.path, article_id=article.id)
        coders = {name for (name,) in self.file.execute("SELECT name FROM coders")}
        assert coders - {CODER} == {name for _, _, name in self.dumps[0]["coders"]}

    def do(self, command: SessionCommand) -> None:
        """Apply a change as the window does; record the file at the stack's new place, or
        check that a refused change changed nothing."""
        if perform(self.session, command):
            self.dumps = [*self.dumps[: self.stack.index()], dump(self.file)]
        else:
            self.same_as(self.dumps[self.stack.index()])
        self.check()

    def do_together(self, text: str, commands: list[SessionCommand]) -> None:
        """Several changes as one undo step, as the window makes them (a tag created and
        applied at once, a tag renamed and moved in its dialog)."""
        with UndoStep(self.session, text) as step:
            for command in commands:
                if not step.perform(command):
                    break
        self.dumps = [*self.dumps[: self.stack.index()], dump(self.file)]
        self.check()

    def landed(self, *, checked: bool = True) -> None:
        """After an undo or a redo: the file is as it was at this place of the stack (and,
        if ``checked``, sound, with the session's caches in agreement)."""
        self.same_as(self.dumps[self.stack.index()])
        if checked:
            self.check()

    def same_as(self, expected: dict[str, Any]) -> None:
        found = dump(self.file)
        changed = differences(found, expected)
        assert not changed, "\n".join(changed)
        assert found == expected  # the same rows in the same order

    # -- passages -------------------------------------------------------------------
    @precondition(lambda self: self.articles())
    @rule(data=st.data())
    def add_passage(self, data: st.DataObject) -> None:
        article = data.draw(st.sampled_from(self.articles()))
        length = len(self.text(article.id))
        start = data.draw(st.integers(0, length - 1))
        end = data.draw(st.integers(start + 1, min(length, start + 120)))
        ids = self.tag_ids()
        tags = data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)) if ids else []
        note = data.draw(st.sampled_from(NOTES))
        self.do(
            AddPassage(
                self.session, article_id=article.id, start=start, end=end, tag_ids=tags, note=note
            )
        )

    @precondition(lambda self: self.passages())
    @rule(data=st.data())
    def delete_passage(self, data: st.DataObject) -> None:
        passage = data.draw(st.sampled_from(self.passages()))
        self.do(DeletePassage(self.session, passage.id))

    @precondition(lambda self: self.passages())
    @rule(data=st.data())
    def set_passage_tags(self, data: st.DataObject) -> None:
        passage = data.draw(st.sampled_from(self.passages()))
        ids = self.tag_ids()
        tags = data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True)) if ids else []
        self.do(SetPassageTags(self.session, passage.id, tags))

    @precondition(lambda self: self.passages())
    @rule(data=st.data(), same_sitting=st.booleans())
    def set_passage_note(self, data: st.DataObject, same_sitting: bool) -> None:
        passage = data.draw(st.sampled_from(self.passages()))
        note = data.draw(st.sampled_from(NOTES))
        sitting = 0 if same_sitting else next(self.sittings)  # 0: saves that merge
        self.do(SetPassageNote(self.session, passage.id, note, sitting))

    @precondition(lambda self: self.passages())
    @rule(data=st.data(), orphan=st.booleans())
    def reattach_passage(self, data: st.DataObject, orphan: bool) -> None:
        orphans = [p for p in self.passages() if p.is_orphan]
        passage = data.draw(st.sampled_from(orphans if orphan and orphans else self.passages()))
        length = len(self.text(passage.article_id))
        start = data.draw(st.integers(0, length - 1))
        end = data.draw(st.integers(start + 1, min(length, start + 120)))
        self.do(ReattachPassage(self.session, passage.id, start, end))

    # -- tags -----------------------------------------------------------------------
    @rule(
        data=st.data(),
        name=st.sampled_from(TAG_NAMES),
        color=st.none() | st.sampled_from(PALETTE),
        description=st.sampled_from(("", "What it means.")),
    )
    def add_tag(self, data: st.DataObject, name: str, color: str | None, description: str) -> None:
        parent = data.draw(st.none() | st.sampled_from(self.tag_ids() or [0]))
        parent = parent or None
        self.do(
            AddTag(self.session, name=name, color=color, parent_id=parent, description=description)
        )

    @precondition(lambda self: self.tag_ids())
    @rule(
        data=st.data(),
        name=st.none() | st.sampled_from(TAG_NAMES),
        color=st.none() | st.sampled_from(PALETTE),
        description=st.none() | st.sampled_from(("", "Changed meaning.")),
    )
    def update_tag(
        self, data: st.DataObject, name: str | None, color: str | None, description: str | None
    ) -> None:
        tag_id = data.draw(st.sampled_from(self.tag_ids()))
        self.do(UpdateTag(self.session, tag_id, name=name, color=color, description=description))

    @precondition(lambda self: self.tag_ids())
    @rule(
        data=st.data(),
        name=st.sampled_from(TAG_NAMES),
        color=st.none() | st.sampled_from(PALETTE),
    )
    def edit_tag_in_its_dialog(self, data: st.DataObject, name: str, color: str | None) -> None:
        ids = self.tag_ids()
        tag_id = data.draw(st.sampled_from(ids))
        parent = data.draw(st.none() | st.sampled_from(ids))
        commands: list[SessionCommand] = [
            UpdateTag(self.session, tag_id, name=name, color=color),
            MoveTag(self.session, tag_id, parent),
        ]
        self.do_together("Edit tag", commands)

    @precondition(lambda self: self.articles())
    @rule(data=st.data(), name=st.sampled_from(TAG_NAMES))
    def tag_with_a_new_tag(self, data: st.DataObject, name: str) -> None:
        article = data.draw(st.sampled_from(self.articles()))
        length = len(self.text(article.id))
        start = data.draw(st.integers(0, length - 1))
        end = data.draw(st.integers(start + 1, min(length, start + 120)))
        parent = data.draw(st.none() | st.sampled_from(self.tag_ids() or [0])) or None
        with UndoStep(self.session, "Tag with new tag") as step:
            add = AddTag(self.session, name=name, parent_id=parent)
            if step.perform(add) and add.tag is not None:
                step.perform(
                    AddPassage(
                        self.session, article_id=article.id, start=start, end=end,
                        tag_ids=[add.tag.id],
                    )
                )  # fmt: skip
        self.dumps = [*self.dumps[: self.stack.index()], dump(self.file)]
        self.check()

    @precondition(lambda self: self.tag_ids())
    @rule(data=st.data())
    def add_a_namesake_sub_tag(self, data: st.DataObject) -> None:
        """A sub-tag called as one under another tag: merging the two parents folds them."""
        tags = self.project.tags.all()
        children = [t for t in tags if t.parent_id is not None]
        if not children:
            return
        child = data.draw(st.sampled_from(children))
        parent = data.draw(st.sampled_from([t.id for t in tags]))
        self.do(AddTag(self.session, name=child.name, parent_id=parent))

    @rule(data=st.data())
    def merge_parents_of_namesakes(self, data: st.DataObject) -> None:
        tags = self.project.tags.all()
        pairs = [
            (a.parent_id, b.parent_id)
            for a in tags
            for b in tags
            if a.id != b.id
            and a.parent_id is not None
            and b.parent_id is not None
            and a.parent_id != b.parent_id
            and a.name.casefold() == b.name.casefold()
        ]
        if not pairs:
            return
        source, target = data.draw(st.sampled_from(pairs))
        assert source is not None and target is not None
        self.do(MergeTags(self.session, source, target))

    @precondition(lambda self: self.tag_ids())
    @rule(data=st.data(), position=st.none() | st.integers(0, 5))
    def move_tag(self, data: st.DataObject, position: int | None) -> None:
        ids = self.tag_ids()
        tag_id = data.draw(st.sampled_from(ids))
        parent = data.draw(st.none() | st.sampled_from(ids))
        self.do(MoveTag(self.session, tag_id, parent, position))

    @precondition(lambda self: len(self.tag_ids()) >= 2)
    @rule(data=st.data())
    def merge_tags(self, data: st.DataObject) -> None:
        ids = self.tag_ids()
        source = data.draw(st.sampled_from(ids))
        target = data.draw(st.sampled_from(ids))
        self.do(MergeTags(self.session, source, target))

    @precondition(lambda self: self.tag_ids())
    @rule(data=st.data())
    def delete_tag(self, data: st.DataObject) -> None:
        self.do(DeleteTag(self.session, data.draw(st.sampled_from(self.tag_ids()))))

    @precondition(lambda self: self.tag_ids())
    @rule(data=st.data(), key=st.none() | st.integers(1, 9))
    def give_key(self, data: st.DataObject, key: int | None) -> None:
        tag_id = data.draw(st.sampled_from(self.tag_ids()))
        if key != self.session.codebook().key(tag_id):  # else the dialog makes no step
            self.do(GiveTagKey(self.session, tag_id, key))

    # -- articles -------------------------------------------------------------------
    @rule(words=st.sampled_from(INSERTS))
    def import_article(self, words: str) -> None:
        parsed = parse_article(f"Imported article\n\nIt says{words}this.\n".encode(), name="i.txt")
        self.do(ImportArticles(self.session, [parsed]))

    @rule(words=st.sampled_from(INSERTS))
    def import_article_in_the_background(self, words: str) -> None:
        """As the window imports files: a worker adds them through a connection of its
        own, and the undo step only records them."""
        parsed = parse_article(f"Read elsewhere\n\nIt says{words}that.\n".encode(), name="w.md")
        with Project.open(self.path, verify=False) as worker:
            added = worker.articles.add_many(parsed=[parsed])
        self.do(ImportArticles(self.session, added=added))

    @precondition(lambda self: self.articles())
    @rule(data=st.data())
    def remove_article(self, data: st.DataObject) -> None:
        article = data.draw(st.sampled_from(self.articles()))
        self.do(RemoveArticle(self.session, article.id))

    @precondition(lambda self: self.articles())
    @rule(data=st.data(), title=st.sampled_from(TITLES))
    def rename_article(self, data: st.DataObject, title: str) -> None:
        article = data.draw(st.sampled_from(self.articles()))
        self.do(RenameArticle(self.session, article.id, title))

    @precondition(lambda self: self.articles())
    @rule(data=st.data(), edit=st.sampled_from(("cut", "insert", "upper", "rewrite")))
    def replace_article_text(self, data: st.DataObject, edit: str) -> None:
        article = data.draw(st.sampled_from(self.articles()))
        text = self.text(article.id)
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 3000)))
        if edit == "rewrite":  # most passages are not found again: orphans
            new = "A rewritten article.\n\n" + text[start:end][::-1]
        elif edit == "cut":
            new = text[:start] + text[end:]
        elif edit == "insert":
            new = text[:start] + data.draw(st.sampled_from(INSERTS)) + text[start:]
        else:
            new = text[:start] + text[start:end].upper() + text[end:]
        if not new.strip():
            new = "Only this is left."
        name = data.draw(st.sampled_from(("newer.txt", "newer.md")))  # blocks of each kind
        parsed = parse_article(new.encode(), name=name)
        self.do(ReplaceArticleText(self.session, article.id, parsed))

    # -- memos ----------------------------------------------------------------------
    @rule(
        data=st.data(),
        kind=st.sampled_from(MemoKind),
        text=st.sampled_from(MEMOS),
        same_sitting=st.booleans(),
    )
    def set_memo(self, data: st.DataObject, kind: MemoKind, text: str, same_sitting: bool) -> None:
        if kind is MemoKind.PROJECT:
            target = None
        else:
            targets = (
                [a.id for a in self.articles()] if kind is MemoKind.ARTICLE else self.tag_ids()
            )
            if not targets:
                return
            target = data.draw(st.sampled_from(targets))
        sitting = 0 if same_sitting else next(self.sittings)
        self.do(SetMemo(self.session, kind, target, text, sitting))

    # -- undo and redo --------------------------------------------------------------
    @precondition(lambda self: self.stack.canUndo())
    @rule(times=st.integers(1, 3))
    def undo(self, times: int) -> None:
        for _ in range(times):
            if self.stack.canUndo():
                self.stack.undo()
                self.landed()

    @precondition(lambda self: self.stack.canRedo())
    @rule(times=st.integers(1, 3))
    def redo(self, times: int) -> None:
        for _ in range(times):
            if self.stack.canRedo():
                self.stack.redo()
                self.landed()

    @rule()
    def undo_all_then_redo_all(self) -> None:
        """Down to the start and up to the last change, comparing the file at each step
        (checked in full at both ends), then back to where the user was."""
        place = self.stack.index()
        while self.stack.canUndo():
            self.stack.undo()
            self.landed(checked=False)
        self.same_as(self.dumps[0])
        self.check()
        while self.stack.canRedo():
            self.stack.redo()
            self.landed(checked=False)
        self.same_as(self.dumps[-1])
        self.check()
        while self.stack.index() > place:
            self.stack.undo()
            self.landed(checked=False)
        self.check()


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "template.diptych"
    create_sample_project(path).close()
    return path


def test_undo_and_redo_restore_the_project_exactly(
    qapp: QApplication, tmp_path: Path, template: Path
) -> None:
    UndoMachine.template = template
    UndoMachine.folder = tmp_path
    run_state_machine_as_test(
        UndoMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
