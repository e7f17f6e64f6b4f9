"""Which tag each of the keys 1-9 applies, kept in the project file.

The assignment is one row of ``project_info`` (``tag_keys``: a JSON object from key to tag
uuid), the same for every window on the file and after a restart. A project without it (made
before keys were kept, or whose keys never left their first places) gives keys 1-9 to the
first nine tags in codebook order; the first change of the codebook that would move a key
writes the keys down as they were, so that no key moves. The row is there only while the
keys differ from the first nine tags' (undoing every change leaves the file as it was);
opening a file writes nothing.

Every edit of the codebook keeps the keys where they are (a practised coder presses 4 for
the tag they learnt as 4):

- a new tag takes the lowest free key, if any;
- moving, nesting, renaming or recolouring a tag moves no key;
- a deleted tag frees its key; brought back (undo), it takes it again if it is still free;
- merged into another tag, a tag gives its key to that tag if it had none.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping

from diptych.storage.codebook import Codebook
from diptych.storage.connection import Database
from diptych.storage.errors import ChangedMeanwhileError, InputError
from diptych.storage.model import Tag
from diptych.storage.tag_checks import TAG_COLUMNS, known_tag

TAG_KEYS = range(1, 10)
INFO_KEY = "tag_keys"  # the row of project_info that holds them


def stored_keys(db: Database) -> dict[int, str] | None:
    """The keys as the file holds them (key to tag uuid), or None if it holds none (or a
    value no Diptych wrote: the keys then stand as if none were written)."""
    row = db.execute("SELECT value FROM project_info WHERE key = ?", [INFO_KEY]).fetchone()
    if row is None:
        return None
    try:
        found = json.loads(row[0])
    except ValueError:
        return None
    if not isinstance(found, dict):
        return None
    return {
        int(key): uuid
        for key, uuid in found.items()
        if key in {str(k) for k in TAG_KEYS} and isinstance(uuid, str)
    }


def keys_by_id(stored: Mapping[int, str] | None, tags: Iterable[Tag]) -> dict[int, int] | None:
    """``stored`` (key to uuid) as key to tag id, less the tags that are gone; None stays
    None (the first nine tags in codebook order)."""
    if stored is None:
        return None
    ids = {tag.uuid: tag.id for tag in tags}
    return {key: ids[uuid] for key, uuid in stored.items() if uuid in ids}


def positional(codebook: Codebook) -> dict[int, str]:
    """The keys of a project that holds none: the first nine tags in codebook order."""
    return {key: tag.uuid for key, tag in zip(TAG_KEYS, codebook.ordered(), strict=False)}


def write_keys(db: Database, keys: Mapping[int, str]) -> None:
    """Keep ``keys`` (key to tag uuid) in the file, in place of any it held."""
    value = json.dumps({str(key): keys[key] for key in sorted(keys)})
    db.execute(
        "INSERT INTO project_info (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [INFO_KEY, value],
    )


def refuse_unknown_key(key: int) -> None:
    """InputError unless ``key`` is one of the keys 1-9."""
    if key not in TAG_KEYS:
        raise InputError(f"there is no key {key}: tags have the keys 1 to 9")


class KeyEdit:
    """The keys while the codebook changes, inside the change's transaction: read before
    it, changed by the rules of :mod:`diptych.storage.tag_keys`, saved with it
    (:meth:`save`).

    The file holds keys only while they differ from the first nine tags': undoing every
    change gives back the file as it was, and a project whose keys never moved holds none.

    Args:
        db: the project's connection, in a write transaction.
        adding: the change adds a tag (and moves none).
        last: the tag added comes last in codebook order (a top-level tag).
    """

    def __init__(self, db: Database, *, adding: bool = False, last: bool = False) -> None:
        self._db = db
        self._adding = adding
        stored = stored_keys(db)
        self.kept = stored is not None  # the file holds keys of its own
        # A tag added last in codebook order to a project that holds no keys takes the key
        # its place gives it, the lowest free one: nothing to read or write.
        self._idle = adding and last and not self.kept
        self.keys: dict[int, str] = {}
        if stored is not None:
            self.keys = self._present(stored)
        elif not self._idle:
            self.keys = positional(self._codebook())
        self._before = dict(self.keys)

    def key_of(self, uuid: str) -> int | None:
        """The key of the tag ``uuid``, if it has one."""
        return next((key for key, holder in self.keys.items() if holder == uuid), None)

    def holder(self, key: int) -> str | None:
        """The uuid of the tag that has ``key``, if one has."""
        return self.keys.get(key)

    def free(self, uuid: str) -> int | None:
        """Take the tag ``uuid``'s key from it; the key it had, if any."""
        key = self.key_of(uuid)
        if key is not None:
            del self.keys[key]
        return key

    def give(self, key: int, uuid: str | None) -> None:
        """Give ``key`` to the tag ``uuid`` (None: to no tag); the tag loses any other key."""
        refuse_unknown_key(key)
        if uuid is not None:
            self.free(uuid)
            self.keys[key] = uuid
        else:
            self.keys.pop(key, None)

    def added(self, uuid: str) -> None:
        """A new tag takes the lowest free key, if any."""
        if self._idle:
            return
        free = [key for key in TAG_KEYS if key not in self.keys]
        if free and self.key_of(uuid) is None:
            self.keys[free[0]] = uuid

    def save(self) -> None:
        """Write the keys if they read otherwise than the codebook's first nine tags now
        would (and changed), else take them out of the file."""
        if self._idle:
            return
        keys = self._present(self.keys)
        if self.kept and self._adding and keys == self._before:
            return  # no tag moved, no key changed: the file's keys still hold
        if keys == positional(self._codebook()):
            if self.kept:
                self._db.execute("DELETE FROM project_info WHERE key = ?", [INFO_KEY])
        elif not self.kept or keys != self._before:
            write_keys(self._db, keys)

    def _present(self, keys: Mapping[int, str]) -> dict[int, str]:
        """``keys`` less those of tags no longer in the file."""
        uuids = list(keys.values())
        marks = ", ".join("?" * len(uuids))
        rows = self._db.execute(f"SELECT uuid FROM tags WHERE uuid IN ({marks})", uuids)
        there = {uuid for (uuid,) in rows}
        return {key: uuid for key, uuid in keys.items() if uuid in there}

    def _codebook(self) -> Codebook:
        rows = self._db.execute(f"SELECT {TAG_COLUMNS} FROM tags").fetchall()
        return Codebook(Tag(*row) for row in rows)


@contextlib.contextmanager
def keeping_keys(db: Database, *, adding: bool = False, last: bool = False) -> Iterator[KeyEdit]:
    """The keys to change along with the codebook in a ``with`` block inside its
    transaction, saved at its end (not if it fails: the transaction rolls back).
    ``adding`` and ``last``: the block adds a tag, last in codebook order or not (see
    :class:`KeyEdit`)."""
    edit = KeyEdit(db, adding=adding, last=last)
    yield edit
    edit.save()


def refuse_if_keys_changed(edit: KeyEdit, expected: Mapping[int, str | None]) -> None:
    """ChangedMeanwhileError unless each key of ``expected`` is with the tag (uuid) it names
    (None: with none)."""
    if any(edit.holder(key) != uuid for key, uuid in expected.items()):
        raise ChangedMeanwhileError(
            "the tags' keys were changed since, perhaps in another window, so they were"
            " left as they are rather than lose that change",
            advice="Choose the key in the tag's Edit… dialog if it should be another.",
        )


def give_keys(
    edit: KeyEdit,
    codebook: Codebook,
    *,
    keys: Mapping[int, int | None],
    expected: Mapping[int, int | None] | None,
) -> dict[int, int | None]:
    """See :meth:`TagStore.set_keys <diptych.storage.tags.TagStore.set_keys>`: ``keys`` given
    in ``edit``, the tags of ``codebook`` as the file holds them now."""
    ids = {tag.uuid: tag.id for tag in codebook.ordered()}
    uuids = {tag_id: uuid for uuid, tag_id in ids.items()}
    if expected is not None:
        said = {key: None if t is None else uuids.get(t, "") for key, t in expected.items()}
        refuse_if_keys_changed(edit, said)
    before: dict[int, int | None] = {}
    for key, tag_id in keys.items():
        refuse_unknown_key(key)
        uuid = known_tag(codebook, tag_id).uuid if tag_id is not None else None
        holder = edit.holder(key)
        before.setdefault(key, ids.get(holder) if holder else None)
        own = edit.key_of(uuid) if uuid is not None else None
        if own is not None and own != key:
            before.setdefault(own, tag_id)  # the tag's key before, which it loses
        edit.give(key, uuid)
    return before
