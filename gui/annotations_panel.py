"""The Passages panel: every passage of the project in a filterable, sortable table.

Orphans (passages whose text is gone since their article was updated) have a tab of
their own, with a hint on how to re-attach them; they are never deleted for the user.
The table is :mod:`diptych.gui.passage_widgets`'s; which row is chosen, kept while rows
change, :mod:`diptych.gui.passage_list_selection`'s; the filters above it,
:mod:`diptych.gui.passage_filter_fields`'.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui import dialogs
from diptych.gui.commands import perform
from diptych.gui.hint_label import show_as_hint
from diptych.gui.passage_cells import ARTICLE_ID_ROLE, PASSAGE_ID_ROLE, Column
from diptych.gui.passage_commands import ChangeTagsOfPassages, DeletePassage, DeletePassages
from diptych.gui.passage_count_hint import other_tab_text
from diptych.gui.passage_filter import OrphanFilter, PassageFilter
from diptych.gui.passage_filter_fields import PassageFilterFields
from diptych.gui.passage_list_menu import show_passage_menu
from diptych.gui.passage_list_selection import PassageListSelection, selected_rows
from diptych.gui.passage_model import PassageTableModel
from diptych.gui.passage_widgets import ComboItem, PassageTable
from diptych.gui.read_only import refused_read_only
from diptych.gui.session import ProjectSession
from diptych.gui.type_ahead import erase_last, erases, type_into, typed_text
from diptych.gui.vertical_scroll import VerticalScroll
from diptych.gui.wrapped_label import WrappedLabel

PASSAGES_TAB = 0
MARK_CHECKED = QKeySequence("Ctrl+K")  # the passages chosen, found approximately: checked
ASK_BEFORE_DELETING = 10  # passages deleted at once from this many on: asked first
SEVERAL_SELECTED = "{} passages selected: Del deletes them, Shift+F10 tags or untags them all."
ORPHANS_TAB = 1
NO_MATCH = "No passage matches these filters."
ORPHAN_HINT = (
    "Orphans are passages whose text is no longer in their article since it was updated. "
    "They keep their tags and note. To re-attach one, press Enter on it (or double-click "
    "it) to open its article with it chosen, select the text it belongs to there and "
    "choose “Re-attach to selection” in the Passage panel."
)


class AnnotationsPanel(QWidget):
    """Filters, a Passages / Orphans tab bar, and the table of passages.

    Args:
        session: the open project.
        parent: the owning widget.

    Signals:
        passageActivated(int, int): Enter was pressed on a row, or it was double-clicked:
            the passage's id and its article's id (open the article and select the
            passage, the keyboard going there).
        passageShown(int, int): a row was clicked: the same, but the keyboard stays in the
            list (Ctrl+A and Del there act on the passages listed, as they look to).
        passageSelected(int): the user moved the current row to this passage (keys, a
            click, or Delete, which moves on to the next row); not emitted by
            :meth:`select_passage` nor when rows are removed, filtered or reset.
        noteRequested(): "Edit note" was chosen in a passage's menu (as F2 in the list).
    """

    passageActivated = Signal(int, int)
    passageShown = Signal(int, int)
    passageSelected = Signal(int)
    noteRequested = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._said_selected = ""  # what the status bar was told of the rows selected
        self.model = PassageTableModel(session, PassageFilter(orphans=OrphanFilter.ANCHORED))
        self.filters = PassageFilterFields(session, self.model, self)
        # The filter fields are the panel's own, as its tabs and table are.
        self.search = self.filters.search
        self.tag_combo = self.filters.tag_combo
        self.article_combo = self.filters.article_combo
        self.coder_combo = self.filters.coder_combo
        self.check_combo = self.filters.check_combo
        self._build_tabs()
        self.table = PassageTable(self.model, self)
        # Gone to with its key, nothing typed since: the words typed next begin a new filter.
        self._new_filter = False
        self.table.setAccessibleName("Passages")
        self.table.installEventFilter(self)
        self.selection = PassageListSelection(session, self.model, self.table)
        # In a short dock the whole panel scrolls, filters stacked and hints wrapped in full,
        # rather than squeeze them over one another and the table.
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(self.filters.rows)
        layout.addWidget(self.tabs)
        layout.addWidget(self.orphan_hint)
        layout.addWidget(self.reading_hint)
        layout.addWidget(self.no_match)
        layout.addWidget(self.other_tab_hint)
        layout.addWidget(self.table, 1)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(VerticalScroll(body, self, most=0.2))
        self._order_tab_stops()
        self._connect()
        self.filters.on_session_tags_changed()
        self.filters.on_session_articles_changed()
        self.on_session_passages_changed(0)

    # -- building --------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        self.tabs = QTabBar(self)
        self.tabs.addTab("Passages")
        self.tabs.addTab("Orphans (0)")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        # Its scroll arrows, shown only when the tabs are cut short, are no Tab stops: the
        # keyboard went to a hidden, unnamed button after the tabs.
        for arrow in self.tabs.findChildren(QToolButton):
            arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.installEventFilter(self)
        self._tab_switched_by_key = False  # the tabs switched while they have the keyboard
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.orphan_hint = self._hint(ORPHAN_HINT, "orphanHint", wrap=True)
        self.orphan_hint.hide()
        self.reading_hint = self._hint("Reading the passages…")
        self.reading_hint.setVisible(self.model.reading)
        self.no_match = self._hint(NO_MATCH, "passagesNoMatch", wrap=True)  # else no rows, unsaid
        self.no_match.hide()
        self.other_tab_hint = self._hint("", "passagesOtherTab", wrap=True)
        self.other_tab_hint.hide()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.hasFocus():
            self._tab_switched_by_key = True

    def _order_tab_stops(self) -> None:
        """Tab goes from the filter field to the list, and Shift+Tab back; the lists that
        filter by tag, article and coder and the tabs come after the list: reached between
        the two, Home or Down there changed what was listed instead of choosing a row."""
        stops = (
            self.search,
            self.table,
            self.tag_combo,
            self.article_combo,
            self.coder_combo,
            self.check_combo,
        )
        for first, second in pairwise((*stops, self.tabs)):
            QWidget.setTabOrder(first, second)

    def _hint(self, text: str, name: str = "", *, wrap: bool = False) -> QLabel:
        """A line of help above the table, in the placeholder text's colour."""
        label = WrappedLabel(text, self) if wrap else QLabel(text, self)
        label.setObjectName(name)
        label.setContentsMargins(4, 2, 4, 2)
        show_as_hint(label)
        return label

    def _connect(self) -> None:
        self.search.installEventFilter(self)
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        self.table.clicked.connect(self.on_table_clicked)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(partial(show_passage_menu, self))
        self.selection.passageChosen.connect(self.passageSelected)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.model.rowsRemoved.connect(self.on_model_rows_changed)
        self.model.rowsInserted.connect(self.on_model_rows_changed)
        self.model.modelReset.connect(self.on_model_reset)
        self.model.readingChanged.connect(self.on_model_reading_changed)
        self.session.passagesChanged.connect(self.on_session_passages_changed)
        self.session.passagesChangedIn.connect(self.on_session_passages_changed_in)
        self.session.passageUpdated.connect(self.on_session_passage_updated)
        self.session.allPassagesChanged.connect(self.on_session_all_passages_changed)

    # -- public ----------------------------------------------------------------------------
    def select_passage(self, annotation_id: int) -> bool:
        """Select a passage's row, switching to the Orphans tab or back if needed.

        Filters the user set are kept: if they hide the passage, no row is selected.

        Returns:
            True if the passage's row is now selected.
        """
        self.selection.chosen = annotation_id
        passage = self.model.find(annotation_id)
        if passage is None:
            self.table.clearSelection()
            return False
        self.tabs.setCurrentIndex(ORPHANS_TAB if passage.is_orphan else PASSAGES_TAB)
        index = self.selection.index_of(annotation_id)
        if self.selection.stepping and index.row() == self.table.currentIndex().row():
            return True  # the row the user is stepping onto: the table selects as it goes
        self.selection.make_current(index)
        if index.isValid():
            self.table.scrollTo(index)
        return index.isValid()

    def set_tag_filter(self, tag_id: int | None) -> None:
        """Show only passages with this tag or one of its sub-tags (None: every tag)."""
        position = self.tag_combo.findData(tag_id) if tag_id is not None else 0
        self.tag_combo.setCurrentIndex(max(position, 0))

    def current_passage(self) -> int | None:
        """The id of the passage on the current row, if any."""
        return self.selection.current_passage()

    def copy_chosen(self) -> None:
        """Copy the selected passages (the current one if none is selected) to the
        clipboard, quote, citation and note (see :mod:`diptych.gui.passage_copy`)."""
        from diptych.gui.passage_copy import copy_passages

        chosen = self.selection.selected_passages()
        current = self.current_passage()
        copy_passages(self.session, chosen or ([] if current is None else [current]))

    def delete_current(self) -> None:
        """Delete the passage on the current row (undoable), then select the next row;
        with several rows selected, their passages, as one step."""
        several = self.selection.selected_passages()
        if len(several) > 1:
            self.delete_passages(several)
            return
        annotation_id = self.current_passage()
        row = self.table.currentIndex().row()
        if annotation_id is None or not self.table.selectionModel().isRowSelected(row):
            # The row the table makes current when it gets the keyboard is not chosen.
            self.session.messages.info("Select a passage in the list first.")
            return
        if refused_read_only(self.session, "no passage can be deleted"):
            return
        if not perform(self.session, DeletePassage(self.session, annotation_id)):
            return
        self.session.messages.info("Passage deleted — Ctrl+Z to undo")
        self.choose_row(row)

    def delete_passages(self, annotation_ids: list[int]) -> None:
        """Delete several passages as one step (Ctrl+Z puts them all back), then select the
        row after the first of them."""
        if refused_read_only(self.session, "no passage can be deleted"):
            return
        count = len(annotation_ids)
        if count >= ASK_BEFORE_DELETING and not dialogs.ask_plain(
            self,
            "Delete passages",
            f"Delete these {count} passages with their tags and notes? Edit > Undo "
            "(Ctrl+Z) brings them all back.",
        ):
            return  # Ctrl+A and Del: every passage listed, asked about once
        rows = [self.model.row_of(i) for i in annotation_ids]
        row = min((r for r in rows if r >= 0), default=0)
        if not perform(self.session, DeletePassages(self.session, annotation_ids)):
            return
        self.session.messages.info(f"{count} passages deleted — Ctrl+Z to undo")
        self.choose_row(row)

    def choose_row(self, row: int) -> None:
        """After rows left the list (deleted, or no longer matching its filters): the row
        now at ``row`` (the last if fewer are left) is chosen, as if the user had stepped
        onto it."""
        following = self.model.index(min(row, self.model.rowCount() - 1), 0)
        if following.isValid():
            self.selection.choose(following)

    def tag_passages(self, annotation_ids: list[int], tag_id: int, *, remove: bool = False) -> None:
        """Put a tag on several passages (``remove``: take it off them) as one step; they
        stay selected for the next."""
        if refused_read_only(self.session, "no passage can be tagged"):
            return
        name = f"“{self.session.codebook().path(tag_id)}”"
        stored = self.session.passages(annotation_ids)
        carrying = {i for i, p in stored.items() if tag_id in p.tag_ids}
        changing = len(carrying) if remove else len(annotation_ids) - len(carrying)
        if not changing:
            already = "carries" if len(annotation_ids) == 1 else "carry"
            self.session.messages.info(
                f"None of these passages {already} {name}."
                if remove
                else f"{_all(len(annotation_ids))} passages {already} {name} already."
            )
            return
        command = ChangeTagsOfPassages(self.session, annotation_ids, tag_id, remove=remove)
        if not perform(self.session, command):
            return
        self.selection.select_passages(annotation_ids)
        count = f"{changing} passage{'' if changing == 1 else 's'}"
        done = f"{name} taken off {count}" if remove else f"{count} tagged with {name}"
        self.session.messages.info(f"{done} — Ctrl+Z to undo")

    # -- slots -----------------------------------------------------------------------------
    def on_tabs_current_changed(self, position: int) -> None:
        """Show anchored passages or orphans."""
        orphans = position == ORPHANS_TAB
        self.orphan_hint.setVisible(orphans)
        which = OrphanFilter.ORPHANS if orphans else OrphanFilter.ANCHORED
        self.model.set_filter(replace(self.model.filter, orphans=which))

    def on_table_clicked(self, index: QModelIndex) -> None:
        """Show the clicked passage in its article, the keyboard staying in the list (not
        one clicked with Shift or Ctrl, which select several rows)."""
        several = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        if index.isValid() and not QApplication.keyboardModifiers() & several:
            annotation_id = int(index.data(PASSAGE_ID_ROLE))
            self.passageShown.emit(annotation_id, int(index.data(ARTICLE_ID_ROLE)))

    def on_table_double_clicked(self, index: QModelIndex) -> None:
        """Go to the passage in its article, as Enter does: the keyboard goes there."""
        self._activate(index)

    def on_table_selection_changed(self) -> None:
        """Several rows selected by the user: say what can be done with them all (and no
        longer once one is left)."""
        count = len(selected_rows(self.table))
        if count > 1 and self.table.hasFocus():
            self._said_selected = SEVERAL_SELECTED.format(count)
            self.session.messages.info(self._said_selected)
        elif count <= 1 and self._said_selected:
            window = self.window()
            if isinstance(window, QMainWindow):
                bar = window.statusBar()
                if bar.currentMessage() == self._said_selected:
                    bar.clearMessage()
            self._said_selected = ""

    def on_model_rows_changed(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        """Rows went or came (deleted, undone): say if none matches the filters."""
        self._show_matches()

    def on_model_reset(self) -> None:
        """The rows were read or filtered again: say if none matches the filters."""
        self._show_matches()

    def _show_matches(self) -> None:
        """Say when the filters leave no passage, or leave some in the other tab (a tag's
        count in the Codebook takes in its orphans); to a screen reader too, as the
        table's description."""
        wanted = self.model.filter
        filtered = (
            bool(wanted.text.strip())
            or wanted.to_check
            or any(value is not None for value in (wanted.tag_id, wanted.article_id, wanted.coder))
        )
        ready = filtered and not self.model.reading
        shown, other = self.model.rowCount(), self.model.other_tab_count() if ready else 0
        orphans_tab = wanted.orphans is OrphanFilter.ORPHANS
        said = other_tab_text(shown, other, orphans_tab=orphans_tab) if other else ""
        self.other_tab_hint.setText(said)
        self.other_tab_hint.setVisible(bool(said))
        none = ready and shown == 0 and not other
        self.no_match.setVisible(none)
        self.table.setAccessibleDescription(NO_MATCH if none else said)
        # The tab counts what it lists under the filters, of all the orphans
        every = self.model.orphan_count()
        matching = (shown if orphans_tab else other) if ready and wanted.orphans else every
        label = f"{matching} of {every}" if matching != every else f"{every}"
        self.tabs.setTabText(ORPHANS_TAB, f"Orphans ({label})")
        self.filters.count_to_check()  # "To check" likewise

    def on_model_reading_changed(self, reading: bool) -> None:
        """Say that a big project's passages are being read; count them once they are in."""
        self.reading_hint.setVisible(reading)
        self._show_matches()
        if not reading:
            self.on_session_passages_changed(0)

    def on_session_all_passages_changed(self) -> None:
        """Passages of any article changed: the counts and lists once, not per article."""
        self.on_session_passages_changed(0)

    def on_session_passage_updated(self, article_id: int, _annotation_id: int) -> None:
        """One passage changed: its article's passages did."""
        self.on_session_passages_changed(article_id)

    def on_session_passages_changed_in(self, _article_ids: list[int]) -> None:
        """Passages of several articles changed at once: the counts once, not per article."""
        self.on_session_passages_changed(0)

    def on_session_passages_changed(self, article_id: int) -> None:
        """Update the orphan count, the list of coders, how many are to check, and how
        many match in each tab."""
        if article_id and self.session.in_bulk:
            return  # counted once for them all (on_session_passages_changed_in)
        self._show_matches()  # the Orphans tab's count and how many are to check with them
        names = self.model.coders()
        if self.coder_combo.refill("All coders", [ComboItem(name, name) for name in names]):
            width = min(self.table.text_width(["Coder", *names]), 180)
            self.table.horizontalHeader().resizeSection(Column.CODER, width)

    # -- helpers ---------------------------------------------------------------------------
    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            annotation_id = int(index.data(PASSAGE_ID_ROLE))
            self.passageActivated.emit(annotation_id, int(index.data(ARTICLE_ID_ROLE)))

    def _from_filter(self, event: QKeyEvent) -> bool:
        """Keys in the filter field that lead to the matches, as in the Library: Down moves
        into them, Enter opens the selected match (the first if none is). False if the key
        is not one of these, or nothing matches."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if not (enter or event.key() == Qt.Key.Key_Down) or not self.model.rowCount():
            return False
        if not self.table.currentIndex().isValid():  # as if the user had stepped onto it
            self.selection.choose(self.model.index(0, 0))
        if enter:
            self._activate(self.table.currentIndex())
        else:
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _typed_into_filter(self, event: QKeyEvent) -> bool:
        """Words typed in the list go on in the filter field, a Shift+Tab up: Ctrl+Shift+P
        then the words filters the passages (see :mod:`~diptych.gui.type_ahead`); so
        does Backspace, taking back the filter's last letter."""
        text = typed_text(event)
        if text:
            type_into(self.search, text, replace=self._new_filter)
        elif not (erases(event) and erase_last(self.search)):
            return False  # Backspace with the filter empty: the list's
        self._new_filter = False
        return True

    def reached_by_key(self) -> None:
        """The Passages list was gone to with its key (Ctrl+Shift+P): the words typed next
        in it replace the filter's, as in a search field, as the Library's do."""
        self._new_filter = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter opens the current passage; Delete deletes it; Ctrl+C copies the passages
        selected; Ctrl+K marks them as checked; Shift+F10 and the Menu key open its menu;
        words typed in the list go into the filter field; Down and Enter in the filter
        field lead to the matches, Esc clears it."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain and self._from_filter(event):
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()  # every passage again, as in the Library
                return True
        if watched is self.tabs and event.type() == QEvent.Type.FocusOut:
            self._tab_switched_by_key = False
        if watched is self.tabs and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            # Tabs switched with the arrows: Tab goes to the list they now show (Passages
            # or Orphans), which comes before them in the panel's order; else on, as ever.
            tab = event.key() == Qt.Key.Key_Tab and not event.modifiers()
            if tab and self._tab_switched_by_key and self.table.isVisible():
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        if watched is self.table and event.type() == QEvent.Type.FocusOut:
            self._new_filter = False  # the visit by the key ends
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._typed_into_filter(event):
                return True
            if dialogs.is_menu_key(event):
                show_passage_menu(self)
                return True
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_chosen()  # the passages, not the current cell's text
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self.table.currentIndex())
                return True
            if event.key() == Qt.Key.Key_Space and not event.modifiers():
                # The row framed is chosen: a list of one row could not be stepped onto.
                current = self.table.currentIndex()
                if current.isValid():
                    self.selection.choose(current)
                    return True
            if QKeySequence(event.keyCombination()) == MARK_CHECKED:
                from diptych.gui.passage_checks import mark_chosen_checked

                mark_chosen_checked(self)
                return True
            if event.key() == Qt.Key.Key_Delete and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                self.delete_current()
                return True
        return super().eventFilter(watched, event)


def _all(count: int) -> str:
    """ "Both" for two, "All 5" for more."""
    return "Both" if count == 2 else f"All {count}"
