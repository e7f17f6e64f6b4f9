"""The passages of the article a reading pane shows: their marks kept in step with the
project's, the passage outlined, and the outlines and find matches drawn over the text.
"""

from __future__ import annotations

from collections.abc import Container

from PySide6.QtCore import QObject

from diptych.gui import pane_reading
from diptych.gui.article_loader import ArticleLoader
from diptych.gui.article_view import ArticleView
from diptych.gui.margin import PassageMargin
from diptych.gui.pane_find import PaneFind
from diptych.gui.pane_marks import changed_blocks, neighbour_passage, paint_outlines
from diptych.gui.session import ProjectSession
from diptych.gui.theme import highlight_theme
from diptych.storage.errors import InputError


class PanePassages(QObject):
    """The passages of one pane's article, as the view and the margin show them.

    Args:
        session: the project's session, whose passages are followed.
        view: the pane's text view.
        loader: the pane's loader (the article shown, and its rendering).
        margin: the pane's margin of passage bars.
        pane_find: the pane's search, whose matches are drawn with the outline.
        parent: the pane: the project's signals reach this no more once it is closed.
    """

    def __init__(
        self,
        session: ProjectSession,
        view: ArticleView,
        loader: ArticleLoader,
        margin: PassageMargin,
        pane_find: PaneFind,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.loader = loader
        self.margin = margin
        self.pane_find = pane_find
        self.selected = 0

    @property
    def selected(self) -> int:
        """The annotation id of the passage outlined, or 0."""
        return self.view.outlined

    @selected.setter
    def selected(self, annotation_id: int) -> None:
        # The view keeps it: a click or Enter where other passages cover it too keeps it.
        self.view.outlined = annotation_id

    def on_session_passage_updated(self, article_id: int, annotation_id: int) -> None:
        """One passage changed: update its mark alone (the article may hold thousands)."""
        if article_id != self.loader.article_id or self.view.index is None:
            return
        try:
            passage = self.session.passage(annotation_id)
        except InputError:
            passage = None  # deleted
        index = self.view.index
        if passage is None or passage.is_orphan:
            self._repaint(index.remove(annotation_id))
        else:
            mark = self.session.mark(passage)
            if index.get(annotation_id) != mark:
                self._repaint(index.add(mark))
        if self.selected == annotation_id and annotation_id not in index:
            self.selected = 0
        self.update_outlines()
        self.margin.update()

    def on_session_passages_changed(self, article_id: int) -> None:
        """Passages of an article changed in bulk: compare and repaint what differs."""
        if article_id == self.loader.article_id:
            self.refresh_marks()

    def on_session_all_passages_changed(self) -> None:
        """Passages of any article may have changed: compare this one's and repaint."""
        if self.loader.article_id is not None:
            self.refresh_marks()

    def _repaint(self, blocks: range) -> None:
        self.loader.repaint(blocks)

    def refresh_marks(self) -> None:
        """Re-read this article's passages and repaint the blocks whose marks changed."""
        article_id = self.loader.article_id
        if article_id is None or self.loader.current is None or self.view.index is None:
            return

        fresh = {m.annotation_id: m for m in self.session.marks(article_id)}
        for run in changed_blocks(self.view.index, fresh):
            self._repaint(run)
        if self.selected and self.selected not in fresh:
            self.selected = 0
        self.update_outlines()
        self.margin.update()

    def select_passage(self, annotation_id: int, *, scroll: bool = True) -> None:
        """Outline a passage and bring it into view (the caret at its start)."""
        mark = self.view.index.get(annotation_id) if self.view.index else None
        self.selected = annotation_id if mark else 0
        if mark is not None and scroll:
            pane_reading.bring_into_view(self.view, mark.start, mark.end)
        self.update_outlines()

    def neighbour_passage(self, step: int, among: Container[int] | None = None) -> int:
        """The passage after (``step`` 1) or before (-1) the caret, or else 0; only one of
        ``among`` (passage ids) if given (:func:`~diptych.gui.pane_marks.neighbour_passage`)."""
        if self.view.index is None or not len(self.view.positions):
            return 0
        caret = self.view.positions.to_display(self.view.textCursor().position())
        return neighbour_passage(self.view.index, caret, self.selected, step, among)

    def update_outlines(self) -> None:
        """Draw the find bar's matches and the selected passage's outline over the text."""
        mark = self.view.index.get(self.selected) if self.view.index else None
        rendering = self.loader.current
        theme = rendering.highlighter.theme if rendering is not None else highlight_theme()
        paint_outlines(self.view, self.pane_find.matches, mark, theme)
