"""Coding: applying tags to the selected text, from keys, palette, codebook or menu.

One controller so that every way of tagging behaves the same: a selection that matches an
existing passage adds the tag to it; any other selection becomes a new passage. Its tag
palette is opened by :mod:`coding_palette`, its context menu built by :mod:`coding_menu`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from diptych.gui.annotations_panel import AnnotationsPanel
from diptych.gui.article_pane import NO_ARTICLE, ArticlePane
from diptych.gui.chosen_last import ChosenLast
from diptych.gui.coding_menu import CodingMenu
from diptych.gui.coding_palette import NO_TARGET, CodingPalette, nothing_to_tag
from diptych.gui.commands import UndoStep, perform, quote_start
from diptych.gui.pane_area import PaneArea
from diptych.gui.passage_commands import AddPassage, DeletePassage, ReattachPassage, SetPassageTags
from diptych.gui.passage_editor import PassageEditor
from diptych.gui.passage_selection import (
    CARET_LEFT,
    NO_PASSAGE_SELECTED,
    OUT_OF_VIEW,
    TEXT_NOT_DELETED,
    PassageSelection,
)
from diptych.gui.passage_steps import PassageSteps
from diptych.gui.passage_tooltip import passage_tooltip
from diptych.gui.read_only import refused_read_only
from diptych.gui.selection_ends import blank_selection, selected_words
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import AddTag, named, quoted
from diptych.gui.tag_palette import TagPalette
from diptych.gui.undo_reveal import UndoReveal

if TYPE_CHECKING:
    from diptych.storage.tag_paths import NewTagPath

BLANK_SELECTION = (
    "Only spaces or line breaks are selected, so nothing is tagged: select some words."
)
# Keys 1-9 refused with no text selected: the way on names text to select as well as a
# passage (the keys' usual use), as Ctrl+T says "Select some text first" there.
CARET_LEFT_TAG_KEY = (
    "The caret has left the selected passage: select text here, or a passage here "
    "(Enter on a highlight, or F8)."
)
OUT_OF_VIEW_TAG_KEY = (
    "The selected passage is out of view: scroll to it, or select text or a passage here "
    "(Enter on a highlight, or F8)."
)
TAG_KEY_REFUSALS = {CARET_LEFT: CARET_LEFT_TAG_KEY, OUT_OF_VIEW: OUT_OF_VIEW_TAG_KEY}


def no_tag_with_key(key: int) -> str:
    """What a tag key that belongs to no tag says."""
    return f"Key {key} belongs to no tag yet: give it to one with Edit… (F2) in the Codebook."


class CodingController(QObject):
    """Applies tags to selections and edits passages from the reading area.

    Args:
        session: the open project.
        area: the reading area.
        window: the widget that parents popups.

    The selected passage, which the keys act on, is :attr:`selection`'s; F8 steps it.

    Signals:
        noteRequested(): "Edit note" was chosen in a passage's menu in an article (as F2
            there), its passage selected.
        passageAdded(int): a new passage was made from a selection (its id).
    """

    noteRequested = Signal()
    passageAdded = Signal(int)

    def __init__(self, session: ProjectSession, area: PaneArea, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.area = area
        self.window = window
        self.selection = PassageSelection(session, area, self)
        self.chosen_last = ChosenLast(area, self)
        self.steps = PassageSteps(self.selection)
        self.undo_reveal = UndoReveal(self.selection)
        self.palette = TagPalette(window)
        self.coding_palette = CodingPalette(self)
        self.menu = CodingMenu(self)
        area.tagKeyPressed.connect(self.on_area_tag_key_pressed)
        area.deleteKeyPressed.connect(self.on_area_delete_key_pressed)
        area.contextMenuRequested.connect(self.on_area_context_menu_requested)
        area.tooltipRequested.connect(self.on_area_tooltip_requested)

    @property
    def selected(self) -> int:
        """The selected passage (0: none); see :class:`PassageSelection`."""
        return self.selection.selected

    def select_passage(self, annotation_id: int, *, scroll: bool = False) -> None:
        """Make a passage the selected one (outlined in its pane, shown in the editor)."""
        self.selection.select_passage(annotation_id, scroll=scroll)

    # -- tagging -------------------------------------------------------------------------
    def apply_tag(self, tag_id: int) -> bool:
        """Tag the current selection (or else the selected passage) with ``tag_id``; the
        selected passage if it was chosen after that text was selected (see
        :meth:`text_left_behind`).

        Only ever adds: a passage that already has the tag keeps it (and the status bar
        says so); tags come off with the × of their chip or "Remove tag" in the menu.
        """
        if refused_read_only(self.session, "nothing can be tagged"):  # keys 1-9, the Codebook
            return False
        pane = self.area.current
        if pane is not None and self.text_left_behind(pane):
            return self.add_tag(self.selected, tag_id, say=True)
        if pane is not None and blank_selection(pane):
            self.session.messages.info(BLANK_SELECTION)
            return False
        selection = selected_words(pane) if pane else None
        if pane is None or pane.article_id is None or selection is None:
            if self.selected:  # the passage the Passage panel shows, perhaps out of sight
                return self.add_tag(self.selected, tag_id, say=True)
            self.session.messages.info(nothing_to_tag(self.area))
            return False
        start, end = selection
        existing = self._passage_with_range(pane, start, end)
        if existing:
            ok = self.add_tag(existing, tag_id, say=True)
            self._after_tagging(pane, existing)
            return ok
        command = AddPassage(
            self.session, article_id=pane.article_id, start=start, end=end, tag_ids=[tag_id]
        )
        if not perform(self.session, command) or command.passage is None:
            return False
        # Said as a tag added to a passage is (the highlight alone is silent to a listener),
        # naming the words: the text tagged may not be the one the user had in mind.
        name = quoted(self.session.codebook().path(tag_id))
        words = quote_start(command.passage.exact)
        self.session.messages.info(f"Passage “{words}” tagged {name} — Ctrl+Z to undo")
        self._after_tagging(pane, command.passage.id)
        self.passageAdded.emit(command.passage.id)
        return True

    def apply_new_tag(self, name: str, *, for_passage: int = 0) -> bool:
        """Create a tag called ``name`` and apply it, as one undo step.

        A name with '/' is a path: ``Economy/Tariffs`` creates Tariffs under Economy, and
        any missing tags above it too. The tag goes on passage ``for_passage`` if given,
        else on the selection (see :meth:`apply_tag`); with nothing to tag (only spaces
        or line breaks selected, or ``for_passage`` :data:`NO_TARGET`), the tags are only
        added to the codebook (and the undo step says just that).
        """
        pane = self.area.current
        blank = (  # tags nothing (see apply_tag)
            pane is not None and blank_selection(pane) and not self.text_left_behind(pane)
        )
        nothing = for_passage == NO_TARGET or (not for_passage and (blank or not self.has_target()))

        def apply(tag_id: int) -> bool:
            if nothing:
                self.session.messages.info(BLANK_SELECTION if blank else nothing_to_tag(self.area))
                return False
            if for_passage:
                return self.add_tag(for_passage, tag_id, say=True)
            return self.apply_tag(tag_id)

        from diptych.storage.tag_paths import new_tag_path  # with the first tag typed

        new = new_tag_path(self.session.codebook(), name)
        if new is not None and not new.names and new.parent_id is not None:
            return apply(new.parent_id)  # the whole path exists
        paths = new.paths() if new is not None else [name]
        listed = f"tag{'s' if len(paths) > 1 else ''} {', '.join(map(quoted, paths))}"
        if nothing:
            with UndoStep(self.session, f"New {listed}") as step:
                if self._add_tags(step, new, name) is None:
                    return False
            self.session.messages.info(f"Added the {listed}. Select text to tag with it.")
            return True
        with UndoStep(self.session, f"Tag with new {listed}") as step:
            tag_id = self._add_tags(step, new, name)
            return tag_id is not None and apply(tag_id)

    def _add_tags(self, step: UndoStep, new: NewTagPath | None, name: str) -> int | None:
        """Create the tags of ``new`` each inside the one before; the last one's id."""
        if new is None:  # an empty part: let storage say what is wrong with the name
            command = AddTag(self.session, name=name)
            return command.tag.id if step.perform(command) and command.tag else None
        parent_id = new.parent_id
        for number, part in enumerate(new.names, start=1):
            # Only the tag typed gets a key 1-9: those above it are made to hold it.
            keyed = number == len(new.names)
            command = AddTag(self.session, name=part, parent_id=parent_id, keyed=keyed)
            if not step.perform(command) or command.tag is None:
                return None
            parent_id = command.tag.id
        return parent_id

    def apply_tag_by_key(self, key: int) -> bool:
        """Apply the tag that key ``key`` (1-9) belongs to."""
        tag = self.session.codebook().tag_of_key(key)
        if tag is None:
            self.session.messages.info(no_tag_with_key(key))
            return False
        return self.apply_tag(tag.id)

    def add_tag(self, annotation_id: int, tag_id: int, *, say: bool = False) -> bool:
        """Add one tag to a passage; a tag it already has is left as it is (no undo step).
        With ``say``, the status bar names the passage tagged (tagged from the Codebook or
        the palette, it may be out of sight)."""
        passage = self.session.passage(annotation_id)
        name = self.session.codebook().path(tag_id)
        if tag_id in passage.tag_ids:
            self.session.messages.info(f"The passage is already tagged {name}.")
            return True
        tags = [*passage.tag_ids, tag_id]
        text = f"{named('Add tag', name)} to passage “{quote_start(passage.exact)}”"
        if not perform(self.session, SetPassageTags(self.session, annotation_id, tags, text)):
            return False
        if say:
            self.session.messages.info(
                f"{quoted(name)} added to passage “{quote_start(passage.exact)}” — Ctrl+Z to undo"
            )
        return True

    def remove_tag(self, annotation_id: int, tag_id: int) -> bool:
        """Take one tag off a passage, saying so (the chip's × or a menu's item that did it
        is gone with the tag)."""
        passage = self.session.passage(annotation_id)
        if tag_id not in passage.tag_ids:
            return False
        tags = [t for t in passage.tag_ids if t != tag_id]
        path = self.session.codebook().path(tag_id)
        words = quote_start(passage.exact)
        text = f"{named('Remove tag', path)} from passage “{words}”"
        if not perform(self.session, SetPassageTags(self.session, annotation_id, tags, text)):
            return False
        self.session.messages.info(
            f"{quoted(path)} removed from passage “{words}” — Ctrl+Z to undo"
        )
        return True

    def text_left_behind(self, pane: ArticlePane) -> bool:
        """True if text is selected in ``pane`` but tagging acts on the selected passage
        instead: the user chose that passage (in the Passages list or the Passage panel)
        after selecting the text, which was left behind (a word found, say). With the
        keyboard in ``pane``, whose keys act on what it shows, only a passage outlined
        there and in view is chosen over the text selected there."""
        if not self.selected or pane.selection() is None:
            return False
        if not self.chosen_last.left_behind(pane):
            return False
        focus = QApplication.focusWidget()
        if focus is not None and pane.isAncestorOf(focus):
            return not self.selection.not_outlined(pane)
        return True

    def has_target(self) -> bool:
        """True if there is text selected in the current pane, or a passage selected."""
        pane = self.area.current
        selected_text = pane is not None and pane.article_id is not None and pane.selection()
        return bool(selected_text or self.selected)

    def _passage_with_range(self, pane: ArticlePane, start: int, end: int) -> int:
        index = pane.view.index
        if index is None:
            return 0
        same = [m for m in index.at(start) if m.start == start and m.end == end]
        return same[0].annotation_id if same else 0

    def _after_tagging(self, pane: ArticlePane, annotation_id: int) -> None:
        cursor = pane.view.textCursor()
        cursor.clearSelection()
        pane.view.setTextCursor(cursor)
        self.select_passage(annotation_id, scroll=False)

    def open_palette(self, *, for_passage: int = 0, at: QPoint | None = None) -> None:
        """Show the tag palette (see :meth:`CodingPalette.open`)."""
        self.coding_palette.open(for_passage=for_passage, at=at)

    def chosen_in(self, panel: AnnotationsPanel | PassageEditor) -> int:
        """The passage chosen in ``panel`` (0: none), which the keys there act on: the one
        the Passage panel shows, or the selected one on the list's highlighted row (the
        row the list makes current when it gets the keyboard, none being highlighted or
        the selected passage hidden by its filter, is not chosen)."""
        if isinstance(panel, PassageEditor):
            return panel.current_passage() or 0
        table = panel.table
        index = table.currentIndex()
        chosen = panel.current_passage() == self.selected
        highlighted = index.isValid() and table.selectionModel().isRowSelected(index.row())
        return self.selected if chosen and highlighted else 0

    def passage_quote(self, annotation_id: int) -> str:
        """A passage's quote on one line, shortened to a title's length."""
        return quote_start(self.session.passage(annotation_id).exact)

    def on_area_tag_key_pressed(self, key: int) -> None:
        """Keys 1-9 in a pane: tag the text selected there, or else the passage outlined
        there; never a passage selected in another pane (or in the Passages list for an
        article this pane does not show), which the user pressing the key cannot see, nor
        one the caret has left."""
        pane = self.area.current
        refusal = (
            self.selection.not_outlined(pane) if pane is not None and not pane.selection() else ""
        )
        if refusal:
            self.session.messages.info(TAG_KEY_REFUSALS.get(refusal, refusal))
            return
        self.apply_tag_by_key(key)

    def on_area_delete_key_pressed(self) -> None:
        """Delete or Backspace in a pane: delete the passage outlined there (as for the tag
        keys, never one the pane does not show or the caret has left). With text selected
        and no passage to delete, say that the text itself cannot be deleted."""
        pane = self.area.current
        refusal = self.selection.not_outlined(pane) if pane is not None else ""
        has_text = pane is not None and pane.selection() is not None
        if refusal == NO_ARTICLE:
            self.session.messages.info(refusal)
        elif self.selected and not refusal:
            self.delete_selected()
        elif has_text and refusal != OUT_OF_VIEW:  # (scrolling to the passage is advice enough)
            self.session.messages.info(TEXT_NOT_DELETED)  # not "select text here": it is
        elif not self.selected:
            self.session.messages.info(NO_PASSAGE_SELECTED)
        else:
            self.session.messages.info(refusal)

    # -- passages ------------------------------------------------------------------------
    def delete_selected(self) -> None:
        """Delete the selected passage (undoable), saying so as the other ways of deleting do:
        from the keyboard, its highlight just vanishes."""
        if not self.selected or refused_read_only(self.session, "no passage can be deleted"):
            return
        if perform(self.session, DeletePassage(self.session, self.selected)):
            self.select_passage(0)
            self.session.messages.info("Passage deleted — Ctrl+Z to undo")

    def mark_selected_checked(self) -> None:
        """Mark the selected passage as checked (undoable): an update found it only
        approximately, and the user has looked at it."""
        from diptych.gui.passage_checks import mark_checked

        if self.selected:
            mark_checked(self.session, [self.session.passage(self.selected)])

    def reattach(self, annotation_id: int) -> None:
        """Attach a passage (an orphan) to the text selected in the current pane; the
        keyboard goes back to that text, as the Passage panel's Re-attach button it may
        have been on is put away (left where Qt moves it, on the remove button of a tag,
        Space took the tag off)."""
        pane = self.area.current
        selection = selected_words(pane) if pane else None
        passage = self.session.passage(annotation_id)
        if (
            pane is None
            or selection is None
            or blank_selection(pane)
            or pane.article_id != passage.article_id
        ):
            self.session.messages.info("Select the passage's new text in its article first.")
            return
        if perform(self.session, ReattachPassage(self.session, annotation_id, *selection)):
            self.session.messages.info("Passage re-attached — Ctrl+Z to undo")
            self._after_tagging(pane, annotation_id)
            pane.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- menus and tooltips --------------------------------------------------------------
    def on_area_context_menu_requested(self, position: QPoint, annotation_id: int) -> None:
        """The reading area's context menu: tag the selection, edit the passage under it."""
        pane = self.area.current
        self.menu.popup(position, annotation_id, selected_words(pane) if pane else None)

    def fit_passage(self, annotation_id: int) -> None:
        """Give a passage the text selected in its pane instead (undoable): the same
        passage, with its tags and note, made longer or shorter."""
        pane = self.area.current
        selection = selected_words(pane) if pane is not None else None
        if pane is None or selection is None or blank_selection(pane):
            self.session.messages.info("Select the passage's new text first.")
            return
        command = ReattachPassage(
            self.session, annotation_id, *selection, text="Fit passage to selection"
        )
        if perform(self.session, command):
            self.session.messages.info("Passage fitted to the selection — Ctrl+Z to undo")
            self._after_tagging(pane, annotation_id)

    def on_area_tooltip_requested(self, position: QPoint, annotation_id: int) -> None:
        """Hovering a passage shows its tags and note."""
        QToolTip.showText(position, passage_tooltip(self.session, annotation_id), self.window)
