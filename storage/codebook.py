"""The codebook as a tree: tag paths, children and depth-first order.

Pure functions over a list of :class:`Tag` records, shared by the stores, the exporters,
the command line and the window's tag model.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

from diptych.storage.model import Tag

PATH_SEPARATOR = "/"
# Stands for a '/' inside a name (from a file made before names refused it): in a path it
# would read as nesting, and two tags could share one path.
SEPARATOR_IN_NAME = "\u2215"  # DIVISION SLASH
MAX_TAG_LEVELS = 64
"""How deep tags can be nested: a top-level tag is on level 1, its sub-tags on level 2.
Creating, moving, merging and importing tags refuse to go deeper; a REFI-QDA export
refuses a codebook (from an older file) that does."""


class Codebook:
    """A read-only view of the tags as a tree.

    Args:
        tags: every tag of the project.
        keys: which tag (id) each of the keys 1-9 applies, as the project file holds them
            (:mod:`~diptych.storage.tag_keys`); None: the first nine tags in codebook order.

    Attributes:
        circle_breaks: the tags seen as top-level tags, though they have a parent, to break
            a circle of parents (a file edited by hand).
    """

    def __init__(self, tags: Iterable[Tag], *, keys: Mapping[int, int] | None = None) -> None:
        self._by_id = {t.id: t for t in tags}
        self._keys = None if keys is None else {k: t for k, t in keys.items() if t in self._by_id}
        self.circle_breaks = frozenset(_circle_breaks(self._by_id))
        for tag_id in self.circle_breaks:  # seen (and moved) as top-level tags
            self._by_id[tag_id] = replace(self._by_id[tag_id], parent_id=None)
        self._children: dict[int | None, list[Tag]] = {}
        for tag in self._by_id.values():
            parent = tag.parent_id if tag.parent_id in self._by_id else None
            self._children.setdefault(parent, []).append(tag)
        for siblings in self._children.values():
            siblings.sort(key=sibling_order)
        self._order: tuple[Tag, ...] | None = None
        self._rank: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, tag_id: object) -> bool:
        return tag_id in self._by_id

    def __getitem__(self, tag_id: int) -> Tag:
        return self._by_id[tag_id]

    def get(self, tag_id: int) -> Tag | None:
        """The tag with ``tag_id``, or None."""
        return self._by_id.get(tag_id)

    def children(self, parent_id: int | None) -> list[Tag]:
        """Direct children of ``parent_id`` (None: the top level), in codebook order."""
        return list(self._children.get(parent_id, ()))

    def walk(self, parent_id: int | None = None, depth: int = 0) -> Iterator[tuple[Tag, int]]:
        """Every tag below ``parent_id`` depth-first, with its depth (0 = top level).

        Walked with a stack of its own, not by recursion: a file from an older version
        can hold a codebook nested deeper than Python's recursion allows.
        """
        stack = [(tag, depth) for tag in reversed(self._children.get(parent_id, ()))]
        while stack:
            tag, level = stack.pop()
            yield tag, level
            stack.extend((child, level + 1) for child in reversed(self._children.get(tag.id, ())))

    def level(self, tag_id: int) -> int:
        """On which level ``tag_id`` is: 1 for a top-level tag, 2 for its sub-tags."""
        return len(self.ancestors(tag_id)) + 1

    def levels(self, tag_id: int | None = None) -> int:
        """How many levels ``tag_id`` spans with its sub-tags (1: it has none); with None,
        how deep the whole codebook goes (0: it has no tags)."""
        below = max((depth for _, depth in self.walk(tag_id)), default=-1) + 1
        return below if tag_id is None else below + 1

    def ordered(self) -> list[Tag]:
        """Every tag in depth-first codebook order (walked once: the codebook is read-only)."""
        if self._order is None:
            self._order = tuple(tag for tag, _ in self.walk())
        return list(self._order)

    def rank(self, tag_id: int) -> int:
        """A tag's place in codebook order (for sorting a passage's tags)."""
        if self._rank is None:
            self._rank = {tag.id: i for i, tag in enumerate(self.ordered())}
        return self._rank.get(tag_id, len(self._rank))

    def keys(self) -> dict[int, int]:
        """Which tag (id) each key applies, for the keys that apply one (1-9)."""
        if self._keys is None:
            self._keys = {key: tag.id for key, tag in enumerate(self.ordered()[:9], start=1)}
        return dict(self._keys)

    def key(self, tag_id: int) -> int | None:
        """The key (1-9) that applies ``tag_id``, if one does."""
        return next((key for key, tag in self.keys().items() if tag == tag_id), None)

    def tag_of_key(self, key: int) -> Tag | None:
        """The tag that key ``key`` applies, if any."""
        tag_id = self.keys().get(key)
        return self._by_id.get(tag_id) if tag_id is not None else None

    def ancestors(self, tag_id: int) -> list[Tag]:
        """The tag's ancestors from the top level down (not including the tag)."""
        chain: list[Tag] = []
        seen = {tag_id}
        tag = self._by_id.get(tag_id)
        while tag is not None and tag.parent_id is not None and tag.parent_id not in seen:
            seen.add(tag.parent_id)
            tag = self._by_id.get(tag.parent_id)
            if tag is not None:
                chain.append(tag)
        return list(reversed(chain))

    def path(self, tag_id: int) -> str:
        """The tag's path from the top, e.g. ``Economy/Trade``; a '/' in a name shows as '∕'."""
        names = [t.name for t in self.ancestors(tag_id)] + [self._by_id[tag_id].name]
        return PATH_SEPARATOR.join(
            name.replace(PATH_SEPARATOR, SEPARATOR_IN_NAME) for name in names
        )

    def with_ancestors(self, tag_ids: Iterable[int]) -> Codebook:
        """The tags ``tag_ids`` and their ancestors, as a codebook of their own: a part of
        the tree that keeps every tag at its place (a sub-tag under its parents)."""
        kept: set[int] = set()
        for tag_id in tag_ids:
            kept.add(tag_id)
            kept.update(t.id for t in self.ancestors(tag_id))
        return Codebook(t for t in self.ordered() if t.id in kept)

    def descendants(self, tag_id: int) -> list[Tag]:
        """Every tag below ``tag_id``."""
        return [tag for tag, _ in self.walk(tag_id)]

    def find(self, name: str) -> list[Tag]:
        """Tags matching ``name`` as :func:`name_key` compares names, or a full path such
        as ``A/B``; those matching it exactly, if any do (an older file can hold
        "Économie" beside "économie").

        A key with a '/' is a path first: a tag named "A/B" (by an older file) or "A∕B"
        (imported) is found by it only when no sub-tag B of A is. A path that starts with
        '/' starts at the top: "/B" is the top-level B, never a sub-tag B elsewhere.
        """
        typed = unicodedata.normalize("NFC", name.strip())
        if typed.startswith(PATH_SEPARATOR):
            return self._matching(typed.removeprefix(PATH_SEPARATOR).strip(), by_path=True)
        as_path = PATH_SEPARATOR in typed
        return self._matching(typed, by_path=as_path) or self._matching(typed, by_path=not as_path)

    def _matching(self, typed: str, *, by_path: bool) -> list[Tag]:
        tags = sorted(self._by_id.values(), key=lambda t: t.id)
        named = {t.id: (self.path(t.id),) if by_path else (t.name, _typed(t.name)) for t in tags}
        key = name_key(typed)
        found = [t for t in tags if key in map(name_key, named[t.id])]
        exact = [t for t in found if typed in named[t.id]]
        return exact or found


# Characters that show nothing and change nothing of the letters beside them, which come
# along with a name copied from a web page or a right-to-left text (the joiners, which
# change how Persian or Indic letters join, do count).
UNSEEN_CHARACTERS = "\u00ad\u061c\u200b\u200e\u200f\u2060\ufeff"
_UNSEEN = dict.fromkeys(map(ord, UNSEEN_CHARACTERS))


def name_key(name: str) -> str:
    """What two tag names are compared by: two tags beside each other cannot have the
    same, and a name typed finds the tags that have it. Case does not count ("Économie"
    is "économie"), nor how an accent was typed ("é" as one character or as "e" and a
    combining accent, as some keyboards and macOS file names give it), nor marks that
    show nothing and change nothing (a right-to-left mark, a zero-width space)."""
    if not name.isascii():
        name = name.translate(_UNSEEN)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def sibling_order(tag: Tag) -> tuple[int, str, int]:
    """Where ``tag`` stands among its siblings: by its sort order, then its name."""
    return tag.sort_order, name_key(tag.name), tag.id


def _typed(name: str) -> str:
    """A name as someone would type it: with '/' for the stand-in '∕'."""
    return name.replace(SEPARATOR_IN_NAME, PATH_SEPARATOR)


def _circle_breaks(by_id: dict[int, Tag]) -> set[int]:
    """Tags to take as top-level because their parents go round in a circle (A under B
    under A: a file edited by hand), the first of each circle: otherwise no walk from the
    top would reach them, and they would vanish from the codebook and the exports."""
    breaks: set[int] = set()
    done: set[int] = set()
    for start in by_id:
        path: list[int] = []
        tag_id: int | None = start
        while tag_id is not None and tag_id in by_id and tag_id not in done:
            if tag_id in path:
                breaks.add(min(path[path.index(tag_id) :]))
                break
            path.append(tag_id)
            tag_id = by_id[tag_id].parent_id
        done.update(path)
    return breaks
