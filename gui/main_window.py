"""The main window: its parts (:mod:`~diptych.gui.window_parts`) and its layers, connected
here in one place, in :meth:`MainWindow._connect`, with the slots that answer the menus and
the panels. Nothing else.

Each layer holds one concern: where the keyboard goes (:mod:`~diptych.gui.window_focus`),
messages and undo (:mod:`~diptych.gui.window_messages`), dropped files and articles
(:mod:`~diptych.gui.window_drops`) and closing (:mod:`~diptych.gui.window_closing`). Flows
(importing, coding, opening projects) live in their own modules.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QApplication

from diptych.gui import dialogs
from diptych.gui.article_pane import NO_PANE, ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.library_panel import remove_articles
from diptych.gui.pane_in_place import open_imported
from diptych.gui.search_wording import first_match
from diptych.gui.session import ProjectSession
from diptych.gui.theme import is_dark
from diptych.gui.window_closing import WindowClosing
from diptych.gui.window_drops import WindowDrops
from diptych.gui.window_focus import WindowFocus
from diptych.storage.errors import readable_text
from diptych.storage.model import MemoKind

if TYPE_CHECKING:  # dialogs are imported when first opened: a shorter start-up
    from diptych.gui.export_dialog import ExportDialog
    from diptych.gui.export_done import ExportDoneButtons
    from diptych.gui.layout_keeper import LayoutKeeper


MEMO_BEHIND = "The {} memo found is in the Memos panel: Enter or a double-click goes into it."


class MainWindow(WindowFocus, WindowDrops, WindowClosing):
    """Diptych's window on one open project.

    Args:
        context: paths, settings, messages and the thread pool.
        session: the open project.
    """

    def __init__(self, context: AppContext, session: ProjectSession) -> None:
        super().__init__(context, session)
        self.export_done: ExportDoneButtons | None = None  # with the first export
        self._layout_keeper: LayoutKeeper | None = None  # once the window is shown
        self._dark = is_dark()
        self._connect()
        self.on_session_changed()

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
        a.mark_checked.triggered.connect(self.on_mark_checked_triggered)
        # Its key works in the reading area and the passages list only (F2 renames in the
        # library and the codebook).
        self.area.addAction(a.edit_note)
        self.passages.addAction(a.edit_note)
        a.edit_note.triggered.connect(self.on_edit_note_triggered)
        self.editor.noteLeft.connect(self.on_editor_note_left)
        self.memos.memoLeft.connect(self.on_memos_memo_left)
        steps = self.coding.steps
        a.next_passage.triggered.connect(lambda: steps.step_passage(1))
        a.previous_passage.triggered.connect(lambda: steps.step_passage(-1))
        a.next_tagged_passage.triggered.connect(lambda: steps.step_tagged_passage(1))
        a.previous_tagged_passage.triggered.connect(lambda: steps.step_tagged_passage(-1))
        a.find.triggered.connect(self.on_find_triggered)
        a.find_next.triggered.connect(lambda: self.find_again(1))
        a.find_previous.triggered.connect(lambda: self.find_again(-1))
        a.search.triggered.connect(self.on_search_triggered)
        self.search.passageRequested.connect(self.on_search_passage_requested)
        self.search.articleRequested.connect(self.on_search_article_requested)
        self.search.memoRequested.connect(self.on_search_memo_requested)
        a.new_pane.triggered.connect(self.on_new_pane_triggered)
        a.close_pane.triggered.connect(self.on_close_pane_triggered)
        a.next_pane.triggered.connect(lambda: self.area.focus_neighbour(1))
        a.previous_pane.triggered.connect(lambda: self.area.focus_neighbour(-1))
        a.back.triggered.connect(self.on_back_triggered)
        a.forward.triggered.connect(self.on_forward_triggered)
        self.area.historyChanged.connect(self.on_area_history_changed)
        self.on_area_history_changed(self.area.current)
        a.zoom_in.triggered.connect(lambda: self._zoom(1))
        a.zoom_out.triggered.connect(lambda: self._zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self._zoom(0))
        a.new_tag.triggered.connect(lambda: self.tags.new_tag())
        a.coder.triggered.connect(self.on_coder_triggered)
        a.project_name.triggered.connect(self.on_project_name_triggered)
        for action, panel in ((a.show_library, "library"), (a.show_codebook, "codebook"),
                              (a.show_passages, "passages"), (a.show_memos, "memos")):  # fmt: skip
            action.triggered.connect(lambda _=False, name=panel: self.go_to_panel(name))
        a.about.triggered.connect(lambda: dialogs.about(self))
        a.shortcuts.triggered.connect(self.on_shortcuts_triggered)
        self.library.openRequested.connect(
            lambda i, new: self.area.open_from_library(i, new_pane=new)
        )
        self.library.importRequested.connect(self.importer.choose_and_import)
        self.library.renameRequested.connect(lambda i: dialogs.rename_article(self, s, i))
        self.library.sourceAddressRequested.connect(
            lambda i: dialogs.set_source_address(self, s, i)
        )
        self.library.sourcePageRequested.connect(lambda i: dialogs.open_source_page(s, i))
        self.library.removeRequested.connect(lambda i: dialogs.remove_article(self, s, i))
        self.library.openBesideRequested.connect(self.area.open_beside)
        self.library.removeArticlesRequested.connect(lambda ids: remove_articles(self, s, ids))
        self.library.reimportRequested.connect(self.importer.choose_newer_version)
        self.importer.imported.connect(self.on_importer_imported)
        self.importer.updating.connect(self.on_importer_updating)
        self.tags.applyRequested.connect(self.coding.apply_tag)
        self.tags.tagKeyPressed.connect(self.coding.apply_tag_by_key)
        self.tags.showPassagesRequested.connect(self.on_tags_show_passages_requested)
        self.tags.tagSelected.connect(self.memos.show_tag)  # its memo under the others
        self.coding.selection.passageSelected.connect(self.on_coding_passage_selected)
        self.passages.passageActivated.connect(self.coding.selection.reveal_passage)
        self.passages.passageShown.connect(self.coding.selection.show_passage)
        self.passages.passageSelected.connect(self.coding.select_passage)  # arrow keys
        # A passage chosen there wins over text left selected in an article before.
        self.passages.passageSelected.connect(lambda _id: self.coding.chosen_last.passage_chosen())
        self.coding.chosen_last.watch(self.editor)
        self.passages.noteRequested.connect(self.on_edit_note_triggered)
        self.coding.noteRequested.connect(self.on_edit_note_triggered)
        self.coding.passageAdded.connect(lambda _id: self.tell_coder_once())
        self.editor.addTagRequested.connect(self.on_editor_add_tag_requested)
        self.editor.removeTagRequested.connect(self.coding.remove_tag)
        self.editor.reattachRequested.connect(self.coding.reattach)
        self.area.passageClicked.connect(self.on_area_passage_clicked)
        self.area.currentPaneChanged.connect(self.on_area_current_pane_changed)
        s.articlesChanged.connect(self.on_session_changed)
        s.projectRenamed.connect(self.on_session_changed)  # the title names it
        self.tabifiedDockWidgetActivated.connect(self.on_tabified_dock_widget_activated)
        for dock in self.docks.values():
            dock.visibilityChanged.connect(partial(self.on_dock_visibility_changed, dock))

    # -- slots ---------------------------------------------------------------------------
    def on_session_changed(self) -> None:
        """Title, coder and read-only state in the window chrome."""
        path = self.session.project.path
        self.setWindowTitle(
            window_title(self.session.project.info().name, path, self.session.read_only)
        )
        self.setWindowFilePath(str(path))
        self.coder_label.setText(f"Coder: {self.session.coder or '—'}")

    def on_delete_passage_triggered(self) -> None:
        """Edit > Delete passage: what Del does, with the note being typed saved first (so
        that undo brings it back as it was). From the Passages list, the passages chosen
        there; from anywhere else, what Del does in the current article: never a passage
        out of view or one the caret left, and with none chosen it says how to choose one."""
        self.editor.save_note()
        if QApplication.focusWidget() is self.passages.table:  # where Del is the list's
            self.passages.delete_current()
        else:
            self.coding.on_area_delete_key_pressed()

    def on_mark_checked_triggered(self) -> None:
        """Mark as checked (Ctrl+K) the passages chosen in the Passages list, or else the
        selected passage (opened from the list, or at the caret in an article)."""
        from diptych.gui.passage_checks import mark_chosen_or_selected_checked

        mark_chosen_or_selected_checked(self.passages, self.coding)

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
        """Open the first imported article (see :func:`~diptych.gui.pane_in_place.open_imported`),
        saying where after what the import said as it ended, if it said it in the status bar
        (just now: a summary in a box leaves there what was said before)."""
        if ids:
            bar = self.message_bar
            open_imported(self.area, ids[0], bar.currentMessage() if bar.said_just_now else "")
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
        folder = self.session.project.path.parent
        # The built-in sample project's folder is Diptych's own, where no one looks.
        first = None if folder == self.context.paths.data else folder
        dialog = ExportDialog(
            self.session, self.workers, self, settings=settings, first_folder=first
        )
        dialog.exported.connect(lambda path, _size: self.offer_export(Path(path)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def offer_export(self, path: Path) -> None:
        """Offer to open the file just exported, or its folder, beside the status bar's
        "Exported to …" (made with the first export: see :mod:`diptych.gui.export_done`)."""
        if self.export_done is None:
            from diptych.gui.export_done import ExportDoneButtons

            self.export_done = ExportDoneButtons(self.message_bar, self.session)
        self.export_done.offer(path)

    def on_shortcuts_triggered(self) -> None:
        """Help > Keyboard shortcuts: the list of shortcuts (non-blocking)."""
        from diptych.gui.shortcuts_box import shortcuts

        shortcuts(self)

    def on_find_triggered(self) -> None:
        """Ctrl+F: find in the current pane (none: say so)."""
        if self.area.current is None:
            self.session.messages.info(NO_PANE)
        else:
            self.area.current.open_find()

    def find_again(self, step: int) -> None:
        """F3 (``step`` 1) or Shift+F3 (-1): the current pane's words found again, after or
        before its caret, from wherever the keyboard is (none: say so)."""
        if self.area.current is None:
            self.session.messages.info(NO_PANE)
        else:
            self.area.current.pane_find.on_find_bar_stepped(step)

    def on_search_triggered(self) -> None:
        """Ctrl+Shift+F: search the whole project."""
        self.docks["search"].show()
        self.docks["search"].raise_()
        self.search.focus()

    def on_search_article_requested(
        self, article_id: int, start: int, end: int, query: str = ""
    ) -> None:
        """Open an article found by search with the match selected, and go there (Back
        returns to where the pane was, also in the same article); with the search's
        ``query``, its find bar steps through every place its words are (F3)."""
        shown = self.area.pane_for(article_id)
        if shown is not None and start >= 0:  # a jump within the article shown
            shown.history.leave()
        pane = self.area.open_article(article_id, resume=start < 0)
        if pane is None:
            return
        pane.view.setFocus()
        if start >= 0 and query:
            pane.when_loaded(lambda: pane.pane_find.show_found(query, start, end))
        elif start >= 0:
            pane.when_loaded(lambda: pane.show_range(start, end))
        elif query:  # found by its title or a note: the bar holds the search's words
            pane.when_loaded(lambda: pane.pane_find.show_search(query))

    def on_search_passage_requested(self, annotation_id: int, article_id: int, query: str) -> None:
        """Reveal a passage found by search; its pane's find bar then holds the search's
        words where the article has them (F3 goes on from the passage), not an earlier's."""
        self.coding.selection.reveal_passage(annotation_id, article_id)
        pane = self.area.current
        if pane is not None and pane.article_id == article_id:
            pane.when_loaded(lambda: pane.pane_find.show_search(query))

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
        field.show_range(*(first_match(field.text(), query) or (-1, -1)))
        if not go:  # shown behind the results (a tab behind them): say where, and how to go
            if self.covered(self.docks["memos"]):
                self.session.messages.info(MEMO_BEHIND.format(MemoKind(kind).value))
            return
        self.docks["memos"].show()
        self.docks["memos"].raise_()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_new_pane_triggered(self) -> None:
        """Ctrl+Alt+N: a new empty pane, with the keyboard. Marked current, it is the pane
        the next keys act on (Ctrl+W closes it, Ctrl+Shift+L then Enter fills it)."""
        pane = self.area.add_pane()
        if pane is not None:
            pane.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_close_pane_triggered(self) -> None:
        """Ctrl+W: close the current pane."""
        if self.area.current is not None:
            self.area.close_pane(self.area.current)

    def on_back_triggered(self) -> None:
        """Alt+Left: the current pane back to where it was before its last jump."""
        if self.area.current is not None:
            self.area.current.history.go_back()

    def on_forward_triggered(self) -> None:
        """Alt+Right: the current pane forward again to where Back left."""
        if self.area.current is not None:
            self.area.current.history.go_forward()

    def on_area_history_changed(self, pane: ArticlePane | None) -> None:
        """Back and Forward greyed while the current pane has nowhere to go that way."""
        self.actions_.back.setEnabled(pane is not None and pane.history.can_go_back)
        self.actions_.forward.setEnabled(pane is not None and pane.history.can_go_forward)

    def _zoom(self, step: int) -> None:
        if self.area.current is not None:
            self.area.current.set_zoom_step(step)

    def on_coder_triggered(self) -> None:
        """Ask for the coder's name, and whether to sign the passages signed with the old
        one with it too (:func:`~diptych.gui.coder_name.change_coder`)."""
        from diptych.gui.coder_name import change_coder

        change_coder(self)
        self.on_session_changed()

    def on_project_name_triggered(self) -> None:
        """Ask for the project's name (:func:`~diptych.gui.project_name.change_project_name`)."""
        from diptych.gui.project_name import change_project_name  # imported when first needed

        change_project_name(self)

    def tell_coder_once(self) -> None:
        """After the first passage the user makes without having given a coder's name,
        say (once, ever) whose name it carries, which the exports show, and how to change it."""
        settings = self.context.settings
        if settings.coder_chosen() or settings.coder_told():
            return
        settings.set_coder_told()
        signed = (
            f"signed “{self.session.coder}”, your login name"
            if self.session.coder
            else ("signed with no coder's name")
        )
        self.session.messages.info(
            f"Your passages are {signed}, and the exports show it. To sign them with the "
            "name your colleagues should read, choose Edit > Coder name…"
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Shown with no place chosen for the keyboard (a project's first opening, with
        no layout saved yet): the current pane has it, as after a restart, rather than the
        first field of the window (the Library's filter), so that the first keys (Shift
        and the arrows, F8, a digit) go on in the article."""
        if self.focusWidget() is None and self.area.current is not None:
            self.area.current.view.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)
        self.cover_panels_behind_tabs()
        if self._layout_keeper is None:  # after the first paint: saved as the user works
            QTimer.singleShot(0, self._keep_layout)

    def _keep_layout(self) -> None:
        from diptych.gui.layout_keeper import LayoutKeeper

        if self._layout_keeper is None and not self.closed:
            self._layout_keeper = LayoutKeeper(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc that a panel left alone (no filter words to clear, no renaming, no menu):
        back to the article in the current pane, as from a memo, a note or the find bar."""
        focus, pane = QApplication.focusWidget(), self.area.current
        in_panel = focus is not None and any(d.isAncestorOf(focus) for d in self.docks.values())
        if event.key() == Qt.Key.Key_Escape and not event.modifiers() and in_panel and pane:
            pane.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)

    # -- appearance ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's switch between light and dark."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.on_appearance_changed()
        super().changeEvent(event)

    def on_appearance_changed(self) -> None:
        """Repaint articles and icons for the current palette (once per actual change)."""
        dark = is_dark()
        if dark == self._dark:
            return
        self._dark = dark
        self.actions_.retint()
        for pane in self.area.panes():
            pane.apply_appearance()


def window_title(name: str, path: Path, read_only: bool) -> str:
    """The project's name; then its file's name too where that is not the project's name
    (a copy keeps the name of the project it was copied from), so that two windows on two
    files are told apart: "Fieldwork — Fieldwork copy.diptych — Diptych"."""
    file = readable_text(path.name)
    shown = name if readable_text(path.stem).casefold() == name.casefold() else f"{name} — {file}"
    return f"{shown}{' (read-only)' if read_only else ''} — Diptych"
