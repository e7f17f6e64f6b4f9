"""Every passage of the project as a table, for the annotations panel.

The table follows the session without resets: when one article's passages change, only
the rows that differ are removed, inserted, moved or repainted, so that a table of
thousands of passages stays fast and keeps its selection while a note is being typed.
Only when more than :data:`BULK_CHANGES` of one article's passages change at once (an
article updated from a newer file) does one reset of the table take them all.
The table model also sorts and filters itself, each in one Python pass: a proxy would
call back into Python for every one of the n·log(n) comparisons, and for every passage
on each change of a filter (:mod:`diptych.gui.passage_filter`).

The rows and their order are kept by :mod:`~diptych.gui.passage_rows`, what each cell
shows (for each role) by :mod:`~diptych.gui.passage_cells`, how they change one by one by
:mod:`~diptych.gui.passage_row_moves`, and a big project's passages are read in a
worker by :mod:`~diptych.gui.passage_reading`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from diptych.gui.passage_cells import HEADERS, Column, PassageCells
from diptych.gui.passage_filter import NameHits, OrphanFilter, PassageFilter
from diptych.gui.passage_reading import PassageReader
from diptych.gui.passage_row_moves import PassageRowMoves
from diptych.gui.passage_rows import ASCENDING, PassageRows
from diptych.gui.session import ProjectSession
from diptych.storage.codebook import Codebook
from diptych.storage.errors import DiptychError
from diptych.storage.model import Annotation

BULK_CHANGES = 200  # more changed passages than this in one article: one reset of the table
FOLD_BATCH = 1_000  # passages folded for the text filter per pass of the event loop (~2 ms)

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class PassageTableModel(QAbstractTableModel):
    """Every passage: by article in library order, then in text order, unless sorted.

    A big project's passages are read by a worker; until they arrive the rows are those
    read before (none when the project opens) and :attr:`reading` is True. Articles whose
    passages change meanwhile are brought up to date once the rows are in.

    Args:
        session: the open project.
        shown: which passages the rows show at first (default: all).

    Signals:
        readingChanged(bool): the passages started or finished being read by a worker.
    """

    readingChanged = Signal(bool)

    def __init__(self, session: ProjectSession, shown: PassageFilter | None = None) -> None:
        super().__init__(session)
        self.session = session
        self._filter = shown or PassageFilter()
        self._cells = PassageCells()
        self._rows = PassageRows(self._cells, lambda _passage: True)
        self._hits = NameHits()  # the tags and articles whose names hold the text filter's
        # other_tab_count, with the codebook, passages and filter it was counted for
        self._other_count: tuple[tuple[object, ...], int] | None = None
        self._rows.matches = self._filter.matcher(Codebook([]), self._hits, self._rows.folded_texts)
        self._moves = PassageRowMoves(self, self._rows)
        # Once the passages are read, their texts are folded for the text filter between
        # other events: the first key typed would otherwise fold them all (~70 ms for
        # 40,000 passages, more in texts that are not ASCII).
        self._folding = QTimer(self, interval=0)
        self._folding.timeout.connect(self._fold_some)
        self._reader = PassageReader(session, self._install, self._catch_up, self)
        self._reader.readingChanged.connect(self.readingChanged)
        session.passagesChanged.connect(self.on_session_passages_changed)
        session.passagesChangedIn.connect(self.on_session_passages_changed_in)
        session.passageUpdated.connect(self.on_session_passage_updated)
        session.allPassagesChanged.connect(self._reader.reload)
        session.articlesChanged.connect(self.on_session_articles_changed)
        session.tagsChanged.connect(self.on_session_tags_changed)
        self._read_codebook()
        self._reader.reload()

    # -- following the session -------------------------------------------------------------
    @property
    def reading(self) -> bool:
        """True while a worker reads the passages."""
        return self._reader.reading

    def _install(self, passages: list[Annotation]) -> None:
        self.beginResetModel()
        self._read_articles()
        self._match_anew()
        self._rows.install(passages)
        self.endResetModel()
        self._folding.start()

    def _fold_some(self) -> None:
        if not self._rows.fold_some(FOLD_BATCH):
            self._folding.stop()

    # -- filtering -------------------------------------------------------------------------
    @property
    def filter(self) -> PassageFilter:
        """Which passages the rows show."""
        return self._filter

    def set_filter(self, wanted: PassageFilter) -> None:
        """Show only the passages ``wanted`` lets through (one reset, not a row per change)."""
        if wanted == self._filter:
            return
        self._filter = wanted
        self._refilter()

    def _match_anew(self) -> None:
        """Take the filter's test for a passage, with the tags and articles as they are."""
        self._hits = self._filter.name_hits(self._cells.codebook, self._cells.titles)
        self._rows.matches = self._filter.matcher(
            self._cells.codebook, self._hits, self._rows.folded_texts
        )

    def _names_match_otherwise(self) -> bool:
        """True if a tag or an article renamed (or gone, or come) changed which of their
        names hold the text filter's text."""
        hits = self._filter.name_hits(self._cells.codebook, self._cells.titles)
        return hits != self._hits

    def _refilter(self, *, reorder: bool = False) -> None:
        self.beginResetModel()
        self._match_anew()
        if reorder:
            self._rows.reorder()
        self._rows.select()
        self.endResetModel()

    def _read_articles(self) -> None:
        self._cells.read_articles(self.session.articles())

    def _read_codebook(self) -> None:
        self._cells.read_codebook(self.session.codebook())

    def on_session_passage_updated(self, article_id: int, annotation_id: int) -> None:
        """One passage was added, changed or deleted: its row alone follows (a note saved
        as it is typed must not make the table go through every passage)."""
        if self._reader.defer(article_id):  # once the rows are in
            return
        if article_id not in self._cells.article_order:
            self._read_articles()
        try:
            fresh = (
                self.session.passage(annotation_id) if article_id in self._cells.titles else None
            )
        except DiptychError:
            fresh = None  # deleted
        old = self.find(annotation_id)
        if old == fresh:
            return
        self._rows.replace(old, fresh)
        self._moves.follow_one(
            annotation_id, fresh if fresh is not None and self._rows.matches(fresh) else None
        )

    def on_session_passages_changed(self, article_id: int) -> None:
        """Bring one article's rows in step with the file: row by row, or when many
        changed (an article updated from a newer file), in one reset of the table. Those of
        a bulk change follow with :meth:`on_session_passages_changed_in`, all at once."""
        if self.session.in_bulk:
            return
        self.on_session_passages_changed_in([article_id])

    def on_session_passages_changed_in(self, article_ids: list[int]) -> None:
        """Bring the rows of several articles in step with the file at once: row by row if
        few passages changed, else in one reset of the table (thousands of passages
        deleted, tagged or put back from the list take one update, not one per row)."""
        wanted = {i for i in article_ids if not self._reader.defer(i)}  # else once read
        if wanted:
            self._bring_in_step(wanted, in_bulk=self._replace_rows)

    def _catch_up(self, article_id: int) -> None:
        """An article changed while a worker read every passage: bring its rows in step,
        reading every passage again if many changed."""
        self._bring_in_step(
            {article_id}, in_bulk=lambda _articles, _passages: self._reader.reload()
        )

    def _bring_in_step(
        self, article_ids: set[int], in_bulk: Callable[[set[int], list[Annotation]], None]
    ) -> None:
        """Make the rows of some articles those of their passages as stored: row by row,
        or with ``in_bulk`` (the articles, their passages) when more than
        :data:`BULK_CHANGES` changed."""
        if not article_ids <= self._cells.article_order.keys():
            self._read_articles()
        known = sorted(i for i in article_ids if i in self._cells.titles)
        fresh = [p for passages in self.session.passages_of(known).values() for p in passages]
        before = {p.id: p for p in self._rows.all if p.article_id in article_ids}
        changed = [p for p in fresh if before.get(p.id) != p]
        dropped = (before.keys() - {p.id for p in fresh}) | {p.id for p in changed}
        if len(dropped) > BULK_CHANGES:
            in_bulk(article_ids, fresh)
            return
        if not dropped:
            return
        self._rows.replace_some(dropped, before, changed)
        self._moves.follow(article_ids, [p for p in fresh if self._rows.matches(p)])

    def _replace_rows(self, article_ids: set[int], passages: list[Annotation]) -> None:
        """Many passages of some articles changed: take their passages with one reset of
        the table (rather than thousands of rows moved one by one, or every passage read
        again)."""
        self.beginResetModel()
        self._rows.replace_articles(article_ids, passages)
        self.endResetModel()
        self._folding.start()

    def on_session_articles_changed(self) -> None:
        """Articles came, went, moved or were renamed: titles and order, not passages.

        The passages of an article removed, restored or given a new text follow with
        ``passagesChanged``, those of a whole project read again with ``allPassagesChanged``.
        """
        before = list(self._cells.article_order)
        self._read_articles()
        if self._names_match_otherwise():  # a title renamed to hold the filter's text, or not
            self._refilter(reorder=True)
            return
        after = self._cells.article_order
        kept = set(before).intersection(after)
        moved = [i for i in before if i in kept] != [i for i in after if i in kept]
        if moved or self._rows.sort_column == Column.ARTICLE:
            self._moves.relayout()  # an article moved, or the rows are sorted by title
        if self._rows.shown:
            last = len(self._rows.shown) - 1
            self.dataChanged.emit(self.index(0, Column.ARTICLE), self.index(last, Column.ARTICLE))

    def on_session_tags_changed(self) -> None:
        """Repaint the tag column with the new names and colours."""
        self._read_codebook()
        by_tags = self._rows.sort_column == Column.TAGS
        # Sub-tags may have come or gone, or a tag been renamed to hold the filter's text (or
        # no longer): one reset, all of it.
        if self._filter.uses_tags or self._names_match_otherwise():
            self._refilter(reorder=by_tags)
            return
        if by_tags:
            self._moves.relayout()
        if self._rows.shown:
            last = len(self._rows.shown) - 1
            self.dataChanged.emit(self.index(0, Column.TAGS), self.index(last, Column.TAGS))

    # -- order -----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        """Sort by a column (-1: article, then text order); ties keep that order."""
        if (column, order) == (self._rows.sort_column, self._rows.sort_order):
            return  # in that order already (the table asks again when sorting is enabled)
        self._rows.sort_column, self._rows.sort_order = column, order
        self._moves.relayout()

    # -- reading ---------------------------------------------------------------------------
    def codebook(self) -> Codebook:
        """The codebook the tag column is drawn from."""
        return self._cells.codebook

    def passage(self, row: int) -> Annotation:
        """The passage on ``row``."""
        return self._rows.shown[row]

    def row_of(self, annotation_id: int) -> int:
        """Row of a passage, or -1 (there is no such passage, or the filter hides it)."""
        return self._rows.row_of(annotation_id)

    def find(self, annotation_id: int) -> Annotation | None:
        """A passage of the project, shown or hidden by the filter, if there is one."""
        return self._rows.find(annotation_id)

    def coders(self) -> list[str]:
        """Everyone who coded a passage of the project, sorted."""
        return self._rows.coders()

    def orphan_count(self) -> int:
        """How many passages of the project are orphans."""
        return self._rows.orphan_count()

    def to_check_count(self) -> int:
        """How many passages of the project are to check since an update found them
        approximately."""
        return self._rows.to_check_count()

    def to_check_matching(self) -> int:
        """How many passages to check the other filters let through (the tabs and "To
        check" aside), as the Orphans tab counts its orphans under them."""
        wanted = replace(self._filter, orphans=OrphanFilter.ALL, to_check=True)
        if wanted == PassageFilter(to_check=True):
            return self._rows.to_check_count()  # no other filter: every one, kept counted
        matches = wanted.matcher(self._cells.codebook, self._hits, self._rows.folded_texts)
        return sum(1 for passage in self._rows.all if passage.check and matches(passage))

    def other_tab_count(self) -> int:
        """How many passages the filters let through in the other tab: the orphans while
        the anchored passages are shown, and the other way round (0 if both are shown)."""
        shown = self._filter.orphans
        if shown is OrphanFilter.ALL:
            return 0
        # Counted again only when the passages or the filter changed: not for each row
        # removed or inserted while the table follows a change already counted.
        counted_for = (self._rows.version, self._filter, self._hits)
        if self._other_count is not None:
            (book, *for_what), count = self._other_count
            if book is self._cells.codebook and tuple(for_what) == counted_for:
                return count
        other = OrphanFilter.ORPHANS if shown is OrphanFilter.ANCHORED else OrphanFilter.ANCHORED
        matches = replace(self._filter, orphans=other).matcher(
            self._cells.codebook, self._hits, self._rows.folded_texts
        )
        count = sum(1 for passage in self._rows.all if matches(passage))
        self._other_count = ((self._cells.codebook, *counted_for), count)
        return count

    def tag_ids(self, passage: Annotation) -> list[int]:
        """The passage's tags that are in the codebook, in codebook order."""
        return self._cells.tag_ids(passage)

    def tag_paths(self, passage: Annotation) -> list[str]:
        """The passage's tags as paths, in codebook order."""
        return self._cells.tag_paths(passage)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows.shown)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows.shown):
            return None
        return self._cells.data(self._rows.shown[row], column, role)
