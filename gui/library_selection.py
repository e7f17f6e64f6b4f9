"""The Library's selection: which articles are selected, and selecting them again after a
filter hid them or the list was read anew."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QObject
from PySide6.QtWidgets import QLineEdit

from diptych.gui.article_model import ARTICLE_ID_ROLE, ArticleListModel
from diptych.gui.library_view import LibraryView, TitleFilter


def article_at(index: QModelIndex) -> int | None:
    """Article id of a view index."""
    value = index.data(ARTICLE_ID_ROLE) if index.isValid() else None
    return int(value) if value is not None else None


class LibrarySelection(QObject):
    """The articles selected in the Library's list, kept over what would lose them: the
    filter, which hides rows (Qt drops hidden rows from the selection), and a reset of the
    list (a rename, an import, undo, another window's change), which clears it.

    Args:
        model: the articles.
        proxy: the filter over ``model`` that ``view`` shows.
        view: the list.
        filter: the field whose words ``proxy`` keeps the titles of.
    """

    def __init__(
        self,
        model: ArticleListModel,
        proxy: TitleFilter,
        view: LibraryView,
        filter: QLineEdit,
    ) -> None:
        super().__init__(view)
        self.model, self.proxy, self.view, self.filter = model, proxy, view, filter
        # The current article, the first selected row and every selected article, over a reset
        self._kept: tuple[int | None, int, list[int]] = (None, -1, [])
        self._listed: set[int] = set()  # the articles before a reset
        # The current article and the selected ones when the filter last hid them all
        self._hidden: tuple[int | None, list[int]] = (None, [])
        self._first_match: int | None = None  # the match selected as none of them was
        model.modelAboutToBeReset.connect(self.on_model_about_to_be_reset)
        model.modelReset.connect(self.on_model_reset)
        filter.textChanged.connect(self.on_filter_text_changed)
        view.selectionModel().selectionChanged.connect(self.on_selection_changed)

    def rows(self) -> list[int]:
        """The selected rows shown, top to bottom (read range by range: all of a long
        library may be selected)."""
        chosen = self.view.selectionModel().selection()
        ranges = (chosen.at(i) for i in range(chosen.count()))
        return sorted({row for r in ranges for row in range(r.top(), r.bottom() + 1)})

    def articles(self) -> list[int]:
        """The articles selected in the list, in list order (none the filter hides)."""
        source = (self.proxy.mapToSource(self.proxy.index(row, 0)) for row in self.rows())
        return [self.model.summary(index.row()).id for index in source if index.isValid()]

    def article(self) -> int | None:
        """The article selected in the list; of several, the current one (where the
        keyboard is) if it is selected, else the first. None if none is selected."""
        current = self.view.currentIndex()
        if current.isValid() and self.view.selectionModel().isSelected(current):
            return article_at(current)
        chosen = self.articles()
        return chosen[0] if chosen else None

    def select(self, article_id: int) -> None:
        """Select an article's row, and only it; unless it is one of several selected
        (opened beside, say, and now in the current pane): it becomes the current one of
        them, and they stay selected."""
        self._first_match = None
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():  # filtered out: selected again when the filter shows it
            self._hidden = (article_id, [article_id])
        chosen = self.view.selectionModel()
        if index.isValid() and chosen.isSelected(index) and len(self.rows()) > 1:
            chosen.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            self.view.select_only(index)

    def select_all_of(self, article_ids: list[int]) -> None:
        """Select these articles (those the filter shows), the first the current one: the
        articles a removal undone brought back, not the neighbour the selection had moved
        to, which the next F2 or Del would act on."""
        if self._select_again(None, article_ids):
            self._first_match = None

    def on_selection_changed(self) -> None:
        """A selection made since the filter's first match was selected is the user's own."""
        self._first_match = None

    def on_filter_text_changed(self, text: str) -> None:
        """Show the titles that hold every word of ``text``. A selection the filter hides (Qt drops
        hidden rows from it) is selected again when the filter shows its rows: once the
        filter is cleared, the current pane's article is selected, as before filtering.
        Matches of which none is selected have the first selected, ready for Enter (the one
        selected so stands in for nothing: the selection before filtering is kept for later)."""
        chosen, picked = self.articles(), self._first_match
        if chosen and chosen != [picked]:
            self._hidden = (self.article(), chosen)
        self.proxy.set_words(text)  # (its rows coming and going change the selection)
        chosen = self.articles()
        if chosen and chosen != [picked]:
            return
        self._first_match = None
        article_id, chosen = self._hidden
        shown = [
            self.model.summary(row).id
            for row in self.model.rows_of(chosen)
            if self.proxy.mapFromSource(self.model.index(row)).isValid()
        ]
        if self._select_again(article_id, shown) or not text.strip() or not self.proxy.rowCount():
            return
        first = self.proxy.index(0, 0)
        self.view.select_only(first)
        self._first_match = article_at(first)

    def _select_again(self, article_id: int | None, article_ids: list[int]) -> bool:
        """Select ``article_ids`` again, ``article_id`` the current one if it is among them
        (else the first); False if there are none."""
        current = article_id if article_id in article_ids else next(iter(article_ids), None)
        if current is None:
            return False
        self.select(current)
        self._add([i for i in article_ids if i != current])
        return True

    def _add(self, article_ids: Sequence[int]) -> None:
        """Select these articles' rows too (those shown), keeping the current row."""
        shown = (
            self.proxy.mapFromSource(self.model.index(r)) for r in self.model.rows_of(article_ids)
        )
        runs: list[list[QModelIndex]] = []  # rows next to each other: one range (Ctrl+A)
        for index in (i for i in shown if i.isValid()):
            if runs and runs[-1][1].row() + 1 == index.row():
                runs[-1][1] = index
            else:
                runs.append([index, index])
        selection = QItemSelection()
        for first, last in runs:
            selection.select(first, last)
        flag = QItemSelectionModel.SelectionFlag.Select
        self.view.selectionModel().select(selection, flag)

    def on_model_about_to_be_reset(self) -> None:
        """Remember the selection: a reset (rename, import, undo, another window's change)
        clears it, and the keyboard is to go on acting on what was selected."""
        rows = self.rows()
        first = rows[0] if rows else self.view.currentIndex().row()
        self._kept = (self.article(), first, self.articles())
        self._listed = {self.model.summary(row).id for row in range(self.model.rowCount())}

    def on_model_reset(self) -> None:
        """Select the remembered articles again; when they are all gone (removed), the one
        that took the first one's row, so that the keyboard goes on from there. A new
        article (imported, or back by undo) that the filter would hide clears the filter:
        it is shown."""
        listed, self._listed = self._listed, set()
        if self.filter.text().strip() and any(
            not self.proxy.mapFromSource(self.model.index(row)).isValid()
            for row in range(self.model.rowCount())
            if self.model.summary(row).id not in listed
        ):
            self.filter.clear()
        (article_id, row, chosen), self._kept = self._kept, (None, -1, [])
        if article_id is None:
            return
        present = [self.model.summary(r).id for r in self.model.rows_of(chosen)]
        if self._select_again(article_id, present):
            return
        if (rows := self.proxy.rowCount()) and row >= 0:
            self.view.select_only(self.proxy.index(min(row, rows - 1), 0))
