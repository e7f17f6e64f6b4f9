"""Automatic backups while a project is open (the dialog that restores one is in
:mod:`diptych.gui.restore_dialog`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from diptych.gui.session import ProjectSession
from diptych.gui.workers import Progress, Workers
from diptych.storage.backup import RECENT_REASON, backup_project
from diptych.storage.backup_folders import BackupInfo, backup_folder, list_backups
from diptych.storage.errors import DiptychError, DiskFullError, ProjectFileError
from diptych.storage.project import Project

BACKUP_INTERVAL_MS = 60 * 60 * 1000  # hourly
# The backup on open waits until the window is up: taken at once, its worker would compete
# with the first paint for the interpreter. A second is shorter than anyone needs to make a
# first change (and a first change made sooner is then in the backup with the rest).
ON_OPEN_DELAY_MS = 1000
KEEP = 20
# While changes are made, the latest state is backed up this often, and as another program
# is turned to (a file manager or a terminal, say, where the project file may be copied
# over), or LEAVING_GAP_MS after the last backup was begun. Only the newest of
# these is kept. A project file overwritten in place goes on from the newest backup
# (storage.file_place), so this is at most what such an accident loses.
RECENT_INTERVAL_MS = 5 * 60 * 1000
LEAVING_GAP_MS = 10 * 1000


# A backup that failed sets the state backed up to this, which the project's never is: the
# latest changes are backed up again at the next turn (every five minutes), not only once
# something changes again.
NOT_BACKED_UP = (-1, -1)


def backup_job(project_path: Path, root: Path, reason: str) -> Callable[[Progress], Path]:
    """The worker's job: snapshot the project through its own read-only connection. A
    backup that cannot be written says that the project has none, and where room or
    rights are missing: the disk or the folder of Diptych's data folder, which holds
    ``root``, not the project's own."""

    def job(progress: Progress) -> Path:
        with Project.open(project_path, read_only=True) as project:
            try:
                return backup_project(project, root=root, reason=reason, keep=KEEP)
            except ProjectFileError as exc:
                if exc.path is None or root not in (exc.path, *exc.path.parents):
                    raise  # about the project file, which says what to do
                raise not_backed_up(exc, project=project_path, data=root.parent) from exc

    return job


def not_backed_up(exc: ProjectFileError, *, project: Path, data: Path) -> DiptychError:
    """``exc``, a backup of ``project`` that could not be written in the data folder
    ``data``, said as the project left without a backup."""
    retry = "Diptych tries again every five minutes; the project itself was only read."
    if isinstance(exc, DiskFullError):
        return DiskFullError(
            f"{project} has no backup now: the disk holding Diptych's data folder ({data}),"
            " where its backups are kept, is full, and stays without one until there is room"
            " on that disk",
            advice=f"Free some space on that disk. {retry}",
        )
    where = f"{exc.path}: " if exc.path is not None else ""
    return ProjectFileError(
        f"{project} has no backup now ({where}{exc.message.rstrip('.')}), and stays without"
        f" one until Diptych's data folder ({data}) can be written to",
        advice=f"Check that folder and its disk. {retry}",
    )


class BackupScheduler(QObject):
    """Backs the project up when it is opened and every hour while it stays open; and its
    latest state, once changed, every few minutes and as another program is turned to.

    Args:
        session: the open project.
        workers: where the copy runs (never on the GUI thread).
        root: the folder of all backups.
        interval_ms: time between automatic backups.
    """

    def __init__(
        self,
        session: ProjectSession,
        workers: Workers,
        root: Path,
        interval_ms: int = BACKUP_INTERVAL_MS,
    ) -> None:
        super().__init__(session)
        self.session = session
        self.workers = workers
        self.root = root
        self.last: Path | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.back_up("hourly"))
        self.on_open = QTimer(self)
        self.on_open.setSingleShot(True)
        self.on_open.setInterval(ON_OPEN_DELAY_MS)
        self.on_open.timeout.connect(lambda: self.back_up("on open"))
        self.recent = QTimer(self)
        self.recent.setInterval(RECENT_INTERVAL_MS)
        self.recent.timeout.connect(self.keep_recent)
        self.after_gap = QTimer(self)  # the backup put off as another program was turned to
        self.after_gap.setSingleShot(True)
        self.after_gap.timeout.connect(self.keep_recent)
        self._begun: tuple[int, int] | None = None  # the project's changes at the last backup
        self.failure = ""  # why the last backup failed ("" if it did not), as it was said
        self._since = QElapsedTimer()  # ... and when it was begun

    def start(self) -> None:
        """Take the backup on open (once the window is up) and start the timers."""
        self.on_open.start()
        self.timer.start()
        self.recent.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self.on_application_state_changed)

    def on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        """Another program has the focus: back the latest changes up, or once
        :data:`LEAVING_GAP_MS` have passed since the last backup was begun."""
        if state == Qt.ApplicationState.ApplicationActive or self.project_closed():
            return
        if self._since.isValid() and not self._since.hasExpired(LEAVING_GAP_MS):
            self.after_gap.start(LEAVING_GAP_MS - self._since.elapsed())
            return
        self.keep_recent()

    def keep_recent(self) -> None:
        """Back the project's latest state up if it changed since the last backup."""
        if self.project_closed() or self._begun is None:  # none yet: the one on open comes
            return
        try:
            changed = self._changes() != self._begun
        except DiptychError:  # the file cannot be read now: the window's watch says why
            return
        if changed:
            self.back_up(RECENT_REASON)

    def project_closed(self) -> bool:
        """True once the project is closed (the window is closing or has closed)."""
        return self.session.project.closed

    def _changes(self) -> tuple[int, int]:
        """What moves with every change to the project: this window's own (the rows its
        connection changed) and those of other connections (SQLite's data version)."""
        project = self.session.project
        return project.db.conn.total_changes, project.data_version()

    def back_up(self, reason: str) -> None:
        """Take one backup in the background; when the project file has just left its
        place (moved, deleted, replaced), once the window has found it again."""
        project = self.session.project
        if project.closed:
            return
        if project.file_status() != "same" or project.log_left():  # the window follows it
            QTimer.singleShot(ON_OPEN_DELAY_MS, self, lambda: self.back_up(reason))
            return
        with contextlib.suppress(DiptychError):  # read again at the next backup
            self._begun = self._changes()
        self._since.start()
        worker = self.workers.start(backup_job(self.session.project.path, self.root, reason))
        worker.signals.finished.connect(self.on_worker_finished)
        worker.signals.failed.connect(self.on_worker_failed)  # a bug: the workers report it

    def on_worker_finished(self, path: Path) -> None:
        """Remember the newest backup; after one that failed, say that there is one again."""
        self.last = path
        if self.failure:
            self.failure = ""
            self.session.messages.info(f"The project is backed up again ({path}).")

    def on_worker_failed(self, text: str) -> None:
        """Say so (in a box the first time; the same failure again, in the status bar), and
        take the latest changes as not backed up; the project itself is untouched."""
        self._begun = NOT_BACKED_UP
        again = text == self.failure
        self.failure = text
        say = self.session.messages.info if again else self.session.messages.warning
        say(f"Backup failed: {text}")

    def folder(self) -> Path:
        """This project's backups folder."""
        return backup_folder(self.root, self.session.project)


def backups_of(root: Path, session: ProjectSession) -> list[BackupInfo]:
    """The backups of the session's project, newest first."""
    return list_backups(backup_folder(root, session.project))
