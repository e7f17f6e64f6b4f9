"""The main window's parts, built: the reading area, the panels each in a dock, the
controllers behind them (coding, importing, backups), the menus, the toolbar and the status
bar. The window's layers (:mod:`~diptych.gui.window_focus`,
:mod:`~diptych.gui.window_messages`, :mod:`~diptych.gui.window_drops`,
:mod:`~diptych.gui.window_closing`) act on them; :mod:`~diptych.gui.main_window` connects them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from diptych.gui.actions import Actions
from diptych.gui.annotations_panel import AnnotationsPanel
from diptych.gui.backups import BackupScheduler
from diptych.gui.coding import CodingController
from diptych.gui.context import AppContext
from diptych.gui.importer import ImportController
from diptych.gui.library_panel import LibraryPanel
from diptych.gui.memo_panel import MemoPanel
from diptych.gui.memo_reveal import ArticleMemoReveal
from diptych.gui.pane_area import PaneArea
from diptych.gui.pane_room import PanelRoom, give_back_panel_widths, panel_widths
from diptych.gui.passage_editor import PassageEditor
from diptych.gui.read_only import grey_action
from diptych.gui.search_panel import SearchPanel
from diptych.gui.session import ProjectSession
from diptych.gui.status_bar import MessageBar
from diptych.gui.tag_menu import TagMenu
from diptych.gui.tag_panel import TagPanel
from diptych.gui.workers import Workers

NOTED_WIDTHS = 64  # the window's widths whose panel widths are kept


class WindowParts(QMainWindow):
    """Diptych's window on one open project, built (nothing connected yet).

    Args:
        context: paths, settings, messages and the thread pool.
        session: the open project.
    """

    def __init__(self, context: AppContext, session: ProjectSession) -> None:
        super().__init__()
        # The panels' widths at each width the window had (once laid out), and the
        # window's width when they were last noted: see _note_panels.
        self._panels_at: dict[int, dict[QDockWidget, int]] = {}
        self._noted_width = 0
        self._noting = False
        self.context = context
        self.session = session
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
        ArticleMemoReveal(self.area)  # an article memo undone shows with its article
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
        PanelRoom(self, self.docks.values(), session.messages.info)
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
        context.messages.writing_here = self.importer.writing_here
        self.backups = BackupScheduler(session, self.workers, context.paths.backups)
        self.actions_.build_menus(self, self._dock_toggles())
        self.actions_.build_toolbar(self)
        self.tag_menu = TagMenu(session, self.actions_, self.tags)
        self.opened_read_only = session.read_only  # made so later, it is opened again
        if session.read_only:  # greyed, saying why, not refused once chosen
            for action in self.actions_.edits():
                grey_action(action)
        self.message_bar = MessageBar(self)
        self.setStatusBar(self.message_bar)
        self.coder_label = QLabel(self)
        self.coder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_bar.addPermanentWidget(self.coder_label)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._note_panels_soon()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QDockWidget):
            self._note_panels_soon()
        return super().eventFilter(watched, event)

    def _note_panels_soon(self) -> None:
        if not self._noting and self.isVisible():
            self._noting = True
            QTimer.singleShot(0, self, self._note_panels)

    def _note_panels(self) -> None:
        """Note the panels' widths at the window's width, once laid out; and when the
        window has come back to a width it had (unmaximised, then maximised again), give
        the panels back the widths they had at it. Qt gives all of a wider window to the
        reading area: the panels a narrower window squeezed stayed squeezed."""
        self._noting = False
        width = self.width()
        before = self._panels_at.get(width)
        if width != self._noted_width and before is not None:
            give_back_panel_widths(self, before)  # noted again once laid out
        else:
            self._panels_at.pop(width, None)  # the newest last: dragging the window's edge
            self._panels_at[width] = panel_widths(self)  # notes many widths, the oldest go
            while len(self._panels_at) > NOTED_WIDTHS:
                del self._panels_at[next(iter(self._panels_at))]
        self._noted_width = width

    def _dock_toggles(self) -> list[QAction]:
        """The View menu's items showing or hiding each panel, each with a key letter of
        its own among the menu's (the panels' titles have none)."""
        toggles = []
        for name, text in (("library", "Lib&rary"), ("codebook", "Codeboo&k"),
                           ("passage", "Passa&ge"), ("passages", "Pa&ssages"),
                           ("search", "Searc&h"), ("memos", "M&emos")):  # fmt: skip
            toggle = self.docks[name].toggleViewAction()
            toggle.setText(text)
            toggles.append(toggle)
        return toggles

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock{title}")
        dock.setWidget(widget)
        # Its contents are hidden while another panel's tab covers it (see WindowFocus),
        # keeping their room: the Passage panel above would otherwise take it as a tab is left.
        policy = widget.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        widget.setSizePolicy(policy)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        dock.installEventFilter(self)
        return dock
