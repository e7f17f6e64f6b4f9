"""The reading area: article panes side by side in a splitter.

Two panes by default, more on request; panes close, move left and right, and resize with
the splitter handles. The layout (which articles, zoom, sizes) is saved and restored by
:mod:`~diptych.gui.pane_layout`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from diptych.gui.article_model import article_labels
from diptych.gui.article_pane import ArticlePane
from diptych.gui.pane_put_back import put_back_panes
from diptych.gui.pane_room import (
    Growth,
    give_back_panel_widths,
    grow_for_another_pane,
    left_out_message,
    panel_widths,
    room_for_another_pane,
    shrink_back,
)
from diptych.gui.reading_places import ReadingPlaces
from diptych.gui.removed_panes import RemovedPanes
from diptych.gui.session import ProjectSession

MAX_PANES = 6


class PaneArea(QStackedWidget):
    """Holds the article panes, and a hint when there are none.

    Signals:
        currentPaneChanged(object): the current pane (an ArticlePane or None) changed, or the
            current pane now shows another article.
        passageClicked(int): a passage was clicked in any pane.
        tagKeyPressed(int): a tag key 1-9 was pressed in the current pane (the key).
        deleteKeyPressed(): Delete was pressed in a pane's text.
        contextMenuRequested(QPoint, int): a pane asks for its context menu.
        tooltipRequested(QPoint, int): hover over a passage in a pane.
        paneClosed(object): a pane closed; the article it showed (an id, or None).
        historyChanged(object): the current pane (or None) changed, or whether it can go
            Back or Forward.
    """

    currentPaneChanged = Signal(object)
    passageClicked = Signal(int)
    tagKeyPressed = Signal(int)
    deleteKeyPressed = Signal()
    contextMenuRequested = Signal(QPoint, int)
    tooltipRequested = Signal(QPoint, int)
    paneClosed = Signal(object)
    historyChanged = Signal(object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        self.hint = QLabel(
            "Open an article from the Library (double-click, or drag it here),\n"
            "or drop article files here to import them.",
            self,
        )
        self.hint.setObjectName("emptyHint")
        self.hint.setWordWrap(True)
        self.hint.setMargin(40)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)  # in the middle of the area
        self.addWidget(self.hint)
        self.addWidget(self.splitter)
        self._current: ArticlePane | None = None
        self._removed = RemovedPanes()  # undo brings their articles back into them
        self.places = ReadingPlaces()  # where each article was left, to go back to
        # The panels' widths before a pane was added, by how many panes there were then.
        self._panels: dict[int, dict[QDockWidget, int]] = {}
        # How the window grew for the pane added beside as many panes as each key, to
        # narrow it again when that pane closes.
        self._grown: dict[int, Growth] = {}
        # Told for each article removed or put back, after the list of articles changed.
        session.passagesChanged.connect(self.on_session_passages_changed)

    # -- panes ---------------------------------------------------------------------------
    def panes(self) -> list[ArticlePane]:
        """Panes from left to right."""
        return [self.splitter.widget(i) for i in range(self.splitter.count())]  # type: ignore[misc]

    @property
    def current(self) -> ArticlePane | None:
        """The pane that last had focus."""
        return self._current

    def set_current(self, pane: ArticlePane | None) -> None:
        """Make ``pane`` the current pane."""
        if pane is self._current:
            return
        if self._current is not None:
            self._current.header.set_current(False)
        self._current = pane
        if pane is not None:
            pane.header.set_current(True)
        self.currentPaneChanged.emit(pane)
        self.historyChanged.emit(pane)

    def add_pane(
        self, article_id: int | None = None, *, index: int = -1, resume: bool = True
    ) -> ArticlePane | None:
        """Add a pane (at the right by default), optionally showing an article (where its
        reader left it, with ``resume``); with no room for one, say why."""
        refusal = self.no_room()
        if refusal:
            self.session.messages.info(refusal)
            return None
        return self._insert_pane(article_id, index, resume=resume)

    def add_panes(
        self, article_ids: Sequence[int], *, index: int = -1, shown: int = 0, already: int = 0
    ) -> list[ArticlePane]:
        """Open each article in a new pane of its own, in order from ``index`` (the right
        end by default), as many as there is room for; the message says which were left out
        and why, counting ``shown`` articles of the same request opened in an existing pane
        and ``already`` open before."""
        opened: list[ArticlePane] = []
        for number, article_id in enumerate(article_ids):
            refusal = self.no_room()
            if refusal:
                asked = len(article_ids) + shown
                self.say_left_out(article_ids[number:], asked, refusal, already=already)
                break
            pane = self._opened(self._insert_pane(article_id, index + number if index >= 0 else -1))
            opened.extend([pane] if pane is not None else [])
        return opened

    def fill_and_add(
        self,
        pane: ArticlePane | None,
        article_ids: Sequence[int],
        *,
        index: int = -1,
        shown: int = 0,
        already: int = 0,
    ) -> list[ArticlePane]:
        """Open the first article in ``pane`` if it is empty (as New pane leaves it: its hint
        offers to fill it) and the others each in a new pane right of it; else each in a
        new pane from ``index``, as :meth:`add_panes`. The panes they opened in."""
        if pane is None or pane.article_id is not None or not article_ids:
            return self.add_panes(article_ids, index=index, shown=shown, already=already)
        self.show_in(pane, article_ids[0])
        after = self.splitter.indexOf(pane) + 1
        rest = self.add_panes(article_ids[1:], index=after, shown=shown + 1, already=already)
        return [pane, *rest]

    def _opened(self, pane: ArticlePane | None) -> ArticlePane | None:
        """``pane``, just added to show an article, if it does; closed, None, if the
        article could not be opened (removed in another window: its loader said so), so
        that no empty pane is left in its place."""
        if pane is not None and pane.article_id is None:
            self.close_pane(pane)
            return None
        return pane

    def _insert_pane(
        self, article_id: int | None, index: int, *, resume: bool = True
    ) -> ArticlePane:
        places = self._reading_places()  # the new pane takes width from the others
        panels = self._panels[self.splitter.count()] = panel_widths(self.window())
        grown = grow_for_another_pane(self.splitter, self.panes())
        if grown is not None:
            self._grown[self.splitter.count()] = grown
        pane = ArticlePane(self.session, self.splitter)
        self.splitter.insertWidget(index if index >= 0 else self.splitter.count(), pane)
        pane.activated.connect(lambda p=pane: self.set_current(p))
        pane.loaded.connect(lambda p=pane: self._on_pane_loaded(p))
        pane.closeRequested.connect(lambda p=pane: self.close_pane(p))
        pane.articleRemoved.connect(lambda article_id, p=pane: self._note_removed(p, article_id))
        pane.moveRequested.connect(lambda step, p=pane: self.move_pane(p, step))
        pane.articleLeft.connect(self.places.note)
        pane.header.showsArticleChanged.connect(self._show_positions)
        pane.history.changed.connect(lambda p=pane: self._on_pane_history_changed(p))
        pane.passageClicked.connect(self.passageClicked)
        pane.tagKeyPressed.connect(self.tagKeyPressed)
        pane.deleteKeyPressed.connect(self.deleteKeyPressed)
        pane.contextMenuRequested.connect(self.contextMenuRequested)
        pane.tooltipRequested.connect(self.tooltipRequested)
        self.setCurrentWidget(self.splitter)
        self._show_positions()
        self._even_sizes(places)
        give_back_panel_widths(self.window(), panels)
        if article_id is not None:
            self.show_in(pane, article_id, resume=resume)
        self.set_current(pane)
        return pane

    def show_in(self, pane: ArticlePane, article_id: int, *, resume: bool = True) -> None:
        """Show ``article_id`` in ``pane``: where its reader left it last, with ``resume``
        (else, as an article never read, at its beginning, or where a jump then goes)."""
        shown_already = pane.article_id == article_id
        pane.show_article(article_id)
        offset = self.places.place(article_id) if resume and not shown_already else 0
        if offset > 0:
            pane.when_loaded(lambda: pane.read_on(offset, offset))

    def open_beside(self, article_ids: Sequence[int], *, shown: int = 0) -> list[ArticlePane]:
        """Open each article in a new pane of its own, left to right, as many as there is
        room for, but not those open already, the first in the current pane if it is empty;
        the message says which were left out and why, counting ``shown`` articles of the
        same request opened already (in an existing pane). The keyboard goes to the last
        one opened, as it goes to an article opened alone; with all open already, to the
        last one's pane."""
        fresh = [i for i in dict.fromkeys(article_ids) if self.pane_for(i) is None]
        already = len(set(article_ids)) - len(fresh)
        opened = self.fill_and_add(self._empty_current(), fresh, shown=shown, already=already)
        if opened:
            opened[-1].view.setFocus()
        elif article_ids and not fresh and not shown:  # the keys to the last one's pane
            self.open_article(article_ids[-1])
        return opened

    def say_left_out(
        self, left_out: Sequence[int], asked: int, why: str, *, already: int = 0
    ) -> None:
        """Say which ``left_out`` of ``asked`` articles to open found no pane, and ``why``,
        naming each by its line in the Library (which tells twins apart by their files)."""
        labels = {a.id: label for a, label in article_labels(self.session.articles())}
        self.session.messages.info(left_out_message(labels, left_out, asked, already, why))

    def has_room(self) -> bool:
        """True if another pane can be added beside the open ones."""
        return self.no_room() is None

    def no_room(self) -> str | None:
        """Why no pane can be added now, or None if one can."""
        if self.splitter.count() >= MAX_PANES:
            return f"At most {MAX_PANES} panes can be open side by side."
        if self.isVisible() and not room_for_another_pane(self.splitter, self.panes()):
            return (
                "There is no room for another pane beside these: close a pane, hide a panel "
                "(View menu), or make the window wider."
            )
        return None

    def _on_pane_history_changed(self, pane: ArticlePane) -> None:
        if pane is self._current:
            self.historyChanged.emit(pane)

    def _on_pane_loaded(self, pane: ArticlePane) -> None:
        if pane is self._current:  # same pane, new article: the library follows it
            self.currentPaneChanged.emit(pane)

    def open_article(
        self, article_id: int, *, new_pane: bool = False, resume: bool = True
    ) -> ArticlePane | None:
        """Show an article: in its pane if already open, else the current or a new pane
        (``new_pane``: a new one, unless the current pane is empty, as New pane left it:
        that one is filled rather than left empty beside a new one); the keyboard goes to
        that pane in each case (opened from the Library with Enter, the keys go on in the
        article, whether it was open already or not). An article opened in a pane goes back
        to where its reader left it, unless ``resume`` is False (a jump to a passage or a
        search result in it, which goes there instead)."""
        target = None if new_pane else self.pane_for(article_id)
        if target is None:
            target = self._empty_current() if new_pane else self._free_pane()
            if target is None:
                target = self._opened(self.add_pane(article_id, resume=resume))
            else:
                self.show_in(target, article_id, resume=resume)
        if target is not None:
            self.set_current(target)
            target.view.setFocus()
        return target

    def open_from_library(self, article_id: int, *, new_pane: bool = False) -> None:
        """The Library's Open (Enter, a double-click; with ``new_pane``, Open beside), as
        :meth:`open_article`. An article open in another pane is gone to there even while
        the current pane is empty, and the status bar says how to show it in that one too:
        its hint offered to fill it."""
        empty = None if new_pane else self._empty_current()
        elsewhere = empty is not None and self.pane_for(article_id) is not None
        self.open_article(article_id, new_pane=new_pane)
        if elsewhere and empty is not None:
            self.session.messages.info(self._open_here_too(article_id, empty))

    def _open_here_too(self, article_id: int, empty: ArticlePane) -> str:
        """How to show an article, gone to in the pane showing it, in the empty pane too:
        by the mouse or the keys, the way back to that pane named (the pane on the right
        or on the left of this one)."""
        label = dict((a.id, text) for a, text in article_labels(self.session.articles()))
        panes = self.panes()
        shown = self.pane_for(article_id)
        steps = panes.index(empty) - (panes.index(shown) if shown is not None else 0)
        back = "Ctrl+Tab" if steps > 0 else "Ctrl+Shift+Tab"
        back += {1: "", 2: " twice"}.get(abs(steps), f" {abs(steps)} times")
        return (
            f"“{label.get(article_id, '')}” is open in this pane already. To show it in the "
            f"empty pane too, go back to that pane (click it, or {back}), then Open beside "
            "in the Library (Ctrl+Shift+L, then Shift+Enter)."
        )

    def _empty_current(self) -> ArticlePane | None:
        current = self._current
        return current if current is not None and current.article_id is None else None

    def _free_pane(self) -> ArticlePane | None:
        """The pane an article opened from the Library goes to: the current one if it is
        empty (as New pane leaves it), else the first empty one, else the current one once
        two stand side by side."""
        empty = [p for p in self.panes() if p.article_id is None]
        if empty:
            return self._empty_current() or empty[0]
        if len(self.panes()) < 2:
            return None  # side by side: the second article gets its own pane
        return self._current

    def close_pane(self, pane: ArticlePane) -> None:
        """Close one pane; the keyboard focus, if it was there, goes to its neighbour, or
        with none left stays in the reading area, on its hint (see :meth:`_keep_keys`)."""
        index = self.splitter.indexOf(pane)
        focused = QApplication.focusWidget()
        had_focus = focused is not None and (focused is pane or pane.isAncestorOf(focused))
        places = self._reading_places()  # before hiding it gives its width to the others
        if had_focus and self.panes() == [pane]:
            self._keep_keys()
        if pane.article_id is not None and pane.place_to_resume:  # not gone to yet
            self.places.note(pane.article_id, pane.place_to_resume)
        elif pane.article_id is not None and pane.loader.current is not None:
            self.places.note(pane.article_id, places[pane])
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        remaining = self.panes()
        self._show_positions()
        if not remaining:
            self.setCurrentWidget(self.hint)
            self.set_current(None)
        elif self._current is pane:
            self.set_current(remaining[min(index, len(remaining) - 1)])
        self._shrink_back()
        self._even_sizes(places)
        self._give_back_panels()
        if had_focus and self._current is not None:
            self._current.view.setFocus()
        self.paneClosed.emit(pane.article_id)

    def _keep_keys(self) -> None:
        """The last pane closing with the keyboard in it: the keyboard stays in the reading
        area, on the hint that says how to open an article (which a screen reader reads),
        rather than going on to the next field (the Library's filter, where the next key
        typed to tag filtered the Library), and an article opened again there, by redoing
        its import or undoing its removal, takes it back."""
        self.setCurrentWidget(self.hint)
        self.hint.setFocus(Qt.FocusReason.OtherFocusReason)

    def _shrink_back(self) -> None:
        """The window as narrow again as before it grew for the panes closed now, unless
        the user has resized it since (then it stays as they made it)."""
        count = self.splitter.count()
        for added in sorted((c for c in self._grown if c >= count), reverse=True):
            if not shrink_back(self.window(), self._grown.pop(added)):
                self._grown.clear()  # resized by hand: no growth of the program's is left
                return

    def _give_back_panels(self) -> None:
        """The panels as wide again as they were with as many panes as are left, if the
        window had to take room from them for the panes added since (closed now)."""
        count = self.splitter.count()
        for added in [c for c in self._panels if c > count]:
            del self._panels[added]
        give_back_panel_widths(self.window(), self._panels.get(count, {}))

    def _note_removed(self, pane: ArticlePane, article_id: int) -> None:
        index = self.splitter.indexOf(pane)
        if index >= 0:  # a pane closed already (deleted later) is no place to come back to
            self._removed.note(pane, article_id, index, current=pane is self._current)

    def on_session_passages_changed(self, article_id: int) -> None:
        """An article removed while it was open may be back (undo, of one or several at
        once): each of its panes opens again as it was (see :mod:`removed_panes`), unless
        the article is open already."""
        if self._removed.holds(article_id):
            put_back_panes(self, self._removed)

    def close_all(self) -> None:
        """Close every pane."""
        for pane in self.panes():
            self.close_pane(pane)

    def move_pane(self, pane: ArticlePane, step: int) -> None:
        """Move a pane one place left or right."""
        index = self.splitter.indexOf(pane)
        target = index + step
        if 0 <= target < self.splitter.count():
            sizes = self.splitter.sizes()
            self.splitter.insertWidget(target, pane)
            sizes[index], sizes[target] = sizes[target], sizes[index]
            self.splitter.setSizes(sizes)
            self._show_positions()

    def _show_positions(self) -> None:
        """Tell each pane's header where it can move (its ☰ menu's Move pane left and
        right): to a neighbour's place, unless both are empty (swapping them would change
        nothing seen)."""
        shown = [pane.header.shows_article for pane in self.panes()]
        for index, pane in enumerate(self.panes()):
            left = index > 0 and (shown[index] or shown[index - 1])
            right = index < len(shown) - 1 and (shown[index] or shown[index + 1])
            pane.header.set_moves(left, right)

    def focus_neighbour(self, step: int) -> None:
        """Move the keyboard focus to the next (+1) or previous (-1) pane, cycling; from
        outside the panes (a panel, the toolbar) to the current pane first, the one marked
        as such, rather than past it to its neighbour."""
        panes = self.panes()
        if not panes:
            return
        # The application's focus first: a panel floated off the window is a window of
        # its own, of which the main window knows nothing.
        focus = QApplication.focusWidget() or self.window().focusWidget()
        if self._current in panes and not (focus is not None and self.isAncestorOf(focus)):
            target = self._current
        else:
            here = panes.index(self._current) if self._current in panes else 0
            target = panes[(here + step) % len(panes)]
        self.set_current(target)
        target.view.setFocus()

    def pane_for(self, article_id: int) -> ArticlePane | None:
        """The first pane showing ``article_id``."""
        return next((p for p in self.panes() if p.article_id == article_id), None)

    def _reading_places(self) -> dict[ArticlePane, int]:
        """The article offset at the top of each pane."""
        return {pane: pane.reading_place() for pane in self.panes()}

    def _even_sizes(self, places: dict[ArticlePane, int] | None = None) -> None:
        """Share the width evenly; each pane keeps its reading place (``places``, or now).

        The text wraps again at the new width, which would otherwise move the reader's place.
        """
        panes = self.panes()
        if not panes:
            return
        places = self._reading_places() if places is None else places
        width = max(self.splitter.width(), 400)
        self.splitter.setSizes([width // len(panes)] * len(panes))
        for pane in panes:
            if places.get(pane, 0) > 0:
                pane.scroll_to_offset(places[pane])
