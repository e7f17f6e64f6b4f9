"""The tag palette as coding opens it: on the text selected, the passage selected, or the
passage chosen in the Passages list or the Passage panel; titled with what it tags, and
beside the text it tags. A tag chosen or typed in it goes on what it was opened for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from diptych.gui.annotations_panel import AnnotationsPanel
from diptych.gui.article_pane import NO_PANE, ArticlePane
from diptych.gui.pane_area import PaneArea
from diptych.gui.passage_editor import PassageEditor
from diptych.gui.passage_selection import NO_PASSAGE_SELECTED
from diptych.gui.selection_ends import blank_selection
from diptych.gui.tag_chips import give_keyboard

if TYPE_CHECKING:
    from diptych.gui.coding import CodingController

NOTHING_SELECTED = "No text is selected, so nothing is tagged. A new name adds a tag."
SELECT_TEXT_FIRST = "Select some text first, then choose a tag."
# Tagging from the Codebook or the palette, the current pane empty beside others' articles.
EMPTY_CURRENT_PANE = (
    "The current pane shows no article: open one in it from the Library (double-click it, or"
    " Enter)."
)
PICK_IN_LIST = "Select a passage in the list first."
NO_TARGET = -1  # the palette tags nothing: the passage selected is not one for the keys here
BLANK_IN_PALETTE = (
    "Only spaces or line breaks are selected, so nothing is tagged. A new name adds a tag."
)


def nothing_to_tag(area: PaneArea) -> str:
    """What tagging says with no text selected and no passage: to select some text first;
    with no article in the current pane to select it in, that no article is open (or that
    the current pane shows none, while others do), and how to open one."""
    pane = area.current
    if pane is not None and pane.article_id is not None:
        return SELECT_TEXT_FIRST
    return EMPTY_CURRENT_PANE if any(p.article_id is not None for p in area.panes()) else NO_PANE


class CodingPalette:
    """Opens a coding controller's tag palette, and applies what is chosen in it.

    Attributes:
        passage: the passage the open palette tags (0: the text selected, or else the
            passage selected; :data:`NO_TARGET`: nothing).
    """

    def __init__(self, coding: CodingController) -> None:
        self.coding = coding
        self.passage = 0
        self._back_to: QWidget | None = None  # where the keyboard was, to go back to
        coding.palette.tagChosen.connect(self.on_palette_tag_chosen)
        coding.palette.tagCreated.connect(self.on_palette_tag_created)
        coding.palette.closed.connect(self.on_palette_closed)

    def open(self, *, for_passage: int = 0, at: QPoint | None = None) -> None:
        """Show the tag palette: for passage ``for_passage`` (at the global point ``at``) if
        given, else for the selected text, beside it (or else for the selected passage).
        From the Passages list or the Passage panel, Ctrl+T tags the passage chosen there,
        never text left selected in an article; from an article without text selected, only
        the passage outlined there, as the keys 1-9 (one in another pane, which the user
        cannot see there, is not tagged)."""
        coding = self.coding
        pane = coding.area.current
        panel = self._panel_with_keyboard()
        above: int | None = None  # where the palette ends if it has no room below ``at``
        if not for_passage and panel is not None:
            for_passage = coding.chosen_in(panel)
            if not for_passage:  # no passage chosen there: nothing else is tagged
                coding.session.messages.info(
                    PICK_IN_LIST if isinstance(panel, AnnotationsPanel) else NO_PASSAGE_SELECTED
                )
                return
        elif not for_passage and pane is not None and self._not_for_keys_in(pane):
            for_passage = NO_TARGET
        self.passage = for_passage
        tagged = max(for_passage, 0)  # the passage the palette tags, whose tags are marked
        if for_passage == NO_TARGET:
            title = NOTHING_SELECTED
        elif for_passage:
            title = self._passage_title(for_passage)
        elif pane is not None and coding.has_target():
            selected_text = None if coding.text_left_behind(pane) else pane.selection()
            title = (
                "Tag the selected text" if selected_text else self._passage_title(coding.selected)
            )
            if selected_text and blank_selection(pane):  # tags nothing (see apply_tag)
                title = BLANK_IN_PALETTE
            tagged = 0 if selected_text else coding.selected
            at, above = self._around_selection(pane)
        else:
            title = NOTHING_SELECTED
        if at is None:
            at = coding.window.mapToGlobal(coding.window.rect().center() - QPoint(190, 160))
        already = coding.session.passage(tagged).tag_ids if tagged else ()
        keyboard = coding.window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        self._back_to = QApplication.focusWidget() if keyboard else None
        coding.palette.open_at(coding.session.codebook(), at, title, already, above=above)

    @staticmethod
    def _around_selection(pane: ArticlePane) -> tuple[QPoint, int]:
        """The global point below the end of the text selected in ``pane`` (or the caret),
        and the global height above its start: the palette opens at the first, or ends at
        the second where there is no room below, leaving the text it tags in sight
        (selected upwards, the caret is at its start, and the palette opened below that
        first line covered the rest)."""
        view = pane.view
        cursor = view.textCursor()
        start, end = QTextCursor(cursor), QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        viewport = view.viewport()
        below = viewport.mapToGlobal(view.cursorRect(end).bottomLeft() + QPoint(0, 6))
        return below, viewport.mapToGlobal(view.cursorRect(start).topLeft()).y() - 6

    def _not_for_keys_in(self, pane: ArticlePane) -> bool:
        """True if the keyboard is in ``pane``, without text selected there, and the passage
        selected is not one for its keys (see :meth:`PassageSelection.not_outlined`)."""
        focus = QApplication.focusWidget()
        in_pane = focus is not None and pane.isAncestorOf(focus)
        return in_pane and not pane.selection() and bool(self.coding.selection.not_outlined(pane))

    @staticmethod
    def _panel_with_keyboard() -> AnnotationsPanel | PassageEditor | None:
        """The Passages list or the Passage panel, if the keyboard is in it."""
        widget = QApplication.focusWidget()
        while widget is not None:
            if isinstance(widget, (AnnotationsPanel, PassageEditor)):
                return widget
            widget = widget.parentWidget()
        return None

    def _passage_title(self, annotation_id: int) -> str:
        """The palette's title when it tags one passage: which one, by its quote."""
        return f"Add a tag to the passage “{self.coding.passage_quote(annotation_id)}”"

    def on_palette_tag_chosen(self, tag_id: int) -> None:
        """A tag chosen in the palette goes on the passage it was opened for, or else on the
        selection."""
        if self.passage == NO_TARGET:
            self.coding.session.messages.info(nothing_to_tag(self.coding.area))
        elif self.passage:
            self.coding.add_tag(self.passage, tag_id, say=True)
        else:
            self.coding.apply_tag(tag_id)

    def on_palette_closed(self) -> None:
        """The keyboard goes back where it was (the Passage panel's "Add tag…", say), with
        its focus frame if it had one: the window, active again, left it there unframed."""
        back_to, self._back_to = self._back_to, None
        if back_to is not None and isValid(back_to) and back_to.isVisible():
            give_keyboard(back_to)

    def on_palette_tag_created(self, name: str) -> None:
        """A new tag typed in the palette: created, then applied as a chosen one is."""
        self.coding.apply_new_tag(name, for_passage=self.passage)
