"""The Passages list's selection: which passage's row is the chosen one, kept current
while rows are removed, filtered out or read anew; passages deleted together and put back
by undo are selected together again."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QTableView

from diptych.gui.commands import UndoStepWatch
from diptych.gui.passage_cells import PASSAGE_ID_ROLE
from diptych.gui.passage_commands import DeletePassages
from diptych.gui.passage_model import PassageTableModel
from diptych.gui.passage_widgets import PassageTable
from diptych.gui.session import ProjectSession
from diptych.storage.errors import InputError


class PassageListSelection(QObject):
    """The passage chosen in the list, by the user or the window, and its row.

    The table moves its current row onto a neighbour when the current one is removed, and
    the model resets it when it reads or filters its rows again; left there, the table
    would show a passage selected that nobody chose.

    Args:
        session: the open project.
        model: the passages the table shows.
        table: the table.

    Signals:
        passageChosen(int): the user moved the current row to this passage (keys, a
            click, or :meth:`choose`); not emitted when the window selects a row nor when
            rows are removed, filtered or reset.
    """

    passageChosen = Signal(int)

    def __init__(
        self, session: ProjectSession, model: PassageTableModel, table: PassageTable
    ) -> None:
        super().__init__(table)
        self.session = session
        self.model = model
        self.table = table
        self.chosen = 0  # the passage the user or the window selected
        self._selecting = False
        self.stepping = False  # the user is moving the current row (see passageChosen)
        table.selectionModel().currentRowChanged.connect(self.on_table_current_row_changed)
        # After the selection model has moved the current row (it is connected first).
        model.rowsRemoved.connect(self.on_model_rows_changed)
        model.rowsInserted.connect(self.on_model_rows_changed)
        model.modelReset.connect(self.show_chosen)
        self.restored_rows = _RestoredRows(self)

    def current_passage(self) -> int | None:
        """The id of the passage on the current row, if any."""
        index = self.table.currentIndex()
        return int(index.data(PASSAGE_ID_ROLE)) if index.isValid() else None

    def selected_passages(self) -> list[int]:
        """The ids of the passages on the selected rows, top to bottom (Shift or Ctrl with a
        click or the arrows selects several)."""
        return [self.model.passage(row).id for row in selected_rows(self.table)]

    def select_passages(self, annotation_ids: Iterable[int]) -> None:
        """Select the rows of these passages (those still listed), quietly, the current
        row staying where it is: after a change to several passages, whose rows the model
        may have read anew, they stay selected for the next."""
        # One range for each run of rows one after another (thousands of rows selected one
        # by one took seconds to select, and to count).
        rows = sorted({self.index_of(i).row() for i in annotation_ids} - {-1})
        selection = QItemSelection()
        for first, last in _runs(rows):
            selection.select(self.model.index(first, 0), self.model.index(last, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self._selecting = True
        try:
            self.table.selectionModel().select(
                selection, flags | QItemSelectionModel.SelectionFlag.Rows
            )
        finally:
            self._selecting = False

    def choose(self, index: QModelIndex) -> None:
        """Make a row current and its passage the chosen one, as if the user had stepped
        onto it."""
        self.make_current(index)
        self.chosen = int(index.data(PASSAGE_ID_ROLE))
        self.passageChosen.emit(self.chosen)

    def on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Tell which passage the user moved to."""
        if current.isValid() and self.table.moved_by_user and not self._selecting:
            self.chosen = int(current.data(PASSAGE_ID_ROLE))
            # The table has moved its current row and selects rows after it (Shift or Ctrl
            # with a click or the arrows: several); the window, told, leaves that to it.
            self.stepping = True
            try:
                self.passageChosen.emit(self.chosen)
            finally:
                self.stepping = False

    def on_model_rows_changed(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        """Rows went or came (deleted, undone): keep the chosen passage's row current."""
        self.show_chosen()

    def show_chosen(self) -> None:
        """Make the chosen passage's row current, or no row if it is gone or filtered out.

        A chosen passage that was deleted is forgotten: brought back by undo or redo, it
        is not the selected one any more (the article and the Passage panel no longer
        show it).
        """
        index = self.index_of(self.chosen)
        if not index.isValid() and self.chosen and not self._exists(self.chosen):
            self.chosen = 0
        if index != self.table.currentIndex().siblingAtColumn(0):
            self.make_current(index)

    def _exists(self, annotation_id: int) -> bool:
        """True if the passage is in the project (its row may be filtered out)."""
        try:
            self.session.passage(annotation_id)
        except InputError:
            return False
        return True

    def index_of(self, annotation_id: int) -> QModelIndex:
        """The first cell of a passage's row; invalid if it has none (gone or filtered out)."""
        row = self.model.row_of(annotation_id) if annotation_id else -1
        return self.model.index(row, 0) if row >= 0 else QModelIndex()

    def make_current(self, index: QModelIndex) -> None:
        """Make a row current and selected (an invalid index: none), quietly."""
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if index.isValid():
            flags |= QItemSelectionModel.SelectionFlag.Rows
        self._selecting = True
        try:
            self.table.selectionModel().setCurrentIndex(index, flags)
        finally:
            self._selecting = False


class _RestoredRows(UndoStepWatch):
    """Passages deleted together and put back by undo are all selected again, the first
    one chosen (as undo shows it), where only that one was: Del deletes them again, their
    menu tags them all.

    Args:
        selection: the list's selection, which owns this object.
    """

    def __init__(self, selection: PassageListSelection) -> None:
        super().__init__(selection.session, selection)
        self.selection = selection

    def on_step(self, command: QUndoCommand, *, undone: bool) -> None:
        if undone and isinstance(command, DeletePassages) and len(command.restored) > 1:
            restored = [passage.id for passage in command.restored]
            # After the window has chosen the first of them, which selects its row alone.
            QTimer.singleShot(0, self, lambda: self.selection.select_passages(restored))


def selected_rows(table: QTableView) -> list[int]:
    """The rows selected in ``table``, top to bottom, read from its ranges of rows (Qt's
    ``selectedRows`` takes seconds on thousands of rows selected)."""
    rows: set[int] = set()
    selection = table.selectionModel().selection()
    for place in range(selection.count()):
        part = selection.at(place)
        if part.left() == 0:  # rows are selected whole: their first column is in
            rows.update(range(part.top(), part.bottom() + 1))
    return sorted(rows)


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """The runs of rows one after another in ``rows`` (sorted): (first, last) of each."""
    first = previous = None
    for row in rows:
        if previous is not None and row == previous + 1:
            previous = row
            continue
        if first is not None and previous is not None:
            yield first, previous
        first = previous = row
    if first is not None and previous is not None:
        yield first, previous
