"""The main window: builds the reading area and panels and connects them. Nothing else.

Flows (importing, coding, opening projects) live in their own modules; this module only
assembles widgets and wires signals, in :meth:`MainWindow._connect`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from diptych.gui import dialogs, window_layout
from diptych.gui.actions import Actions
from diptych.gui.annotations_panel import AnnotationsPanel
from diptych.gui.article_model import ARTICLE_MIME
from diptych.gui.article_pane import ArticlePane
from diptych.gui.backups import BackupScheduler
from diptych.gui.coding import NO_PASSAGE_SELECTED, PICK_IN_LIST, CodingController
from diptych.gui.context import AppContext
from diptych.gui.importer import ImportController
from diptych.gui.library_panel import LibraryPanel, remove_articles
from diptych.gui.memo_panel import MemoPanel
from diptych.gui.messages import Level
from diptych.gui.pane_area import PaneArea
from diptych.gui.passage_editor import PassageEditor
from diptych.gui.search_panel import SearchPanel, first_match
from diptych.gui.session import ProjectSession
from diptych.gui.status_bar import MessageBar
from diptych.gui.tag_panel import TagPanel
from diptych.gui.theme import is_dark
from diptych.gui.workers import Workers
from diptych.storage.errors import readable_text
from diptych.storage.model import MemoKind

if TYPE_CHECKING:  # dialogs are imported when first opened: a shorter start-up
    from diptych.gui.export_dialog import ExportDialog

CLOSE_UNSAVED = (
    "The {} you were typing could not be saved (the message before says why). Close the "
    "window anyway and lose it? Choose No to copy it somewhere first, or to try again."
)


class MainWindow(QMainWindow):
    """Diptych's window on one open project.

    Args:
        context: paths, settings, messages and the thread pool.
        session: the open project.
    """

    def __init__(self, context: AppContext, session: ProjectSession) -> None:
        super().__init__()
        self.context = context
        self.session = session
        # The warnings and errors of an undo or redo under way, shown in one box after it.
        self._gathered: list[tuple[int, str, str]] | None = None
        self.workers = Workers(context.pool, self, messages=context.messages)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        session.setParent(self)  # the session (and its undo stack) lives as long as the window
        self.actions_ = Actions(self)
        self.area = PaneArea(session, self)
        self.setCentralWidget(self.area)
        self.library = LibraryPanel(session, self)
        self.tags = TagPanel(session, self)
        self.editor = PassageEditor(session, self)
        self.passages = AnnotationsPanel(session, self)
        self.search = SearchPanel(session, self)
        self.memos = MemoPanel(session, self)
        self.docks = {
            "library": self._dock("Library", self.library, Qt.DockWidgetArea.LeftDockWidgetArea),
            "codebook": self._dock("Codebook", self.tags, Qt.DockWidgetArea.LeftDockWidgetArea),
            "passage": self._dock("Passage", self.editor, Qt.DockWidgetArea.RightDockWidgetArea),
            "passages": self._dock(
                "Passages", self.passages, Qt.DockWidgetArea.RightDockWidgetArea
            ),
            "search": self._dock("Search", self.search, Qt.DockWidgetArea.RightDockWidgetArea),
            "memos": self._dock("Memos", self.memos, Qt.DockWidgetArea.RightDockWidgetArea),
        }
        self.tabifyDockWidget(self.docks["passages"], self.docks["search"])
        self.tabifyDockWidget(self.docks["search"], self.docks["memos"])
        self.docks["passages"].raise_()
        self.resizeDocks(
            [self.docks["library"], self.docks["passage"]], [250, 340], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [self.docks["passage"], self.docks["passages"]], [260, 480], Qt.Orientation.Vertical
        )
        self.coding = CodingController(session, self.area, self)
        self.importer = ImportController(
            session, self.workers, self, backups=context.paths.backups, settings=context.settings
        )
        self.backups = BackupScheduler(session, self.workers, context.paths.backups)
        self.actions_.build_menus(self, [d.toggleViewAction() for d in self.docks.values()])
        self.actions_.build_toolbar(self)
        self.message_bar = MessageBar(self)
        self.setStatusBar(self.message_bar)
        self.coder_label = QLabel(self)
        self.coder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_bar.addPermanentWidget(self.coder_label)
        self._dark = is_dark()
        self._closed = False
        # What the user chose to lose, as it was typed (asked again once more is typed).
        self._typing_let_go: tuple[str, ...] | None = None
        self._note_from: QWidget | None = None  # where Esc in the note goes back to
        self._connect()
        self.on_session_changed()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock{title}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        dock.installEventFilter(self)
        return dock

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

    def on_tabified_dock_widget_activated(self, dock: QDockWidget) -> None:
        """A tab brought ``dock`` in front of the panel the keyboard is in: the focus goes
        to the current article, as when a panel is hidden. The panels behind a tab are
        only covered, never hidden to Qt, so the words typed next went on into a memo out
        of sight (the event filter above never heard of them)."""
        focus = QApplication.focusWidget()
        if focus is None or dock.isAncestorOf(focus):
            return
        if any(d.isAncestorOf(focus) for d in self.tabifiedDockWidgets(dock)):
            if self.area.current is not None:
                self.area.current.view.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                focus.clearFocus()  # no article: typing goes nowhere rather than unseen

    # -- wiring --------------------------------------------------------------------------
    def _connect(self) -> None:
        a, s = self.actions_, self.session
        messages = self.context.messages
        messages.posted.connect(self.on_messages_posted)
        messages.crashed.connect(self.on_messages_crashed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_appearance_changed)
        a.undo.triggered.connect(self.on_undo_triggered)
        a.redo.triggered.connect(self.on_redo_triggered)
        s.undo_stack.indexChanged.connect(self.message_bar.on_step_taken)
        s.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        s.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        s.undo_stack.undoTextChanged.connect(self.on_undo_stack_undo_text_changed)
        s.undo_stack.redoTextChanged.connect(self.on_undo_stack_redo_text_changed)
        a.undo.setEnabled(s.undo_stack.canUndo())
        a.redo.setEnabled(s.undo_stack.canRedo())
        a.quit.triggered.connect(self.close)
        a.import_articles.triggered.connect(self.importer.choose_and_import)
        a.import_folder.triggered.connect(self.importer.choose_folder_and_import)
        a.export.triggered.connect(self.on_export_triggered)
        a.tag_selection.triggered.connect(lambda: self.coding.open_palette())
        a.delete_passage.triggered.connect(self.on_delete_passage_triggered)
        # Its key works in the reading area and the passages list only (F2 renames in the
        # library and the codebook).
        self.area.addAction(a.edit_note)
        self.passages.addAction(a.edit_note)
        a.edit_note.triggered.connect(self.on_edit_note_triggered)
        self.editor.noteLeft.connect(self.on_editor_note_left)
        self.memos.memoLeft.connect(self.on_memos_memo_left)
        chosen = self.coding.selection
        a.next_passage.triggered.connect(lambda: chosen.step_passage(1))
        a.previous_passage.triggered.connect(lambda: chosen.step_passage(-1))
        a.next_tagged_passage.triggered.connect(lambda: chosen.step_tagged_passage(1))
        a.previous_tagged_passage.triggered.connect(lambda: chosen.step_tagged_passage(-1))
        a.find.triggered.connect(self.on_find_triggered)
        a.search.triggered.connect(self.on_search_triggered)
        self.search.passageRequested.connect(self.coding.selection.reveal_passage)
        self.search.articleRequested.connect(self.on_search_article_requested)
        self.search.memoRequested.connect(self.on_search_memo_requested)
        a.new_pane.triggered.connect(lambda: self.area.add_pane())
        a.close_pane.triggered.connect(self.on_close_pane_triggered)
        a.next_pane.triggered.connect(lambda: self.area.focus_neighbour(1))
        a.previous_pane.triggered.connect(lambda: self.area.focus_neighbour(-1))
        a.zoom_in.triggered.connect(lambda: self._zoom(1))
        a.zoom_out.triggered.connect(lambda: self._zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self._zoom(0))
        a.new_tag.triggered.connect(lambda: self.tags.new_tag())
        a.coder.triggered.connect(self.on_coder_triggered)
        for action, panel in ((a.show_library, "library"), (a.show_codebook, "codebook"),
                              (a.show_passages, "passages"), (a.show_memos, "memos")):  # fmt: skip
            action.triggered.connect(lambda _=False, name=panel: self.go_to_panel(name))
        a.about.triggered.connect(lambda: dialogs.about(self))
        a.shortcuts.triggered.connect(lambda: dialogs.shortcuts(self))
        self.library.openRequested.connect(lambda i, new: self.area.open_article(i, new_pane=new))
        self.library.importRequested.connect(self.importer.choose_and_import)
        self.library.renameRequested.connect(lambda i: dialogs.rename_article(self, s, i))
        self.library.removeRequested.connect(lambda i: dialogs.remove_article(self, s, i))
        self.library.openBesideRequested.connect(self.area.open_beside)
        self.library.removeArticlesRequested.connect(lambda ids: remove_articles(self, s, ids))
        self.library.reimportRequested.connect(self.importer.choose_newer_version)
        self.importer.imported.connect(self.on_importer_imported)
        self.tags.applyRequested.connect(self.coding.apply_tag)
        self.tags.showPassagesRequested.connect(self.on_tags_show_passages_requested)
        self.tags.tagSelected.connect(self.memos.show_tag)  # its memo under the others
        self.coding.selection.passageSelected.connect(self.on_coding_passage_selected)
        self.passages.passageActivated.connect(self.coding.selection.reveal_passage)
        self.passages.passageSelected.connect(self.coding.select_passage)  # arrow keys
        self.editor.addTagRequested.connect(self.on_editor_add_tag_requested)
        self.editor.removeTagRequested.connect(self.coding.remove_tag)
        self.editor.reattachRequested.connect(self.coding.reattach)
        self.area.currentPaneChanged.connect(self.on_area_current_pane_changed)
        s.articlesChanged.connect(self.on_session_changed)
        self.tabifiedDockWidgetActivated.connect(self.on_tabified_dock_widget_activated)

    # -- slots ---------------------------------------------------------------------------
    def on_session_changed(self) -> None:
        """Title, coder and read-only state in the window chrome."""
        path = self.session.project.path
        self.setWindowTitle(
            window_title(self.session.project.info().name, path, self.session.read_only)
        )
        self.setWindowFilePath(str(path))
        self.coder_label.setText(f"Coder: {self.session.coder or '—'}")

    def on_messages_posted(self, level: int, title: str, text: str) -> None:
        """Information goes to the status bar; warnings and errors to a message box."""
        if level == Level.INFO:
            self.message_bar.say(text)
            return
        if self._gathered is not None:
            self._gathered.append((level, title, text))
            return
        icon = QMessageBox.Icon.Critical if level == Level.ERROR else QMessageBox.Icon.Warning
        dialogs.show_message(self, icon, title, text)

    def on_messages_crashed(self, summary: str, details: str) -> None:
        """An unexpected error: say so, keep working (everything saved is saved)."""
        dialogs.crash(self, summary, details, self.context.paths.crash_log)

    def on_undo_triggered(self) -> None:
        """Undo; a note being typed is saved first, so that undo takes back the latest step."""
        self.editor.save_note()
        self.memos.save()
        self._step("Undone", self.session.undo_stack.undoText(), self.session.undo_stack.undo)

    def _step(self, done: str, text: str, step: Callable[[], None]) -> None:
        """Undo or redo, and say so in the status bar: the message of the step taken back
        ("Passage deleted — Ctrl+Z to undo") stayed there, saying the opposite. A message
        the step gives itself is left to be read. A step that failed is not said to be done:
        one box says why, however many of the step's parts refused."""
        stack = self.session.undo_stack
        index, said = stack.index(), self.message_bar.said
        self._gathered = []
        try:
            step()
        finally:
            problems, self._gathered = self._gathered, None
        if problems:
            texts = list(dict.fromkeys(text for _level, _title, text in problems))
            level = max(level for level, _title, _text in problems)
            self.on_messages_posted(level, problems[0][1], "\n\n".join(texts))
        elif stack.index() != index and self.message_bar.said == said:
            self.message_bar.say(f"{done}: {text}" if text else done)

    def on_delete_passage_triggered(self) -> None:
        """Delete the selected passage, with the note being typed in it saved first (so that
        undo brings it back as it was)."""
        self.editor.save_note()
        self.coding.delete_selected()

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

    def on_redo_triggered(self) -> None:
        """Redo the last undone step."""
        self.editor.save_note()
        self.memos.save()
        self._step("Redone", self.session.undo_stack.redoText(), self.session.undo_stack.redo)

    def on_undo_stack_undo_text_changed(self, text: str) -> None:
        """Name the step that Undo takes back ('&' in a name is shown, not a key letter)."""
        self.actions_.undo.setText(f"&Undo {text.replace('&', '&&')}".strip())

    def on_undo_stack_redo_text_changed(self, text: str) -> None:
        """Name the step that Redo does again ('&' in a name is shown, not a key letter)."""
        self.actions_.redo.setText(f"&Redo {text.replace('&', '&&')}".strip())

    def on_coding_passage_selected(self, annotation_id: int) -> None:
        """Show the selected passage in the editor and the passages list (none: no row)."""
        self.editor.show_passage(annotation_id or None)
        self.passages.select_passage(annotation_id)

    def on_editor_add_tag_requested(self, annotation_id: int) -> None:
        """The Passage panel's "Add tag…": the palette, below the button, tags that passage
        (never a text selection left in an article)."""
        button = self.editor.add_tag_button
        below = button.mapToGlobal(button.rect().bottomLeft())
        self.coding.open_palette(for_passage=annotation_id, at=below)

    def on_importer_imported(self, ids: list[int]) -> None:
        """Open the first imported article: beside the articles being read while there is
        room (an import never takes the place of one of them), else as the Library opens."""
        if ids:
            panes = self.area.panes()
            beside = bool(panes) and all(p.article_id for p in panes) and self.area.has_room()
            self.area.open_article(ids[0], new_pane=beside)
            self.library.select_article(ids[0])

    def on_tags_show_passages_requested(self, tag_id: int) -> None:
        """Filter the passages list by a tag."""
        self.docks["passages"].show()
        self.docks["passages"].raise_()
        self.passages.set_tag_filter(tag_id)

    def on_area_current_pane_changed(self, pane: object) -> None:
        """Keep the library selection on the current pane's article."""
        article_id = getattr(pane, "article_id", None)
        self.memos.show_article(article_id)
        if article_id is not None:
            self.library.select_article(article_id)

    def on_export_triggered(self) -> ExportDialog:
        """File > Export: the export dialog (non-blocking), offering the format, grouping
        and folder of the last export written, kept in the settings: they outlast this
        window (another project opened, a backup restored) and Diptych itself."""
        from diptych.gui.export_dialog import ExportDialog

        settings = self.context.settings
        dialog = ExportDialog(self.session, self.workers, self, settings=settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def on_find_triggered(self) -> None:
        """Ctrl+F: find in the current pane."""
        if self.area.current is not None:
            self.area.current.open_find()

    def on_search_triggered(self) -> None:
        """Ctrl+Shift+F: search the whole project."""
        self.docks["search"].show()
        self.docks["search"].raise_()
        self.search.focus()

    def on_search_article_requested(self, article_id: int, start: int, end: int) -> None:
        """Open an article found by search with the match selected, and go there."""
        pane = self.area.open_article(article_id)
        if pane is None:
            return
        pane.view.setFocus()
        if start >= 0:
            pane.when_loaded(lambda: pane.show_range(start, end))

    def on_search_memo_requested(self, kind: str, target_id: int, query: str, go: bool) -> None:
        """Show a memo found by search in the Memos panel at the first match of ``query``
        in its text as shown (an article's memo once its article is open; a tag's with its
        tag selected in the codebook); ``go``: the panel in front and the keyboard in it."""
        target = None if target_id < 0 else target_id
        if kind == MemoKind.TAG and target is not None:
            self.tags.select_tag(target)
        field = self.memos.show_memo(MemoKind(kind), target)
        if field is None:
            return
        field.show_range(*(first_match(field.toPlainText(), query) or (-1, -1)))
        if not go:
            return
        self.docks["memos"].show()
        self.docks["memos"].raise_()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_panel(self, name: str) -> None:
        """Show a panel, above any it is tabbed with, and put the keyboard focus in it."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        article_open = self.area.current is not None and self.area.current.article_id is not None
        memo = self.memos.article_memo if article_open else self.memos.project_memo
        targets = {"library": self.library.view, "codebook": self.tags.view,
                   "passages": self.passages.table, "memos": memo}  # fmt: skip
        targets[name].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_close_pane_triggered(self) -> None:
        """Ctrl+W: close the current pane."""
        if self.area.current is not None:
            self.area.close_pane(self.area.current)

    def _zoom(self, step: int) -> None:
        if self.area.current is not None:
            self.area.current.set_zoom_step(step)

    def on_coder_triggered(self) -> None:
        """Ask for the coder's name. A name cleared is the login name again, now as at the
        next start (the passages tagged meanwhile had no coder, the next start's the login
        name)."""
        name = dialogs.ask_coder(self, self.session.coder)
        if name is not None:
            self.context.settings.set_coder(name)
            self.session.coder = self.context.settings.coder()
            self.on_session_changed()

    # -- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept article files and articles dragged from the library."""
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasFormat(ARTICLE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files are imported; a library article opens in the pane it was dropped on."""
        mime = event.mimeData()
        if mime.hasFormat(ARTICLE_MIME):
            raw = bytes(mime.data(ARTICLE_MIME).data()).decode()
            ids = [int(i) for i in raw.split(",") if i.strip().isdigit()]
            self.open_dropped(ids, event.position().toPoint())
        elif mime.hasUrls():
            urls = mime.urls()
            paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
            remote = [u.toDisplayString() for u in urls if not u.isLocalFile()]
            if remote:  # a link dragged from a web browser: nothing would happen otherwise
                self.session.messages.warning(
                    "Only files on this computer can be imported; not "
                    + ", ".join(remote[:3])
                    + (f" and {len(remote) - 3} more" if len(remote) > 3 else "")
                    + ". Save the page as a file, then import or drop that file.",
                    "Import",
                )
            if paths:
                self.importer.import_files(paths)
        event.acceptProposedAction()

    def open_dropped(self, article_ids: list[int], position: QPoint) -> None:
        """Open dropped articles: the first on the pane under ``position`` and the others
        beside it; with no pane there, each in a new pane of its own."""
        if not article_ids:
            return
        target = next(
            (p for p in self.area.panes() if p.rect().contains(p.mapFrom(self, position))), None
        )
        if target is None:
            self.area.open_beside(article_ids)
            return
        first, *rest = article_ids
        target.show_article(first)
        self.area.set_current(target)
        if rest:
            self.area.open_beside(rest, shown=1)

    # -- lifecycle -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's switch between light and dark."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.on_appearance_changed()
        super().changeEvent(event)

    def settle_typing(self) -> bool:
        """Save the note or memo being typed, before the window closes or gives way to
        another project's. True if it is saved, or cannot be (a full disk) and the user
        chose to lose it; False if the user keeps the window to copy it first (asked once:
        the window then closes without asking again, unless more was typed meanwhile)."""
        if self._closed or self._typing_let_go == self._typing():
            return True
        self.editor.save_note()  # a note typed just now, before its pause-save ran
        self.memos.save()
        unsaved = self._unsaved_typing()
        if unsaved and not dialogs.ask_to_lose(self, "Close", CLOSE_UNSAVED.format(unsaved)):
            return False
        self._typing_let_go = self._typing() if unsaved else None
        return True

    def _typing(self) -> tuple[str, ...]:
        """The note and the memos as they are typed."""
        return (self.editor.note.toPlainText(), *(m.toPlainText() for m in self.memos.fields()))

    def _unsaved_typing(self) -> str:
        """What is typed and could not be saved ("note", "memo"), or ""."""
        if self.session.read_only or self.session.project.closed:
            return ""
        if self.editor.note.is_modified:
            return "note"
        return "memo" if any(m.is_modified for m in self.memos.fields()) else ""

    def on_appearance_changed(self) -> None:
        """Repaint articles and icons for the current palette (once per actual change)."""
        dark = is_dark()
        if dark == self._dark:
            return
        self._dark = dark
        self.actions_.retint()
        for pane in self.area.panes():
            pane.apply_appearance()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout, let running jobs stop, close the project file (once). A note or
        memo being typed that cannot be saved (a full disk) keeps the window open unless the
        user chooses to lose it."""
        if not self._closed:
            if not self.settle_typing():
                event.ignore()
                return
            self._closed = True
            window_layout.save(self)
            self.workers.cancel_all()
            # Panes still building a long article, and the focus leaving the window, go
            # on for a moment: nothing they say may reach a project about to be closed.
            self.area.blockSignals(True)
            for pane in self.area.panes():
                pane.blockSignals(True)
            self.context.messages.posted.disconnect(self.on_messages_posted)
            self.context.messages.crashed.disconnect(self.on_messages_crashed)
            self.session.close()
        event.accept()


def window_title(name: str, path: Path, read_only: bool) -> str:
    """The project's name; then its file's name too where that is not the project's name
    (a copy keeps the name of the project it was copied from), so that two windows on two
    files are told apart: "Fieldwork — Fieldwork copy.diptych — Diptych"."""
    file = readable_text(path.name)
    shown = name if readable_text(path.stem).casefold() == name.casefold() else f"{name} — {file}"
    return f"{shown}{' (read-only)' if read_only else ''} — Diptych"
