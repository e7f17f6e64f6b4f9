# Who coded a passage: the coder's name each passage is signed with, and the project's list
# of coders (exported as REFI-QDA users, each with a uuid of its own). A coder who changes
# the name they sign with (their login name, "root", until they gave one) can sign the
# passages they made before with the new name too, so that a brief does not name the same
# analyst twice; a name no passage carries any more leaves the list, and undo puts back
# each passage's name and the coders as they were (same uuids). A passage's time of change
# is left as it is: who coded it is not a change of its coding. A passage another window
# signed with yet another name since is left so by undo and redo, which say how many.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diptych.storage.model import Coder

if TYPE_CHECKING:
    from diptych.storage.project import Project


@dataclass(frozen=True, slots=True)
class Signing:
    """What signing passages with another name changed, to put it back.

    Attributes:
        names: each passage's id and the name it was signed with before.
        dropped: the coders whose names no passage carried any more, left out of the list.
        added: the coder put in the list for the new name (None: it was there).
        name: the new name.
        kept: the passages left as they were, signed with another name since (in another
            window) than the one undo or redo would change.
    """

    names: tuple[tuple[int, str], ...]
    dropped: tuple[Coder, ...]
    added: Coder | None
    name: str = ""
    kept: tuple[int, ...] = ()


def coder_as_given(name: str) -> str:
    """A coder's name as it is kept, however it was given (Edit > Coder name…, ``diptych
    annotate --coder``): without the spaces at its ends, so that "Ana Lopez " read from a
    script's settings is the coder "Ana Lopez", not a second one; "" for a blank name,
    which stands for the default coder (the login name)."""
    return name.strip()


def signed_by(project: Project, name: str) -> list[int]:
    """The ids of the passages signed ``name``, in the order they were made."""
    with project.reading() as db:
        rows = db.execute("SELECT id FROM annotations WHERE coder = ? ORDER BY id", [name])
        return [row[0] for row in rows.fetchall()]


def sign(
    project: Project, annotation_ids: Sequence[int], name: str, *, again: Signing | None = None
) -> Signing:
    """Sign the passages ``annotation_ids`` with ``name`` (those deleted meanwhile are left
    out), in one transaction; see :class:`Signing` for what it returns. ``again``: the
    same signing, undone (redo): a coder it put in the list comes back as it was (same id
    and uuid), not as another, and a passage signed since with another name than the one
    undo put back keeps it (``kept``)."""
    from diptych.storage.project import new_uuid

    with project.transaction():
        db = project.db
        found = [
            (row[0], row[1])
            for i in annotation_ids
            for row in db.execute("SELECT id, coder FROM annotations WHERE id = ?", [i])
        ]
        undone = dict(again.names) if again is not None else {}
        kept = tuple(i for i, old in found if undone.get(i, old) != old)
        names = tuple((i, old) for i, old in found if i not in kept)
        for annotation_id, _old in names:
            db.execute("UPDATE annotations SET coder = ? WHERE id = ?", [name, annotation_id])
        added = None
        if name and _coder(project, name) is None:
            before = again.added if again is not None else None
            if before is not None and before.name == name:
                db.execute(
                    "INSERT OR IGNORE INTO coders (id, uuid, name) VALUES (?, ?, ?)",
                    [before.id, before.uuid, before.name],
                )
            if _coder(project, name) is None:  # (its id or uuid taken meanwhile)
                db.execute("INSERT INTO coders (uuid, name) VALUES (?, ?)", [new_uuid(), name])
            added = _coder(project, name)
        dropped = _drop_unused(project, {old for _, old in names} - {name})
    return Signing(names, dropped, added, name, kept)


def unsign(project: Project, signing: Signing) -> tuple[int, ...]:
    """Put back each passage's name and the list of coders as ``signing`` found them; a
    passage signed since with another name than ``signing``'s keeps it. Returns those."""
    with project.transaction():
        db = project.db
        for coder in signing.dropped:
            db.execute(
                "INSERT OR IGNORE INTO coders (id, uuid, name) VALUES (?, ?, ?)",
                [coder.id, coder.uuid, coder.name],
            )
        kept = []
        for annotation_id, old in signing.names:
            put = db.execute(
                "UPDATE annotations SET coder = ? WHERE id = ? AND coder = ?",
                [old, annotation_id, signing.name],
            )
            if (
                not put.rowcount
                and db.execute("SELECT 1 FROM annotations WHERE id = ?", [annotation_id]).fetchone()
            ):
                kept.append(annotation_id)
        if signing.added is not None:
            _drop_unused(project, {signing.added.name})
        if kept:  # a name put back for none of its passages
            _drop_unused(project, {coder.name for coder in signing.dropped})
    return tuple(kept)


def _coder(project: Project, name: str) -> Coder | None:
    row = project.db.execute("SELECT id, uuid, name FROM coders WHERE name = ?", [name])
    found = row.fetchone()
    return Coder(*found) if found else None


def _drop_unused(project: Project, names: set[str]) -> tuple[Coder, ...]:
    """Take the coders of ``names`` that no passage carries off the list; those taken."""
    dropped = []
    for name in sorted(names):
        used = project.db.execute("SELECT 1 FROM annotations WHERE coder = ? LIMIT 1", [name])
        coder = _coder(project, name)
        if coder is not None and used.fetchone() is None:
            project.db.execute("DELETE FROM coders WHERE id = ?", [coder.id])
            dropped.append(coder)
    return tuple(dropped)
