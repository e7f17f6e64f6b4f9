"""Starting Diptych: the application object, the first project, switching projects."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from diptych.gui import dialogs, window_layout
from diptych.gui.backups import backups_of
from diptych.gui.context import AppContext
from diptych.gui.file_place_watch import FilePlaceWatch
from diptych.gui.icons import app_icon
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import as_shown, install_excepthook
from diptych.gui.note_html import text_to_html
from diptych.gui.paths import APP_NAME, ORGANIZATION, documents_folder
from diptych.gui.session import ProjectSession
from diptych.gui.settings import reachable
from diptych.gui.workers import Progress
from diptych.storage.backup import (
    backup_before_upgrade,
    backups_for_path,
    list_backups,
    restore_backup,
)
from diptych.storage.database import RESTORE_ADVICE, check_file
from diptych.storage.errors import (
    DamagedProjectError,
    DiptychError,
    NotAProjectError,
    ProjectFileError,
    readable_text,
)
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

# Files up to this size get SQLite's integrity pass before the window shows them (~0.7 ms
# per MB); a larger file is checked by a worker while the window is already up, and its
# backups wait for the result. Damage found then is handled as when a file fails to open:
# the window moves to the sample project and offers the file's backups.
CHECK_ON_OPEN_LIMIT = 32 * 1024 * 1024
NO_BACKUP_ADVICE = (
    "Diptych has no backup of it. If you keep a copy of it elsewhere (another disk, a"
    " synced folder), open that copy."
)


def open_project(path: Path, backups: Path | None = None) -> Project:
    """Open ``path`` for the window: a big file's integrity pass is left to a worker; a
    file from an older Diptych is backed up into ``backups`` before it is updated."""

    def keep_as_it_was(project: Project) -> None:
        if backups is not None:
            backup_before_upgrade(project, root=backups)

    return Project.open(path, check_limit=CHECK_ON_OPEN_LIMIT, before_upgrade=keep_as_it_was)


def open_or_create(context: AppContext, path: Path | None) -> Project:
    """Open ``path``; with no path, the last project or the sample project (created once)."""
    if path is None:
        path = context.settings.last_project() or context.paths.sample_project
    if path == context.paths.sample_project and not path.exists():
        return create_sample_project(path)
    return open_project(path, context.paths.backups)


def open_sample_anyway(context: AppContext, *, damaged: bool = False) -> Project:
    """The sample project; if it cannot be opened (or is known to be ``damaged``), it is
    moved aside (with every passage coded in it) and a fresh one is created, so that
    Diptych always starts."""
    path = context.paths.sample_project
    if not damaged:
        try:
            return open_or_create(context, path)
        except DiptychError:
            pass
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem} (could not be opened {stamp}){path.suffix}")
    try:
        if path.exists() or path.is_symlink():  # not there: it could not be created
            path.replace(aside)
        for extra in ("-wal", "-shm"):  # the -wal may hold its latest changes: it goes along
            companion = Path(f"{path}{extra}")
            if companion.exists():
                companion.replace(f"{aside}{extra}")
    except OSError as exc:
        raise ProjectFileError(
            f"could not be opened, nor moved aside to make a new one ({exc.strerror})",
            path=path,
            advice="Check that its folder can be written and the disk is not full.",
        ) from exc
    return create_sample_project(path)


def without_backups(exc: DiptychError) -> DiptychError:
    """``exc`` as said in the window of a file that has no backups: its advice to restore
    one from the window (:data:`RESTORE_ADVICE`, as the command line says it) would send
    the user looking for an offer that is not there."""
    if exc.advice != RESTORE_ADVICE:
        return exc
    return type(exc)(exc.message, path=exc.path, advice=NO_BACKUP_ADVICE)


def integrity_job(path: Path) -> Callable[[Progress], DamagedProjectError | None]:
    """The worker's job: SQLite's integrity pass over ``path``; the damage found, if any."""

    def job(progress: Progress) -> DamagedProjectError | None:
        try:
            check_file(path)
        except DamagedProjectError as exc:
            return exc
        return None

    return job


class Launcher(QObject):
    """Owns the window and switches it to another project when asked.

    Args:
        context: paths, settings, messages.
    """

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.window: MainWindow | None = None

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
        if self.window is not None:  # the new window takes its place, size and panels
            window_layout.save(self.window)
        old, self.window = self.window, MainWindow(self.context, session)
        self._connect(self.window)
        window_layout.restore(self.window)
        window_layout.fit_to_screen(self.window)
        self.window.show()
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

    @staticmethod
    def _settle_typing(window: MainWindow) -> bool:
        """Save what is typed in ``window`` before it gives way to another project's (see
        :meth:`MainWindow.settle_typing`), in its project file found first if it left
        its place since the last look (as closing the window does)."""
        watch = window.findChild(FilePlaceWatch)
        if watch is not None:
            watch.follow()
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
        is_sample = path == self.context.paths.sample_project
        self.show_project(open_sample_anyway(self.context, damaged=is_sample))
        self.report_open_error(path, damage)

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
        from diptych.gui.restore_dialog import RestoreOffer  # imported when first needed

        offer = RestoreOffer(exc, found, self.window)
        offer.chosen.connect(lambda backup: self.restore_file(path, Path(backup)))
        offer.open()
        return str(exc)

    def restore_file(self, path: Path, backup: Path) -> None:
        """Restore ``backup`` into the project file at ``path`` (not open) and open it."""
        try:
            kept = restore_backup(backup, target=path, root=self.context.paths.backups)
        except DiptychError as exc:
            self.context.messages.known_error(exc, "Restore from backup")
            return
        self.open_path(path)
        if kept.parent == path.parent:  # the damaged file, moved aside
            self.context.messages.info(
                f"Restored {path.name} from its backup. The damaged file is kept as {kept.name}."
            )

    def _connect(self, window: MainWindow) -> None:
        a = window.actions_
        a.open_project.triggered.connect(lambda: self._ask_open(window))
        a.new_project.triggered.connect(lambda: self._ask_new(window))
        a.open_sample.triggered.connect(self.open_sample)
        a.restore_backup.triggered.connect(lambda: self.restore_from_backup(window))
        # Filled again as it opens: a project moved or deleted meanwhile is left out.
        a.recent.aboutToShow.connect(lambda: self._fill_recent(window))

    def projects_folder(self, window: MainWindow) -> Path:
        """Where Open project and New project start: the folder of the project open, or of
        the last one the user opened; else the Documents folder (or home). Never the
        per-user data folder the sample project lives in, nor the folder Diptych was
        started from."""
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
            self.open_path(path)

    def _ask_new(self, window: MainWindow) -> None:
        path = dialogs.choose_new_project(window, self.projects_folder(window))
        if path is not None:
            self.open_path(path, create=True)

    def restore_from_backup(self, window: MainWindow) -> None:
        """Choose a backup of the window's project and go back to it."""
        from diptych.gui.restore_dialog import RestoreDialog  # imported when first needed

        dialog = RestoreDialog(backups_of(self.context.paths.backups, window.session), window)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        self.restore(window, chosen)

    def restore(self, window: MainWindow, backup: Path) -> None:
        """Close the project, restore ``backup`` into its file, and open it again."""
        path = window.session.project.path
        listed = backup_label(backup)
        if not window.close():  # kept to copy a note that could not be saved
            return
        window.deleteLater()
        self.window = None
        try:
            restore_backup(backup, target=path, root=self.context.paths.backups)
        except DiptychError as exc:
            self.open_path(path)
            self.context.messages.known_error(exc, "Restore from backup")
            return
        self.open_path(path)
        self.context.messages.info(f"Restored the backup of {listed}.")

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


def no_display_message() -> str | None:
    """Why the window cannot open here, or None (Linux without X11 or Wayland)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "diptych: there is no display to open the window on (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set). Run it in a desktop session, or use the command line: "
        "diptych --help"
    )


def backup_label(backup: Path) -> str:
    """A backup as the Restore dialog lists it (its local time, why and size)."""
    info = next((b for b in list_backups(backup.parent) if b.path == backup), None)
    return info.label if info is not None else backup.name


def keep_start_up_objects() -> None:
    """Take every object made so far out of the cycle collector's rounds (``gc.freeze``).

    Called once the modules are imported and before the first window is built. What
    exists then (modules, classes, functions, Qt's enum classes: ~50,000 objects) lives
    as long as the process, yet each full collection walked all of it again: 15-80 ms on
    this machine, at moments the collector chooses, such as while a big project's
    passages arrive. Windows, panes and a project's data come later and are collected as
    before: only what start-up had already dropped (a few hundred objects) is kept for good.
    """
    gc.freeze()


def run_application(project_path: Path | None) -> int:
    """Start the window; returns the exit status."""
    message = no_display_message()
    if message is not None:
        print(message, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QTimer.singleShot(0, gc.enable)  # paused while starting (diptych.gui.__main__)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("diptych")
    app.setWindowIcon(app_icon())
    try:
        context = AppContext.standard()
    except OSError as exc:  # a full disk, a read-only home folder
        where = readable_text(str(exc.filename)) if exc.filename else "its data folder"
        return cannot_start(
            f"Diptych cannot create {where} ({exc.strerror or exc}), where it keeps its"
            " settings, the sample project and the backups. Free some disk space, or make"
            " that folder writable, then start Diptych again."
        )
    install_excepthook(context.messages, context.paths.crash_log)
    keep_start_up_objects()
    try:
        launcher = start(context, project_path)
    except DiptychError as exc:  # not even the sample project could be opened or made
        return cannot_start(str(exc), as_shown(exc))
    status = app.exec()
    del launcher
    return status


def cannot_start(text: str, shown: str | None = None) -> int:
    """Say why the window cannot open, on the terminal (``text``) and in a message box
    (``shown``, if the window words it otherwise); the exit status."""
    print(f"diptych: {text}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "Diptych", text if shown is None else shown)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
    box.exec()
    return 2


def start(context: AppContext, project_path: Path | None) -> Launcher:
    """Show the window on ``project_path`` (None: the last project, or the sample project).

    A project that cannot be opened (the one named on the command line or opened from the
    file manager, or the last one) is reported over the window, which starts on the sample
    project instead, with an offer to restore the file from a backup when it is damaged
    and has one: the advice to restore it can be followed there and then. A project named
    on the command line is reported on the terminal too, and is the error raised when not
    even the sample project can be opened. A damaged sample project is moved aside and
    made again. A last project that is no longer where it was is said to be so over the
    window, which opens the project before it (or the sample project).
    """
    launcher = Launcher(context)
    gone = context.settings.last_project_gone() if project_path is None else None
    try:
        project = open_or_create(context, project_path)
    except DiptychError as exc:
        failed = project_path or context.settings.last_project() or context.paths.sample_project
        try:
            sample = open_sample_anyway(context)
        except DiptychError:
            if project_path is None:
                raise
            raise exc from None  # the file asked for is what cannot be opened, and is said
        # Shown in the stead of a file asked for by name: the next start still opens the
        # project the user worked on last.
        launcher.show_project(sample, recent=project_path is None)
        said = launcher.report_open_error(failed, exc)
        if project_path is not None:
            print(f"diptych: {said}", file=sys.stderr)
        return launcher
    launcher.show_project(project)
    if gone is not None:
        context.messages.warning(
            f"{gone.name}, the project open when Diptych was last closed, is no longer in "
            f"{gone.parent}: it was moved, renamed or deleted, or its disk is not there now. "
            f"{project.path.name} was opened instead. Open it from its new place with "
            "File > Open project.",
            "Open project",
        )
    return launcher
