"""``diptych annotate`` on a range that already has the coder's passage (a script run
again): the tags it lacks are added to that passage, as the window adds a tag to the
passage selected again, and nothing is made twice."""

from __future__ import annotations

import argparse

from diptych.storage.errors import InputError
from diptych.storage.model import Annotation
from diptych.storage.project import Project
from diptych.storage.wording import shortened


def tag_again(
    project: Project, passage: Annotation, tag_ids: list[int], args: argparse.Namespace,
    notes: list[str],
) -> Annotation:  # fmt: skip
    """Add to ``passage`` the tags of ``tag_ids`` it lacks, and the note given if it has
    none (or ``--replace-note``); what was done (or that nothing was) goes in ``notes``.

    Raises:
        InputError: the passage has another note, and ``--replace-note`` was not given.
    """
    codebook = project.tags.codebook()
    missing = [t for t in dict.fromkeys(tag_ids) if t not in passage.tag_ids]
    note = _note_to_put(passage, args.note, replace=args.replace_note)
    which = f"passage {passage.id} “{shortened(passage.exact)}”, already on that range,"
    done = []
    if missing:
        passage = project.annotations.change_tags(annotation_id=passage.id, add=missing)
        done.append(f"tagged {', '.join(codebook.path(t) for t in missing)}")
    if note is not None:
        passage = project.annotations.set_note(annotation_id=passage.id, note=note)
        done.append("given the note")
    if done:
        notes.append(f"{which} was {' and '.join(done)}; no new passage was made")
    else:
        tags = ", ".join(codebook.path(t) for t in dict.fromkeys(tag_ids))
        notes.append(f"{which} is already tagged {tags}; nothing was changed")
    return passage


def _note_to_put(passage: Annotation, note: str, *, replace: bool) -> str | None:
    """The note to give ``passage``: ``note`` if it has none (or ``replace``), None if
    it has that one already or none was given."""
    if not note or note == passage.note:
        return None
    if not passage.note or replace:
        return note
    raise InputError(
        f"passage {passage.id} “{shortened(passage.exact)}” is already on that range, with"
        f" another note ({shortened(passage.note)!r}); nothing was changed",
        advice="To put this note instead, add --replace-note; to keep that one, leave out --note.",
    )
