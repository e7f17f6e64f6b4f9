"""Switching the window between projects (File > Open project, New project, Open recent,
Open sample project, Restore from backup), and a damaged file found once its window is
up: the :class:`Launcher` owns the window, and a new one takes the place of the last.
Going back to a backup is :mod:`~diptych.gui.project_restore`'s; opening a project again
read-only when its file was made so while open, :mod:`~diptych.gui.read_only_reopen`'s."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject

from diptych.gui import dialogs, window_layout
from diptych.gui.context import AppContext
from diptych.gui.file_place_watch import FilePlaceWatch
from diptych.gui.main_window import MainWindow
from diptych.gui.note_html import text_to_html
from diptych.gui.paths import documents_folder
from diptych.gui.project_opening import (
    integrity_job,
    open_or_create,
    open_project,
    open_sample_anyway,
    opened_instead,
    without_backups,
)
from diptych.gui.read_only import opened_read_only
from diptych.gui.session import ProjectSession
from diptych.gui.settings import is_folder, reachable
from diptych.storage.backup_folders import backups_for_path
from diptych.storage.errors import (
    DamagedProjectError,
    DamagedSearchIndexError,
    DiptychError,
    NotAProjectError,
    readable_text,
)
from diptych.storage.project import Project
from diptych.storage.project_aside import stale_log_notice


def diptych_running(pid: int) -> bool:
    """Whether the process ``pid`` is running Diptych (a process that ended may have left
    its number to another program)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's: not one writing this user's settings
        return False
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc to tell: taken as running
    return b"diptych" in command.lower()


class Launcher(QObject):
    """Owns the window and switches it to another project when asked.

    Args:
        context: paths, settings, messages.
    """

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.window: MainWindow | None = None
        # The folder of a file chosen in Open or New project that was not opened (damaged,
        # another program's): the next dialog starts there, not back where it was.
        self._refused_folder: Path | None = None
        context.messages.projectMadeReadOnly.connect(self.on_messages_project_made_read_only)

    def show_project(self, project: Project, *, recent: bool = True) -> MainWindow:
        """Open a window on ``project`` (replacing the current window). Callers first let
        the current window settle what is typed in it (:meth:`_settle_typing`), before
        anything is opened or created. With ``recent`` False (the sample project shown in
        the stead of a file that could not be opened), the recent projects, and so the
        project the next start opens, stay as they were."""
        session = ProjectSession(
            project,
            self.context.messages,
            coder=self.context.settings.coder(),
            pool=self.context.pool,
        )
        self._refused_folder = None
        if self.window is not None:  # the new window takes its place, size and panels
            window_layout.save(self.window)
        old, self.window = self.window, MainWindow(self.context, session)
        self._connect(self.window)
        window_layout.restore(self.window)
        window_layout.fit_to_screen(self.window)
        self.window.show()
        if project.read_only:  # said as it opens, before any edit is refused
            self.context.messages.info(opened_read_only(project.path))
        if project.search_kept is not None:
            from diptych.storage.search_repair import search_rebuilt_notice  # seldom needed

            self.context.messages.warning(
                search_rebuilt_notice(project.path, project.search_kept), "Search index rebuilt"
            )
        self._say_unfinished_import(project)
        session.watch()
        if project.verified:
            self._checked(self.window)
        else:
            self._check(self.window)
        if recent:
            self.context.settings.add_recent(project.path)
        self._fill_recent(self.window)
        if old is not None:
            old.close()
            old.deleteLater()
        self._watch_file_place(self.window)
        return self.window

    def _say_unfinished_import(self, project: Project) -> None:
        """Say, once, that an import into ``project`` did not finish when Diptych last
        stopped (killed, a power cut): nothing of it is in the project (an import is one
        transaction), and its files are named to be imported again.

        Nothing is said of an import another Diptych is running now (its window says how
        it ends), nor of one that finished after its window was closed (its articles are
        in the project)."""
        settings = self.context.settings
        record = settings.import_under_way(project.path)
        if record is None or not record.names:
            return
        if record.pid not in (0, os.getpid()) and diptych_running(record.pid):
            return
        settings.set_import_under_way(project.path, None)
        if record.newest >= 0 and project.articles.added_since(record.newest):
            return
        names = record.names
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        self.context.messages.warning(
            f"The import of {shown} into {project.path.name} had not finished when Diptych"
            " stopped, so none of it was imported: the project is as it was before it."
            " Import them again with File > Import articles… (Ctrl+I).",
            "Import not finished",
        )

    @staticmethod
    def _settle_typing(window: MainWindow) -> bool:
        """Save what is typed in ``window`` before it gives way to another project's (see
        :meth:`MainWindow.settle_typing`), in its project file found first if it left
        its place since the last look (as closing the window does)."""
        watch = window.findChild(FilePlaceWatch)
        if watch is not None and not watch.let_go():
            return False
        return window.settle_typing()

    def _watch_file_place(self, window: MainWindow) -> None:
        """Find the window's project file again whenever it leaves its place."""
        watch = FilePlaceWatch(window, fallback=self.context.paths.data)
        watch.followed.connect(lambda: self._on_file_followed(window))

    def _on_file_followed(self, window: MainWindow) -> None:
        """The project file was found at a new place: recent projects list it there."""
        self.context.settings.add_recent(window.session.project.path)
        self._fill_recent(window)

    def _check(self, window: MainWindow) -> None:
        """Check a file opened without its integrity pass, in a worker."""
        worker = window.workers.start(integrity_job(window.session.project.path))
        worker.signals.finished.connect(lambda damage: self._on_check_finished(window, damage))
        worker.signals.failed.connect(lambda text: self._on_check_failed(window, text))

    def _checked(self, window: MainWindow) -> None:
        """The file is intact: its backups can start."""
        if not window.session.project.read_only:
            window.backups.start()

    def _on_check_finished(self, window: MainWindow, damage: DamagedProjectError | None) -> None:
        if window is not self.window:
            return  # another project was opened meanwhile
        if damage is None:
            self._checked(window)
            return
        path = window.session.project.path
        if not window.close():  # nothing more is written to the damaged file, unless the
            self.context.messages.known_error(damage, "Open project")  # user keeps typing
            return
        self.window = None
        window.deleteLater()
        if isinstance(damage, DamagedSearchIndexError) and self._rebuild_search(path):
            return
        is_sample = path == self.context.paths.sample_project
        sample = open_sample_anyway(self.context, damaged=is_sample)
        self.show_project(sample)
        self.report_open_error(path, damage)
        if not is_sample:
            self.context.messages.info(opened_instead(self.context, sample, path), "Open project")

    def _rebuild_search(self, path: Path) -> bool:
        """Make the search index of the closed project at ``path`` again, and open it; False
        if that could not be done (the damage is then said as for any damaged file)."""
        from diptych.storage.search_repair import rebuild_search  # seldom needed

        try:
            kept = rebuild_search(path)
            project = open_project(path, self.context.paths.backups)
        except DiptychError:
            return False
        project.search_kept = kept
        self.show_project(project)
        return True

    def _on_check_failed(self, window: MainWindow, text: str) -> None:
        if window is not self.window:
            return
        self.context.messages.warning(f"The project could not be checked for damage: {text}")
        self._checked(window)  # each backup checks the file again as it opens it

    def open_path(self, path: Path, *, create: bool = False) -> None:
        """Open (or create) a project file and show it; errors become a message. Nothing
        is opened or created while the window is kept to copy a note that could not be
        saved (see :meth:`show_project`). The project already open stays as it is, with
        its undo steps: opening it again is only said to be needless."""
        if not create and self._already_open(path):
            return
        if self.window is not None and not self._settle_typing(self.window):
            return
        try:
            project = (
                Project.create(path) if create else open_project(path, self.context.paths.backups)
            )
        except DiptychError as exc:
            self.report_open_error(path, exc, title="New project" if create else "Open project")
            return
        self.show_project(project)
        if project.log_set_aside is not None:
            self.context.messages.warning(
                stale_log_notice(project.path, project.log_set_aside) + ".", title="New project"
            )

    def _already_open(self, path: Path) -> bool:
        """True, said in the status bar, if ``path`` is the project the window shows (by
        another name too: a link, a path with ``..``)."""
        if self.window is None:
            return False
        try:
            same = path.samefile(self.window.session.project.path)
        except OSError:  # not there (any more): not the file open
            return False
        if same:
            self.context.messages.info(f"{path.name} is already open in this window.")
        return same

    def open_recent(self, window: MainWindow, path: Path) -> None:
        """File > Open recent: open ``path``; one moved or deleted since the menu was filled
        is said to be so (not "check the name", which the user never typed), and leaves
        the menu."""
        if reachable(path):
            self.open_path(path)
            return
        self._fill_recent(window)
        self.context.messages.warning(
            f"{path.name} is no longer in {readable_text(str(path.parent))}: it was moved, "
            "renamed or deleted since it was last opened. If it was moved, open it from its "
            "new place with File > Open project.",
            "Open recent",
        )

    def report_open_error(
        self, path: Path, exc: DiptychError, *, title: str = "Open project"
    ) -> str:
        """A project that cannot be opened: the message, titled ``title``; for a file too
        damaged to open that has backups, the message offers to restore one. Returns the
        error as the command line says it, for the terminal."""
        found = []
        if isinstance(exc, DamagedProjectError | NotAProjectError):
            found = backups_for_path(self.context.paths.backups, path)
        if not found:
            exc = without_backups(exc)
            self.context.messages.known_error(exc, title)
            return str(exc)
        from diptych.gui.project_restore import offer_backups  # imported when first needed

        offer_backups(self, path, exc, found)
        return str(exc)

    def on_messages_project_made_read_only(self, shown: str, typed: str) -> None:
        """The project file was made read-only while open: open it again read-only."""
        from diptych.gui.read_only_reopen import on_project_made_read_only  # when first needed

        on_project_made_read_only(self, shown, typed)

    def _connect(self, window: MainWindow) -> None:
        a = window.actions_
        a.open_project.triggered.connect(lambda: self._ask_open(window))
        a.new_project.triggered.connect(lambda: self._ask_new(window))
        a.open_sample.triggered.connect(self.open_sample)
        a.restore_backup.triggered.connect(lambda: self.restore_from_backup(window))
        a.save_copy.triggered.connect(lambda: self.save_copy(window))
        # Filled again as it opens: a project moved or deleted meanwhile is left out.
        a.recent.aboutToShow.connect(lambda: self._fill_recent(window))

    def projects_folder(self, window: MainWindow) -> Path:
        """Where Open project and New project start: the folder of a file last chosen in
        them that could not be opened, of the project open, or of the last one the user
        opened; else the Documents folder (or home). Never the per-user data folder the
        sample project lives in, nor the folder Diptych was started from."""
        if self._refused_folder is not None and is_folder(self._refused_folder):
            return self._refused_folder
        sample = self.context.paths.sample_project.resolve()  # as recent projects are kept
        candidates = [window.session.project.path, *self.context.settings.recent_projects()]
        for path in candidates:
            try:
                if path.resolve() != sample and path.parent.is_dir():
                    return path.parent
            except OSError:  # a network folder gone stale: try the next one
                continue
        return documents_folder()

    def _ask_open(self, window: MainWindow) -> None:
        path = dialogs.choose_project_to_open(window, self.projects_folder(window))
        if path is not None:
            self._refused_folder = path.parent  # until the project opens
            self.open_path(path)

    def _ask_new(self, window: MainWindow) -> None:
        path = dialogs.choose_new_project(window, self.projects_folder(window))
        if path is not None:
            self._refused_folder = path.parent  # until the project opens
            self.open_path(path, create=True)

    def restore_from_backup(self, window: MainWindow) -> None:
        """Choose a backup of the window's project and go back to it."""
        from diptych.gui.project_restore import restore_from_backup  # imported when first needed

        restore_from_backup(self, window)

    def save_copy(self, window: MainWindow) -> None:
        """File > Save a copy…, once a note being typed is saved."""
        from diptych.gui.project_copy import save_copy  # imported when first needed

        if self._settle_typing(window):
            save_copy(window)

    def restore(self, window: MainWindow, backup: Path) -> None:
        """Close the project, restore ``backup`` into its file, and open it again."""
        from diptych.gui.project_restore import restore  # imported when first needed

        restore(self, window, backup)

    def open_sample(self) -> None:
        """Open the built-in sample project (creating it again if it was deleted)."""
        if self._already_open(self.context.paths.sample_project):
            return
        if self.window is not None and not self._settle_typing(self.window):
            return
        try:
            project = open_or_create(self.context, self.context.paths.sample_project)
        except DiptychError as exc:
            self.context.messages.known_error(exc, "Open project")
            return
        self.show_project(project)

    def _fill_recent(self, window: MainWindow) -> None:
        menu = window.actions_.recent
        menu.clear()
        recent = self.context.settings.recent_projects()
        names = [path.name for path in recent]
        for path in recent:
            # Two projects of one name (a copy in another folder) are told apart by folder.
            name = path.name if names.count(path.name) == 1 else f"{path.name} — {path.parent}"
            action = menu.addAction(name.replace("&", "&&"))  # not a key letter
            action.setToolTip(text_to_html(str(path)))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(window, p))
        menu.setEnabled(not menu.isEmpty())
