"""What a tag edit checks before it writes: the rules of a tag's name, the namesake a name
would clash with beside it, and that the tags it names are still there."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence

from diptych.storage.article_titles import one_line
from diptych.storage.codebook import (
    MAX_TAG_LEVELS,
    PATH_SEPARATOR,
    UNSEEN_CHARACTERS,
    Codebook,
    name_key,
)
from diptych.storage.connection import Database
from diptych.storage.errors import InputError
from diptych.storage.model import Tag

TAG_COLUMNS = "id, uuid, name, color, parent_id, description, sort_order, created_at"

# Shown as nothing at all: spaces and separators, format characters (zero-width space
# and joiners, word joiner, byte-order mark, bidi marks and isolates), and the letters
# and marks that are blank by design (Hangul fillers, the blank braille pattern,
# variation selectors, the combining grapheme joiner).
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
_BLANK_CHARACTERS = frozenset("\u034f\u115f\u1160\u180b\u180c\u180d\u2800\u3164\uffa0")
_BLANK_CHARACTERS |= frozenset(map(chr, range(0xFE00, 0xFE10)))
_BLANK_CHARACTERS |= frozenset(map(chr, range(0xE0100, 0xE01F0)))


def trimmed_name(name: str) -> str:
    """``name`` without the invisible characters at its ends (a right-to-left mark copied
    with a Hebrew word, a zero-width space with a word from a web page): "סיכום" with a
    mark before it was a second "סיכום" beside the first, to be told apart by nothing."""
    return name.strip(UNSEEN_CHARACTERS + " ")


def is_blank(text: str) -> bool:
    """True if ``text`` shows nothing: no character of it can be seen."""
    return all(c in _BLANK_CHARACTERS or unicodedata.category(c) in _BLANK_CATEGORIES for c in text)


def clean_tag_name(name: str) -> str:
    """``name`` as a tag is named (spaces collapsed, invisible characters at its ends
    dropped, control characters and bidi overrides made spaces, as in a title: a tag's
    name is shown in exports and terminals, where an escape sequence or an unclosed
    right-to-left override acts on what follows it); InputError saying why if it cannot
    be."""
    cleaned = unicodedata.normalize("NFC", one_line(name))
    if not is_blank(cleaned):
        cleaned = trimmed_name(cleaned)
    if not cleaned:
        raise InputError("a tag name cannot be empty")
    if is_blank(cleaned):
        raise InputError(
            "a tag name needs a character that can be seen: this one holds only spaces or"
            " invisible characters (such as zero-width spaces or joiners)",
            advice="Type a name of letters, digits or signs.",
        )
    if len(cleaned) > 200:
        raise InputError("a tag name can be at most 200 characters long")
    if PATH_SEPARATOR in cleaned:
        raise InputError(
            f"a tag name cannot contain {PATH_SEPARATOR!r} ({cleaned!r}): it separates a tag"
            " from its parent in tag paths such as Economy/Trade",
            advice="Use another character, such as '-', or choose a parent to nest the tag.",
        )
    return cleaned


def namesake(db: Database, *, name: str, parent_id: int | None, other_than: int) -> Tag | None:
    """The tag under ``parent_id`` whose name counts as the same as ``name``
    (:func:`~diptych.storage.codebook.name_key`); None if there is none."""
    # Compared here rather than by the unique index tags_sibling_name, whose NOCASE folds
    # ASCII letters only: "Économie" beside "économie" would pass it.
    rows = db.execute(
        f"SELECT {TAG_COLUMNS} FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0)"
        " AND id != ? ORDER BY id",
        [parent_id, other_than],
    ).fetchall()
    key = name_key(name)
    return next((Tag(*row) for row in rows if name_key(row[2]) == key), None)


def refuse_namesake(db: Database, *, name: str, parent_id: int | None, tag_id: int) -> None:
    """InputError if a tag beside ``parent_id``'s other sub-tags has ``name`` already."""
    other = namesake(db, name=name, parent_id=parent_id, other_than=tag_id)
    if other is not None:
        raise InputError(
            f"a tag called {other.name!r} already exists there", advice="Choose another name."
        )


def tag_level(db: Database, tag_id: int) -> int:
    """On which level of the codebook ``tag_id`` is (1: the top level), read without
    reading the whole codebook (an import adds its tags one by one)."""
    # UNION, not UNION ALL: a circle of parents (a file edited by hand) ends the walk.
    return int(
        db.execute(
            "WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM tags WHERE id = ?"
            " UNION SELECT t.id, t.parent_id FROM tags t JOIN up ON t.id = up.parent_id)"
            " SELECT count(*) FROM up",
            [tag_id],
        ).fetchone()[0]
    )


def refuse_too_deep(*, parent_level: int, levels: int, what: str) -> None:
    """InputError if ``levels`` levels of tags (a tag and its sub-tags) under a parent on
    level ``parent_level`` (0: the top) would go deeper than
    :data:`~diptych.storage.codebook.MAX_TAG_LEVELS`."""
    deepest = parent_level + levels
    if deepest > MAX_TAG_LEVELS:
        raise InputError(
            f"{what} would nest tags {deepest} levels deep; tags can be nested at most"
            f" {MAX_TAG_LEVELS} levels deep",
            advice="Choose a parent higher up in the codebook.",
        )


def free_name(db: Database, name: str, *, parent_id: int | None, tag_id: int) -> str:
    """``name``, or ``name (2)``, ``name (3)``... if a tag of that name was added
    beside it since (in another window): a tag brought back keeps its passages under
    a name of its own rather than not coming back at all."""
    wanted, number = name, 1
    while namesake(db, name=wanted, parent_id=parent_id, other_than=tag_id) is not None:
        number += 1
        wanted = f"{name} ({number})"
    return wanted


def write_named(db: Database, sql: str, values: Sequence[object], name: str) -> sqlite3.Cursor:
    """Run a write that names a tag ``name``: a namesake beside it is an InputError."""
    try:
        return db.execute(sql, values)
    except sqlite3.IntegrityError as exc:
        if "tags" in str(exc) or "UNIQUE" in str(exc):
            raise InputError(
                f"a tag called {name!r} already exists there", advice="Choose another name."
            ) from exc
        raise


def tag_exists(db: Database, tag_id: int) -> bool:
    """True if the file has the tag ``tag_id``."""
    return db.execute("SELECT 1 FROM tags WHERE id = ?", [tag_id]).fetchone() is not None


def known_tag(codebook: Codebook, tag_id: int) -> Tag:
    """The tag ``tag_id`` of ``codebook``; InputError if there is none."""
    tag = codebook.get(tag_id)
    if tag is None:
        raise InputError(f"there is no tag {tag_id}")
    return tag


def where(codebook: Codebook, parent_id: int | None) -> str:
    """Where a tag under ``parent_id`` stands, in words."""
    return "at the top level" if parent_id is None else f"under {codebook.path(parent_id)!r}"


def crowded(codebook: Codebook, tag: Tag, child: Tag, namesake: Tag) -> InputError:
    """Why ``tag`` cannot be deleted: ``child`` would move up beside its ``namesake``."""
    return InputError(
        f"deleting {tag.name!r} would move its sub-tag {child.name!r} up"
        f" {where(codebook, tag.parent_id)}, where a tag called {namesake.name!r} already is",
        advice=f"Rename one of them first, or merge {codebook.path(child.id)!r} into the other.",
    )
