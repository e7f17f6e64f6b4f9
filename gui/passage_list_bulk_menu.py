"""The Passages list's context menu for several selected passages (Shift or Ctrl with a
click or the arrows): tag them all with a tag of the codebook, take one of their tags off
them all, mark those an update found approximately as checked, or delete them, each as one
undo step. In a read-only project every item is
greyed, saying why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from diptych.gui.coding_menu import codebook_item_name, menu_tag_name
from diptych.gui.dialogs import DELETE, context_menu, with_key
from diptych.gui.passage_copy import copy_passages
from diptych.gui.passage_list_menu import add_mark_checked
from diptych.gui.read_only import grey_menu_edits
from diptych.gui.tag_chips import shared_names
from diptych.gui.tag_colors import color_icon

if TYPE_CHECKING:
    from diptych.gui.annotations_panel import AnnotationsPanel


def several_passages_menu(panel: AnnotationsPanel, chosen: list[int]) -> QMenu:
    """The menu of the passages ``chosen`` (their ids, two or more) in ``panel``."""
    count = len(chosen)
    session = panel.session
    codebook = session.codebook()
    shared = shared_names(codebook)
    carried = {t for i in chosen for t in session.passage(i).tag_ids if t in codebook}
    menu = context_menu(panel)
    adding = menu.addMenu(f"&Tag {count} passages with")
    removing = menu.addMenu(f"&Remove a tag from {count} passages")
    for submenu, tags, remove in (
        (adding, codebook.ordered(), False),
        (removing, [t for t in codebook.ordered() if t.id in carried], True),
    ):
        for tag in tags:  # the whole codebook as a tree, their own tags by name
            name = (menu_tag_name if remove else codebook_item_name)(codebook, tag.id, shared)
            action = submenu.addAction(color_icon(tag.color), name)
            action.triggered.connect(
                lambda _=False, t=tag.id, r=remove: panel.tag_passages(chosen, t, remove=r)
            )
        submenu.setEnabled(not submenu.isEmpty())
    menu.addSeparator()
    copy = menu.addAction(f"&Copy {count} passages", lambda: copy_passages(session, chosen))
    with_key(copy, "Ctrl+C")
    checked = add_mark_checked(panel, menu, chosen)
    delete = with_key(
        menu.addAction(f"&Delete {count} passages", lambda: panel.delete_passages(chosen)),
        DELETE,
    )
    edits = [adding.menuAction(), removing.menuAction(), delete, checked]
    grey_menu_edits(session, menu, *filter(None, edits))
    return menu
