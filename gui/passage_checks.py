"""The passages to check after an update of their article found them only approximately:
"Mark as checked" (Ctrl+K, and the context menus of the Passages list and the article) for
the passages chosen in the list, or else the selected passage (opened from the list, or at
the caret in an article), as one undo step that Ctrl+Z takes back, marking them to check
again."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from diptych.gui.commands import SessionCommand, perform, quote_start
from diptych.gui.read_only import refused_read_only
from diptych.storage.model import Annotation

if TYPE_CHECKING:
    from diptych.gui.annotations_panel import AnnotationsPanel
    from diptych.gui.coding import CodingController
    from diptych.gui.session import ProjectSession

MARK_CHECKED_KEY = "Ctrl+K"
# What Ctrl+K says when the passages chosen bear no mark "≈" (perhaps just taken off).
NONE_TO_CHECK = "No passage chosen is marked “≈” to check: choose one that is."


class MarkPassagesChecked(SessionCommand):
    """Mark passages as checked: no longer to check after an update (those of
    ``annotation_ids`` that were)."""

    def __init__(self, session: ProjectSession, passages: Iterable[Annotation]) -> None:
        self.passages = [p for p in passages if p.check is not None]
        count = len(self.passages)
        if count == 1:
            text = f"Mark passage “{quote_start(self.passages[0].exact)}” as checked"
        else:
            text = f"Mark {count} passages as checked"
        super().__init__(session, text)
        self.marked: list[Annotation] = []  # the passages as they were, with their marks

    def _do(self) -> None:
        self.marked = self.session.mark_passages_checked([p.id for p in self.passages])

    def _undo(self) -> None:
        self.session.put_back_checks(self.marked)

    def _passage_shown(self, *, undone: bool) -> int:
        return self.passages[0].id if self.passages else 0

    def _gone(self, *, undoing: bool) -> str | None:
        return next(filter(None, map(self._passage_gone, self.passages)), None)


NONE_CHOSEN = (
    "Choose a passage marked “≈” first: in the Passages list, or with the caret in it in "
    "its article."
)


def mark_chosen_or_selected_checked(panel: AnnotationsPanel, coding: CodingController) -> None:
    """Ctrl+K: with the keyboard in the Passages list, mark the passages chosen there as
    checked; elsewhere the selected passage (the one the Passage panel shows: opened
    from the list, or at the caret in an article), never one the caret has left."""
    focus = QApplication.focusWidget()
    if focus is not None and panel.isAncestorOf(focus):
        mark_chosen_checked(panel)
        return
    pane = coding.area.current
    refusal = ""
    if focus is not None and pane is not None and pane.isAncestorOf(focus):
        refusal = coding.selection.not_outlined(pane)
    if refusal or not coding.selected:
        panel.session.messages.info(refusal or NONE_CHOSEN)
        return
    coding.mark_selected_checked()


def mark_chosen_checked(panel: AnnotationsPanel) -> None:
    """Mark the passages selected in the Passages list (the current one if none is) as
    checked, as one undo step; say so, or that none of them was to be checked."""
    chosen = panel.selection.selected_passages()
    current = panel.current_passage()
    ids = chosen or ([] if current is None else [current])
    passages = [p for p in map(panel.model.find, ids) if p is not None]
    rows = [r for r in map(panel.model.row_of, ids) if r >= 0]
    # Listed only while to check, they leave the list: the row now in their place is
    # chosen, so that Ctrl+K again goes on down the list.
    if mark_checked(panel.session, passages) and rows and panel.model.row_of(ids[0]) < 0:
        panel.choose_row(min(rows))


def mark_checked(session: ProjectSession, passages: Iterable[Annotation]) -> bool:
    """Mark those of ``passages`` that are to check as checked, as one undo step; say so,
    or that none of them is marked. False if nothing was marked."""
    marked = [p for p in passages if p.check is not None]
    if not marked:
        session.messages.info(NONE_TO_CHECK)
        return False
    if refused_read_only(session, "no passage can be marked as checked"):
        return False
    if not perform(session, MarkPassagesChecked(session, marked)):
        return False
    count = len(marked)
    what = "Passage" if count == 1 else f"{count} passages"
    session.messages.info(f"{what} marked as checked — Ctrl+Z to undo")
    return True
