"""The annotations panel's filters over the passage table: tag, article, coder, text, orphans.

Sorting is left to :class:`~diptych.gui.passage_model.PassageTableModel`, which sorts in
one Python sort rather than through a comparison per pair of rows.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from diptych.gui.passage_model import ASCENDING, Index, PassageTableModel
from diptych.storage.codebook import Codebook


class OrphanFilter(IntEnum):
    """Which passages to show by whether their text is still in the article."""

    ALL = 0
    ANCHORED = 1
    ORPHANS = 2


class PassageFilterModel(QSortFilterProxyModel):
    """The passages that match the panel's filters, in the table model's order.

    A tag filter includes the tag's sub-tags. Text matches the quote or the note, ignoring
    case.

    Args:
        parent: the owning object.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(True)  # re-filter rows whose data changed
        self._tag_id: int | None = None
        self._tag_ids: frozenset[int] | None = None
        self._tags_from: Codebook | None = None
        self._article_id: int | None = None
        self._coder: str | None = None
        self._text = ""
        self._orphans = OrphanFilter.ALL

    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        """Have the table model sort (far quicker than comparing row by row here)."""
        model = self.sourceModel()
        if isinstance(model, PassageTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def tag_filter(self) -> int | None:
        """The tag whose passages (with its sub-tags') are shown, or None for all."""
        return self._tag_id

    def set_tag_filter(self, tag_id: int | None) -> None:
        """Show only passages with this tag or one of its sub-tags (None: any)."""
        self.beginFilterChange()
        self._tag_id = tag_id
        self._tags_from = None
        self.endFilterChange()

    def set_article_filter(self, article_id: int | None) -> None:
        """Show only passages of this article (None: any)."""
        self.beginFilterChange()
        self._article_id = article_id
        self.endFilterChange()

    def set_coder_filter(self, coder: str | None) -> None:
        """Show only passages coded by this person (None: anyone)."""
        self.beginFilterChange()
        self._coder = coder
        self.endFilterChange()

    def set_text_filter(self, text: str) -> None:
        """Show only passages whose quote or note contains ``text`` (any case)."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def set_orphan_filter(self, which: OrphanFilter) -> None:
        """Show every passage, only anchored ones, or only orphans."""
        self.beginFilterChange()
        self._orphans = OrphanFilter(which)
        self.endFilterChange()

    def _wanted_tags(self, book: Codebook) -> frozenset[int] | None:
        if self._tag_id is None:
            return None
        if self._tags_from is not book:  # the codebook changed: sub-tags may have moved
            below = (
                {t.id for t in book.descendants(self._tag_id)} if self._tag_id in book else set()
            )
            self._tag_ids = frozenset({self._tag_id, *below})
            self._tags_from = book
        return self._tag_ids

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PassageTableModel) or source_parent.isValid():
            return True
        passage = model.passage(source_row)
        if self._orphans is OrphanFilter.ANCHORED and passage.is_orphan:
            return False
        if self._orphans is OrphanFilter.ORPHANS and not passage.is_orphan:
            return False
        if self._article_id is not None and passage.article_id != self._article_id:
            return False
        if self._coder is not None and passage.coder != self._coder:
            return False
        wanted = self._wanted_tags(model.codebook())
        if wanted is not None and wanted.isdisjoint(passage.tag_ids):
            return False
        text = self._text
        return not text or text in passage.exact.casefold() or text in passage.note.casefold()
