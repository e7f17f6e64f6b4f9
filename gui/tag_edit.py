"""What Edit tag… does with the dialog's values: only what was changed in the dialog is
written, in an order the codebook allows, as one undo step; and why it cannot be, said in
the dialog (which stays open with what was typed).

The codebook may have changed in another window while the dialog was open: a parent,
colour or description given there stays unless the dialog changed it too.
"""

from __future__ import annotations

from dataclasses import replace

from diptych.gui.commands import SessionCommand
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import MoveTag, UpdateTag, quoted, tag_path
from diptych.gui.tag_key_commands import GiveTagKey
from diptych.gui.tag_values import KEY_AS_GIVEN, TagValues, depth_problem, namesake_problem
from diptych.storage.model import Tag


def edited(tag: Tag, values: TagValues, was: Tag) -> dict[str, str | int | None]:
    """The fields of ``tag`` (name, colour, description, parent) that the dialog opened on
    ``was`` changed to ``values``, and which the tag does not have already."""
    return {
        field: getattr(values, field)
        for field in ("name", "color", "description", "parent_id")
        if getattr(values, field) not in (getattr(was, field), getattr(tag, field))
    }


def edit_problem(session: ProjectSession, was: Tag, values: TagValues) -> str:
    """Why the tag the dialog opened on (``was``) cannot be edited to ``values`` in the
    codebook as it is now ("" if it can, or if the tag is gone: that is said as the
    dialog closes)."""
    codebook = session.codebook()
    tag = codebook.get(was.id)
    if tag is None:
        return ""
    changes = edited(tag, values, was)
    after = replace(
        values,
        name=values.name if "name" in changes else tag.name,
        parent_id=values.parent_id if "parent_id" in changes else tag.parent_id,
    )
    problem = namesake_problem(codebook, after, tag.id) or depth_problem(codebook, after, tag.id)
    if problem or "name" not in changes or "parent_id" not in changes:
        return problem
    here = namesake_problem(codebook, replace(after, parent_id=tag.parent_id), tag.id)
    there = namesake_problem(codebook, replace(after, name=tag.name), tag.id)
    if here and there:  # neither the name nor the place can change first
        return (
            f"“{tag.name}” cannot be renamed “{after.name}” and moved at once: a tag of"
            " each name is in the other place. Rename it first, then move it."
        )
    return ""


def edit_commands(
    session: ProjectSession, tag: Tag, values: TagValues, was: Tag
) -> list[SessionCommand]:
    """The commands that give ``tag`` what the dialog opened on ``was`` changed."""
    codebook = session.codebook()
    changes = edited(tag, values, was)
    fields = {f: str(v) for f, v in changes.items() if f != "parent_id"}
    commands: list[SessionCommand] = []
    if fields:
        commands.append(UpdateTag(session, tag.id, **fields))
    if "parent_id" in changes:
        move = MoveTag(session, tag.id, values.parent_id)
        # Renamed as a tag beside it is called, the tag is moved first, then renamed where
        # it goes (renamed first, it clashed with that tag, and nothing was done).
        clash = "name" in fields and namesake_problem(
            codebook, replace(values, parent_id=tag.parent_id), tag.id
        )
        commands.insert(0 if clash else len(commands), move)
    if values.key != KEY_AS_GIVEN and values.key != codebook.key(tag.id):
        commands.append(GiveTagKey(session, tag.id, values.key))
    return commands


def edit_said(
    session: ProjectSession, tag_id: int, values: TagValues, commands: list[SessionCommand]
) -> str:
    """What the status bar says of a tag edited: its new key, or that it changed."""
    name = quoted(tag_path(session, tag_id))
    if len(commands) == 1 and isinstance(commands[0], GiveTagKey):
        if values.key is None:
            return f"Tag {name} has no key now — Ctrl+Z to undo"
        return f"Key {values.key} tags with {name} now — Ctrl+Z to undo"
    return f"Tag {name} changed — Ctrl+Z to undo"
