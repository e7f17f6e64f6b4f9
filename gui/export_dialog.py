"""File > Export: choose a format, a scope (articles, tags) and a grouping (the form is
:mod:`export_form`'s), then export.

The export runs in a worker with its own read-only connection to the project file, with a
progress bar and Cancel; the file is written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from diptych.gui.dialogs import ask_to_lose
from diptych.gui.export_destination import not_a_folder
from diptych.gui.export_form import ExportForm
from diptych.gui.session import ProjectSession
from diptych.gui.settings import ExportChoices, Settings, is_file, is_folder
from diptych.gui.workers import Progress, Worker, Workers
from diptych.storage.errors import Cancelled
from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.files import write_atomically
from diptych.storage.project import Project


def export_job(
    project_path: Path, fmt: str, options: ExportOptions, output: Path
) -> Callable[[Progress], tuple[Path, int, tuple[str, ...]]]:
    """The worker's job: read the project on its own connection, export, write the file.

    It returns the file, its size, and the export's notes for the user.
    """

    def job(progress: Progress) -> tuple[Path, int, tuple[str, ...]]:
        notes: list[str] = []
        with Project.open(project_path, read_only=True) as project:
            data = export_project(project, fmt=fmt, options=options, progress=progress, notes=notes)
        if not progress(1, 1):  # cancelled after the last report: still nothing written
            raise Cancelled
        write_atomically(output, data)
        return output, len(data), tuple(notes)

    return job


class ExportDialog(ExportForm):
    """Choose what to export, where (see :class:`ExportForm`), and run it.

    Args:
        session: the open project.
        workers: where the export runs.
        settings: where the last export's choices are kept; without it, Markdown, By tag
            and Documents are offered, and nothing is kept.
        first_folder: where to save when no export was written yet (see
            :class:`ExportForm`).

    Signals:
        exported(str, int): the file written and its size in bytes.
    """

    exported = Signal(str, int)

    def __init__(
        self,
        session: ProjectSession,
        workers: Workers,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[QWidget, str, str], bool] | None = None,
        settings: Settings | None = None,
        first_folder: Path | None = None,
    ) -> None:
        super().__init__(session, parent, settings=settings, first_folder=first_folder)
        self.confirm = confirm or ask_to_lose  # replacing a file: No by default
        self._running: ExportChoices | None = None  # the choices of the export under way
        self.workers = workers
        self.worker: Worker | None = None
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)

    def _is_project_file(self, output: Path) -> bool:
        project = self.session.project.path
        files = [project, *(project.with_name(project.name + end) for end in ("-wal", "-shm"))]
        # A name too long for the file system, or a folder that cannot be looked at, is
        # no project: writing it says what is wrong, naming it.
        return any(is_file(output) and f.exists() and output.samefile(f) for f in files)

    def start(self) -> None:
        """Run the export in the background."""
        output = self.destination()
        missing = self.choice_missing()  # Export is greyed meanwhile: a call from the code
        if missing:
            self.session.messages.error(missing, "Export")
            return
        if not is_folder(output.parent):  # said now, not once the whole export has run
            self.session.messages.error(
                f"{output}: cannot be written: {output.parent} {not_a_folder(output.parent)}. "
                "Choose an existing folder (Browse… shows them).",
                "Export",
            )
            return
        if self._is_project_file(output):
            self.session.messages.error(
                f"{output} is the project file open in this window; an export must not "
                "replace it. Choose another name or folder for the export.",
                "Export",
            )
            return
        options = self.options()
        if is_file(output) and output != self._confirmed:
            question = f"{output} already exists. Replace it with this export?"
            if not self.confirm(self, "Export", question):
                return
        self.exporting = True
        self.offer_export()  # greyed while it runs
        self.progress.setValue(0)
        self.progress.show()
        job = export_job(self.session.project.path, self.fmt(), options, output)
        self._running = self.choices(output)  # as chosen, whatever is changed meanwhile
        self.worker = worker = self.workers.start(job)
        worker.signals.progressed.connect(self.on_worker_progressed)
        worker.signals.finished.connect(self.on_worker_finished)
        worker.signals.failed.connect(self.on_worker_failed)
        worker.signals.crashed.connect(self.on_worker_crashed)
        worker.signals.cancelled.connect(self.on_worker_cancelled)

    def on_worker_progressed(self, done: int, total: int) -> None:
        """Move the progress bar."""
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def on_worker_finished(self, result: tuple[Path, int, tuple[str, ...]]) -> None:
        """Report the file written, and in a message box what the user should know about
        it (CSV rows holding a text cut short to fit a spreadsheet cell); close."""
        path, size, notes = result
        self.worker = None
        if self.settings is not None and self._running is not None:
            self.settings.set_export_choices(self._running)
        done = f"Exported to {path} ({size:,} bytes)."
        self.session.messages.info(done)
        if notes:
            self.session.messages.warning("\n\n".join((done, *notes)), "Export")
        self.exported.emit(str(path), size)
        self.accept()

    def on_worker_failed(self, message: str) -> None:
        """Show why the export failed; the dialog stays open to try again."""
        self._stopped()
        self.session.messages.error(message, "Export")

    def on_worker_crashed(self, _summary: str, _details: str) -> None:
        """A bug stopped the export (the workers report it): the dialog stays open."""
        self._stopped()

    def on_worker_cancelled(self) -> None:
        """The export stopped; nothing was written."""
        self._stopped()
        self.session.messages.info("Export cancelled; nothing was written.")

    def _stopped(self) -> None:
        """The export ended without a file: ready to try again."""
        self.worker = None
        self.exporting = False
        self.offer_export()
        self.progress.hide()
        if self.focusWidget() is self.cancel_button and self.export_button.isEnabled():
            # Turned off while it ran, Export passed its focus to Cancel: Enter to try
            # again would have closed the dialog.
            self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_cancel_clicked(self) -> None:
        """Cancel a running export, or close the dialog."""
        if self.worker is not None:
            self.worker.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        """Closing the dialog (Esc, the title bar) also stops a running export."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker = None
        super().reject()
