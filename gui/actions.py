"""The window's actions, menus and toolbar: names, shortcuts and icons in one place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from diptych.gui.icons import icon

Key = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey


def key_list(*keys: Shortcut) -> list[QKeySequence]:
    """The key sequences of ``keys`` in order, each once.

    A standard key brings every binding the platform gives it; on X11, for instance, Redo is
    Ctrl+Shift+Z, and listing that sequence twice on one action makes it ambiguous, so the
    key does nothing.
    """
    found: list[QKeySequence] = []
    for key in keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


class Actions:
    """Every QAction of the main window (connected by the window).

    Args:
        window: the main window, which owns the actions.
    """

    def __init__(self, window: QMainWindow) -> None:
        self._icons: dict[QAction, str] = {}

        def make(
            text: str,
            shortcut: Shortcut | tuple[Shortcut, ...] | None = None,
            tip: str = "",
            icon_name: str | None = None,
        ) -> QAction:
            action = QAction(text, window)
            if shortcut is not None:
                keys = shortcut if isinstance(shortcut, tuple) else (shortcut,)
                action.setShortcuts(key_list(*keys))
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            if icon_name is not None:
                action.setIcon(icon(icon_name))
                self._icons[action] = icon_name
            return action

        self.new_project = make("&New project…", Key.New, "Create an empty project file", "new")
        self.open_project = make("&Open project…", Key.Open, "Open a project file", "open")
        self.recent = QMenu("Open &recent", window)
        self.recent.setToolTipsVisible(True)  # each project's full path
        self.open_sample = make("Open the &sample project", None, "The built-in sample project")
        self.import_articles = make(
            "&Import articles…",
            "Ctrl+I",
            "Import .txt, .md, .html files, or a REFI-QDA project",
            "import",
        )
        self.import_folder = make(
            "Import &folder…",
            "Ctrl+Shift+I",
            "Import every article file in a folder and its sub-folders",
        )
        self.export = make(
            "&Export…",
            "Ctrl+E",
            "Export tagged notes (Markdown, CSV, HTML, JSON, REFI-QDA)",
            "export",
        )
        self.save_copy = make(
            "Save a &copy…", None, "Write the project as it is now to another file"
        )
        self.project_name = make(
            "&Project name…", None, "The name shown in the window's title and the exports' titles"
        )
        self.restore_backup = make("Restore from &backup…", None, "Go back to an automatic backup")
        self.quit = make("&Quit", Key.Quit)
        # The window connects these (it saves a note being typed before undoing) and keeps
        # their text and state in step with the undo stack.
        self.undo = make("&Undo", Key.Undo, "Undo the last change", "undo")
        # Ctrl+Shift+Z everywhere (as the help says), and the platform's own Redo keys.
        self.redo = make("&Redo", ("Ctrl+Shift+Z", Key.Redo), "Redo what was undone", "redo")
        self.find = make("&Find in article…", Key.Find, "Find text in the current article")
        # Window-wide, so that they work from the panels too (the current pane's words).
        self.find_next = make(
            "Find ne&xt", "F3", "Find the words last looked for again, after the caret"
        )
        self.find_previous = make(
            "Find previ&ous", "Shift+F3", "Find the words last looked for again, before the caret"
        )
        self.search = make(
            "&Search project…", "Ctrl+Shift+F", "Full-text search over every article and note"
        )
        self.tag_selection = make(
            "&Tag selection…", "Ctrl+T", "Tag the selected text (or press 1-9)"
        )
        # Not a window-wide key: Delete and Ctrl+Backspace edit text in notes and fields.
        # The article view and the passages list take Delete themselves; the menu says so.
        self.delete_passage = make(
            "&Delete passage\tDel", None, "Delete the selected passage (Del in an article)"
        )
        # Window-wide, as the passage it acts on may be chosen in the list or the article.
        self.mark_checked = make(
            "Mar&k passage as checked",
            "Ctrl+K",
            "The passages chosen, found approximately by an update (“≈”): you have checked them",
        )
        self.next_passage = make(
            "Next &passage", "F8", "Select the next passage after the cursor in the article"
        )
        self.previous_passage = make(
            "Pre&vious passage", "Shift+F8", "Select the passage before the cursor in the article"
        )
        self.next_tagged_passage = make(
            "Next passage with this ta&g",
            "Ctrl+F8",
            "Select the next passage with the selected passage's tag in the article",
        )
        self.previous_tagged_passage = make(
            "Previous passage &with this tag",
            "Ctrl+Shift+F8",
            "Select the previous passage with the selected passage's tag in the article",
        )
        # Only in the reading area: F2 renames in the codebook.
        self.edit_note = make(
            "Edit &note", "F2", "Write the selected passage's note (Esc comes back)"
        )
        self.edit_note.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.coder = make("Coder na&me…", None, "The name recorded on the passages you tag")
        self.new_pane = make("&New pane", "Ctrl+Alt+N", "Add an empty pane beside the others")
        self.close_pane = make("&Close pane", Key.Close)
        self.next_pane = make("Ne&xt pane", "Ctrl+Tab", "Move to the pane on the right")
        self.previous_pane = make(
            "Pre&vious pane", "Ctrl+Shift+Tab", "Move to the pane on the left"
        )
        # The current pane's, from wherever the keyboard is, and the keyboards' own Back and
        # Forward keys; not the platform's other bindings (Backspace, Shift+Backspace),
        # which would leave the article at a key pressed to delete a character elsewhere.
        self.back = make(
            "&Back", ("Alt+Left", "Back"), "Back to where the current pane was before a jump"
        )
        self.forward = make(
            "&Forward", ("Alt+Right", "Forward"), "Forward again to where Back left"
        )
        # Ctrl+= is what most keyboards send for "zoom in" without Shift.
        self.zoom_in = make("Zoom &in", (Key.ZoomIn, "Ctrl+="))
        self.zoom_out = make("Zoom &out", Key.ZoomOut)
        self.zoom_reset = make("&Actual size", "Ctrl+0")
        self.show_library = make(
            "Go to &Library", "Ctrl+Shift+L", "Show the library and move to it"
        )
        self.show_codebook = make(
            "Go to Co&debook", "Ctrl+Shift+B", "Show the codebook and move to it"
        )
        self.show_passages = make(
            "Go to &Passages", "Ctrl+Shift+P", "Show the passages list and move to it"
        )
        self.show_memos = make("Go to &Memos", "Ctrl+Shift+M", "Show the memos and move to them")
        self.new_tag = make("&New tag…", "Ctrl+Shift+T", "Add a tag to the codebook")
        # The tag selected in the Codebook (see :mod:`diptych.gui.tag_menu`). F2 and Del
        # are the Codebook's own keys there, shown as in its menu (in an article F2 edits
        # the note, Del deletes the passage); Alt+Up and Alt+Down are the Codebook's.
        self.edit_tag = make("&Edit tag…\tF2", None, "Edit the selected tag (F2 in the Codebook)")
        self.merge_tag = make("&Merge tag into…", None, "Merge the selected tag into another")
        self.delete_tag = make(
            "&Delete tag…\tDel", None, "Delete the selected tag (Del in the Codebook)"
        )
        self.move_tag_up = make(
            "Move tag &up", "Alt+Up", "Move the selected tag up among its siblings"
        )
        self.move_tag_down = make(
            "Move tag do&wn", "Alt+Down", "Move the selected tag down among its siblings"
        )
        self.about = make("&About Diptych")
        self.shortcuts = make("&Keyboard shortcuts", "F1")
        for action, name in ((self.tag_selection, "tag"), (self.find, "find"),
                             (self.search, "search"), (self.new_pane, "pane"),
                             (self.new_tag, "new-tag")):  # fmt: skip
            self._icons[action] = name
        self.retint()

    def edits(self) -> tuple[QAction, ...]:
        """The actions that change the project (greyed in a read-only one); Undo and Redo
        follow the undo stack, which a read-only project never fills."""
        return (self.import_articles, self.import_folder, self.project_name, self.tag_selection,
                self.delete_passage, self.mark_checked, self.edit_note, self.new_tag,
                *self.tag_edits())  # fmt: skip

    def tag_edits(self) -> tuple[QAction, ...]:
        """The Tags menu's actions on the tag selected in the Codebook."""
        return (self.edit_tag, self.merge_tag, self.delete_tag, self.move_tag_up,
                self.move_tag_down)  # fmt: skip

    def retint(self) -> None:
        """Draw every icon again in the palette's text colour (after a light/dark switch)."""
        for action, name in self._icons.items():
            action.setIcon(icon(name))

    def build_menus(self, window: QMainWindow, docks: list[QAction]) -> None:
        """Fill the menu bar."""
        bar = window.menuBar()
        file = bar.addMenu("&File")
        _add_all(file, (self.new_project, self.open_project))
        file.addMenu(self.recent)
        file.addAction(self.open_sample)
        file.addSeparator()
        _add_all(file, (self.import_articles, self.import_folder, self.export))
        file.addSeparator()
        _add_all(file, (self.project_name, self.save_copy, self.restore_backup))
        file.addSeparator()
        file.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        _add_all(edit, (self.undo, self.redo, None, self.tag_selection, self.delete_passage,
                        self.mark_checked, self.next_passage, self.previous_passage,
                        self.next_tagged_passage, self.previous_tagged_passage, self.edit_note,
                        None, self.find, self.find_next, self.find_previous, self.search, None,
                        self.coder))  # fmt: skip
        view = bar.addMenu("&View")
        _add_all(view, (self.new_pane, self.close_pane, self.next_pane, self.previous_pane,
                        None, self.back, self.forward, None,
                        self.zoom_in, self.zoom_out, self.zoom_reset, None,
                        self.show_library, self.show_codebook, self.show_passages,
                        self.show_memos, None))  # fmt: skip
        for dock_action in docks:
            view.addAction(dock_action)
        tags = bar.addMenu("&Tags")
        _add_all(tags, (self.new_tag, self.tag_selection, None, *self.tag_edits()))
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts)
        help_menu.addAction(self.about)

    def build_toolbar(self, window: QMainWindow) -> QToolBar:
        """The main toolbar."""
        toolbar = window.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        short = {self.open_project: "Open", self.import_articles: "Import", self.export: "Export",
                 self.undo: "Undo", self.redo: "Redo", self.tag_selection: "Tag",
                 self.find: "Find", self.new_pane: "New pane"}  # fmt: skip
        for action, text in short.items():
            action.setIconText(text)
        items = (self.open_project, self.import_articles, self.export, None, self.undo, self.redo,
                 None, self.tag_selection, self.find, self.new_pane)  # fmt: skip
        _add_all(toolbar, items)
        return toolbar


def _add_all(target: QMenu | QToolBar, items: tuple[QAction | None, ...]) -> None:
    """Add actions in order; None adds a separator."""
    for item in items:
        if item is None:
            target.addSeparator()
        else:
            target.addAction(item)
