"""Taking back a REFI-QDA import, and bringing it back: what an import of a ``.qdpx`` or
``.qdc`` file changed in a project, recorded as it is written, so that undo removes what it
added (articles, the tags it created, passages, memos, coders) and puts back what it
changed (the tags and notes it gave passages already there, the memos it wrote on), and
redo brings it all back with the same ids.

Either goes whole or not at all (one transaction): a change made meanwhile, in another
window, to something the import added or changed (a note written on one of its passages, a
tag put on another passage, a memo extended) refuses it
(:class:`~diptych.storage.errors.ChangedMeanwhileError`), and that work is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.article_removal import ArticleRemoval
from diptych.storage.errors import refuse_if_changed
from diptych.storage.model import Annotation, Article, Memo, MemoKind, TagRemoval

if TYPE_CHECKING:
    from diptych.storage.project import Project
    from diptych.storage.refiqda_summary import ExchangeImportSummary

MemoKey = tuple[MemoKind, int | None]
ADVICE = "Take it out by hand, or use File > Restore from backup (the import kept one)."


@dataclass
class ExchangeChanges:
    """What one REFI-QDA import changed, as it left it (see the module's docstring)."""

    articles: list[ArticleRemoval] = field(default_factory=list)  # added, as left (no memos)
    tag_ids: list[int] = field(default_factory=list)  # tags created, in the order made
    passages: list[Annotation] = field(default_factory=list)  # added to articles there before
    changed: list[tuple[Annotation, Annotation]] = field(default_factory=list)  # before, after
    memos: list[tuple[Memo | None, Memo]] = field(default_factory=list)  # before, after
    coders: list[tuple[int, str, str]] = field(default_factory=list)  # id, uuid, name added
    # What undo took away, for redo to put back (filled by :func:`take_back`).
    removed_articles: list[ArticleRemoval] = field(default_factory=list)
    removed_tags: list[TagRemoval] = field(default_factory=list)

    def __bool__(self) -> bool:
        """True if the import changed anything (a file imported again may change nothing)."""
        kinds = (self.articles, self.tag_ids, self.passages, self.changed, self.memos, self.coders)
        return any(kinds)


@dataclass(frozen=True)
class _Before:
    """The project as it was before an import: enough to tell what the import did."""

    last_article: int
    last_tag: int
    last_passage: int
    passages: dict[int, Annotation]
    memos: dict[MemoKey, Memo]
    coders: set[str]


def import_recorded(
    project: Project,
    *,
    path: str | Path,
    keep_going: Callable[[], bool] = lambda: True,
) -> tuple[ExchangeImportSummary, ExchangeChanges]:
    """Import a REFI-QDA file as :func:`~diptych.storage.refiqda_import.import_exchange_file`
    does, and record what it changed, read inside the same transaction."""
    from diptych.storage.refiqda_import import import_exchange_file

    with project.transaction():
        before = _before(project)
        summary = import_exchange_file(project, path=path, keep_going=keep_going)
        changes = _changes(project, before)
    return summary, changes


def _last_id(project: Project, table: str) -> int:
    row = project.db.execute(f"SELECT ifnull(max(id), 0) FROM {table}").fetchone()
    return int(row[0])


def _memo_key(memo: Memo) -> MemoKey:
    return memo.kind, memo.target_id


def _coders(project: Project) -> list[tuple[int, str, str]]:
    rows = project.db.execute("SELECT id, uuid, name FROM coders ORDER BY id").fetchall()
    return [(int(i), str(uuid), str(name)) for i, uuid, name in rows]


def _before(project: Project) -> _Before:
    return _Before(
        last_article=_last_id(project, "articles"),
        last_tag=_last_id(project, "tags"),
        last_passage=_last_id(project, "annotations"),
        passages={p.id: p for p in project.annotations.query()},
        memos={_memo_key(m): m for m in project.memos.all()},
        coders={name for _, _, name in _coders(project)},
    )


def _changes(project: Project, before: _Before) -> ExchangeChanges:
    changes = ExchangeChanges()
    passages = project.annotations.query()
    added_to: dict[int, list[Annotation]] = {}
    for passage in passages:
        if passage.article_id > before.last_article:
            added_to.setdefault(passage.article_id, []).append(passage)
        elif passage.id > before.last_passage:
            changes.passages.append(passage)
        elif (old := before.passages.get(passage.id)) is not None and _changed(old, passage):
            changes.changed.append((old, passage))
    rows = project.db.execute(
        "SELECT id FROM articles WHERE id > ? ORDER BY id", [before.last_article]
    ).fetchall()
    for (article_id,) in rows:
        article: Article = project.articles.get(article_id=int(article_id))
        taken = tuple(added_to.get(article.id, ()))
        changes.articles.append(ArticleRemoval(article, -1, taken, ()))
    changes.tag_ids = [t.id for t in project.tags.all() if t.id > before.last_tag]
    changes.tag_ids.sort()
    for memo in project.memos.all():
        old_memo = before.memos.get(_memo_key(memo))
        if old_memo is None or old_memo.text != memo.text:
            changes.memos.append((old_memo, memo))
    changes.coders = [c for c in _coders(project) if c[2] not in before.coders]
    return changes


def _changed(old: Annotation, new: Annotation) -> bool:
    return (old.note, set(old.tag_ids)) != (new.note, set(new.tag_ids))


def take_back(project: Project, changes: ExchangeChanges) -> None:
    """Undo an import (see the module's docstring); what was removed is kept in
    ``changes`` for :func:`bring_back`."""
    with project.transaction():
        for old_memo, memo in reversed(changes.memos):
            _put_memo(project, memo, old_memo)
        project.annotations.delete_many(expected=changes.passages[::-1])
        project.annotations.change_many(changes=[(new, old) for old, new in changes.changed])
        changes.removed_articles = project.articles.remove_many(expected=changes.articles)
        changes.removed_tags = [
            project.tags.delete(tag_id=tag_id, unused_only=True)
            for tag_id in reversed(changes.tag_ids)
        ]
        for coder_id, _uuid, name in changes.coders:
            project.db.execute(
                "DELETE FROM coders WHERE id = ?"
                " AND NOT EXISTS (SELECT 1 FROM annotations WHERE coder = ?)",
                [coder_id, name],
            )


def bring_back(project: Project, changes: ExchangeChanges) -> None:
    """Redo an import taken back by :func:`take_back`, with the same ids."""
    with project.transaction():
        project.db.conn.executemany(
            "INSERT OR IGNORE INTO coders (id, uuid, name) VALUES (?, ?, ?)", changes.coders
        )
        for removal in reversed(changes.removed_tags):
            project.tags.restore(removal=removal)
        project.articles.restore_many(removals=changes.removed_articles)
        project.annotations.restore_many(annotations=changes.passages)
        project.annotations.change_many(changes=changes.changed)
        for old_memo, memo in changes.memos:
            _put_memo(project, old_memo, memo)


def _put_memo(project: Project, now: Memo | None, wanted: Memo | None) -> None:
    """Change a memo the import wrote from ``now`` (as it should still read; None: none)
    to ``wanted`` (None: none), refused if written on meanwhile."""
    key = _memo_key(wanted or now)  # type: ignore[arg-type]  # one of them is a memo
    current = project.memos.get(kind=key[0], target_id=key[1])
    refuse_if_changed(
        current.text if current else "", now.text if now else "", f"the {key[0]} memo", ADVICE
    )
    if wanted is not None:
        project.memos.restore(memo=wanted)
    elif current is not None:
        project.db.execute("DELETE FROM memos WHERE id = ?", [current.id])
