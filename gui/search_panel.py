"""Search the whole project: articles, passages and notes (SQLite full-text search)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from diptych.gui.find_bar import find_all
from diptych.gui.note_html import text_to_html
from diptych.gui.session import ProjectSession
from diptych.storage.errors import DiptychError

if TYPE_CHECKING:
    from diptych.storage.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 200
LIMIT = 50


class SearchPanel(QWidget):
    """A search field and its results; activating a result reveals it.

    Signals:
        articleRequested(int, int): open article id, scrolled near offset (or -1).
        passageRequested(int, int): reveal passage id in article id.
    """

    articleRequested = Signal(int, int)
    passageRequested = Signal(int, int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.field = QLineEdit(self)
        self.field.setPlaceholderText('Search articles and notes — "a phrase", OR, prefix*')
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.field.textChanged.connect(self._timer.start)
        self.field.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self.on_results_item_activated)
        self.results.itemClicked.connect(self.on_results_item_activated)

    def focus(self) -> None:
        """Put the cursor in the search field."""
        self.field.setFocus()
        self.field.selectAll()

    def run(self) -> None:
        """Search now and list the results."""
        self._timer.stop()
        query = self.field.text().strip()
        self.results.clear()
        if not query:
            self.status.setText("")
            return
        try:
            from diptych.storage.search import search  # loaded with the first search

            hits = search(self.session.project, query=query, limit=LIMIT)
        except DiptychError as exc:
            self.session.messages.known_error(exc, "Search")
            return
        for hit in hits:
            self._add(hit)
        passages = sum(1 for h in hits if h.kind == "passage")
        self.status.setText(
            f"{len(hits) - passages} article(s), {passages} passage(s)" if hits else "No matches"
        )

    def _add(self, hit: SearchHit) -> None:
        label = "Passage" if hit.kind == "passage" else "Article"
        snippet = hit.snippet.replace("\n", " ")  # plain text from the index, not HTML
        item = QListWidgetItem(f"{label} · {hit.title}\n{snippet}", self.results)
        item.setData(HIT_ROLE, hit)
        item.setToolTip(text_to_html(snippet))

    def on_results_item_activated(self, item: QListWidgetItem) -> None:
        """Reveal the result: the passage, or the article at the first match."""
        hit: SearchHit = item.data(HIT_ROLE)
        if hit.annotation_id is not None:
            self.passageRequested.emit(hit.annotation_id, hit.article_id)
            return
        text = self.session.project.articles.get(article_id=hit.article_id).text
        words = [
            w.rstrip("*")
            for w in self.field.text().replace('"', " ").split()
            if w.upper() not in ("OR", "AND", "NOT")
        ]
        # find_all matches without case and keeps offsets exact (str.casefold would not).
        found = [matches[0][0] for w in words if (matches := find_all(text, w, limit=1))]
        self.articleRequested.emit(hit.article_id, min(found) if found else -1)
