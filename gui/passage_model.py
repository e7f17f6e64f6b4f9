"""Every passage of the project as a table, for the annotations panel.

The table follows the session without resets: when one article's passages change, only
the rows that differ are removed, inserted, moved or repainted, so that a table of
thousands of passages stays fast and keeps its selection while a note is being typed.
The table model also sorts and filters itself, each in one Python pass: a proxy would
call back into Python for every one of the n·log(n) comparisons, and for every passage
on each change of a filter (:mod:`diptych.gui.passage_filter`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from enum import IntEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from diptych.gui.note_html import note_to_html, note_to_plain, text_to_html
from diptych.gui.passage_filter import PassageFilter
from diptych.gui.session import ProjectSession
from diptych.gui.tag_model import color_icon
from diptych.storage.annotations import load_passages
from diptych.storage.codebook import Codebook
from diptych.storage.errors import DiptychError
from diptych.storage.model import Annotation

PASSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
BULK_CHANGES = 200  # more changed passages than this in one article: re-read everything
# More passages than this are read by a worker (~0.4 s for 40,000, which would hold the
# window); fewer are read at once, so that a small project's table is never empty.
BACKGROUND_READ = 5_000

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
ASCENDING = Qt.SortOrder.AscendingOrder


class Column(IntEnum):
    """The columns of the passage table."""

    ARTICLE = 0
    TAGS = 1
    QUOTE = 2
    NOTE = 3
    CODER = 4
    UPDATED = 5


HEADERS = ("Article", "Tags", "Quote", "Note", "Coder", "Updated")


def one_line(text: str, limit: int = 200) -> str:
    """``text`` with its line breaks as spaces, cut at ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@lru_cache(maxsize=4096)
def _plain_note(note: str) -> str:
    """A note's words (remembered: the table asks on every repaint)."""
    return note_to_plain(note)


def local_time(iso: str) -> str:
    """A stored UTC time as local ``YYYY-MM-DD HH:MM``."""
    try:
        local = datetime.fromisoformat(iso).astimezone()
    except (ValueError, OverflowError, OSError):  # not a time, or one no clock can show
        return iso
    return local.isoformat(sep=" ", timespec="minutes")[:16]  # four-digit years, always


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
        self._all: list[Annotation] = []  # every passage, in the table's order
        self._rows: list[Annotation] = []  # those the filter lets through, in that order
        self._row_index: dict[int, int] | None = None  # passage id -> row, built on demand
        self._by_id: dict[int, Annotation] | None = None  # every passage by id, on demand
        self._orphans = 0  # among every passage, kept up to date with each change
        self._coders: Counter[str] = Counter()
        self._filter = shown or PassageFilter()
        self._matches = self._filter.matcher(Codebook([]))
        self._titles: dict[int, str] = {}
        self._article_order: dict[int, int] = {}
        self._codebook = Codebook([])
        self._tag_order: dict[int, int] = {}
        self._tag_text: dict[tuple[int, ...], str] = {}
        self._icons: dict[str, QIcon] = {}
        self._sort_column = -1
        self._sort_order = ASCENDING
        self._reading = 0  # the worker read whose rows are awaited (0: none)
        self._reads = 0
        self._changed_while_reading: set[int] = set()
        session.passagesChanged.connect(self.on_session_passages_changed)
        session.passageUpdated.connect(self.on_session_passage_updated)
        session.allPassagesChanged.connect(self._reload)
        session.articlesChanged.connect(self.on_session_articles_changed)
        session.tagsChanged.connect(self.on_session_tags_changed)
        self._read_codebook()
        self._reload()

    # -- following the session -------------------------------------------------------------
    @property
    def reading(self) -> bool:
        """True while a worker reads the passages."""
        return self._reading != 0

    def _reload(self) -> None:
        if self.session.project.annotations.count() > BACKGROUND_READ:
            self._read_in_background()
            return
        self._install(self.session.project.annotations.query())
        self._stop_reading()  # a read still under way is out of date

    def _read_in_background(self) -> None:
        self._reads += 1
        read, path, was_reading = self._reads, self.session.project.path, self.reading
        self._reading = read
        self._changed_while_reading.clear()
        worker = self.session.workers.start(lambda _progress: (read, load_passages(path)))
        worker.signals.finished.connect(self.on_passages_read)
        worker.signals.failed.connect(self.on_passages_not_read)
        worker.signals.crashed.connect(self.on_passages_read_crashed)
        if not was_reading:
            self.readingChanged.emit(True)

    def on_passages_read(self, result: tuple[int, list[Annotation]]) -> None:
        """A worker read the passages: show them, then bring changed articles up to date."""
        read, passages = result
        if read != self._reading or self.session.project.closed:
            return  # an older read, overtaken by a newer one; or the window went
        changed, self._changed_while_reading = self._changed_while_reading, set()
        self._reading = 0
        self._install(passages)
        for article_id in sorted(changed):
            self.on_session_passages_changed(article_id)  # may start a new read (many changes)
        if not self.reading:
            self.readingChanged.emit(False)

    def on_passages_not_read(self, message: str) -> None:
        """A worker could not read the passages: read them here (the window waits), and
        say why if that fails too (the table would otherwise show part of the project)."""
        if not self.reading or self.session.project.closed:
            return
        self._stop_reading()
        try:
            self._install(self.session.project.annotations.query())
        except DiptychError as exc:
            self.session.messages.known_error(exc)

    def on_passages_read_crashed(self, _summary: str, _details: str) -> None:
        """A bug stopped the read (the workers report it): keep the rows there are."""
        self._stop_reading()

    def _stop_reading(self) -> None:
        if self.reading:
            self._reading = 0
            self._changed_while_reading.clear()
            self.readingChanged.emit(False)

    def _install(self, passages: list[Annotation]) -> None:
        self.beginResetModel()
        self._read_articles()
        self._matches = self._filter.matcher(self._codebook)
        self._all = self._ordered(passages)
        self._by_id = None
        self._orphans = 0
        self._coders.clear()
        self._count(self._all, 1)
        self._select_rows()
        self.endResetModel()

    def _count(self, passages: Iterable[Annotation], sign: int) -> None:
        for passage in passages:
            self._orphans += sign * passage.is_orphan
            if passage.coder:
                self._coders[passage.coder] += sign

    def _select_rows(self) -> None:
        matches = self._matches
        self._rows = [p for p in self._all if matches(p)]
        self._row_index = None

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

    def _refilter(self, *, reorder: bool = False) -> None:
        self.beginResetModel()
        self._matches = self._filter.matcher(self._codebook)
        if reorder:
            self._all = self._ordered(self._all)
            self._by_id = None
        self._select_rows()
        self.endResetModel()

    def _read_articles(self) -> None:
        articles = self.session.articles()
        self._titles = {a.id: a.title for a in articles}
        self._article_order = {a.id: i for i, a in enumerate(articles)}

    def _read_codebook(self) -> None:
        self._codebook = self.session.codebook()
        self._tag_order = {tag.id: i for i, tag in enumerate(self._codebook.ordered())}
        self._tag_text.clear()

    def on_session_passage_updated(self, article_id: int, annotation_id: int) -> None:
        """One passage was added, changed or deleted: its row alone follows (a note saved
        as it is typed must not make the table go through every passage)."""
        if self.reading:  # once the rows are in
            self._changed_while_reading.add(article_id)
            return
        if article_id not in self._article_order:
            self._read_articles()
        try:
            fresh = self.session.passage(annotation_id) if article_id in self._titles else None
        except DiptychError:
            fresh = None  # deleted
        old = self.find(annotation_id)
        if old == fresh:
            return
        if old is not None:
            del self._all[self._position_in_all(old)]
            self._count([old], -1)
        if fresh is not None:
            self._all.insert(self._place_for(fresh, self._all), fresh)
            self._count([fresh], 1)
        self._by_id = None
        self._follow_one(
            annotation_id, fresh if fresh is not None and self._matches(fresh) else None
        )

    def _position_in_all(self, passage: Annotation) -> int:
        """Where ``passage`` is among every passage (found by the order, else by a look)."""
        place = self._place_for(passage, self._all)
        if place < len(self._all) and self._all[place].id == passage.id:
            return place
        return next(i for i, p in enumerate(self._all) if p.id == passage.id)

    def _follow_one(self, annotation_id: int, shown: Annotation | None) -> None:
        """Make a passage's row show ``shown``: removed (None), updated or inserted."""
        row = self.row_of(annotation_id)
        if shown is None:
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._row_index = None
                self.endRemoveRows()
        elif row >= 0:
            self._update(row, shown)
        else:
            row = self._place_for(shown, self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, shown)
            self._row_index = None
            self.endInsertRows()

    def on_session_passages_changed(self, article_id: int) -> None:
        """Bring one article's rows in step with the file, row by row."""
        if self.reading:  # once the rows are in
            self._changed_while_reading.add(article_id)
            return
        if article_id not in self._article_order:
            self._read_articles()
        known = article_id in self._titles
        fresh = self.session.project.annotations.query(article_id=article_id) if known else []
        before = {p.id: p for p in self._all if p.article_id == article_id}
        changed = [p for p in fresh if before.get(p.id) != p]
        if len(changed) + len(before.keys() - {p.id for p in fresh}) > BULK_CHANGES:
            self._reload()
            return
        dropped = (before.keys() - {p.id for p in fresh}) | {p.id for p in changed}
        if not dropped:
            return
        self._count((before[i] for i in dropped if i in before), -1)
        self._all = [p for p in self._all if p.id not in dropped]
        for passage in changed:
            self._all.insert(self._place_for(passage, self._all), passage)
        self._count(changed, 1)
        self._by_id = None
        self._follow(article_id, [p for p in fresh if self._matches(p)])

    def _follow(self, article_id: int, shown: list[Annotation]) -> None:
        """Make the rows of one article those of ``shown``: removed, updated or inserted."""
        wanted = {p.id: p for p in shown}
        for row in reversed(range(len(self._rows))):
            passage = self._rows[row]
            if passage.article_id == article_id and passage.id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._row_index = None
                self.endRemoveRows()
        current = {p.id: p for p in self._rows if p.article_id == article_id}
        for passage in shown:
            if passage.id not in current:
                row = self._place_for(passage, self._rows)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, passage)
                self._row_index = None
                self.endInsertRows()
            elif current[passage.id] != passage:
                self._update(self.row_of(passage.id), passage)

    def on_session_articles_changed(self) -> None:
        """Articles came, went, moved or were renamed: titles and order, not passages.

        The passages of an article removed, restored or given a new text follow with
        ``passagesChanged``, those of a whole project read again with ``allPassagesChanged``.
        """
        before = list(self._article_order)
        self._read_articles()
        kept = set(before).intersection(self._article_order)
        moved = [i for i in before if i in kept] != [i for i in self._article_order if i in kept]
        if moved or self._sort_column == Column.ARTICLE:
            self._relayout()  # an article moved, or the rows are sorted by title
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.ARTICLE), self.index(last, Column.ARTICLE))

    def on_session_tags_changed(self) -> None:
        """Repaint the tag column with the new names and colours."""
        self._read_codebook()
        by_tags = self._sort_column == Column.TAGS
        if self._filter.uses_tags:  # sub-tags may have come or gone: one reset, all of it
            self._refilter(reorder=by_tags)
            return
        if by_tags:
            self._relayout()
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.TAGS), self.index(last, Column.TAGS))

    def _update(self, row: int, passage: Annotation) -> None:
        """Replace a row's passage, moving the row if its place in the order changed."""
        self._rows[row] = passage
        place = self._place_for(passage, self._rows, skip=row)
        if place != row:
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), place + (place > row))
            del self._rows[row]
            self._rows.insert(place, passage)
            self._row_index = None
            self.endMoveRows()
        self.dataChanged.emit(self.index(place, 0), self.index(place, len(HEADERS) - 1))

    # -- order -----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        """Sort by a column (-1: article, then text order); ties keep that order."""
        if (column, order) == (self._sort_column, self._sort_order):
            return  # in that order already (the table asks again when sorting is enabled)
        self._sort_column, self._sort_order = column, order
        self._relayout()

    def _relayout(self) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in persistent]
        self._all = self._ordered(self._all)
        self._select_rows()
        rows = self._index()
        moved = [
            self.index(rows[i], index.column()) for i, index in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _natural(self, passage: Annotation) -> tuple[int, int, int]:
        article = self._article_order.get(passage.article_id, len(self._article_order))
        return (article, passage.start, passage.id)

    def _ordered(self, passages: list[Annotation]) -> list[Annotation]:
        rows = sorted(passages, key=self._natural)
        if self._sort_column >= 0:  # a stable sort: ties keep the natural order
            column, descending = self._sort_column, self._sort_order != ASCENDING
            rows.sort(key=lambda p: self._sort_key(p, column), reverse=descending)
        return rows

    def _before(self, first: Annotation, second: Annotation) -> bool:
        """True if ``first`` is shown above ``second``."""
        if self._sort_column >= 0:
            a, b = (
                self._sort_key(first, self._sort_column),
                self._sort_key(second, self._sort_column),
            )
            if a != b:
                return (a < b) == (self._sort_order == ASCENDING)
        return self._natural(first) < self._natural(second)

    def _place_for(self, passage: Annotation, rows: list[Annotation], skip: int = -1) -> int:
        """Where ``passage`` belongs among ``rows`` (in the table's order), leaving out ``skip``."""
        low, high = 0, len(rows) - (skip >= 0)
        while low < high:
            middle = (low + high) // 2
            other = rows[middle + (0 <= skip <= middle)]
            if self._before(other, passage):
                low = middle + 1
            else:
                high = middle
        return low

    # -- reading ---------------------------------------------------------------------------
    def codebook(self) -> Codebook:
        """The codebook the tag column is drawn from."""
        return self._codebook

    def passage(self, row: int) -> Annotation:
        """The passage on ``row``."""
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int:
        """Row of a passage, or -1 (there is no such passage, or the filter hides it)."""
        return self._index().get(annotation_id, -1)

    def find(self, annotation_id: int) -> Annotation | None:
        """A passage of the project, shown or hidden by the filter, if there is one."""
        if self._by_id is None:
            self._by_id = {p.id: p for p in self._all}
        return self._by_id.get(annotation_id)

    def _index(self) -> dict[int, int]:
        """Passage id -> row, rebuilt after the rows changed (one pass, then lookups)."""
        if self._row_index is None:
            self._row_index = {p.id: r for r, p in enumerate(self._rows)}
        return self._row_index

    def coders(self) -> list[str]:
        """Everyone who coded a passage of the project, sorted."""
        return sorted((name for name, n in self._coders.items() if n > 0), key=str.casefold)

    def orphan_count(self) -> int:
        """How many passages of the project are orphans."""
        return self._orphans

    def tag_ids(self, passage: Annotation) -> list[int]:
        """The passage's tags that are in the codebook, in codebook order."""
        order = self._tag_order
        return sorted((t for t in passage.tag_ids if t in order), key=order.__getitem__)

    def tag_paths(self, passage: Annotation) -> list[str]:
        """The passage's tags as paths, in codebook order."""
        return [self._codebook.path(t) for t in self.tag_ids(passage)]

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

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
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        passage = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(passage, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(passage, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.TAGS:
            return self._first_tag_icon(passage)
        if role == PASSAGE_ID_ROLE:
            return passage.id
        if role == ARTICLE_ID_ROLE:
            return passage.article_id
        if role == ANNOTATION_ROLE:
            return passage
        if role == SORT_ROLE:
            return self._sort_key(passage, column)
        return None

    def _display(self, passage: Annotation, column: int) -> str:
        if column == Column.ARTICLE:
            return self._titles.get(passage.article_id, "")
        if column == Column.TAGS:
            text = self._tag_text.get(passage.tag_ids)
            if text is None:
                text = self._tag_text[passage.tag_ids] = ", ".join(self.tag_paths(passage))
            return text
        if column == Column.QUOTE:
            return one_line(passage.exact)
        if column == Column.NOTE:
            return one_line(_plain_note(passage.note))
        if column == Column.CODER:
            return passage.coder
        return local_time(passage.updated_at)

    def _tooltip(self, passage: Annotation, column: int) -> str | None:
        if column == Column.QUOTE:
            orphan = "<p><i>Orphan: this text is no longer in the article.</i></p>"
            return text_to_html(passage.exact) + (orphan if passage.is_orphan else "")
        if column == Column.NOTE:
            return note_to_html(passage.note) or None
        if column == Column.TAGS:
            return text_to_html("\n".join(self.tag_paths(passage))) if passage.tag_ids else None
        if column == Column.UPDATED:
            updated, created = local_time(passage.updated_at), local_time(passage.created_at)
            return f"Updated {updated}\nCreated {created}"
        shown = self._display(passage, column)
        return text_to_html(shown) if shown else None

    def _first_tag_icon(self, passage: Annotation) -> QIcon | None:
        tags = self.tag_ids(passage)
        if not tags:
            return None
        color = self._codebook[tags[0]].color
        icon = self._icons.get(color)
        if icon is None:
            icon = self._icons[color] = color_icon(color)
            # Keep the true colour on selected rows rather than Qt's tinted version.
            icon.addPixmap(icon.pixmap(14, 14), QIcon.Mode.Selected)
        return icon

    def _sort_key(self, passage: Annotation, column: int) -> str:
        if column == Column.UPDATED:
            return passage.updated_at
        if column == Column.QUOTE:
            return passage.exact.casefold()
        if column == Column.NOTE:  # the note as written: rendering each one would be slow
            return passage.note.casefold()
        return self._display(passage, column).casefold()
