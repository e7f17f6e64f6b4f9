"""The selected passage: the one the keys, the Passage panel and the Passages list act on.

One passage of the project is the selected one. Its pane outlines it while the caret is in
it or it is in view; the caret moved into another passage selects that one; F8, Ctrl+F8,
search results, and undo or redo bringing a passage back (or giving it a tag) select a
passage and bring it into view. Clicking or selecting text in a pane of another article
lets go of the selected passage. Closing the pane of the selected passage's article, or
showing another article in it, when no other pane shows it, selects nothing. The steps of
F8 and Ctrl+F8 are :mod:`diptych.gui.passage_steps`'s, what undo and redo select
:mod:`diptych.gui.undo_reveal`'s, tagging from the selection :mod:`diptych.gui.coding`'s.
"""

from __future__ import annotations

from functools import partial
from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor

from diptych.gui.article_pane import NO_ARTICLE, ArticlePane
from diptych.gui.pane_area import PaneArea
from diptych.gui.session import ProjectSession
from diptych.storage.errors import InputError

SELECTED_ELSEWHERE = (
    "The selected passage is not in this pane: select text here, or a passage here "
    "(Enter on a highlight, or F8)."
)
NO_PASSAGE_SELECTED = "Select a passage first: Enter on a highlight, or F8."
OUT_OF_VIEW = (
    "The selected passage is out of view: scroll to it, or select one here (Enter on a "
    "highlight, or F8)."
)
NOTE_ELSEWHERE = (
    "The selected passage is not in this article: select a passage here first "
    "(Enter on a highlight, or F8)."
)
TEXT_NOT_DELETED = (
    "An article's text cannot be deleted: articles are read-only. Delete deletes the "
    "selected passage, once one is selected here (Enter on a highlight, or F8)."
)
PASSAGE_GONE = "The passage was deleted, perhaps in another window."
CARET_LEFT = (
    "The caret has left the selected passage: select a passage here (Enter on a highlight, or F8)."
)


class PassageSelection(QObject):
    """Which passage is selected, and how it follows the caret, the keys and undo.

    Args:
        session: the open project.
        area: the reading area.
        parent: the owner.

    Signals:
        passageSelected(int): a passage became the selected one (0: none).
    """

    passageSelected = Signal(int)

    def __init__(self, session: ProjectSession, area: PaneArea, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        self.area = area
        self.selected = 0
        area.passageClicked.connect(self.select_passage)
        session.passagesChanged.connect(self.on_session_passages_changed)
        session.passageUpdated.connect(self.on_session_passage_updated)
        session.allPassagesChanged.connect(self.on_session_all_passages_changed)
        # Every pane's caret is followed (a new pane becomes the current one at once), and
        # the article it shows, to tell which one it puts away as it shows another.
        self._shown: WeakKeyDictionary[ArticlePane, int | None] = WeakKeyDictionary()
        area.currentPaneChanged.connect(self.on_area_current_pane_changed)
        for pane in area.panes():
            self._follow_caret(pane)
        area.paneClosed.connect(self.on_article_put_away)

    # -- which passage the keys act on ---------------------------------------------------
    def not_outlined(self, pane: ArticlePane) -> str:
        """Why the selected passage is not one for the keys in ``pane`` to act on (it is
        not in the pane, the caret has left it there, or it is out of view: after finding
        a word, or scrolled away with the wheel, the caret still in it), or "". A pane
        without an article says so (:data:`~diptych.gui.article_pane.NO_ARTICLE`)."""
        if pane.article_id is None:
            return NO_ARTICLE
        if self._selected_elsewhere(pane):
            return SELECTED_ELSEWHERE
        if self.selected and pane.selected_passage != self.selected:
            return CARET_LEFT
        if self.selected and not self._in_view(pane, self.selected):
            return OUT_OF_VIEW
        return ""

    @staticmethod
    def _in_view(pane: ArticlePane, annotation_id: int) -> bool:
        """True if some of the passage is on the screen in ``pane`` (the caret in it is not
        enough: the wheel and the scroll bar move the text away from the caret)."""
        view = pane.view
        mark = view.index.get(annotation_id) if view.index is not None else None
        if mark is None or not len(view.positions):
            return False
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_rendered(mark.start))
        top = view.cursorRect(cursor).top()
        cursor.setPosition(view.positions.to_rendered(mark.end))
        bottom = view.cursorRect(cursor).bottom()
        return bottom >= 0 and top <= view.viewport().height()

    def on_area_current_pane_changed(self, pane: object) -> None:
        """Follow the caret of a pane first seen (see :meth:`on_view_caret_moved`)."""
        if isinstance(pane, ArticlePane):
            self._follow_caret(pane)

    def _follow_caret(self, pane: ArticlePane) -> None:
        if pane not in self._shown:
            pane.view.caretMoved.connect(lambda p=pane: self.on_view_caret_moved(p))
            self._shown[pane] = pane.article_id
            pane.shown.connect(lambda p=pane: self.on_pane_shown(p))
            pane.reader_watch.chosen.connect(lambda p=pane: self.on_pane_chosen(p))

    def on_view_caret_moved(self, pane: ArticlePane) -> None:
        """The user moved the caret in ``pane``: the outline follows it, so that Del and
        1-9 act on the passage the pane marks, never on one the caret has left (perhaps
        out of view). In the selected passage (at its ends too) it is outlined; else the
        passage at the caret becomes the selected one; in text without a passage the
        pane outlines none, and the selected passage (of this article: see
        :meth:`on_pane_chosen`) stays in the Passage panel and the Passages list. An
        orphan of the article chosen in the Passages list stays selected while the caret
        goes to its new text."""
        view = pane.view
        if view.index is None or not len(view.positions):
            return
        caret = view.positions.to_display(view.textCursor().position())
        mark = view.index.get(self.selected) if self.selected else None
        if mark is not None and mark.start <= caret <= mark.end:
            if pane.selected_passage != self.selected:  # back in it
                pane.select_passage(self.selected, scroll=False)
            return
        if mark is None and self._orphan_of(pane):
            return  # kept for re-attaching it to text selected from here
        at_caret = view.passage_at_cursor()
        if at_caret:
            self.select_passage(at_caret)
        elif pane.selected_passage:
            pane.select_passage(0, scroll=False)

    def on_pane_chosen(self, pane: ArticlePane) -> None:
        """The reader chose ``pane`` (clicked or selected text there, or tabbed to it):
        a passage of another article is no longer selected, and the Passage panel shows its
        hint, so that a note is never typed onto a passage of a pane the reader has left,
        and 1-9 act on what the reader selects here. A passage of this pane's article stays
        (shown here, or an orphan of it), to be fitted or re-attached to text selected here."""
        if not self.selected or self._of_article(pane):
            return
        self.select_passage(0)

    def _of_article(self, pane: ArticlePane) -> bool:
        """True if the selected passage belongs to ``pane``'s article."""
        try:
            return self.session.passage(self.selected).article_id == pane.article_id
        except InputError:
            return False

    def _orphan_of(self, pane: ArticlePane) -> bool:
        """True if the selected passage is an orphan of ``pane``'s article."""
        if not self.selected:
            return False
        try:
            passage = self.session.passage(self.selected)
        except InputError:
            return False
        return passage.is_orphan and passage.article_id == pane.article_id

    def _selected_elsewhere(self, pane: ArticlePane) -> bool:
        """True if a passage is selected that ``pane`` does not show (not outlined there)."""
        index = pane.view.index
        return bool(self.selected) and (index is None or self.selected not in index)

    # -- an article put away ------------------------------------------------------------
    def on_pane_shown(self, pane: ArticlePane) -> None:
        """Another article shown in ``pane``: the one it showed is put away from it."""
        before, self._shown[pane] = self._shown.get(pane), pane.article_id
        if before is not None and before != pane.article_id:
            self.on_article_put_away(before)

    def on_article_put_away(self, put_away: int | None) -> None:
        """A pane closed, or showed another article, where it showed ``put_away``: if that
        is the selected passage's article, and no other pane shows it, nothing is selected
        any more, and the Passage panel shows its hint (the note being typed saved first)
        rather than a passage of an article no longer open. A passage chosen in the
        Passages list, its article in no pane, stays selected as other panes close.
        Decided once the pane is out of the area, and any pane put back at once (a layout
        restored) is there."""
        selected = self.selected
        if put_away is None or not selected:
            return  # an empty pane closed, or nothing selected: no passage to read
        try:
            article_id = self.session.passage(selected).article_id
        except InputError:
            return  # gone: :meth:`on_session_passages_changed` selects nothing
        if put_away == article_id:
            QTimer.singleShot(0, self, lambda: self._select_none_if_closed(selected, article_id))

    def _select_none_if_closed(self, annotation_id: int, article_id: int) -> None:
        if self.selected != annotation_id:
            return  # another passage was selected meanwhile
        if not any(p.article_id == article_id for p in self.area.panes()):
            self.select_passage(0)

    # -- selecting ----------------------------------------------------------------------
    def select_passage(
        self, annotation_id: int, *, scroll: bool = False, in_pane: ArticlePane | None = None
    ) -> None:
        """Make a passage the selected one: outlined in every pane showing it, shown in the
        editor. ``scroll`` brings it into view in one pane, the one in use (``in_pane``,
        else the current pane, else the first showing it): another pane showing the same
        article side by side keeps its reading place."""
        self.selected = annotation_id
        panes = self.area.panes()
        showing = [p for p in panes if p.view.index is not None and annotation_id in p.view.index]
        in_use = in_pane if in_pane is not None else self.area.current
        if in_use not in showing:
            in_use = next(iter(showing), None)
        for pane in panes:
            if pane in showing:
                pane.select_passage(annotation_id, scroll=scroll and pane is in_use)
            elif pane.selected_passage:
                pane.select_passage(0, scroll=False)
        self.passageSelected.emit(annotation_id)

    def on_session_all_passages_changed(self) -> None:
        """Passages of any article may have changed (see :meth:`on_session_passages_changed`)."""
        self.on_session_passages_changed(0)

    def on_session_passage_updated(self, article_id: int, _annotation_id: int) -> None:
        """One passage changed: its article's passages did."""
        self.on_session_passages_changed(article_id)

    def on_session_passages_changed(self, _article_id: int) -> None:
        """A selected passage that is gone (deleted, or its tagging undone) is no longer selected.

        Nothing else becomes selected: the keys and the Passage panel act only on a passage
        the user chose.
        """
        if not self.selected:
            return
        try:
            self.session.passage(self.selected)
        except InputError:  # there is no such passage any more
            self.select_passage(0)

    def passage_for_note(self, pane: ArticlePane) -> int:
        """The passage F2 writes the note of in ``pane``, or 0 (see :meth:`note_target`)."""
        return self.note_target(pane)[0]

    def note_target(self, pane: ArticlePane) -> tuple[int, str]:
        """The passage F2 writes the note of in ``pane``, or 0 and why not, as the status
        bar says it. As for Del and 1-9, the passage outlined there and in view (the
        selected one, even with the caret resting in another), else the one at the caret
        (which the caret in it selects); never one the caret has left, one out of view, or
        one of another article."""
        view, selected = pane.view, self.selected
        if pane.article_id is None:
            return 0, NO_ARTICLE
        refusal = self.not_outlined(pane) if selected else NO_PASSAGE_SELECTED
        if not refusal:
            return selected, ""  # outlined and in view, wherever the caret rests
        at_caret = view.passage_at_cursor()
        mark = view.index.get(selected) if view.index is not None and selected else None
        if mark is not None and len(view.positions):
            caret = view.positions.to_display(view.textCursor().position())
            if mark.start <= caret <= mark.end:  # at its end, as after tagging it
                at_caret = selected
        if at_caret and at_caret != selected and self._in_view(pane, at_caret):
            return at_caret, ""
        return 0, NOTE_ELSEWHERE if refusal == SELECTED_ELSEWHERE else refusal

    def show_passage(self, annotation_id: int, article_id: int) -> None:
        """As :meth:`reveal_passage`, but the keyboard stays where it is (a click in the
        Passages list: Ctrl+A and Del there go on acting on the passages listed)."""
        self.reveal_passage(annotation_id, article_id, keyboard=False)

    def reveal_passage(self, annotation_id: int, article_id: int, *, keyboard: bool = True) -> None:
        """Open the passage's article if needed, scroll to the passage and select it; the
        keyboard goes to its pane (unless ``keyboard`` is False), whether the article was
        open already or not, so that the keys (F2, Del, 1-9, F8) go on from the passage
        there. Of two panes showing the article, the current one shows the passage; the
        other keeps its reading place. Back (Alt+Left) in that pane returns to where its
        reader was."""
        current = self.area.current
        if current is not None and current.article_id == article_id:
            current.history.leave()  # a jump within the article shown
            pane: ArticlePane | None = current
        else:
            shown = self.area.pane_for(article_id)
            if shown is not None:  # the same, in the pane that shows it
                shown.history.leave()
            pane = self.area.open_article(article_id, resume=False, keyboard=keyboard)
        if pane is None:
            return
        if keyboard:
            pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
        pane.when_loaded(partial(self._select_revealed, annotation_id, pane))

    def _select_revealed(self, annotation_id: int, pane: ArticlePane) -> None:
        """The article of a passage to reveal is in ``pane``: select the passage there,
        unless it went while the article was being built (deleted in another window, or
        its tagging undone), which the status bar then says."""
        try:
            self.session.passage(annotation_id)
        except InputError:
            if self.selected == annotation_id:
                self.select_passage(0)
            self.session.messages.info(PASSAGE_GONE)
            return
        self.select_passage(annotation_id, scroll=True, in_pane=pane)
