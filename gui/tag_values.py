"""What the tag dialog returns, and why it refuses it: a namesake beside the tag, or a
parent too deep in the codebook."""

from __future__ import annotations

from dataclasses import dataclass

from diptych.gui.messages import as_shown
from diptych.storage.codebook import Codebook, name_key
from diptych.storage.errors import InputError
from diptych.storage.tag_checks import refuse_too_deep

KEY_AS_GIVEN = 0  # the key as the rules give it: a new tag the lowest free, a tag its own


@dataclass(frozen=True)
class TagValues:
    """What the dialog returns."""

    name: str
    color: str
    parent_id: int | None
    description: str
    key: int | None = KEY_AS_GIVEN  # 1-9, None (no key) or KEY_AS_GIVEN


def namesake_problem(codebook: Codebook, values: TagValues, tag_id: int | None = None) -> str:
    """Why a tag cannot have these name and parent: a namesake is there ("" if none).

    Args:
        codebook: the project's tags.
        values: the name and parent chosen.
        tag_id: the tag being edited (it is no namesake of itself), or None for a new one.
    """
    name = name_key(" ".join(values.name.split()))
    for sibling in codebook.children(values.parent_id):
        if sibling.id != tag_id and name_key(sibling.name) == name:
            where = (
                "at the top level"
                if values.parent_id is None
                else f"under “{codebook.path(values.parent_id)}”"
            )
            return (
                f"A tag called “{sibling.name}” already exists {where}. "
                "Choose another name, or another parent."
            )
    return ""


def depth_problem(codebook: Codebook, values: TagValues, tag_id: int | None = None) -> str:
    """Why a tag cannot go under the parent chosen: it (with its sub-tags) would be nested
    deeper than tags can be ("" if it can, or if it stays under the same parent).

    Args:
        codebook: the project's tags.
        values: the parent chosen.
        tag_id: the tag being edited, or None for a new one.
    """
    tag = codebook.get(tag_id) if tag_id is not None else None
    if values.parent_id is None or (tag is not None and tag.parent_id == values.parent_id):
        return ""
    name = tag.name if tag is not None else values.name
    try:
        refuse_too_deep(
            parent_level=codebook.level(values.parent_id),
            levels=codebook.levels(tag_id) if tag_id is not None else 1,
            what=f"the tag “{name}” under “{codebook.path(values.parent_id)}”",
        )
    except InputError as exc:
        return as_shown(exc)
    return ""
