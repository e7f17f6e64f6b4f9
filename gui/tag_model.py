"""The codebook as a Qt tree model: coloured, nested, drag to nest, counts of passages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from diptych.gui.note_html import text_to_html
from diptych.gui.session import ProjectSession
from diptych.gui.tag_colors import color_icon, color_name
from diptych.gui.tag_count_words import count_words, passages_count, passages_text
from diptych.gui.tag_usage import TagUsageCounter, own_usage
from diptych.storage.codebook import Codebook
from diptych.storage.model import Tag
from diptych.storage.tag_counts import TagCount

TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
USAGE_ROLE = Qt.ItemDataRole.UserRole + 2  # how many passages carry the tag
# How many passages the tag's row counts: those carrying the tag or one of its sub-tags
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
TAG_MIME = "application/x-diptych-tag-id"
Index = QModelIndex | QPersistentModelIndex
# Combined once: the tree asks for every tag's flags, and each | of Python enums costs.
TAG_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)


class TagTreeModel(QAbstractItemModel):
    """Tags as a tree with passage counts. Internal ids are tag ids (0 for the root).

    Args:
        session: the open project.
        key_of: the digit key that tags with a tag of a codebook, or None; its tooltip and
            what a screen reader reads of a row then say it (the row shows a bare figure).

    Signals:
        moveRequested(int, object, int): drop asks to nest tag (id) under parent (id or None)
            at position.
    """

    moveRequested = Signal(int, object, int)

    def __init__(
        self,
        session: ProjectSession,
        *,
        key_of: Callable[[Codebook, int], int | None] | None = None,
    ) -> None:
        super().__init__(session)
        self.session = session
        self._key_of = key_of
        self._codebook = Codebook([])
        self._usage: dict[int, int] = {}  # passages carrying each tag itself
        self._counts_of: dict[int, TagCount] = {}  # with the sub-tags', and the orphans
        self._icons: dict[str, QIcon] = {}
        session.tagsChanged.connect(self.refresh)
        self._usage_counter = TagUsageCounter(session, self._show_usage, self)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the codebook. In a big project the counts follow from a worker: until
        they come, each tag kept shows the count it had (a new tag none)."""
        self.beginResetModel()
        self._codebook = self.session.codebook()
        if not self._usage_counter.in_background:  # counted with the sub-tags of this codebook
            # The codebook the file holds: the session forgets the one it read before the
            # models hear tagsChanged, so the tags are read once for both.
            counts = self.session.project.tags.usage_with_sub_tags(codebook=self._codebook)
            self._usage, self._counts_of = own_usage(counts), counts
        self.endResetModel()
        self._usage_counter.refreshed()

    @property
    def counting(self) -> bool:
        """True while a worker counts the passages of each tag."""
        return self._usage_counter.counting

    def _show_usage(self, usage: dict[int, int], counts_of: dict[int, TagCount]) -> None:
        tags = [t.id for t in self._codebook.ordered()]
        before = {t: (self._usage.get(t), self._counts_of.get(t)) for t in tags}
        self._usage, self._counts_of = usage, counts_of
        changed = [t for t, was in before.items() if was != (usage.get(t), counts_of.get(t))]
        for tag_id in changed:  # only the tags whose count changed: one passage, a few tags
            index = self.index_of(tag_id)
            if index.isValid():
                self.dataChanged.emit(index, index)

    # -- structure -----------------------------------------------------------------------
    @property
    def codebook(self) -> Codebook:
        """The tags shown (until the next reset, those of before a change)."""
        return self._codebook

    def key(self, tag_id: int) -> int | None:
        """The digit key that tags with the tag ``tag_id``, if any."""
        return self._key_of(self._codebook, tag_id) if self._key_of is not None else None

    def tag(self, index: Index) -> Tag | None:
        """The tag at ``index``."""
        return self._codebook.get(index.internalId()) if index.isValid() else None

    def _children(self, parent: Index) -> list[Tag]:
        return self._codebook.children(parent.internalId() if parent.isValid() else None)

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:
        children = self._children(parent)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row].id)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        tag = self.tag(index)
        if tag is None or tag.parent_id is None or tag.parent_id not in self._codebook:
            return QModelIndex()
        return self.index_of(tag.parent_id)

    def index_of(self, tag_id: int) -> QModelIndex:
        """The model index of a tag."""
        tag = self._codebook.get(tag_id)
        if tag is None:
            return QModelIndex()
        parent = tag.parent_id if tag.parent_id in self._codebook else None
        siblings = [t.id for t in self._codebook.children(parent)]
        return self.createIndex(siblings.index(tag_id), 0, tag_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tag = self.tag(index)
        if tag is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            count = self.count(tag.id)
            return f"{tag.name}  ({count})" if count else tag.name
        if role == Qt.ItemDataRole.EditRole:
            return tag.name
        if role == Qt.ItemDataRole.DecorationRole:
            icon = self._icons.get(tag.color)
            if icon is None:
                icon = self._icons[tag.color] = color_icon(tag.color)
            return icon
        if role == Qt.ItemDataRole.AccessibleTextRole:  # "(3) 4" alone says nothing heard
            passages = self._count_text(tag, passages_text)
            key = self.key(tag.id)
            said = f", key {key}" if key is not None else ""
            return f"{tag.name}, {passages}, {color_name(tag.color)}{said}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:  # the tooltip's, unheard
            return tag.description
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self._codebook.path(tag.id), self._count_text(tag, passages_count)]
            key = self.key(tag.id)
            if key is not None:  # the figure at the row's right end
                lines.append(f"Key {key} tags the selected text with this tag")
            if tag.description:
                lines.append(tag.description)
            return text_to_html("\n".join(lines))  # a description could look like HTML
        if role == TAG_ID_ROLE:
            return tag.id
        if role == USAGE_ROLE:
            return self._usage.get(tag.id, 0)
        if role == COUNT_ROLE:
            return self.count(tag.id)
        return None

    def count(self, tag_id: int) -> int:
        """How many passages the tag's row counts: those carrying the tag or one of its
        sub-tags, as the Passages panel filtered by the tag lists them (its Passages tab
        those still anchored, its Orphans tab the orphans)."""
        found = self._counts_of.get(tag_id)
        return found.passages if found is not None else self._usage.get(tag_id, 0)

    def orphans(self, tag_id: int) -> int:
        """How many of the passages :meth:`count` counts are orphans."""
        found = self._counts_of.get(tag_id)
        return found.orphans if found is not None else 0

    def _count_text(self, tag: Tag, said: Callable[[int], str]) -> str:
        """The row's count as ``said`` words it (see :func:`count_words`)."""
        own, count, orphans = self._usage.get(tag.id, 0), self.count(tag.id), self.orphans(tag.id)
        return count_words(tag.name, own=own, count=count, orphans=orphans, said=said)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column's title: hidden in the Codebook, still read by a screen reader."""
        if (section, orientation, role) == (
            0,
            Qt.Orientation.Horizontal,
            Qt.ItemDataRole.DisplayRole,
        ):
            return "Tags"
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return TAG_FLAGS if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renaming in place goes through the undo stack (see TagPanel), not here."""
        return False

    # -- drag and drop -------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TAG_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        tag = self.tag(indexes[0]) if indexes else None
        data.setData(TAG_MIME, QByteArray(str(tag.id if tag else 0).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A tag dropped on another nests under it; dropped between tags, it moves there."""
        if not data.hasFormat(TAG_MIME):
            return False
        tag_id = int(bytes(data.data(TAG_MIME).data()).decode() or 0)
        if not tag_id:
            return False
        parent_tag = self.tag(parent)
        self.moveRequested.emit(
            tag_id, parent_tag.id if parent_tag else None, row if row >= 0 else -1
        )
        return False  # the move arrives through tagsChanged; the view must not remove rows
