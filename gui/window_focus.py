"""Where the keyboard goes in the main window: to the current article when the panel it
was in is hidden or covered by another's tab; into a panel gone to from the View menu; into
a passage's note (F2) and back out of it, or out of a memo, with Esc."""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar, QWidget
from shiboken6 import isValid

from diptych.gui.article_pane import ArticlePane
from diptych.gui.coding_palette import PICK_IN_LIST
from diptych.gui.context import AppContext
from diptych.gui.passage_selection import NO_PASSAGE_SELECTED
from diptych.gui.session import ProjectSession
from diptych.gui.window_parts import WindowParts

PANEL_TABS = "Panels"  # panels tabbed together: their tabs, as a screen reader names them
PASSAGE_PANEL_CLOSED = (
    "The Passage panel, which shows a clicked passage's tags and note, is closed: "
    "View > Passage opens it again."
)


class WindowFocus(WindowParts):
    """The keyboard focus as panels come and go, and in and out of notes and memos."""

    def __init__(self, context: AppContext, session: ProjectSession) -> None:
        super().__init__(context, session)
        self._note_from: QWidget | None = None  # where Esc in the note goes back to

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A panel hidden (its ×, the View menu, a tab in front) with the focus in it
        gives the focus to the current article, not to whichever panel is next."""
        if (
            event.type() == QEvent.Type.Hide
            and isinstance(watched, QDockWidget)
            and self.isVisible()  # not the whole window closing
            and (focus := QApplication.focusWidget()) is not None
            and watched.isAncestorOf(focus)
            and self.area.current is not None
        ):
            self.area.current.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return super().eventFilter(watched, event)

    def childEvent(self, event: QChildEvent) -> None:
        """The bar of tabs of panels tabbed together, which Qt makes as they are tabbed
        (at the start, from the layout restored, or dragged onto each other), is given an
        accessible name, as every control the Tab key goes through has: it had none. (Qt's
        screen reader interface for a tab bar says the current tab's title as its name.)

        The child is looked at only once it is polished. An object being added is not
        made yet: asking PySide6 for it (``event.child()``) made it search every class
        below QObject for the object's type, building 34 Qt classes the window never uses
        (QProcess, QThread, QGraphicsScene…) and their 63 enums before the first paint."""
        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()
            if isinstance(child, QTabBar):
                child.setAccessibleName(PANEL_TABS)
        super().childEvent(event)

    def on_tabified_dock_widget_activated(self, dock: QDockWidget) -> None:
        """A tab brought ``dock`` in front of the panel the keyboard is in: the focus goes
        to the current article, as when a panel is hidden. The panels behind a tab are
        only covered, never hidden to Qt, so the words typed next went on into a memo out
        of sight (the event filter above never heard of them)."""
        focus = QApplication.focusWidget()
        if focus is None or dock.isAncestorOf(focus):
            return
        if any(d.isAncestorOf(focus) for d in self.tabifiedDockWidgets(dock)):
            self._focus_article(focus)

    def on_dock_visibility_changed(self, dock: QDockWidget, visible: bool) -> None:
        """A panel covered by another's tab (or closed) hides its contents, and shows them
        again in front: Qt only moves a covered panel out of sight, so the Tab key went on
        through its fields, and what was typed there changed a memo no one could see."""
        content = dock.widget()
        focus = QApplication.focusWidget()
        if not visible and focus is not None and content.isAncestorOf(focus):
            self._focus_article(focus)
        content.setVisible(visible)

    def cover_panels_behind_tabs(self) -> None:
        """Hide the contents of the panels behind another's tab as the window is shown
        (those covered later are told as their tab is left)."""
        for dock in self.docks.values():
            if dock.isVisible() and self.tabifiedDockWidgets(dock):
                self.on_dock_visibility_changed(dock, not self.covered(dock))

    def covered(self, dock: QDockWidget) -> bool:
        """True if another panel's tab is in front of ``dock``. (A floating panel's contents
        can fill it, leaving none of it to be seen but them: it is never covered.)"""
        return (
            not dock.isFloating()
            and bool(self.tabifiedDockWidgets(dock))
            and dock.visibleRegion().isEmpty()
        )

    def _focus_article(self, focus: QWidget) -> None:
        """The keyboard to the current article; with none, nowhere (rather than unseen)."""
        if self.area.current is not None:
            self.area.current.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            focus.clearFocus()

    def go_to_panel(self, name: str) -> None:
        """Show a panel, above any it is tabbed with, and put the keyboard focus in it."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        article_open = self.area.current is not None and self.area.current.article_id is not None
        memo = self.memos.article_memo if article_open else self.memos.project_memo
        targets = {"library": self.library.view, "codebook": self.tags.view,
                   "passages": self.passages.table, "memos": memo}  # fmt: skip
        if name == "library":  # the words typed next begin a new filter
            self.library.reached_by_key()
        elif name == "passages":
            self.passages.reached_by_key()
        targets[name].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_area_passage_clicked(self, _annotation_id: int) -> None:
        """A highlight clicked with the Passage panel closed: say where its tags and note
        are, as the click shows nothing else (the panel stays closed, as it was chosen)."""
        if self.docks["passage"].isHidden():
            self.session.messages.info(PASSAGE_PANEL_CLOSED)

    def on_edit_note_triggered(self) -> None:
        """F2: write the note of a passage; Esc in the note comes back to the article or the
        passages list. As Del and 1-9 do: from the passages list, the passage chosen there;
        from an article, the passage outlined there and in view (see
        :meth:`PassageSelection.note_target`), never one the caret left, one scrolled away
        or one of another article, saying why in the status bar."""
        focus = QApplication.focusWidget()
        in_list = focus is not None and self.passages.isAncestorOf(focus)
        pane = self.area.current
        in_article = pane is not None and focus is not None and self.area.isAncestorOf(focus)
        if in_list:
            annotation_id, refusal = self.coding.chosen_in(self.passages), PICK_IN_LIST
        elif in_article and pane is not None:
            annotation_id, refusal = self.coding.selection.note_target(pane)
        else:
            at_cursor = pane.view.passage_at_cursor() if pane is not None else 0
            annotation_id, refusal = self.coding.selected or at_cursor, NO_PASSAGE_SELECTED
        if not annotation_id:
            self.session.messages.info(refusal)
            return
        if annotation_id != self.coding.selected:
            self.coding.select_passage(annotation_id)
        self._note_from = focus if in_list else pane
        self.docks["passage"].show()
        self.docks["passage"].raise_()
        self.editor.edit_note()

    def on_editor_note_left(self) -> None:
        """Esc in the note: back to the article or the passages list it was opened from."""
        origin, self._note_from = self._note_from, None
        if origin is not None and not isValid(origin):
            origin = None  # its pane was closed meanwhile: back to the current one
        if origin is not None and self.passages.isAncestorOf(origin) and origin.isVisible():
            origin.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        panes = self.area.panes()
        pane = origin if isinstance(origin, ArticlePane) and origin in panes else None
        pane = pane or self.area.current
        if pane is not None:
            pane.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_memos_memo_left(self) -> None:
        """Esc in a memo (saved): back to the article in the current pane."""
        pane = self.area.current
        target = pane.view if pane is not None else self.library.view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
