"""The library's list of articles as a Qt model."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from diptych.gui.note_html import text_to_html
from diptych.gui.passage_cells import local_time
from diptych.gui.session import ProjectSession
from diptych.storage.model import ArticleSummary
from diptych.storage.namesakes import told_apart
from diptych.storage.sample import file_given
from diptych.storage.wording import counted

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2  # the title alone, as the filter reads it
ARTICLE_MIME = "application/x-diptych-article-ids"
# The project file the dragged articles are in: their ids are that project's only.
ARTICLE_PROJECT_MIME = "application/x-diptych-article-project"

Index = QModelIndex | QPersistentModelIndex


def article_labels(articles: list[ArticleSummary]) -> list[tuple[ArticleSummary, str]]:
    """Each article with its line in a list of articles (the Library's, File > Export's):
    its title, followed by its file's name when another article has the same title (two
    outlets' copies of one wire story), which would otherwise be two lines alike, told
    apart only by hovering, or one of them left out unknowingly."""
    labels = told_apart(articles)
    return [(a, labels[a.id]) for a in articles]


def article_label(session: ProjectSession, article_id: int) -> str:
    """An article's line in the Library (see :func:`article_labels`), for the questions
    and captions that name it: "Remove “Harbour reopens”?" would not say which copy."""
    return dict((a.id, label) for a, label in article_labels(session.articles()))[article_id]


def pane_title(session: ProjectSession, article_id: int, title: str) -> str:
    """The title a pane shows for the article ``article_id``: its line in the Library, so
    that two panes on namesakes are told apart; ``title`` for one not listed (yet)."""
    labels = dict((a.id, label) for a, label in article_labels(session.articles()))
    return labels.get(article_id, title)


class ArticleListModel(QAbstractListModel):
    """Every article of the project, in library order; refreshed when articles change.

    Args:
        session: the open project.
    """

    def __init__(self, session: ProjectSession) -> None:
        super().__init__(session)
        self.session = session
        self._rows: list[ArticleSummary] = []
        self._labels: dict[int, str] = {}  # article id: its line (see article_labels)
        session.articlesChanged.connect(self.refresh)
        session.passagesChanged.connect(self.on_session_passages_changed)
        session.passagesChangedIn.connect(self.on_session_passages_changed_in)
        session.passageUpdated.connect(self.on_session_passage_updated)
        session.allPassagesChanged.connect(self.on_session_all_passages_changed)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the list of articles."""
        self.beginResetModel()
        self._rows = self.session.articles()
        self._labels = {article.id: label for article, label in article_labels(self._rows)}
        self.endResetModel()

    def on_session_passage_updated(self, article_id: int, _annotation_id: int) -> None:
        """One passage changed: its article's passages did."""
        self.on_session_passages_changed(article_id)

    def on_session_all_passages_changed(self) -> None:
        """Passages of any article may have changed (a tag deleted or merged, another
        window's changes): every count, and the list again only if the articles changed
        too (a tag's change leaves the Library as it is)."""
        fresh = self.session.articles()
        if [_listed(a) for a in fresh] != [_listed(a) for a in self._rows]:
            self.refresh()
        else:
            self._rows = fresh  # the counts are asked for by the tooltips as they appear

    def on_session_passages_changed_in(self, _article_ids: list[int]) -> None:
        """Passages of several articles changed at once: their counts, read once."""
        self.on_session_all_passages_changed()

    def on_session_passages_changed(self, article_id: int) -> None:
        """Update one row's passage count (those of a bulk change at once, after it).

        The count is not drawn in the row, only in its tooltip and status tip, which are
        asked for when they appear: the row is not announced as changed, since the list
        would then measure every wrapped title again (~70 ms with 1,500 articles).
        """
        if self.session.in_bulk:
            return
        for row, summary in enumerate(self._rows):
            if summary.id == article_id:
                self._rows[row] = self.session.project.articles.summary(article_id=article_id)
                return

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        article = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels.get(article.id, article.title)
        if role == TITLE_ROLE:
            return article.title
        if role == Qt.ItemDataRole.ToolTipRole:
            orphans = f", {article.orphan_count} orphaned" if article.orphan_count else ""
            lines = [
                article.title,
                file_given(article.source_name),  # none for the sample's articles
                f"{article.characters:,} characters, "
                f"{counted(article.annotation_count, 'passage')}{orphans}",
                f"Imported {local_time(article.imported_at)}",
            ]
            # a title could look like HTML
            return text_to_html("\n".join(line for line in lines if line))
        if role == ARTICLE_ID_ROLE:
            return article.id
        if role == Qt.ItemDataRole.StatusTipRole:
            return counted(article.annotation_count, "passage")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:  # what the tooltip tells
            orphans = f", {article.orphan_count} orphaned" if article.orphan_count else ""
            count = article.annotation_count
            passages = {0: "no passages", 1: "1 passage"}.get(count, f"{count} passages")
            return passages + orphans
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        ids = ",".join(str(self.data(i, ARTICLE_ID_ROLE)) for i in indexes if i.isValid())
        data.setData(ARTICLE_MIME, QByteArray(ids.encode()))
        project = os.fsencode(self.session.project.path)
        data.setData(ARTICLE_PROJECT_MIME, QByteArray(project))
        return data

    def summary(self, row: int) -> ArticleSummary:
        """The article shown on ``row``."""
        return self._rows[row]

    def row_of(self, article_id: int) -> int:
        """Row of an article, or -1."""
        return next((r for r, a in enumerate(self._rows) if a.id == article_id), -1)

    def rows_of(self, article_ids: Iterable[int]) -> list[int]:
        """Rows of the articles still listed, in one pass however many are asked for."""
        wanted = set(article_ids)
        return [row for row, article in enumerate(self._rows) if article.id in wanted]


def _listed(article: ArticleSummary) -> ArticleSummary:
    """What the Library's line of an article shows: the article but its passage counts."""
    return replace(article, annotation_count=0, orphan_count=0)
