"""The passages panel's own widgets: its table and its filter lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from diptych.gui.bidi_cells import BidiCellDelegate, in_line
from diptych.gui.focus_frame import FocusFramed
from diptych.gui.indented_rows import DEPTH_ROLE, IndentedRows
from diptych.gui.note_html import text_to_html
from diptych.gui.passage_cells import Column
from diptych.gui.passage_model import NO_PARENT, Index, PassageTableModel
from diptych.gui.passage_tag_cell import TagCellDelegate
from diptych.gui.tag_colors import color_icon


class ComboItem(NamedTuple):
    """One entry of a filter's list."""

    text: str  # shown, open and closed, and what typing its first letters finds
    data: object
    color: str | None = None
    depth: int = 0  # a sub-tag's level: drawn indented in the open list
    tip: str = ""  # what its tooltip and a screen reader say, if not the text: a tag's path


# Width of the short columns, and the share of a narrow table each may take at most.
SHORT_COLUMNS = {Column.ARTICLE: (120, 0.25), Column.TAGS: (130, 0.28)}
MIN_QUOTE_WIDTH = 100


class PassageTable(FocusFramed, QTableView):
    """The table of passages; it knows whether the user moved its current row.

    The current row also moves when the model removes, filters out or resets rows (after an
    undo, say); only keys and clicks choose a passage.
    """

    def __init__(self, model: PassageTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moved_by_user = False
        self._fitting = False
        self._fitted = True  # until the user sizes a column of the first three by hand
        # A narrow tag column cuts the tags' parents, not their own names.
        self.setItemDelegateForColumn(Column.TAGS, TagCellDelegate(self))
        self.setItemDelegate(BidiCellDelegate(self))  # an Arabic quote cut on its left
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift or Ctrl with a click or the arrows selects several, to delete or tag at once.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows are chosen whole: Tab and Shift+Tab leave the table for the filters (cell
        # by cell they never left it, and the filter could not be reached from it).
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        # Unsorted (article, then text order) until a header is clicked; without this,
        # enabling sorting would first sort every passage by the first column.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Short columns are fitted from the font, not with ResizeToContents, which would
        # measure a thousand rows again on every change of a passage.
        header.resizeSection(Column.NOTE, 180)
        header.resizeSection(Column.UPDATED, self.text_width(["0000-00-00 00:00", "Updated"]))
        self.setup_columns()
        for changed in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            changed.connect(self.on_model_rows_changed)
        self.on_model_rows_changed()

    def on_model_rows_changed(self, *_changed: object) -> None:
        """No sideways scroll bar under a table without rows (a new project, filters that
        leave none): the columns beyond the width are there to scroll to, but only their
        headings would scroll."""
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if not self.model().rowCount():
            policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(policy)

    def text_width(self, texts: Sequence[str]) -> int:
        """The width a column needs for the widest of ``texts``."""
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(text) for text in texts) + 24

    def setup_columns(self) -> None:
        """Size the columns (once the model is set): article, tags and quote fill the
        table's width, the quote taking what is left; the others lie beyond, to scroll to.

        Qt's stretching gives the quote only what the other columns leave: in a narrow dock
        (a laptop's), the quote was a sliver and the table scrolled sideways to read it.
        """
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self.on_header_section_resized)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give article, tags and quote the table's width (unless the user sized them)."""
        header = self.horizontalHeader()
        if not self._fitted or header.count() <= Column.QUOTE:
            return
        width = self.viewport().width()
        beyond = sum(header.sectionSize(c) for c in range(Column.QUOTE + 1, header.count()))
        natural = sum(w for w, _share in SHORT_COLUMNS.values())
        sizes = {
            column: natural_width
            if width >= natural + beyond + 2 * MIN_QUOTE_WIDTH
            else min(natural_width, max(int(width * share), 40))
            for column, (natural_width, share) in SHORT_COLUMNS.items()
        }
        left = width - sum(sizes.values())
        quote = left - beyond if left - beyond >= 2 * MIN_QUOTE_WIDTH else left
        sizes[Column.QUOTE] = max(quote, MIN_QUOTE_WIDTH)
        self._fitting = True
        try:
            for column, size in sizes.items():
                header.resizeSection(column, size)
        finally:
            self._fitting = False

    def on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        """A column was sized: by the user (then their widths stay), or another column of
        the program's (then the quote takes up the difference)."""
        if self._fitting:
            return
        if column <= Column.QUOTE:
            self._fitted = False
        else:
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.moved_by_user = True
        try:
            if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
                # Home and End, with Ctrl or not, choose the first or last passage (Ctrl
                # would move without selecting); with Shift they select up to it.
                event = QKeyEvent(
                    event.type(),
                    event.key(),
                    event.modifiers() & ~Qt.KeyboardModifier.ControlModifier,
                    event.text(),
                )
            super().keyPressEvent(event)
        finally:
            self.moved_by_user = False

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and last row, in the column the keys are in: a
        list of passages is read down, and its rows are chosen whole (a table's Home and
        End went along the row, scrolling the quotes out of sight)."""
        ends = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)
        rows = self.model().rowCount()
        if action in ends and rows:
            current = self.currentIndex()
            row = 0 if action == QAbstractItemView.CursorAction.MoveHome else rows - 1
            return self.model().index(row, current.column() if current.isValid() else 0)
        return super().moveCursor(action, modifiers)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.moved_by_user = True
        try:
            super().mousePressEvent(event)
        finally:
            self.moved_by_user = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.moved_by_user = True
        try:
            super().mouseMoveEvent(event)
        finally:
            self.moved_by_user = False


class ComboItems(QAbstractListModel):
    """A filter list's entries, read from a Python list as the list is shown.

    A project's thousand articles are one list assignment and a reset, not a thousand
    items, each with an icon and a tooltip, made again on every change of an article.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ComboItem] = []

    def replace(self, items: list[ComboItem]) -> None:
        """Show ``items`` instead."""
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return in_line(item.text)  # an Arabic title right to left, in the list and chosen
        if role == Qt.ItemDataRole.UserRole:
            return item.data
        if role == Qt.ItemDataRole.DecorationRole:
            return color_icon(item.color) if item.color else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # As HTML: a plain tooltip that looks like markup would be rendered as markup.
            return text_to_html(item.tip or item.text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.tip or item.text
        if role == DEPTH_ROLE:
            return item.depth
        return None


class FilterCombo(QComboBox):
    """A filter's list: "All ..." first, then the items; keeps the choice when refilled.

    A choice whose item goes (its tag deleted, its article removed) falls back to "All ...",
    and comes back with the item (the deletion undone) unless another was chosen meanwhile.

    Args:
        name: what a screen reader calls the list ("Filter by tag"): its first entry
            ("All tags") says what is chosen, not what the list is for.
        tip: what choosing an item shows.
    """

    def __init__(self, name: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        # On Linux a combo box is named by its current entry, and a screen reader reads
        # its name from the label it is the buddy of: a label not shown says it there.
        self.label = QLabel(name, parent)
        self.label.setBuddy(self)
        self.label.hide()
        self.setToolTip(tip)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)
        self.entries = ComboItems(self)
        self.setModel(self.entries)
        self.view().setItemDelegate(IndentedRows(self))  # sub-tags under their tag
        self.tip = tip
        self._gone: object = None  # the choice whose item went, to choose again if it is back
        self._refilling = False
        self.currentIndexChanged.connect(self.on_current_index_changed)

    def on_current_index_changed(self, _position: int) -> None:
        """Another choice, made by the reader: the one whose item went is not taken back."""
        if not self._refilling:
            self._gone = None
        self._say_choice()

    def _say_choice(self) -> None:
        """The tooltip says the choice by its path, where the box shows a tag's name alone
        (two tags of one name are told apart there)."""
        position = self.currentIndex()
        items = self.entries.items
        tip = items[position].tip if 0 <= position < len(items) else ""
        self.setToolTip(f"{self.tip}\n\nChosen: {tip}" if tip else self.tip)

    def refill(self, everything: str, items: Sequence[ComboItem]) -> bool:
        """Replace the entries, keeping the choice if it still exists (or choosing again
        the one whose item went, if it is back).

        Returns:
            False if the entries were these already.
        """
        entries = [ComboItem(everything, None), *items]
        if self.entries.items == entries:
            return False
        chosen = self.currentData()
        wanted = self._gone if chosen is None and self._gone is not None else chosen
        self.blockSignals(True)
        self.entries.replace(entries)
        position = self.findData(wanted) if wanted is not None else 0
        self.setCurrentIndex(max(position, 0))
        self.blockSignals(False)
        self._gone = wanted if position < 0 else None
        self._say_choice()  # the path of the tag chosen may have changed
        if self.currentData() != chosen:
            self._refilling = True
            try:
                self.currentIndexChanged.emit(self.currentIndex())
            finally:
                self._refilling = False
        return True
