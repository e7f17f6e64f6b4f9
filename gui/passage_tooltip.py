"""What hovering a passage shows: its tags with their colours, its note, who coded it, and
whether an update found it only approximately (to check)."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor

from diptych.gui.note_html import note_to_html
from diptych.gui.passage_cells import check_said, local_time
from diptych.gui.session import ProjectSession

TOOLTIP_NOTE_CHARS = 400


def passage_tooltip(session: ProjectSession, annotation_id: int) -> str:
    """Rich text describing a passage: tags with their colours, then the note, the coder,
    and why it is to check, if it is."""
    passage = session.passage(annotation_id)
    codebook = session.codebook()
    tags = [
        f'<span style="background:{QColor(codebook[t].color).name()}">&nbsp;&nbsp;</span>&nbsp;'
        f"{html.escape(codebook.path(t))}"
        for t in passage.tag_ids
        if t in codebook
    ]
    parts = ["<br>".join(tags) or "<i>No tags</i>"]
    note = passage.note.strip()
    if note:
        short = note if len(note) <= TOOLTIP_NOTE_CHARS else note[:TOOLTIP_NOTE_CHARS] + "…"
        parts.append(note_to_html(short))  # safe: no raw HTML, no images, web links only
    if passage.coder:
        when = local_time(passage.updated_at)
        parts.append(f"<small>{html.escape(passage.coder)} · updated {when}</small>")
    if passage.check is not None:
        parts.append(f"<i>≈ {html.escape(check_said(passage.check))}</i>")
    return "<hr>".join(parts)
