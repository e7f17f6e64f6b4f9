"""The passage table's rows changing one by one: removed, inserted, moved or repainted.

Each change is announced to the views as it is made, so that a table of thousands of
passages keeps its selection and scroll position while one article's passages change.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QAbstractTableModel, QModelIndex

from diptych.gui.passage_cells import HEADERS
from diptych.gui.passage_rows import PassageRows
from diptych.storage.model import Annotation


class PassageRowMoves:
    """Changes the rows of a passage table and tells its views, row by row.

    Args:
        model: the table whose views are told.
        rows: the rows it shows.
    """

    def __init__(self, model: QAbstractTableModel, rows: PassageRows) -> None:
        self._model = model
        self._rows = rows

    def follow_one(self, annotation_id: int, shown: Annotation | None) -> None:
        """Make a passage's row show ``shown``: removed (None), updated or inserted."""
        model, rows = self._model, self._rows
        row = rows.row_of(annotation_id)
        if shown is None:
            if row >= 0:
                model.beginRemoveRows(QModelIndex(), row, row)
                rows.remove_row(row)
                model.endRemoveRows()
        elif row >= 0:
            self.update(row, shown)
        else:
            row = rows.place_for(shown, rows.shown)
            model.beginInsertRows(QModelIndex(), row, row)
            rows.insert_row(row, shown)
            model.endInsertRows()

    def follow(self, article_ids: Collection[int], shown: list[Annotation]) -> None:
        """Make the rows of some articles those of ``shown``: removed, updated or inserted."""
        model, rows = self._model, self._rows
        wanted = {p.id: p for p in shown}
        for row in reversed(range(len(rows.shown))):
            passage = rows.shown[row]
            if passage.article_id in article_ids and passage.id not in wanted:
                model.beginRemoveRows(QModelIndex(), row, row)
                rows.remove_row(row)
                model.endRemoveRows()
        current = {p.id: p for p in rows.shown if p.article_id in article_ids}
        for passage in shown:
            if passage.id not in current:
                row = rows.place_for(passage, rows.shown)
                model.beginInsertRows(QModelIndex(), row, row)
                rows.insert_row(row, passage)
                model.endInsertRows()
            elif current[passage.id] != passage:
                self.update(rows.row_of(passage.id), passage)

    def update(self, row: int, passage: Annotation) -> None:
        """Replace a row's passage, moving the row if its place in the order changed."""
        model, rows = self._model, self._rows
        rows.shown[row] = passage
        place = rows.place_for(passage, rows.shown, skip=row)
        if place != row:
            model.beginMoveRows(QModelIndex(), row, row, QModelIndex(), place + (place > row))
            rows.move_row(row, place)
            model.endMoveRows()
        model.dataChanged.emit(model.index(place, 0), model.index(place, len(HEADERS) - 1))

    def relayout(self) -> None:
        """Put the rows in their order again, keeping the views' selection on them."""
        model, rows = self._model, self._rows
        model.layoutAboutToBeChanged.emit()
        persistent = model.persistentIndexList()
        ids = [rows.shown[index.row()].id for index in persistent]
        rows.reorder()
        rows.select()
        places = rows.index()
        moved = [
            model.index(places[i], index.column()) for i, index in zip(ids, persistent, strict=True)
        ]
        model.changePersistentIndexList(persistent, moved)
        model.layoutChanged.emit()
