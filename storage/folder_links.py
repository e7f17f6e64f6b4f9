"""Where a symbolic link met in a folder being imported leads, and so what becomes of it.

A user who imports a folder expects the articles in that folder. A link that leads
outside it (to the home folder, another disk) is not followed, nor one that leads round
in a loop (a link to a folder it is in, or links that lead to each other); both are said
in the import's summary. A link to a file or folder inside is not followed either: what
it leads to is imported from its own place, once. Only a link to something inside that
the search itself passes by (hidden, or a file that is not named as an article) is
followed, as the file or folder it leads to.
"""

from __future__ import annotations

import errno
import os
from enum import Enum
from pathlib import Path

from diptych.storage.importing import FORMATS
from diptych.storage.wording import counted, were


class LinkTarget(Enum):
    """Where a link leads, for an import of the folder it is in."""

    OUTSIDE = "outside the folder chosen: skipped, and said"
    LOOP = "round in a loop: skipped, and said"
    IMPORTED_THERE = "inside, to something the search finds itself: skipped"
    FOLLOWED = "inside, to something only the link reaches: followed"
    NOWHERE = "to nothing (what it led to was moved or deleted): skipped, and said"
    UNREADABLE = "somewhere it cannot be read: a file that cannot be read, as if not a link"


def link_target(link: str | Path, *, folder: Path, root: Path) -> LinkTarget:
    """Where the link at ``link`` leads.

    Args:
        link: the link's path.
        folder: the real path (:func:`os.path.realpath`) of the folder the link is in.
        root: the real path of the folder chosen for import.
    """
    try:
        target = Path(os.path.realpath(link, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LinkTarget.LOOP
        return LinkTarget.NOWHERE if exc.errno == errno.ENOENT else LinkTarget.UNREADABLE
    if not target.is_relative_to(root):
        return LinkTarget.OUTSIDE
    is_folder = target.is_dir()
    if is_folder and folder.is_relative_to(target):  # a folder the link is in
        return LinkTarget.LOOP
    hidden = any(part.startswith(".") for part in target.relative_to(root).parts)
    if hidden or not (is_folder or target.suffix.lower() in FORMATS):
        return LinkTarget.FOLLOWED
    return LinkTarget.IMPORTED_THERE


SAID = {
    # Where the links skipped lead ("lead" or "leads" by their number), and what follows.
    LinkTarget.OUTSIDE: (
        "to outside the folder",
        ". Only what is inside the folder chosen is imported; choose the files or folders "
        "a link leads to themselves to import them.",
    ),
    LinkTarget.LOOP: ("that {lead} round in a loop", "."),
    LinkTarget.NOWHERE: ("that {lead} to nothing", ": what a link led to was moved or deleted."),
}
"""The links skipped and said, each kind in its own sentence."""


def links_said(folder: str, skipped: dict[LinkTarget, list[str]]) -> list[str]:
    """What to say of the links in ``folder`` (as shown) that were skipped, by their
    paths in it, for each kind of :data:`SAID` (nothing if none)."""
    said = []
    for target, (where, then) in SAID.items():
        names = skipped.get(target, [])
        if names:
            count = len(names)
            where = where.format(lead="leads" if count == 1 else "lead")
            said.append(
                f"{folder}: {counted(count, 'symbolic link')} {where} {were(count)} skipped "
                f"({_some(names)}){then}"
            )
    return said


def _some(names: list[str], shown: int = 5) -> str:
    """The first ``shown`` of ``names``, then "…" if there are more."""
    return ", ".join(names[:shown]) + (", …" if len(names) > shown else "")
