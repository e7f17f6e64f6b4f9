"""The library: every article of the project, to open into panes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui import dialogs
from diptych.gui.article_commands import RemoveArticles
from diptych.gui.article_model import ArticleListModel, article_label
from diptych.gui.clear_button import give_clear_button
from diptych.gui.commands import perform
from diptych.gui.field_undo import pass_undo_on
from diptych.gui.library_menu import article_menu
from diptych.gui.library_selection import LibrarySelection, article_at
from diptych.gui.library_view import LibraryView, TitleFilter, no_title_holds
from diptych.gui.read_only import grey_widget, refused_read_only
from diptych.gui.session import ProjectSession
from diptych.gui.type_ahead import erase_last, type_into
from diptych.storage.wording import counted

NAMED_TITLES = 5  # a removal of up to this many articles names each of them


class LibraryPanel(QWidget):
    """A filterable list of articles; several can be selected (Ctrl/Shift with a click or
    the arrows, Ctrl+A) to open or remove them together.

    What the filter hides is not selected (Qt drops hidden rows from the selection), so an
    action on the selection acts on the highlighted rows only, never on a hidden one.

    Signals:
        openRequested(int, bool): open article id; True to open it in a new pane.
        openBesideRequested(list): open each of these article ids in a new pane.
        importRequested(): the user wants to import article files.
        renameRequested(int): rename article id.
        sourceAddressRequested(int): give article id the address it was saved from.
        sourcePageRequested(int): open the page article id was saved from.
        reimportRequested(int): replace article id's text with a newer file.
        removeRequested(int): remove article id from the project.
        removeArticlesRequested(list): remove these article ids (several) from the project.
    """

    openRequested = Signal(int, bool)
    openBesideRequested = Signal(list)
    importRequested = Signal()
    renameRequested = Signal(int)
    sourceAddressRequested = Signal(int)
    sourcePageRequested = Signal(int)
    reimportRequested = Signal(int)
    removeRequested = Signal(int)
    removeArticlesRequested = Signal(list)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # The Library was gone to with its key, and nothing typed since in the list: the
        # words typed next begin a new filter (see reached_by_key).
        self._new_filter = False
        self.model = ArticleListModel(session)
        self.proxy = TitleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter articles")
        self.filter.setAccessibleName("Filter articles")  # the placeholder goes when typing
        give_clear_button(self.filter, "Clear the article filter")
        pass_undo_on(self.filter)
        self.view = LibraryView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Articles")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        import_button = QPushButton("Import…", self)
        import_button.setToolTip(
            "Import articles (.txt, .md, .html); or drop files or folders on the window"
        )
        open_button = QPushButton("Open beside", self)
        open_button.setToolTip("Open each selected article in a new pane (Shift+Enter)")
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
        self.selection = LibrarySelection(self.model, self.proxy, self.view, self.filter)
        for changed in (self.filter.textChanged, self.proxy.rowsInserted,
                        self.proxy.rowsRemoved, self.proxy.modelReset):  # fmt: skip
            changed.connect(self._show_matches)
        self.view.activated.connect(self.on_view_activated)
        self.view.typed.connect(self.on_view_typed)
        self.view.erased.connect(self.on_view_erased)
        self.view.installEventFilter(self)
        self.view.customContextMenuRequested.connect(self.on_view_context_menu)
        import_button.clicked.connect(self.importRequested)
        if session.read_only:  # greyed, saying why, not refused once files are chosen
            grey_widget(import_button)
        open_button.clicked.connect(lambda: self.on_open_button_clicked())
        session.articlesRestored.connect(self.selection.select_all_of)
        self._show_matches()

    def _show_matches(self, *_changed: object) -> None:
        """Say when the filter leaves no article, or the project has none yet (the list is
        then just empty), to a screen reader too (as the list's description)."""
        words = self.filter.text().strip()
        text = ""
        if not self.model.rowCount() and self.session.read_only:  # Import… is greyed
            text = "No articles yet, and none can be imported into a read-only project."
        elif not self.model.rowCount():
            text = "No articles yet. Import some with Import… below, or drop article files or "
            text += "folders on the window."
        elif words and not self.proxy.rowCount():
            text = f"{no_title_holds(words)}."
        self.no_match.setText(text)
        self.no_match.setVisible(bool(text))
        self.view.setAccessibleDescription(text)

    def article_at(self, index: QModelIndex) -> int | None:
        """Article id of a view index."""
        return article_at(index)

    def selected_articles(self) -> list[int]:
        """The articles selected in the list, in list order (none the filter hides)."""
        return self.selection.articles()

    def selected_article(self) -> int | None:
        """The article selected in the list; of several, the current one (where the
        keyboard is) if it is selected, else the first. None if none is selected."""
        return self.selection.article()

    def select_article(self, article_id: int) -> None:
        """Select an article's row, and only it; unless it is one of several selected
        (opened beside, say, and now in the current pane): it becomes the current one of
        them, and they stay selected."""
        self.selection.select(article_id)

    def reached_by_key(self) -> None:
        """The Library was gone to with its key (Ctrl+Shift+L): the words typed next in the
        list replace the filter's, as in a search field, where they were added to the old
        words ("long" and "housing" gave "longhousing")."""
        self._new_filter = True

    def on_view_typed(self, text: str) -> None:
        """Words typed in the list go on in the filter field, or begin it anew."""
        type_into(self.filter, text, replace=self._new_filter)
        self._new_filter = False

    def on_view_erased(self) -> None:
        """Backspace in the list takes back the filter's last letter (in the field then)."""
        if erase_last(self.filter):
            self._new_filter = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The keyboard leaving the list ends a visit by the Library's key."""
        if watched is self.view and event.type() == QEvent.Type.FocusOut:
            self._new_filter = False
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F2 renames the selected article; Delete removes the selected articles (after
        asking), as in the codebook; Shift+Enter opens them beside; Shift+F10 or the Menu
        key opens their menu (Update from newer file…); the last two in the list only. In
        the filter field F2 and Delete edit its text, Down moves into the list of matches,
        Enter opens the selected matches (the first if none is), beside with Shift, and
        Esc clears it."""
        chosen, key = self.selected_articles(), event.key()
        if key == Qt.Key.Key_Escape and self.filter.hasFocus() and self.filter.text():
            self.filter.clear()  # every article again, as in the find bar
            return
        if chosen and self._on_articles_key(chosen, event):
            return
        if not chosen and self.view.hasFocus() and key in (Qt.Key.Key_F2, Qt.Key.Key_Delete):
            self._say_none_selected("rename" if key == Qt.Key.Key_F2 else "remove")
            return
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (key == Qt.Key.Key_Down or enter) and self.filter.hasFocus() and self.proxy.rowCount():
            if not chosen:  # filtered out, or none yet
                current = self.view.currentIndex()
                self.view.select_only(current if current.isValid() else self.proxy.index(0, 0))
            if enter:  # open the match (beside with Shift)
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._emit_open(new_pane=bool(shift))
            else:
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            super().keyPressEvent(event)

    def _on_articles_key(self, chosen: list[int], event: QKeyEvent) -> bool:
        """Act on the selected articles for a key; False if the key is not one for them."""
        key, in_list = event.key(), self.view.hasFocus()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        edit_key = key in (Qt.Key.Key_F2, Qt.Key.Key_Delete)
        if edit_key and refused_read_only(self.session, "no article can be renamed or removed"):
            return True
        if key == Qt.Key.Key_F2:
            if len(chosen) == 1:
                self.renameRequested.emit(chosen[0])
            else:
                self.session.messages.info(
                    f"{len(chosen)} articles are selected: select one to rename it."
                )
        elif key == Qt.Key.Key_Delete:
            self._emit_remove(chosen)
        elif in_list and shift and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit_open(new_pane=True)
        elif in_list and dialogs.is_menu_key(event):
            index = self.view.currentIndex()
            if not self.view.selectionModel().isSelected(index):
                index = self.proxy.index(self.selection.rows()[0], 0)
            self.view.scrollTo(index)
            rect = self.view.visualRect(index)  # not laid out yet: the list's corner
            self._show_menu(chosen, rect.center() if rect.isValid() else QPoint(0, 0))
        else:
            return False
        return True

    def on_view_activated(self, index: QModelIndex) -> None:
        """Double-click or Enter opens the article; Enter on one of several selected
        articles opens each of them in a new pane (one pane cannot show them all)."""
        article_id = self.article_at(index)
        if article_id is None:
            return
        chosen = self.selected_articles()
        if len(chosen) > 1 and article_id in chosen:
            self.openBesideRequested.emit(chosen)
        else:
            self.openRequested.emit(article_id, False)

    def on_open_button_clicked(self) -> None:
        """Open beside: the selected articles; with none selected, say what to do rather
        than nothing at all."""
        if self.selected_articles():
            self._emit_open(new_pane=True)
        else:
            self._say_none_selected("open", " beside")

    def _say_none_selected(self, verb: str, where: str = "") -> None:
        """Say how to have an article to ``verb`` (rename, remove, open beside), when none
        is selected: import some, clear a filter that shows none, or select one."""
        words = self.filter.text().strip()
        if not self.model.rowCount():
            text = "There are no articles yet: import some with Import… below."
        elif not self.proxy.rowCount():
            text = f"{no_title_holds(words)}: clear the filter (Esc in it) to"
            text += f" {verb} one{where}."
        else:
            text = f"Select an article in the Library to {verb} it{where}."
        self.session.messages.info(text)

    def _emit_open(self, *, new_pane: bool) -> None:
        """Open the selected article (beside with ``new_pane``); several, each beside."""
        chosen = self.selected_articles()
        if len(chosen) > 1:
            self.openBesideRequested.emit(chosen)
        elif chosen:
            self.openRequested.emit(chosen[0], new_pane)

    def _emit_remove(self, chosen: list[int]) -> None:
        if len(chosen) > 1:
            self.removeArticlesRequested.emit(chosen)
        elif chosen:
            self.removeRequested.emit(chosen[0])

    def on_view_context_menu(self, point: QPoint) -> None:
        """The menu of the article under the mouse; of the whole selection if it is one of
        several selected."""
        index = self.view.indexAt(point)
        article_id = self.article_at(index)
        if article_id is None:
            return
        chosen = self.selected_articles()
        several = len(chosen) > 1 and self.view.selectionModel().isSelected(index)
        self._show_menu(chosen if several else [article_id], point)

    def _show_menu(self, chosen: list[int], point: QPoint) -> None:
        """The menu of one or several articles, at ``point`` in the list."""
        article_menu(self, chosen).popup(self.view.viewport().mapToGlobal(point))


def removal_question(session: ProjectSession, article_ids: Sequence[int]) -> str:
    """What removing several articles takes with it: how many articles (their titles when
    few) and how many passages."""
    chosen = set(article_ids)
    articles = [a for a in session.articles() if a.id in chosen]
    passages = sum(a.annotation_count for a in articles)
    goes = dialogs.going_with(passages, dialogs.memos_on(session, article_ids), its="their")
    text = f"Remove these {len(articles)} articles{goes} from the project?"
    text += "\n\n" if passages else " They have no passages.\n\n"
    named = articles if len(articles) <= NAMED_TITLES else articles[: NAMED_TITLES - 1]
    titles = [f"“{article_label(session, a.id)}”" for a in named]
    if len(articles) > NAMED_TITLES:
        titles.append(f"and {len(articles) - NAMED_TITLES + 1} more")
    return text + "\n".join(titles) + "\n\nYou can undo this with Ctrl+Z."


def remove_articles(parent: QWidget, session: ProjectSession, article_ids: Sequence[int]) -> None:
    """Confirm once, then remove several articles with their passages and memos, as one
    undo step."""
    if dialogs.ask_plain(parent, "Remove articles", removal_question(session, article_ids)):
        wanted = set(article_ids)
        passages = sum(a.annotation_count for a in session.articles() if a.id in wanted)
        goes = dialogs.going_with(passages, dialogs.memos_on(session, article_ids), its="")
        if perform(session, RemoveArticles(session, article_ids)):
            also = f" with{goes.removeprefix(' and').removeprefix(',')}" if goes else ""
            said = f"{counted(len(article_ids), 'article')} removed{also} — Ctrl+Z to undo"
            session.messages.info(said)
