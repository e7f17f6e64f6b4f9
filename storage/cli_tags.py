"""The ``diptych tags`` and ``diptych tag`` commands: the codebook listed, a tag made,
changed or moved; and naming tags on the command line."""

from __future__ import annotations

import argparse
import shlex
import unicodedata

from diptych.storage.cli_results import Output, Result
from diptych.storage.codebook import PATH_SEPARATOR, Codebook, name_key
from diptych.storage.errors import InputError
from diptych.storage.model import Tag
from diptych.storage.project import Project
from diptych.storage.tag_checks import clean_tag_name
from diptych.storage.wording import counted

EMPTY_CODEBOOK = (
    "the codebook has no tags yet. Make one with `diptych tag PROJECT NAME`, or tag a passage"
    " with `diptych annotate PROJECT ARTICLE --quote TEXT --tag NAME`."
)


def list_tags(project: Project, args: argparse.Namespace) -> Result:
    from diptych.storage.tag_counts import TagCount, count_tag_passages

    codebook = project.tags.codebook()
    usage = project.tags.usage()
    with project.reading() as db:  # with its sub-tags', as the Codebook counts them
        counts = count_tag_passages(db, codebook=codebook)
    data, lines = [], []
    for tag, depth in codebook.walk():
        below = counts.get(tag.id, TagCount(0, 0)).passages
        data.append(
            {
                "id": tag.id,
                "name": tag.name,
                "path": codebook.path(tag.id),
                "color": tag.color,
                "parent": _parent_path(codebook, tag),
                "description": tag.description,
                "annotations": usage.get(tag.id, 0),
                "with_sub_tags": below,
                "key": codebook.key(tag.id),
            }
        )
        total = f" ({below})" if below != usage.get(tag.id, 0) else ""
        lines.append(f"{tag.color}  {usage.get(tag.id, 0):>5}  {'  ' * depth}{tag.name}{total}")
    if not data:  # an empty codebook, told apart from a failure
        return Output([], [], [EMPTY_CODEBOOK])
    return Output(lines, data)


def _parent_path(codebook: Codebook, tag: Tag) -> str | None:
    parent = tag.parent_id
    return codebook.path(parent) if parent is not None and parent in codebook else None


def tag_command(project: Project, args: argparse.Namespace) -> Result:
    parent = require_tag(project, args.parent) if args.parent else None
    parent_id = parent.id if parent else None
    notes: list[str] = []
    tag: Tag | None
    with project.transaction():
        if args.move:
            tag = _move(project, args.name, parent_id, notes)
        else:
            tag = _tag_at(project, args.name, parent)
        if tag is None:
            refuse_new_path(project, args.name)
            tag = project.tags.add(
                name=args.name,
                color=args.color,
                parent_id=parent_id,
                description=args.description or "",
            )
            _note_namesakes(project, tag, notes)
        else:
            tag = project.tags.update(tag_id=tag.id, color=args.color, description=args.description)
        if args.key is not None:
            _give_key(project, tag, args.key)
    path = project.tags.codebook().path(tag.id)
    return Output([f"{tag.id}  {tag.color}  {path}"], {"id": tag.id, "path": path}, notes)


def _give_key(project: Project, tag: Tag, key: str) -> None:
    """Give ``tag`` the key ``key`` (1-9, from the tag that has it), or none ("none")."""
    if key != "none":
        project.tags.set_keys(keys={int(key): tag.id})
        return
    had = project.tags.codebook().key(tag.id)
    if had is not None:
        project.tags.set_keys(keys={had: None})


def _tag_at(project: Project, name: str, parent: Tag | None) -> Tag | None:
    """The tag ``name`` names, to be changed; None if it is to be created.

    With a parent, only a tag under it is changed: another tag of that name elsewhere is
    moved only with --move.
    """
    if parent is None:
        return project.tags.find(name=name)
    codebook = project.tags.codebook()
    typed = unicodedata.normalize("NFC", " ".join(name.split()))  # as a tag is named
    beside = [t for t in codebook.children(parent.id) if name_key(t.name) == name_key(typed)]
    if beside:
        return next((t for t in beside if t.name == typed), beside[0])
    found = project.tags.find(name=name) if PATH_SEPARATOR in name else None
    if found is not None and found.parent_id == parent.id:
        return found
    if found is not None:  # a path names one tag: it is elsewhere
        raise InputError(
            f"{codebook.path(found.id)!r} is not under {codebook.path(parent.id)!r}",
            advice="To move it there with its passages and sub-tags, add --move;"
            " to create another tag there, give its name without a path.",
        )
    return None


def _move(project: Project, name: str, parent_id: int | None, notes: list[str]) -> Tag:
    """Move the tag ``name`` under ``parent_id`` (None: the top level), saying what moved."""
    tag = project.tags.find(name=name)
    if tag is None:
        raise InputError(
            f"there is no tag called {name!r} to move", advice="List them with `diptych tags`."
        )
    if tag.parent_id == parent_id:
        return tag
    codebook = project.tags.codebook()
    before, below = codebook.path(tag.id), len(codebook.descendants(tag.id))
    tag = project.tags.move(tag_id=tag.id, parent_id=parent_id)
    after = project.tags.codebook().path(tag.id)
    carried = counted(project.tags.usage().get(tag.id, 0), "passage")
    carried += f" and {counted(below, 'sub-tag')}" if below else ""
    notes.append(f"moved {before!r} to {after!r}, with its {carried}")
    return tag


def _note_namesakes(project: Project, tag: Tag, notes: list[str]) -> None:
    """Say so when the new tag has a namesake elsewhere, which was not moved (as the
    ``tag`` command of older versions did)."""
    codebook = project.tags.codebook()
    others = [codebook.path(t.id) for t in codebook.find(tag.name) if t.id != tag.id]
    if others:
        notes.append(
            f"created {codebook.path(tag.id)!r} as a new tag; nothing was moved from"
            f" {' or '.join(map(repr, others))} (--move moves a tag)"
        )


def refuse_new_path(project: Project, name: str) -> None:
    """Refuse a tag path that names no tag, with what the command line can do instead:
    create the last tag of the path under its parent with ``diptych tag --parent``."""
    parent_path, _, leaf = name.strip().rpartition(PATH_SEPARATOR)
    if not parent_path.strip() or not leaf.strip():
        return  # no path: the name's own rules say what is wrong
    try:
        clean_tag_name(name)
    except InputError as exc:
        command = f"diptych tag PROJECT {shlex.quote(leaf.strip())} --parent"
        command += f" {shlex.quote(parent_path.strip())}"
        if not project.tags.codebook().find(parent_path):
            command = f"there is no tag {parent_path.strip()!r} yet; create it, then {command}"
        raise InputError(
            exc.message,
            advice="Use another character, such as '-', or choose a parent to nest the tag: "
            + command,
        ) from None


def require_tag(project: Project, name: str) -> Tag:
    tag = project.tags.find(name=name)
    if tag is None:
        raise InputError(
            f"there is no tag called {name!r}", advice="List them with `diptych tags`."
        )
    return tag
