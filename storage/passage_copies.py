"""Passages copied out of the project (Ctrl+C in the Passages list): each one's quote, the
article, heading and tags it is cited with, and its note, as text for a brief or an e-mail.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from diptych.storage.errors import InputError
from diptych.storage.exporting_data import ExportData, ExportOptions, ExportPassage
from diptych.storage.exporting_snapshot import collect, read_snapshot

if TYPE_CHECKING:
    from diptych.storage.project import Project


def copied_passages(project: Project, annotation_ids: Sequence[int]) -> str:
    """The passages ``annotation_ids`` (in that order; any no longer there left out) as
    text: each quote, then a line citing its article, the heading it sits under, its tags
    and who coded it (where the passages copied were coded by several), then its note."""
    with read_snapshot(project):
        wanted = []
        for annotation_id in dict.fromkeys(annotation_ids):
            try:
                wanted.append(project.annotations.get(annotation_id=annotation_id))
            except InputError:  # deleted meanwhile: not copied
                continue
        if not wanted:
            return ""
        article_ids = tuple(dict.fromkeys(a.article_id for a in wanted))
        data = collect(project, ExportOptions(article_ids=article_ids))
    by_id = {p.annotation.id: p for p in data.passages}
    passages = [by_id[a.id] for a in wanted if a.id in by_id]
    coders = {p.annotation.coder for p in passages if p.annotation.coder}
    return "\n\n".join(_plain(passage, data, len(coders) > 1) for passage in passages)


def _plain(passage: ExportPassage, data: ExportData, coders_named: bool) -> str:
    cited = [data.title(passage.article)]
    if passage.section:
        cited.append("§ " + passage.section)
    if passage.tag_ids:
        cited.append(", ".join(data.tag_path(t) for t in passage.tag_ids))
    if passage.annotation.coder and coders_named:
        cited.append("coded by " + passage.annotation.coder)
    if passage.annotation.is_orphan:
        cited.append("orphan: not placed in the article's current text")
    lines = [f"“{passage.annotation.exact}”", "— " + " · ".join(cited)]
    if passage.annotation.note.strip():
        lines.append("Note: " + passage.annotation.note.strip())
    return "\n".join(lines)
