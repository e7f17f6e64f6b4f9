"""The Passages list's context menu (right-click, Shift+F10 or the Menu key): go to the
passage, write its note, mark it as checked (one an update found approximately) or delete
it, as Enter, F2, Ctrl+K and Del do in the list; in a read-only
project deleting is greyed, saying why. F2 and Del show beside their entries and choose them
while the menu is open, as in the Library's and the Codebook's menus; Enter chooses the entry
the keyboard is on, so it is not shown beside Go to passage. Each entry has a key letter of
its own too, which chooses it once the menu is open."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from diptych.gui.dialogs import DELETE, context_menu, with_key
from diptych.gui.passage_cells import ARTICLE_ID_ROLE, PASSAGE_ID_ROLE
from diptych.gui.read_only import grey_menu_edits

if TYPE_CHECKING:
    from diptych.gui.annotations_panel import AnnotationsPanel


def passage_menu(panel: AnnotationsPanel, index: QModelIndex) -> QMenu:
    """The menu of the passage on row ``index`` of the list, to pop up."""
    passage_id, article_id = int(index.data(PASSAGE_ID_ROLE)), int(index.data(ARTICLE_ID_ROLE))
    menu = context_menu(panel)
    menu.addAction("&Go to passage", lambda: panel.passageActivated.emit(passage_id, article_id))
    with_key(menu.addAction("Edit &note", partial(_request_note, panel)), "F2")
    with_key(menu.addAction("&Copy", panel.copy_chosen), "Ctrl+C")
    edits = [add_mark_checked(panel, menu, [passage_id])]
    menu.addSeparator()
    edits.append(with_key(menu.addAction("&Delete passage", panel.delete_current), DELETE))
    grey_menu_edits(panel.session, menu, *filter(None, edits))
    return menu


def add_mark_checked(panel: AnnotationsPanel, menu: QMenu, chosen: list[int]) -> QAction | None:
    """ "Mark as checked" in ``menu``, if an update found one of the passages ``chosen``
    approximately (None if none is to check)."""
    from diptych.gui.passage_checks import MARK_CHECKED_KEY, mark_chosen_checked

    if not any((p := panel.model.find(i)) is not None and p.check for i in chosen):
        return None
    action = menu.addAction("Mar&k as checked", partial(mark_chosen_checked, panel))
    action.setToolTip("Found approximately by an update: you have checked it")
    return with_key(action, MARK_CHECKED_KEY)


def _request_note(panel: AnnotationsPanel) -> None:
    """Write the note of the passage chosen in the list, as F2 there does (from the list,
    where Esc in the note comes back to)."""
    panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
    panel.noteRequested.emit()


def show_passage_menu(panel: AnnotationsPanel, point: QPoint | None = None) -> None:
    """Pop up the menu of the passage at ``point`` in the list (None: on the current row,
    from the keys), making its row the chosen one first, as a click does; on one of several
    selected rows, the menu of them all; nowhere near a passage, nothing."""
    table = panel.table
    index = table.currentIndex() if point is None else table.indexAt(point)
    if not index.isValid():
        return
    if point is None:
        table.scrollTo(index)
        point = table.visualRect(index).center()
    several = panel.selection.selected_passages()
    if len(several) > 1 and table.selectionModel().isRowSelected(index.row()):
        # Among several selected rows: the menu of them all.
        from diptych.gui.passage_list_bulk_menu import several_passages_menu

        several_passages_menu(panel, several).popup(table.viewport().mapToGlobal(point))
        return
    if index.row() != table.currentIndex().row() or not table.selectionModel().isRowSelected(
        index.row()
    ):
        panel.selection.choose(index)
    passage_menu(panel, index).popup(table.viewport().mapToGlobal(point))
