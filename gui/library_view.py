"""The Library's list: titles that wrap, measured in batches, and the filter on them."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from diptych.gui.article_model import TITLE_ROLE
from diptych.gui.bidi_cells import BidiCellDelegate
from diptych.gui.focus_frame import FocusFramed
from diptych.gui.text_folding import folded
from diptych.gui.type_ahead import erases, typed_text

# Rows measured per pass of the event loop: a screenful (the list's height in lines of its
# font), at least this many. The first batch is measured before the window is first
# painted, and again at each resize while the window takes its shape: a fixed 100 rows
# were ~4,000 questions to the model (in Python) on opening a big project, where ~25 rows
# fill a Library at the window's usual size.
LAYOUT_BATCH = 20

# Punctuation at either end of a word typed ("landscape:", "(evidence)"), not inside it ("xi's")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")

Index = QModelIndex | QPersistentModelIndex
Hint = QAbstractItemView.ScrollHint


class LibraryView(FocusFramed, QListView):
    """The list of articles: titles wrap, so every row has a height of its own.

    Rows are measured in batches, between other events: measuring a library of
    thousands of articles at once held the window for ~80 ms each time the list changed
    (a filter, a reset). A row not measured yet has no place to scroll to, so a scroll
    asked for meanwhile (to the current article after a reset, say) is done once the
    batches are through.

    Signals:
        typed(str): words typed in the list, to go on in the filter field (see
            :mod:`~diptych.gui.type_ahead`); the list's type-ahead found only first letters.
        erased(): Backspace in the list, to take back the filter's last letter.
    """

    typed = Signal(str)
    erased = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setItemDelegate(BidiCellDelegate(self))  # an Arabic title right to left
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self._waiting: tuple[QPersistentModelIndex, Hint] | None = None
        self._plain = False  # select_only: the keys held do not count

    def select_only(self, index: QModelIndex) -> None:
        """Make ``index`` the current row and select it alone, as a plain click does,
        whatever keys are held: the Library follows the current pane when Ctrl+Tab or
        Ctrl+Z changes it, and ``setCurrentIndex`` alone would take the Ctrl held for a
        Ctrl+click (adding the row to the selection, or taking it out)."""
        self._plain = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._plain = False

    def selectionCommand(
        self, index: Index, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        if self._plain:
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        return super().selectionCommand(index, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Shift+Enter is left to the panel (it opens the article beside); a list would take
        it for Enter. Words typed go to the filter field (``typed``), and Backspace
        (``erased``)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        text = typed_text(event)
        if enter and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.ignore()
        elif text:
            self.typed.emit(text)
        elif erases(event):
            self.erased.emit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A batch is a screenful: the first one, measured before the list is painted,
        fills it, and no more is measured before the list shows."""
        lines = event.size().height() // max(1, self.fontMetrics().height())
        self.setBatchSize(max(LAYOUT_BATCH, lines + 1))
        super().resizeEvent(event)

    def scrollTo(self, index: Index, hint: Hint = Hint.EnsureVisible) -> None:
        super().scrollTo(index, hint)
        measured = not index.isValid() or self.visualRect(index).isValid()
        self._waiting = None if measured else (QPersistentModelIndex(index), hint)

    def updateGeometries(self) -> None:
        """Qt calls this when the batches are through (and on other changes)."""
        super().updateGeometries()
        if self._waiting is None:
            return
        index, hint = self._waiting
        if not index.isValid():
            self._waiting = None
        elif self.visualRect(index).isValid():
            self._waiting = None
            super().scrollTo(index, hint)


def filter_words(text: str) -> tuple[str, ...]:
    """The words of a filter as titles are searched for them: folded (see
    :func:`~diptych.gui.text_folding.fold`), without the spaces and the punctuation between
    them. A word of punctuation alone ("-", "&") is kept: it is what is looked for."""
    words = (folded(word) for word in text.split())
    return tuple(_EDGE_PUNCTUATION.sub("", word) or word for word in words)


def no_title_holds(text: str) -> str:
    """What to say when no article title holds the words of the filter ``text``."""
    words = text.strip()
    if len(words.split()) > 1:
        return f"No article title contains every word of “{words}”"
    return f"No article title contains “{words}”"


class TitleFilter(QSortFilterProxyModel):
    """The articles whose title holds every word typed, in any order, without case or
    accents (see :func:`filter_words`): a filter matching the words as one run of text
    found nothing for two spaces, or across the colon of a title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    def set_words(self, text: str) -> None:
        """Show only the titles that hold every word of ``text``."""
        self.beginFilterChange()
        self._words = filter_words(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        title = folded(index.data(TITLE_ROLE) or "")  # not a file name the line may show
        return all(word in title for word in self._words)
