"""The Tags menu's actions on the tag selected in the Codebook: edit, merge, delete, and
move it up or down among its siblings, so that the codebook can be kept from the keyboard.

They do what the Codebook's tools and menu do (:class:`~diptych.gui.tag_panel.TagPanel`),
greyed while no tag is selected there (and, for moving, while the tag is already first or
last among its siblings).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from diptych.gui.actions import Actions
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import MoveTag
from diptych.gui.tag_panel import TagPanel
from diptych.storage.codebook import Codebook


def sibling_place(codebook: Codebook, tag_id: int, step: int) -> int | None:
    """Where among its siblings ``tag_id`` goes, moved ``step`` places (-1: up, +1: down);
    None if it cannot go there (first or last already, or gone)."""
    tag = codebook.get(tag_id)
    if tag is None:
        return None
    siblings = [t.id for t in codebook.children(tag.parent_id)]
    place = siblings.index(tag_id) + step
    return place if 0 <= place < len(siblings) else None


class TagMenu(QObject):
    """Connects the Tags menu's tag actions to the Codebook and keeps them greyed or not.

    Args:
        session: the open project.
        actions: the window's actions.
        panel: the Codebook.
    """

    def __init__(self, session: ProjectSession, actions: Actions, panel: TagPanel) -> None:
        super().__init__(panel)
        self.session, self.actions, self.panel = session, actions, panel
        actions.edit_tag.triggered.connect(panel.edit_tag)
        actions.merge_tag.triggered.connect(panel.merge_tag)
        actions.delete_tag.triggered.connect(panel.delete_tag)
        actions.move_tag_up.triggered.connect(lambda: self.move_tag(-1))
        actions.move_tag_down.triggered.connect(lambda: self.move_tag(1))
        # Alt+Up and Alt+Down move a tag only from the Codebook, where the tag is seen.
        for action in (actions.move_tag_up, actions.move_tag_down):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            panel.addAction(action)
        panel.tagSelected.connect(self.on_panel_tag_selected)
        session.tagsChanged.connect(self.on_session_tags_changed)
        self.on_session_tags_changed()

    def move_tag(self, step: int) -> None:
        """Move the selected tag one place up (-1) or down (+1) among its siblings
        (undoable); it stays selected."""
        tag_id = self.panel.selected_tag()
        if tag_id is None:
            return
        codebook = self.session.codebook()
        place = sibling_place(codebook, tag_id, step)
        if place is None:
            return
        parent_id = codebook[tag_id].parent_id
        move = MoveTag(self.session, tag_id, parent_id, place)
        if perform(self.session, move):
            self.panel.select_tag(tag_id)
            self.session.messages.info(move.said())

    def on_session_tags_changed(self) -> None:
        """The codebook changed: the tag may have moved, or gone."""
        self.on_panel_tag_selected(self.panel.selected_tag())

    def on_panel_tag_selected(self, tag_id: int | None) -> None:
        """Grey the actions that have no tag to act on, or no place to move it to (in a
        read-only project they stay greyed, saying why)."""
        if self.session.read_only:
            return
        codebook = self.session.codebook()
        chosen = tag_id is not None and tag_id in codebook
        a = self.actions
        for action in (a.edit_tag, a.merge_tag, a.delete_tag):
            action.setEnabled(chosen)
        for action, step in ((a.move_tag_up, -1), (a.move_tag_down, 1)):
            action.setEnabled(chosen and sibling_place(codebook, tag_id or 0, step) is not None)
