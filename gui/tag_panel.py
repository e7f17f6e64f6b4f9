"""The Codebook panel: the tag tree with its tools, and the tag manager's actions.

Create, edit (name, colour, description), merge, delete; nesting by dragging and the tree
itself are :mod:`diptych.gui.codebook_view`'s. Every change is an undoable command and
repaints every pane at once through the session's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.codebook_view import CodebookView
from diptych.gui.commands import UndoStep, perform, perform_together
from diptych.gui.dialogs import DELETE, ask_plain, choose_item, context_menu, with_key
from diptych.gui.hint_label import show_as_hint
from diptych.gui.icons import icon
from diptych.gui.read_only import grey_menu_edits, grey_widget, refused_read_only
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import (
    AddTag,
    DeleteTag,
    MergeTags,
    named,
    tag_path,
)
from diptych.gui.tag_key_delegate import tag_key
from diptych.gui.tag_model import TagTreeModel
from diptych.storage.model import MemoKind, Tag
from diptych.storage.wording import counted

if TYPE_CHECKING:  # the dialog is imported when first opened: a shorter start-up
    from diptych.gui.tag_dialog import TagValues

Confirm = Callable[[QWidget, str, str], bool]
EMPTY_CODEBOOK = (
    "No tags yet. Add one with + above, or select text in an article, press Ctrl+T and "
    "type a new name."
)
# What merging does, said before it is done ("merge into" alone left it to guess).
# Edit, Merge and Delete with no tag selected (as at the start): said, not nothing at all.
NO_TAG_SELECTED = "Select a tag in the Codebook first: click it, or Ctrl+Shift+B and the arrows."
# The tag is named by its path: "the selected tag" left it to remember which was selected.
MERGE_LABEL = (
    "Merge “{tag}” into the tag chosen below:\n"
    "its passages and sub-tags move there, its memo and its description go into that"
    " tag's memo, and “{tag}” is removed (Ctrl+Z undoes it)."
)


class TagPanel(QWidget):
    """The tag tree with its tools.

    Args:
        session: the open project.
        confirm: asks the user to confirm a deletion (tests pass their own).

    Signals:
        applyRequested(int): apply this tag to the current selection (double-click, Enter).
        tagKeyPressed(int): a tag key 1-9 was pressed in the tree (the key).
        showPassagesRequested(int): list the passages carrying this tag.
        tagSelected(object): this tag id (None: no tag) is the one selected now.
    """

    applyRequested = Signal(int)
    tagKeyPressed = Signal(int)
    showPassagesRequested = Signal(int)
    tagSelected = Signal(object)

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_plain,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.confirm = confirm
        self.model = TagTreeModel(session, key_of=tag_key)  # the key said, not only shown
        self.view = CodebookView(session, self.model, self)
        tools = QHBoxLayout()
        tools.setSpacing(2)
        # Drawn like the toolbar's icons (symbols came each in its fallback font's size,
        # beside the style's bin); a screen reader reads the name, the tooltip describes it.
        for icon_name, name, tip, slot in (
            ("add", "New tag", "New tag", self.new_tag),
            ("add-sub", "New sub-tag", "New sub-tag of the selected tag", self.new_subtag),
            ("edit", "Edit tag", "Edit the selected tag (F2)", self.edit_tag),
            ("merge", "Merge tag", "Merge the selected tag into another", self.merge_tag),
            ("delete", "Delete tag", "Delete the selected tag (Delete)", self.delete_tag),
        ):
            button = QToolButton(self)
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            if session.read_only:  # greyed, not a dialog refused at OK
                grey_widget(button)
            button.setAccessibleName(name)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            tools.addWidget(button)
            QWidget.setTabOrder(button, self.view)  # Tab as seen: the tools, then the tree
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(tools)
        self.empty_hint = QLabel(EMPTY_CODEBOOK, self, wordWrap=True)  # else just an empty tree
        self.empty_hint.setObjectName("codebookEmpty")
        self.empty_hint.setContentsMargins(4, 2, 4, 2)
        show_as_hint(self.empty_hint)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view, 1)
        self.view.tagChosen.connect(self.on_view_activated)
        self.view.tagKeyPressed.connect(self.tagKeyPressed)
        self.view.selectionModel().currentChanged.connect(self.on_view_current_changed)
        self.view.customContextMenuRequested.connect(self.on_view_context_menu)
        self.model.modelReset.connect(self._show_empty_hint)  # after the view's own
        self._show_empty_hint()

    def _show_empty_hint(self) -> None:
        """Say how to start a codebook while it has no tag, to a screen reader too."""
        empty = not self.model.codebook.ordered()
        text = "No tags yet." if self.session.read_only else EMPTY_CODEBOOK  # + is disabled
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(empty)
        self.view.setAccessibleDescription(text if empty else "")

    def selected_tag(self) -> int | None:
        """Id of the tag selected in the tree."""
        return self.view.selected_tag()

    def select_tag(self, tag_id: int) -> None:
        """Select a tag in the tree."""
        self.view.select_tag(tag_id)

    def _chosen_tag(self) -> int | None:
        """The tag selected in the tree, for a tool to act on; None, said, if there is none."""
        tag_id = self.selected_tag()
        if tag_id is None:
            self.session.messages.info(NO_TAG_SELECTED)
        return tag_id

    def on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Say which tag is selected now (its memo is shown beside the reading)."""
        tag = self.model.tag(current)
        self.tagSelected.emit(tag.id if tag else None)

    def on_view_activated(self, index: QModelIndex) -> None:
        """Double-click or Enter applies the tag to the selected text."""
        tag = self.model.tag(index)
        if tag is not None:
            self.applyRequested.emit(tag.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F2 edits the selected tag; Delete deletes it (after asking); Shift+F10 opens its
        menu, as the Menu key does (which many keyboards lack) and as Shift+F10 does in an
        article and in the Library."""
        shift_f10 = (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        edit_keys = (Qt.Key.Key_F2, Qt.Key.Key_Delete)
        if event.key() in edit_keys and refused_read_only(self.session, "no tag can be changed"):
            return
        if event.key() == Qt.Key.Key_F2:
            self.edit_tag()
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_tag()
        elif shift_f10 and self.view.hasFocus():
            index = self.view.currentIndex()
            self.view.scrollTo(index)
            rect = self.view.visualRect(index)  # no tag current: the tree's menu, at its corner
            self.on_view_context_menu(rect.center() if rect.isValid() else QPoint(-1, -1))
        else:
            super().keyPressEvent(event)

    # -- actions -------------------------------------------------------------------------
    def new_tag(self, parent_id: int | None = None) -> None:
        """Create a tag through the tag dialog."""
        from diptych.gui.tag_dialog import TagDialog

        dialog = TagDialog(self.session.codebook(), parent_id=parent_id or None, parent=self)
        if dialog.exec() == TagDialog.DialogCode.Accepted:
            self.create_tag(dialog.values())

    def create_tag(self, values: TagValues) -> None:
        """Create a tag with the given values (undoable), in one step with the key chosen
        for it if that is not the one it takes (the lowest free)."""
        # Imported on first use, as the dialog is: kept off the start path
        from diptych.gui.tag_key_choice import lowest_free_key
        from diptych.gui.tag_key_commands import GiveTagKey
        from diptych.gui.tag_values import KEY_AS_GIVEN

        command = AddTag(
            self.session, name=values.name, color=values.color,
            parent_id=values.parent_id, description=values.description,
        )  # fmt: skip
        if values.key in (KEY_AS_GIVEN, lowest_free_key(self.session.codebook())):
            if perform(self.session, command) and command.tag is not None:
                self.select_tag(command.tag.id)
            return
        with UndoStep(self.session, command.text()) as step:
            if not step.perform(command) or command.tag is None:
                return
            if values.key != self.session.codebook().key(command.tag.id):
                step.perform(GiveTagKey(self.session, command.tag.id, values.key))
        self.select_tag(command.tag.id)

    def new_subtag(self) -> None:
        """Create a tag under the selected one."""
        self.new_tag(self.selected_tag())

    def edit_tag(self) -> None:
        """Edit the selected tag through the tag dialog."""
        tag_id = self._chosen_tag()
        if tag_id is None:
            return
        from diptych.gui.tag_dialog import TagDialog
        from diptych.gui.tag_edit import edit_problem

        codebook = self.session.codebook()
        tag = codebook[tag_id]
        check = partial(edit_problem, self.session, tag)
        dialog = TagDialog(codebook, tag, parent=self, check=check)
        if dialog.exec() == TagDialog.DialogCode.Accepted:
            self.update_tag(tag_id, dialog.values(), name=tag.name, was=tag)

    def update_tag(
        self, tag_id: int, values: TagValues, *, name: str = "", was: Tag | None = None
    ) -> None:
        """Apply edited values to a tag in one undo step (none if nothing changed).

        Only what was changed in the dialog is written: ``was`` is the tag as the dialog
        opened on it (the tag as it is now if None). A name, parent, colour or description
        given in another window while the dialog was open stays, unless the dialog changed
        it too.

        The tag (named ``name`` in the dialog) may have been deleted in another window
        while its dialog was open, as the window follows other windows' changes
        meanwhile: that is said, and nothing changes.
        """
        from diptych.gui.tag_edit import edit_commands, edit_said

        tag = self.session.codebook().get(tag_id)
        if tag is None:
            self.session.messages.error(
                f"The tag{f' “{name}”' if name else ''} was deleted in another window; "
                "nothing was changed.",
                "Edit tag",
            )
            return
        commands = edit_commands(self.session, tag, values, was or tag)
        stack = self.session.undo_stack
        index = stack.index()
        perform_together(self.session, named("Edit tag", tag_path(self.session, tag_id)), commands)
        self.select_tag(tag_id)
        if stack.index() != index:  # said, as the dialog closes on a change not in view
            self.session.messages.info(edit_said(self.session, tag_id, values, commands))

    def delete_tag(self) -> None:
        """Delete the selected tag after saying what it affects."""
        tag_id = self._chosen_tag()
        if tag_id is None:
            return
        codebook = self.session.codebook()
        tag = codebook[tag_id]
        count = self.session.project.tags.usage().get(tag_id, 0)
        children = len(codebook.children(tag_id))
        text = f"Delete the tag “{tag.name}”?\n\n" + (
            f"It is on {counted(count, 'passage')}; "
            f"{'it keeps its' if count == 1 else 'they keep their'} other tags (a passage with "
            "no other tag stays, untagged)."
            if count
            else "It is on no passage."
        )
        if children:
            move = "moves" if children == 1 else "move"
            text += f"\nIts {counted(children, 'sub-tag')} {move} up one level."
        if self.session.memo_text(MemoKind.TAG, tag_id).strip():
            text += "\nIts memo is deleted with it (merging it into another tag keeps it there)."
        text += "\n\nYou can undo this with Ctrl+Z."
        if self.confirm(self, "Delete tag", text):
            path = codebook.path(tag_id)
            if perform(self.session, DeleteTag(self.session, tag_id)):
                self.session.messages.info(f"Tag “{path}” deleted — Ctrl+Z to undo")

    def merge_tag(self) -> None:
        """Merge the selected tag into another chosen from a list."""
        source = self._chosen_tag()
        if source is None:
            return
        codebook = self.session.codebook()
        excluded = {source, *[t.id for t in codebook.descendants(source)]}
        targets = [t for t in codebook.ordered() if t.id not in excluded]
        if not targets:
            name, but = codebook[source].name, " but its own sub-tags" if len(excluded) > 1 else ""
            self.session.messages.info(f"There is no other tag to merge “{name}” into{but}.")
            return
        labels = [codebook.path(t.id) for t in targets]
        # The tag's name goes in the title bar, which never renders markup (labels may).
        title = f"Merge “{codebook[source].name}”"
        said = MERGE_LABEL.format(tag=codebook.path(source))
        label, ok = choose_item(self, title, said, labels, "Merge")
        if ok:
            self.merge_into(source, targets[labels.index(label)].id)

    def merge_into(self, source_id: int, target_id: int) -> None:
        """Merge one tag into another (undoable)."""
        merge = MergeTags(self.session, source_id, target_id)
        if perform(self.session, merge):
            self.select_tag(target_id)
            self.session.messages.info(merge.said())  # as editing and deleting a tag say

    def on_view_context_menu(self, point: QPoint) -> None:
        """Tag actions on right click."""
        tag = self.model.tag(self.view.indexAt(point))
        menu = context_menu(self)
        edits = []
        if tag is not None:
            self.select_tag(tag.id)
            edits.append(
                menu.addAction("&Tag selected text", lambda: self.applyRequested.emit(tag.id))
            )
            menu.addAction("Show its &passages", lambda: self.showPassagesRequested.emit(tag.id))
            menu.addSeparator()
            edits.append(with_key(menu.addAction("&Edit…", self.edit_tag), "F2"))
            edits.append(menu.addAction("New &sub-tag…", self.new_subtag))
            edits.append(menu.addAction("&Merge into…", self.merge_tag))
            edits.append(with_key(menu.addAction("&Delete…", self.delete_tag), DELETE))
            menu.addSeparator()
        edits.append(menu.addAction("&New tag…", self.new_tag))
        grey_menu_edits(self.session, menu, *edits)
        menu.popup(self.view.viewport().mapToGlobal(point))
