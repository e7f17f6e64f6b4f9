"""The codebook's tags: create, rename, recolour, nest, merge, delete and undo those."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from diptych.storage.codebook import Codebook
from diptych.storage.connection import Database
from diptych.storage.errors import InputError
from diptych.storage.model import Tag, TagRemoval
from diptych.storage.palette import next_color, normalize_color

if TYPE_CHECKING:
    from diptych.storage.project import Project

_COLUMNS = "id, uuid, name, color, parent_id, description, sort_order, created_at"


class TagStore:
    """The tags of one project."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def all(self) -> list[Tag]:
        """Every tag, in no particular order (use :meth:`codebook` for the tree)."""
        with self._project.reading() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM tags ORDER BY id").fetchall()
        return [Tag(*row) for row in rows]

    def codebook(self) -> Codebook:
        """The tags as a tree."""
        return Codebook(self.all())

    def get(self, *, tag_id: int) -> Tag:
        """One tag; InputError if there is none with that id."""
        with self._project.reading() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM tags WHERE id = ?", [tag_id]).fetchone()
        if row is None:
            raise InputError(f"there is no tag {tag_id}")
        return Tag(*row)

    def find(self, *, name: str) -> Tag | None:
        """The tag called ``name`` (or with that path); InputError if ambiguous."""
        codebook = self.codebook()
        matches = codebook.find(name)
        if len(matches) > 1:
            paths = ", ".join(codebook.path(t.id) for t in matches)
            raise InputError(
                f"several tags are called {name!r} ({paths})", advice="Give the full path."
            )
        return matches[0] if matches else None

    def ensure(self, *, name: str, color: str | None = None) -> tuple[Tag, bool]:
        """The tag called ``name``, created at the top level if missing; and whether it was."""
        found = self.find(name=name)
        if found is not None:
            return found, False
        return self.add(name=name, color=color), True

    def add(
        self,
        *,
        name: str,
        color: str | None = None,
        parent_id: int | None = None,
        description: str = "",
        uuid: str | None = None,
    ) -> Tag:
        """Create a tag; its colour defaults to the first unused palette colour."""
        from diptych.storage.project import new_uuid

        name = _clean_name(name)
        with self._project.transaction():
            db = self._project.db
            if color is None:
                used = [row[0] for row in db.execute("SELECT color FROM tags")]
                color = next_color(used)
            order = db.execute(
                "SELECT ifnull(max(sort_order), -1) + 1 FROM tags WHERE parent_id IS ?",
                [parent_id],
            ).fetchone()[0]
            values = [uuid or new_uuid(), name, normalize_color(color), parent_id]
            values += [description, order, self._project.now()]
            cursor = self._insert(
                "INSERT INTO tags (uuid, name, color, parent_id, description, sort_order,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                values,
                name,
            )
        return self.get(tag_id=int(cursor.lastrowid or 0))

    def _insert(self, sql: str, values: Sequence[object], name: str) -> sqlite3.Cursor:
        try:
            return self._project.db.execute(sql, values)
        except sqlite3.IntegrityError as exc:
            if "tags" in str(exc) or "UNIQUE" in str(exc):
                raise InputError(
                    f"a tag called {name!r} already exists there", advice="Choose another name."
                ) from exc
            raise

    def update(
        self,
        *,
        tag_id: int,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> Tag:
        """Rename, recolour or describe a tag; arguments left as None are unchanged."""
        tag = self.get(tag_id=tag_id)
        new_name = _clean_name(name) if name is not None else tag.name
        new_color = normalize_color(color) if color is not None else tag.color
        new_description = description if description is not None else tag.description
        with self._project.transaction():
            self._insert(
                "UPDATE tags SET name = ?, color = ?, description = ? WHERE id = ?",
                [new_name, new_color, new_description, tag_id],
                new_name,
            )
        return self.get(tag_id=tag_id)

    def move(self, *, tag_id: int, parent_id: int | None, position: int | None = None) -> Tag:
        """Nest a tag under ``parent_id`` (None: top level) at ``position`` among siblings."""
        codebook = self.codebook()
        if parent_id == tag_id or parent_id in {t.id for t in codebook.descendants(tag_id)}:
            raise InputError("a tag cannot be nested inside itself or its own sub-tags")
        siblings = [t for t in codebook.children(parent_id) if t.id != tag_id]
        position = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(position, codebook[tag_id])
        with self._project.transaction():
            self._project.db.execute(
                "UPDATE tags SET parent_id = ? WHERE id = ?", [parent_id, tag_id]
            )
            for order, sibling in enumerate(siblings):
                self._project.db.execute(
                    "UPDATE tags SET sort_order = ? WHERE id = ?", [order, sibling.id]
                )
        return self.get(tag_id=tag_id)

    def usage(self) -> dict[int, int]:
        """Number of passages carrying each tag (tags never used are absent)."""
        with self._project.reading() as db:
            rows = db.execute(
                "SELECT tag_id, count(*) FROM annotation_tags GROUP BY tag_id"
            ).fetchall()
        return {int(tag_id): int(count) for tag_id, count in rows}

    def delete(self, *, tag_id: int) -> TagRemoval:
        """Delete a tag; its sub-tags move up one level and its passages lose it."""
        return self._remove(tag_id=tag_id, into=None)

    def merge(self, *, source_id: int, target_id: int) -> TagRemoval:
        """Merge ``source`` into ``target``: its passages and sub-tags move to the target."""
        if source_id == target_id:
            raise InputError("a tag cannot be merged into itself")
        if target_id in {t.id for t in self.codebook().descendants(source_id)}:
            raise InputError("a tag cannot be merged into one of its own sub-tags")
        return self._remove(tag_id=source_id, into=target_id)

    def _remove(self, *, tag_id: int, into: int | None) -> TagRemoval:
        tag = self.get(tag_id=tag_id)
        codebook = self.codebook()
        children = tuple(codebook.children(tag_id))
        new_parent = into if into is not None else tag.parent_id
        with self._project.transaction():
            db = self._project.db
            links = _links(db, "tag_id = ?", [tag_id])
            added: list[tuple[int, int]] = []
            if into is not None:
                for annotation_id, _ in links:
                    cursor = db.execute(
                        "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)"
                        " VALUES (?, ?)",
                        [annotation_id, into],
                    )
                    if cursor.rowcount:
                        added.append((annotation_id, into))
            memos = self._project.memos.for_tag(tag_id=tag_id)
            db.execute("DELETE FROM memos WHERE tag_id = ?", [tag_id])
            db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [tag_id])
            for child in children:
                self.move(tag_id=child.id, parent_id=new_parent)
            db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        return TagRemoval(
            tag=tag,
            links=tuple(links),
            moved_children=children,
            memos=tuple(memos),
            merged_into=into,
            added_links=tuple(added),
        )

    def restore(self, *, removal: TagRemoval) -> Tag:
        """Undo :meth:`delete` or :meth:`merge`: same tag id, links, sub-tags and memos."""
        t = removal.tag
        with self._project.transaction():
            db = self._project.db
            db.execute(
                f"INSERT INTO tags ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [t.id, t.uuid, t.name, t.color, t.parent_id, t.description, t.sort_order,
                 t.created_at],
            )  # fmt: skip
            for annotation_id, tag_id in removal.added_links:
                db.execute(
                    "DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?",
                    [annotation_id, tag_id],
                )
            db.conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                removal.links,
            )
            for child in removal.moved_children:
                db.execute(
                    "UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ?",
                    [child.parent_id, child.sort_order, child.id],
                )
            for memo in removal.memos:
                self._project.memos.restore(memo=memo)
        return self.get(tag_id=t.id)


def _links(db: Database, where: str, params: list[object]) -> list[tuple[int, int]]:
    rows = db.execute(
        f"SELECT annotation_id, tag_id FROM annotation_tags WHERE {where}", params
    ).fetchall()
    return [(int(a), int(t)) for a, t in rows]


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError("a tag name cannot be empty")
    if len(cleaned) > 200:
        raise InputError("a tag name can be at most 200 characters long")
    return cleaned
