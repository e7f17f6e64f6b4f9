"""The Codebook's tag tree: its rows (each with its digit key), nesting a tag by dragging
it, and the branches unfolded.

Every change of the codebook (and its undo) rebuilds the tree; the tree keeps the
selected tag and the branches the analyst folded across it (also a branch deleted and
brought back by undo).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from PySide6.QtCore import QElapsedTimer, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDragMoveEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTreeView, QWidget

from diptych.gui.codebook_rows import CodebookRowDelegate, letters_beyond_latin
from diptych.gui.commands import perform
from diptych.gui.focus_frame import FocusFramed
from diptych.gui.read_only import READ_ONLY
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import MoveTag
from diptych.gui.tag_keys import tag_digit
from diptych.gui.tag_model import TagTreeModel
from diptych.gui.tag_reveal import TagReveal


@dataclass
class TreePlace:
    """Where the analyst was in the tag tree: the selected tag (its parent and row, for
    when it is gone) and the tags whose branch was folded."""

    tag_id: int | None = None
    parent_id: int | None = None
    row: int = 0
    folded: set[int] = field(default_factory=set)


class CodebookView(FocusFramed, QTreeView):
    """The tree of tags, unfolded, whose tags nest by dragging (undoable).

    Args:
        session: the open project.
        model: the tags it shows.
        parent: the owning widget.

    Signals:
        tagKeyPressed(int): a tag key 1-9 was pressed in the tree (the key).
        tagChosen(QModelIndex): a tag was double-clicked, or Enter pressed on it: to apply.
            Never on a single click, which selects a tag to edit it, also on desktops that
            open items with one click (where Qt's ``activated`` comes with a single click
            and tagged the selection as the analyst only meant to pick the tag).
    """

    tagKeyPressed = Signal(int)
    tagChosen = Signal(QModelIndex)

    def __init__(
        self, session: ProjectSession, model: TagTreeModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tag_model = model
        self.setModel(model)
        self.setItemDelegate(CodebookRowDelegate(self.key_of, self.letters, self))
        self.setUniformRowHeights(True)  # the delegate gives every row one height
        self.setHeaderHidden(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setExpandsOnDoubleClick(False)
        self.doubleClicked.connect(self.tagChosen)
        if session.read_only:  # a tag dragged would only be refused where it is dropped
            self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
            self.setToolTip(f"Tags cannot be changed or nested in a {READ_ONLY}.")
        else:
            self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.setToolTip(
                "Double-click or Enter: tag the selected text (1-9: with the tag of that key)."
                " Drag to nest."
            )
        self.setAccessibleName("Codebook")
        model.moveRequested.connect(self.on_model_move_requested)
        self._place = TreePlace()
        self._refused_under: int | None = None  # the sub-tag a drag was last refused over
        # Folded branches whose tag is gone (deleted, merged): folded again when undo brings
        # it back, as the analyst left it. (Ids are never given again to another tag.)
        self._folded_away: set[int] = set()
        self._searched = QElapsedTimer()  # since the tree's type-ahead last looked for a name
        model.modelAboutToBeReset.connect(self.on_model_about_to_be_reset)
        model.modelReset.connect(self.on_model_reset)
        self.unfold()
        TagReveal(self)  # a tag that undo or redo brings back is selected

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Qt refuses a tag dragged into its own sub-tags without a word: the status bar
        says why, as the drag goes over them."""
        super().dragMoveEvent(event)
        dragged = self.tag_model.tag(self.currentIndex())
        target = self._drop_parent(event.position().toPoint())
        if dragged is None or target is None or target == dragged.id:
            return
        if target in {t.id for t in self.tag_model.codebook.descendants(dragged.id)}:
            event.ignore()
            if self._refused_under != target:  # said once as it comes over it, not per move
                self._refused_under = target
                self.session.messages.info(
                    f"“{dragged.name}” cannot go inside its own sub-tag: drop it on another"
                    " tag, or between tags."
                )
        else:
            self._refused_under = None

    def _drop_parent(self, point: QPoint) -> int | None:
        """The tag a drop at ``point`` would nest the dragged one under (None: the top)."""
        index = self.indexAt(point)
        if not index.isValid():
            return None
        rect = self.visualRect(index)
        margin = max(2, rect.height() // 4)  # as Qt reads "between two rows"
        between = point.y() < rect.top() + margin or point.y() > rect.bottom() - margin
        tag = self.tag_model.tag(index.parent() if between else index)
        return tag.id if tag is not None else None

    def keyboardSearch(self, search: str) -> None:
        """Find a tag by the first letters of its name, as Qt does; when it last looked is
        kept, for a digit typed next (see :meth:`keyPressEvent`)."""
        super().keyboardSearch(search)
        if search:
            self._searched.start()
        else:
            self._searched.invalidate()

    def searching(self) -> bool:
        """True while a name is being typed: the last letter came within the interval in
        which Qt's type-ahead goes on with the same name rather than start another."""
        interval = QApplication.keyboardInputInterval()
        return self._searched.isValid() and not self._searched.hasExpired(interval)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 1-9 tag as they do in an article, as the key beside each tag says: the
        tree's own type-ahead looked for a tag whose name starts with the digit, and did
        nothing. A digit typed on in a name ("MidB2", "Wave 2") goes on finding the tag:
        taken as a key, it tagged the selected text while the reader was looking."""
        digit = tag_digit(event)
        if digit is not None and not self.searching():
            self.tagKeyPressed.emit(digit)
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            == Qt.KeyboardModifier.NoModifier
        )
        if enter and plain and self.currentIndex().isValid():
            self.tagChosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def unfold(self, folded: Collection[int] = ()) -> None:
        """Unfold every branch but ``folded``. The branches are only marked: the tree is
        laid out once, when it is next shown or asked where a row is (``expandAll`` laid
        out all 400 tags of a big codebook at once, through the model's Python methods,
        and each branch folded back again laid them out anew)."""
        self.scheduleDelayedItemsLayout()  # marking a branch then lays nothing out
        codebook = self.tag_model.codebook
        for tag in codebook.ordered():
            if tag.id not in folded and codebook.children(tag.id):
                self.expand(self.tag_model.index_of(tag.id))

    def letters(self) -> str:
        """The letters beyond Latin that the codebook's names use."""
        return letters_beyond_latin(self.tag_model.codebook)

    def key_of(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        """The digit key that applies the tag at ``index``, if any."""
        tag = self.tag_model.tag(index)
        return self.tag_model.key(tag.id) if tag else None

    def selected_tag(self) -> int | None:
        """Id of the tag selected in the tree."""
        tag = self.tag_model.tag(self.currentIndex())
        return tag.id if tag else None

    def select_tag(self, tag_id: int) -> None:
        """Select a tag in the tree."""
        self.setCurrentIndex(self.tag_model.index_of(tag_id))

    def on_model_about_to_be_reset(self) -> None:
        """Remember the selected tag and the folded branches: every change of the
        codebook (and its undo) rebuilds the tree, which forgets both."""
        model = self.tag_model
        current = model.tag(self.currentIndex())
        folded = {
            tag.id
            for tag in model.codebook.ordered()
            if model.codebook.children(tag.id) and not self.isExpanded(model.index_of(tag.id))
        }
        self._place = TreePlace(
            current.id if current else None,
            current.parent_id if current else None,
            self.currentIndex().row(),
            folded,
        )

    def on_model_reset(self) -> None:
        """Unfold every branch but those folded before (a new branch shows its tags) and
        select the same tag again; when it is gone, the tag that took its place, or its
        parent, so that the keyboard goes on from there."""
        place, self._place = self._place, TreePlace()
        folded = place.folded | self._folded_away
        codebook = self.tag_model.codebook
        self._folded_away = {i for i in folded if i not in codebook}
        self.unfold(folded)
        if place.tag_id is None:
            return
        model = self.tag_model
        index = model.index_of(place.tag_id)
        if not index.isValid():
            parent = model.index_of(place.parent_id) if place.parent_id else QModelIndex()
            rows = model.rowCount(parent)
            index = model.index(min(place.row, rows - 1), 0, parent) if rows else parent
        index = self._outside_folds(index)
        if index.isValid():
            self.setCurrentIndex(index)

    def _outside_folds(self, index: QModelIndex) -> QModelIndex:
        """``index``, or the outermost folded branch it is inside: a tag brought back around
        the tag selected (deleting a tag undone, its sub-tags in its place) keeps its branch
        folded, rather than unfolded for the selection to be seen in it."""
        shown, parent = index, index.parent()
        while parent.isValid():
            if not self.isExpanded(parent):
                shown = parent
            parent = parent.parent()
        return shown

    def on_model_move_requested(self, tag_id: int, parent_id: int | None, row: int) -> None:
        """A drag nested a tag (undoable); released where it already is, nothing happens."""
        codebook = self.session.codebook()
        tag = codebook.get(tag_id)
        if tag is None or parent_id == tag_id:
            return  # dropped on itself: a slip of the mouse, not a request
        position = None if row < 0 else row
        if position is None and tag.parent_id == parent_id:
            if parent_id is not None:
                return  # dropped on its own tag: it is in it already
            # Under the tree's last row: to the end of the top level (it may be there).
            position = len(codebook.children(None))
        if position is not None and tag.parent_id == parent_id:
            # The drop row counts the dragged tag itself; the move counts its siblings only.
            current = [t.id for t in codebook.children(parent_id)].index(tag_id)
            if current < position:
                position -= 1
            if position == current:
                return
        move = MoveTag(self.session, tag_id, parent_id, position)
        if perform(self.session, move):
            self.session.messages.info(move.said())
        self.select_tag(tag_id)
