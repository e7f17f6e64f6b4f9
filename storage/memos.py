"""Memos: free Markdown notes on the project, on an article or on a tag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diptych.storage.errors import InputError, refuse_if_changed
from diptych.storage.model import Memo, MemoKind

if TYPE_CHECKING:
    from diptych.storage.project import Project

_COLUMNS = "id, uuid, kind, article_id, tag_id, text, created_at, updated_at"


def _memo(row: tuple) -> Memo:
    memo_id, uuid, kind, article_id, tag_id, text, created, updated = row
    kind = MemoKind(kind)
    target = article_id if kind is MemoKind.ARTICLE else tag_id if kind is MemoKind.TAG else None
    return Memo(memo_id, uuid, kind, target, text, created, updated)


def _target_columns(kind: MemoKind, target_id: int | None) -> tuple[int | None, int | None]:
    if kind is MemoKind.ARTICLE:
        return target_id, None
    if kind is MemoKind.TAG:
        return None, target_id
    return None, None


def _check_target(project: Project, kind: MemoKind, target_id: int | None) -> None:
    """Refuse a memo on an article or tag that is gone (deleted in another window)."""
    if kind is MemoKind.PROJECT or target_id is None:
        return
    table, what = ("articles", "article") if kind is MemoKind.ARTICLE else ("tags", "tag")
    row = project.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [target_id]).fetchone()
    if row is None:
        raise InputError(
            f"there is no {what} {target_id} (it was deleted, perhaps in another window)",
            advice="The memo was not saved.",
        )


class MemoStore:
    """The memos of one project."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def all(self) -> list[Memo]:
        """Every memo."""
        with self._project.reading() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM memos ORDER BY id").fetchall()
        return [_memo(row) for row in rows]

    def get(self, *, kind: MemoKind, target_id: int | None = None) -> Memo | None:
        """The memo on the project, an article or a tag, if one was written."""
        article_id, tag_id = _target_columns(kind, target_id)
        with self._project.reading() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM memos WHERE kind = ? AND article_id IS ? AND tag_id IS ?",
                [kind.value, article_id, tag_id],
            ).fetchone()
        return _memo(row) if row else None

    def for_tag(self, *, tag_id: int) -> list[Memo]:
        """Memos attached to a tag."""
        memo = self.get(kind=MemoKind.TAG, target_id=tag_id)
        return [memo] if memo else []

    def set(
        self,
        *,
        kind: MemoKind,
        target_id: int | None = None,
        text: str,
        expected: str | None = None,
    ) -> Memo:
        """Write the memo on a target, replacing its text. With ``expected`` (undo and redo),
        only if the memo still reads so ("" for none): a memo written meanwhile, in another
        window or by an import, is refused rather than thrown away."""
        from diptych.storage.project import new_uuid

        now = self._project.now()
        article_id, tag_id = _target_columns(kind, target_id)
        with self._project.transaction():
            _check_target(self._project, kind, target_id)
            # Read under the write lock: another window may have written it just before.
            existing = self.get(kind=kind, target_id=target_id)
            if expected is not None:
                refuse_if_changed(existing.text if existing else "", expected, f"the {kind} memo")
            if existing:
                self._project.db.execute(
                    "UPDATE memos SET text = ?, updated_at = ? WHERE id = ?",
                    [text, now, existing.id],
                )
            else:
                self._project.db.execute(
                    "INSERT INTO memos (uuid, kind, article_id, tag_id, text, created_at,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [new_uuid(), kind.value, article_id, tag_id, text, now, now],
                )
        memo = self.get(kind=kind, target_id=target_id)
        assert memo is not None
        return memo

    def restore(self, *, memo: Memo) -> None:
        """Put back a memo exactly as it was (same id), e.g. when undoing a deletion."""
        article_id, tag_id = _target_columns(memo.kind, memo.target_id)
        with self._project.transaction():
            # Deleted first rather than replaced: a replaced row does not reach the delete
            # trigger, and its words would stay in the search index.
            self._project.db.execute(
                "DELETE FROM memos WHERE id = ? OR uuid = ?"
                " OR (kind = ? AND article_id IS ? AND tag_id IS ?)",
                [memo.id, memo.uuid, memo.kind.value, article_id, tag_id],
            )
            self._project.db.execute(
                f"INSERT INTO memos ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [memo.id, memo.uuid, memo.kind.value, article_id, tag_id, memo.text,
                 memo.created_at, memo.updated_at],
            )  # fmt: skip
