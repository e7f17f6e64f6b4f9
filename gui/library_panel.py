"""The library: every article of the project, to open into panes."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.article_model import ARTICLE_ID_ROLE, ArticleListModel
from diptych.gui.dialogs import context_menu
from diptych.gui.find_bar import as_typed
from diptych.gui.session import ProjectSession

LAYOUT_BATCH = 100  # rows measured per pass of the event loop

Index = QModelIndex | QPersistentModelIndex
Hint = QAbstractItemView.ScrollHint


class LibraryView(QListView):
    """The list of articles: titles wrap, so every row has a height of its own.

    Rows are measured in batches, between other events: measuring a library of
    thousands of articles at once held the window for ~80 ms each time the list changed
    (a filter, a reset). A row not measured yet has no place to scroll to, so a scroll
    asked for meanwhile (to the current article after a reset, say) is done once the
    batches are through.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self._waiting: tuple[QPersistentModelIndex, Hint] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Shift+Enter is left to the panel (it opens the article beside); a list would take
        it for Enter."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.ignore()
        else:
            super().keyPressEvent(event)

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


@lru_cache(maxsize=16_384)
def folded(text: str) -> str:
    """``text`` as the filter compares it: without case or accents, quotes as typed, so
    that "xi's" finds "Xi’s", "reunion" finds "Réunion" and "strasse" finds "Straße"."""
    text = as_typed(text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return text.casefold()


class TitleFilter(QSortFilterProxyModel):
    """The articles whose title holds the words typed (see :func:`folded`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = ""

    def set_words(self, text: str) -> None:
        """Show only the titles that contain ``text``."""
        self.beginFilterChange()
        self._words = folded(text.strip())
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        title = self.sourceModel().index(source_row, 0, source_parent).data()
        return self._words in folded(title or "")


class LibraryPanel(QWidget):
    """A filterable list of articles.

    Signals:
        openRequested(int, bool): open article id; True to open it in a new pane.
        importRequested(): the user wants to import article files.
        renameRequested(int): rename article id.
        reimportRequested(int): replace article id's text with a newer file.
        removeRequested(int): remove article id from the project.
    """

    openRequested = Signal(int, bool)
    importRequested = Signal()
    renameRequested = Signal(int)
    reimportRequested = Signal(int)
    removeRequested = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleListModel(session)
        self.proxy = TitleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter articles")
        self.filter.setAccessibleName("Filter articles")  # the placeholder goes when typing
        self.filter.setClearButtonEnabled(True)
        self.view = LibraryView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Articles")
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        import_button = QPushButton("Import…", self)
        import_button.setToolTip(
            "Import articles (.txt, .md, .html); or drop files or folders on the window"
        )
        open_button = QPushButton("Open beside", self)
        open_button.setToolTip("Open the selected article in a new pane (Shift+Enter)")
        buttons = QHBoxLayout()
        buttons.addWidget(import_button)
        buttons.addWidget(open_button)
        self.no_match = QLabel(self)  # the filter hides every article: say so, in words
        self.no_match.setObjectName("libraryNoMatch")
        self.no_match.setTextFormat(Qt.TextFormat.PlainText)
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._kept: tuple[int | None, int] = (None, -1)  # article and row, over a reset
        self._listed: set[int] = set()  # the articles before a reset
        self.model.modelAboutToBeReset.connect(self.on_model_about_to_be_reset)
        self.model.modelReset.connect(self.on_model_reset)
        self.filter.textChanged.connect(self.proxy.set_words)
        for changed in (self.filter.textChanged, self.proxy.rowsInserted,
                        self.proxy.rowsRemoved, self.proxy.modelReset):  # fmt: skip
            changed.connect(self._show_matches)
        self.view.activated.connect(self.on_view_activated)
        self.view.customContextMenuRequested.connect(self.on_view_context_menu)
        import_button.clicked.connect(self.importRequested)
        open_button.clicked.connect(lambda: self._emit_open(new_pane=True))
        self._show_matches()

    def _show_matches(self, *_changed: object) -> None:
        """Say when the filter leaves no article, or the project has none yet (the list is
        then just empty), to a screen reader too (as the list's description)."""
        words = self.filter.text().strip()
        text = ""
        if not self.model.rowCount():
            text = "No articles yet. Import some with Import… below, or drop article files or "
            text += "folders on the window."
        elif words and not self.proxy.rowCount():
            text = f"No article title contains “{words}”."
        self.no_match.setText(text)
        self.no_match.setVisible(bool(text))
        self.view.setAccessibleDescription(text)

    def article_at(self, index: QModelIndex) -> int | None:
        """Article id of a view index."""
        value = index.data(ARTICLE_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def selected_article(self) -> int | None:
        """The article selected in the list."""
        return self.article_at(self.view.currentIndex())

    def select_article(self, article_id: int) -> None:
        """Select an article's row."""
        row = self.model.row_of(article_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row))
            self.view.setCurrentIndex(index)

    def on_model_about_to_be_reset(self) -> None:
        """Remember the selected article: a reset (rename, import, undo) clears the selection."""
        self._kept = (self.selected_article(), self.view.currentIndex().row())
        self._listed = {self.model.summary(row).id for row in range(self.model.rowCount())}

    def on_model_reset(self) -> None:
        """Select the remembered article again; when it is gone (removed), the one that
        took its row, so that the keyboard goes on from there. A new article (imported,
        or back by undo) that the filter would hide clears the filter: it is shown."""
        listed, self._listed = self._listed, set()
        if self.filter.text().strip() and any(
            not self.proxy.mapFromSource(self.model.index(row)).isValid()
            for row in range(self.model.rowCount())
            if self.model.summary(row).id not in listed
        ):
            self.filter.clear()
        (article_id, row), self._kept = self._kept, (None, -1)
        if article_id is None:
            return
        if self.model.row_of(article_id) >= 0:
            self.select_article(article_id)
        elif (rows := self.proxy.rowCount()) and row >= 0:
            self.view.setCurrentIndex(self.proxy.index(min(row, rows - 1), 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F2 renames the selected article; Delete removes it (after asking), as in the
        codebook; Shift+Enter opens it beside; Shift+F10 or the Menu key opens its menu
        (Update from newer file…); the last two in the list only. In the filter field F2
        and Delete edit its text, Down moves into the list of matches, and Enter opens the
        selected match (the first if none is), beside with Shift."""
        article_id, key = self.selected_article(), event.key()
        if article_id is not None and self._on_article_key(article_id, event):
            return
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (key == Qt.Key.Key_Down or enter) and self.filter.hasFocus() and self.proxy.rowCount():
            if not self.view.currentIndex().isValid():  # filtered out, or none yet
                self.view.setCurrentIndex(self.proxy.index(0, 0))
            if enter:  # open the match (beside with Shift)
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._emit_open(new_pane=bool(shift))
            else:
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            super().keyPressEvent(event)

    def _on_article_key(self, article_id: int, event: QKeyEvent) -> bool:
        """Act on the selected article for a key; False if the key is not one for it."""
        key, in_list = event.key(), self.view.hasFocus()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_F2:
            self.renameRequested.emit(article_id)
        elif key == Qt.Key.Key_Delete:
            self.removeRequested.emit(article_id)
        elif in_list and shift and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openRequested.emit(article_id, True)
        elif in_list and (key == Qt.Key.Key_Menu or (shift and key == Qt.Key.Key_F10)):
            index = self.view.currentIndex()
            self.view.scrollTo(index)
            rect = self.view.visualRect(index)  # not laid out yet: the list's corner
            self._show_menu(article_id, rect.center() if rect.isValid() else QPoint(0, 0))
        else:
            return False
        return True

    def on_view_activated(self, index: QModelIndex) -> None:
        """Double-click or Enter opens the article."""
        article_id = self.article_at(index)
        if article_id is not None:
            self.openRequested.emit(article_id, False)

    def _emit_open(self, *, new_pane: bool) -> None:
        article_id = self.selected_article()
        if article_id is not None:
            self.openRequested.emit(article_id, new_pane)

    def on_view_context_menu(self, point: QPoint) -> None:
        """Open, rename, update from file, remove."""
        article_id = self.article_at(self.view.indexAt(point))
        if article_id is not None:
            self._show_menu(article_id, point)

    def _show_menu(self, article_id: int, point: QPoint) -> None:
        """The menu of an article, at ``point`` in the list."""
        menu = context_menu(self)
        menu.addAction("Open", lambda: self.openRequested.emit(article_id, False))
        menu.addAction("Open in new pane", lambda: self.openRequested.emit(article_id, True))
        menu.addSeparator()
        menu.addAction("Rename…", lambda: self.renameRequested.emit(article_id))
        menu.addAction("Update from newer file…", lambda: self.reimportRequested.emit(article_id))
        menu.addSeparator()
        menu.addAction("Remove from project…", lambda: self.removeRequested.emit(article_id))
        menu.popup(self.view.viewport().mapToGlobal(point))
