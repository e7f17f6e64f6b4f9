"""Ctrl+C in the Passages list, and Copy in its menus: the passages chosen go to the
clipboard as text to paste into a brief, each quote with its citation and note. The list's
own copy took one cell of the current row, whatever rows were selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from diptych.gui.table_selection import plain_mime_data
from diptych.storage.errors import DiptychError
from diptych.storage.passage_copies import copied_passages

if TYPE_CHECKING:
    from diptych.gui.session import ProjectSession


def copy_passages(session: ProjectSession, annotation_ids: list[int]) -> None:
    """Put the passages ``annotation_ids`` on the clipboard, and say so."""
    if not annotation_ids:
        return
    try:
        text = copied_passages(session.project, annotation_ids)
    except DiptychError as exc:
        session.messages.known_error(exc)
        return
    if not text:
        session.messages.info("The passages chosen are no longer in the project.")
        return
    QApplication.clipboard().setMimeData(plain_mime_data(text))
    count = len(annotation_ids)
    what = "the passage" if count == 1 else f"{count} passages"
    session.messages.info(f"Copied {what}: quote, article, tags and note, ready to paste.")
