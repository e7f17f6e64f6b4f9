"""Automatic backups while a project is open (the dialog that restores one is in
:mod:`diptych.gui.restore_dialog`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from diptych.gui.session import ProjectSession
from diptych.gui.workers import Progress, Workers
from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import BackupInfo, backup_folder, list_backups
from diptych.storage.project import Project

BACKUP_INTERVAL_MS = 60 * 60 * 1000  # hourly
# The backup on open waits until the window is up: taken at once, its worker would compete
# with the first paint for the interpreter. A second is shorter than anyone needs to make a
# first change (and a first change made sooner is then in the backup with the rest).
ON_OPEN_DELAY_MS = 1000
KEEP = 20


def backup_job(project_path: Path, root: Path, reason: str) -> Callable[[Progress], Path]:
    """The worker's job: snapshot the project through its own read-only connection."""

    def job(progress: Progress) -> Path:
        with Project.open(project_path, read_only=True) as project:
            return backup_project(project, root=root, reason=reason, keep=KEEP)

    return job


class BackupScheduler(QObject):
    """Backs the project up when it is opened and every hour while it stays open.

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

    def start(self) -> None:
        """Take the backup on open (once the window is up) and start the hourly timer."""
        self.on_open.start()
        self.timer.start()

    def back_up(self, reason: str) -> None:
        """Take one backup in the background; when the project file has just left its
        place (moved, deleted, replaced), once the window has found it again."""
        project = self.session.project
        if project.closed:
            return
        if project.file_status() != "same" or project.log_left():  # the window follows it
            QTimer.singleShot(ON_OPEN_DELAY_MS, self, lambda: self.back_up(reason))
            return
        worker = self.workers.start(backup_job(self.session.project.path, self.root, reason))
        worker.signals.finished.connect(self.on_worker_finished)
        worker.signals.failed.connect(self.on_worker_failed)  # a bug: the workers report it

    def on_worker_finished(self, path: Path) -> None:
        """Remember the newest backup."""
        self.last = path

    def on_worker_failed(self, text: str) -> None:
        """Say so; the project itself is untouched."""
        self.session.messages.warning(f"Backup failed: {text}")

    def folder(self) -> Path:
        """This project's backups folder."""
        return backup_folder(self.root, self.session.project)


def backups_of(root: Path, session: ProjectSession) -> list[BackupInfo]:
    """The backups of the session's project, newest first."""
    return list_backups(backup_folder(root, session.project))
