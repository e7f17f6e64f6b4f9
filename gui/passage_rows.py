"""The passage table's rows: every passage of the project in the table's order, and the
rows the filter lets through, with counts over every passage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt

from diptych.gui.passage_cells import PassageCells
from diptych.gui.passage_filter import fold_texts
from diptych.storage.model import Annotation

ASCENDING = Qt.SortOrder.AscendingOrder


class PassageRows:
    """Every passage in the table's order, and those the filter shows (the rows).

    Each passage's quote and note, folded for the text filter, are kept in
    :attr:`folded_texts` until the passage changes: folded by :meth:`fold_some` between
    other events once the passages are read, or by the filter when it asks first (see
    :meth:`PassageFilter.matcher <diptych.gui.passage_filter.PassageFilter.matcher>`).

    The order is by article in library order, then in text order, unless sorted by a
    column: a stable sort, so that ties keep that order. The table model changes the rows
    through these methods and tells its views before and after each change.

    Args:
        cells: the articles' order and what each column sorts by.
        matches: the filter's test for one passage.
    """

    def __init__(self, cells: PassageCells, matches: Callable[[Annotation], bool]) -> None:
        self.cells = cells
        self.matches = matches
        self.all: list[Annotation] = []  # every passage, in the table's order
        self.version = 0  # goes up each time every passage, or one of them, changes
        self.shown: list[Annotation] = []  # those the filter lets through, in that order
        self.sort_column = -1
        self.sort_order = ASCENDING
        self._row_index: dict[int, int] | None = None  # passage id -> row, built on demand
        self._by_id: dict[int, Annotation] | None = None  # every passage by id, on demand
        self._orphans = 0  # among every passage, kept up to date with each change
        self._to_check = 0  # likewise: those an update found approximately
        self._coders: Counter[str] = Counter()
        # passage id -> its quote and note folded for the text filter, as the filter asks
        self.folded_texts: dict[int, str] = {}
        self._fold_next = 0  # where fold_some goes on among every passage

    # -- every passage ---------------------------------------------------------------------
    def install(self, passages: list[Annotation]) -> None:
        """Take ``passages`` as every passage of the project, and show those that match."""
        self.version += 1
        self.folded_texts.clear()
        self._fold_next = 0
        self.all = self.ordered(passages)
        self._by_id = None
        self._orphans = 0
        self._to_check = 0
        self._coders.clear()
        self._count(self.all, 1)
        self.select()

    def reorder(self) -> None:
        """Put every passage in the table's order again (the order or the articles changed)."""
        self.version += 1
        self.all = self.ordered(self.all)
        self._by_id = None

    def replace(self, old: Annotation | None, fresh: Annotation | None) -> None:
        """Take out the passage ``old`` (if any) and put ``fresh`` (if any) in its place."""
        self.version += 1
        if old is not None:
            del self.all[self._position_in_all(old)]
            self._count([old], -1)
            self.folded_texts.pop(old.id, None)
        if fresh is not None:
            self.folded_texts.pop(fresh.id, None)
            self.all.insert(self.place_for(fresh, self.all), fresh)
            self._count([fresh], 1)
        self._by_id = None

    def replace_some(
        self, dropped: set[int], before: dict[int, Annotation], changed: list[Annotation]
    ) -> None:
        """Take out the passages ``dropped`` (ids; those known are in ``before``) and put
        in ``changed``."""
        self.version += 1
        self._count((before[i] for i in dropped if i in before), -1)
        self.all = [p for p in self.all if p.id not in dropped]
        for annotation_id in dropped:
            self.folded_texts.pop(annotation_id, None)
        for passage in changed:
            self.all.insert(self.place_for(passage, self.all), passage)
        self._count(changed, 1)
        self._by_id = None

    def replace_articles(self, article_ids: set[int], passages: list[Annotation]) -> None:
        """Take ``passages`` as every passage of some articles (many of them changed), and
        show those that match: one sort of every passage, cheaper than putting thousands
        in place one by one. Folded texts are kept for the passages that did not change."""
        self.version += 1
        old = [p for p in self.all if p.article_id in article_ids]
        self._count(old, -1)
        kept = set(passages)
        for passage in old:
            if passage not in kept:
                self.folded_texts.pop(passage.id, None)
        others = [p for p in self.all if p.article_id not in article_ids]
        self.all = self.ordered(others + passages)
        self._count(passages, 1)
        self._by_id = None
        self._fold_next = 0
        self.select()

    def fold_some(self, count: int) -> bool:
        """Fold the quote and note of up to ``count`` more passages for the text filter;
        False once every passage's are (a passage that moved meanwhile may be left for
        the filter to fold when it asks)."""
        kept, done = self.folded_texts, 0
        while done < count and self._fold_next < len(self.all):
            passage = self.all[self._fold_next]
            self._fold_next += 1
            if passage.id not in kept:
                kept[passage.id] = fold_texts(passage)
                done += 1
        return self._fold_next < len(self.all)

    def _count(self, passages: Iterable[Annotation], sign: int) -> None:
        for passage in passages:
            self._orphans += sign * passage.is_orphan
            self._to_check += sign * (passage.check is not None)
            if passage.coder:
                self._coders[passage.coder] += sign

    def _position_in_all(self, passage: Annotation) -> int:
        """Where ``passage`` is among every passage (found by the order, else by a look)."""
        place = self.place_for(passage, self.all)
        if place < len(self.all) and self.all[place].id == passage.id:
            return place
        return next(i for i, p in enumerate(self.all) if p.id == passage.id)

    def find(self, annotation_id: int) -> Annotation | None:
        """A passage of the project, shown or hidden by the filter, if there is one."""
        if self._by_id is None:
            self._by_id = {p.id: p for p in self.all}
        return self._by_id.get(annotation_id)

    def coders(self) -> list[str]:
        """Everyone who coded a passage of the project, sorted."""
        return sorted((name for name, n in self._coders.items() if n > 0), key=str.casefold)

    def orphan_count(self) -> int:
        """How many passages of the project are orphans."""
        return self._orphans

    def to_check_count(self) -> int:
        """How many passages of the project an update found approximately, to check."""
        return self._to_check

    # -- the rows shown --------------------------------------------------------------------
    def select(self) -> None:
        """Show the passages that match the filter."""
        matches = self.matches
        self.shown = [p for p in self.all if matches(p)]
        self._row_index = None

    def remove_row(self, row: int) -> None:
        del self.shown[row]
        self._row_index = None

    def insert_row(self, row: int, passage: Annotation) -> None:
        self.shown.insert(row, passage)
        self._row_index = None

    def move_row(self, row: int, place: int) -> None:
        self.shown.insert(place, self.shown.pop(row))
        self._row_index = None

    def row_of(self, annotation_id: int) -> int:
        """Row of a passage, or -1 (there is no such passage, or the filter hides it)."""
        return self.index().get(annotation_id, -1)

    def index(self) -> dict[int, int]:
        """Passage id -> row, rebuilt after the rows changed (one pass, then lookups)."""
        if self._row_index is None:
            self._row_index = {p.id: r for r, p in enumerate(self.shown)}
        return self._row_index

    # -- order -----------------------------------------------------------------------------
    def natural(self, passage: Annotation) -> tuple[int, int, int]:
        """The place of a passage by article in library order, then in text order."""
        order = self.cells.article_order
        return (order.get(passage.article_id, len(order)), passage.start, passage.id)

    def ordered(self, passages: list[Annotation]) -> list[Annotation]:
        """``passages`` in the table's order."""
        rows = sorted(passages, key=self.natural)
        if self.sort_column >= 0:  # a stable sort: ties keep the natural order
            column, descending = self.sort_column, self.sort_order != ASCENDING
            rows.sort(key=lambda p: self.cells.sort_key(p, column), reverse=descending)
        return rows

    def before(self, first: Annotation, second: Annotation) -> bool:
        """True if ``first`` is shown above ``second``."""
        if self.sort_column >= 0:
            a, b = (
                self.cells.sort_key(first, self.sort_column),
                self.cells.sort_key(second, self.sort_column),
            )
            if a != b:
                return (a < b) == (self.sort_order == ASCENDING)
        return self.natural(first) < self.natural(second)

    def place_for(self, passage: Annotation, rows: list[Annotation], skip: int = -1) -> int:
        """Where ``passage`` belongs among ``rows`` (in the table's order), leaving out ``skip``."""
        low, high = 0, len(rows) - (skip >= 0)
        while low < high:
            middle = (low + high) // 2
            other = rows[middle + (0 <= skip <= middle)]
            if self.before(other, passage):
                low = middle + 1
            else:
                high = middle
        return low
