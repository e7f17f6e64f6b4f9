"""The reading area's context menu (right-click, Shift+F10 or the Menu key in a pane).

On a selection it offers the tags (the palette, or a submenu of the codebook with the
keys 1-9), fitting the selected passage to the selection or re-attaching a selected
orphan to it, and Copy; on a passage, taking off each of its tags, adding one, writing
its note (F2), marking it as checked (Ctrl+K, one an update found approximately) and
deleting it (Del), the keys working while the menu is open. Each item
has a key letter of its own, none repeated among the items that can show together (Fit
and Re-attach never do), but for those that name a tag: a user's names may hold any
letter. Every item acts through the :class:`~diptych.gui.coding.CodingController`, so
that the menu tags and edits as the keys and the palette do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from diptych.gui.article_pane import ArticlePane
from diptych.gui.dialogs import DELETE, context_menu, with_key
from diptych.gui.read_only import grey_menu_edits
from diptych.gui.tag_chips import shared_names
from diptych.gui.tag_colors import color_icon
from diptych.storage.codebook import name_key

if TYPE_CHECKING:
    from diptych.gui.coding import CodingController
    from diptych.storage.codebook import Codebook


def menu_text(name: str) -> str:
    """A name as a menu item shows it: a menu takes '&' as marking the item's key letter."""
    return name.replace("&", "&&")


def codebook_item_name(codebook: Codebook, tag_id: int, shared: set[str]) -> str:
    """A tag's name in a menu listing the whole codebook: indented under its parent, as the
    Codebook and the palette show it (see :func:`menu_tag_name`)."""
    indent = "    " * (codebook.level(tag_id) - 1)
    return indent + menu_tag_name(codebook, tag_id, shared)


def menu_tag_name(codebook: Codebook, tag_id: int, shared: set[str]) -> str:
    """A tag's name in a menu: its path when another tag has the same name under another
    parent (``shared``, from :func:`~diptych.gui.tag_chips.shared_names`: ``Economy/Other``,
    ``Politics/Other``), which could otherwise be told apart only by the colour of their
    icons."""
    name = codebook[tag_id].name
    return menu_text(codebook.path(tag_id) if name_key(name) in shared else name)


class CodingMenu:
    """Builds and shows the reading area's context menu for a coding controller."""

    def __init__(self, coding: CodingController) -> None:
        self.coding = coding

    def popup(
        self, position: QPoint, annotation_id: int, selection: tuple[int, int] | None
    ) -> None:
        """Show the menu at the global ``position``: for the text selected in the current
        pane (``selection``, as a passage would take it) and the passage under the
        pointer or the keyboard (``annotation_id``, 0: none)."""
        coding = self.coding
        menu = context_menu(coding.window)
        pane = coding.area.current
        copy = None
        # The passage at the caret chosen first, the text selected may fit it; but an
        # orphan chosen (in the Orphans list) stays chosen, to be re-attached to that text.
        orphan = bool(coding.selected) and coding.session.passage(coding.selected).is_orphan
        if annotation_id and not orphan:
            coding.select_passage(annotation_id)
        if pane is not None and pane.selection():
            coding.chosen_last.text_chosen(pane)  # its items tag the text, chosen now
            self._add_tag_actions(menu)
            self._add_fit_action(menu, pane, selection)
            copy = menu.addAction("&Copy", pane.view.copy)
            menu.addSeparator()
        if annotation_id:
            coding.select_passage(annotation_id)
            self._add_passage_actions(menu, position, annotation_id)
        if menu.isEmpty():
            menu.addAction("Select text to tag it").setEnabled(False)
        # Read-only: every item but Copy would change the project.
        edits = [a for a in menu.actions() if not a.isSeparator() and a is not copy]
        grey_menu_edits(coding.session, menu, *edits)
        menu.popup(position)

    def _add_tag_actions(self, menu: QMenu) -> None:
        """Tag the selection: with the palette, or with a tag of the codebook."""
        coding = self.coding
        menu.addAction("&Tag selection…\tCtrl+T", lambda: coding.open_palette())
        tags_menu = menu.addMenu("Tag &with")
        codebook = coding.session.codebook()
        shared = shared_names(codebook)
        for tag in codebook.ordered():
            number = codebook.key(tag.id)
            key = f"\t{number}" if number is not None else ""
            name = codebook_item_name(codebook, tag.id, shared)
            action = tags_menu.addAction(color_icon(tag.color), name + key)
            action.triggered.connect(lambda _=False, t=tag.id: coding.apply_tag(t))

    def _add_passage_actions(self, menu: QMenu, position: QPoint, annotation_id: int) -> None:
        """Take off one of the passage's tags, add one, or delete the passage."""
        coding = self.coding
        passage = coding.session.passage(annotation_id)
        codebook = coding.session.codebook()
        shared = shared_names(codebook)
        for tag_id in passage.tag_ids:
            if tag_id in codebook:
                name = menu_tag_name(codebook, tag_id, shared)
                action = menu.addAction(color_icon(codebook[tag_id].color), f"Remove tag {name}")
                action.triggered.connect(
                    lambda _=False, t=tag_id: coding.remove_tag(annotation_id, t)
                )
        menu.addAction(
            "&Add tag…", lambda: coding.open_palette(for_passage=annotation_id, at=position)
        )
        with_key(menu.addAction("Edit &note", coding.noteRequested.emit), "F2")
        if passage.check is not None:  # found approximately by an update: "≈"
            with_key(menu.addAction("Mar&k as checked", coding.mark_selected_checked), "Ctrl+K")
        with_key(menu.addAction("&Delete passage", coding.delete_selected), DELETE)

    def _add_fit_action(
        self, menu: QMenu, pane: ArticlePane, selection: tuple[int, int] | None
    ) -> None:
        """Offer to make the selected passage longer or shorter: the text selected in its
        pane overlaps it (selected from its start with Shift and the arrows, say), and is
        not its text already. Text only beside it is not offered: the passage would move
        there, not grow. A selected orphan of the pane's article is offered re-attaching
        to the selection (else only the Passage panel's button, out of the keys' way)."""
        coding = self.coding
        if selection is None or not coding.selected:
            return
        passage = coding.session.passage(coding.selected)
        if passage.is_orphan and passage.article_id == pane.article_id:
            menu.addAction(
                f"R&e-attach passage “{menu_text(coding.passage_quote(passage.id))}” to the "
                "selection",
                lambda: coding.reattach(passage.id),
            )
            return
        mark = pane.view.index.get(coding.selected) if pane.view.index else None
        if mark is None:
            return
        start, end = selection
        if (start, end) == (mark.start, mark.end) or start >= mark.end or end <= mark.start:
            return
        quote = coding.passage_quote(mark.annotation_id)
        menu.addAction(
            f"&Fit passage “{menu_text(quote)}” to the selection",
            lambda: coding.fit_passage(mark.annotation_id),
        )
