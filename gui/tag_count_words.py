"""How a tag's row in the Codebook words its count of passages: in its tooltip, and to a
screen reader."""

from __future__ import annotations

from collections.abc import Callable

from diptych.storage.wording import counted


def passages_text(count: int) -> str:
    """A count of passages in words: "no passages", "1 passage", "3 passages"."""
    return "no passages" if count == 0 else passages_count(count)


def passages_count(count: int) -> str:
    """A count of passages in figures: "0 passages", "1 passage", "3 passages"."""
    return counted(count, "passage")


def orphans_text(orphans: int, count: int) -> str:
    """How many of a tag's ``count`` passages are orphans, and where they are listed:
    "1 of the 4 is an orphan, listed in the Orphans tab"."""
    if orphans == count:
        which = "it is an orphan" if count == 1 else f"all {count} are orphans"
    else:
        which = f"{orphans} of the {count} " + ("is an orphan" if orphans == 1 else "are orphans")
    return f"{which}, listed in the Orphans tab"


def count_words(
    name: str, *, own: int, count: int, orphans: int, said: Callable[[int], str]
) -> str:
    """The ``count`` passages of the tag ``name`` as ``said`` words them; a tag whose
    sub-tags add passages says how many are its own (``own``): "4 passages with its
    sub-tags, 3 tagged Security itself"; one with ``orphans`` says how many, which the
    Orphans tab lists rather than the Passages tab: "..., 1 of the 4 is an orphan, listed
    in the Orphans tab"."""
    text = said(count)
    if count != own:
        itself = f"{own} tagged {name} itself" if own else f"none tagged {name} itself"
        text = f"{passages_count(count)} with its sub-tags, {itself}"
    return f"{text}, {orphans_text(orphans, count)}" if orphans else text
