"""Importing articles from files: chosen, dropped, or a newer version of one article.

Files are read and parsed in a worker thread (:mod:`diptych.gui.import_jobs`); the
articles are then recorded in one undoable step on the GUI thread. Files that cannot be
imported are listed with the reason (:mod:`diptych.gui.import_messages`), and the others
are imported. The file dialogs are in :mod:`diptych.gui.import_dialogs`, the progress box
in :mod:`diptych.gui.import_progress`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from diptych.gui import update_questions
from diptych.gui.article_commands import ImportArticles, ReplaceArticleText
from diptych.gui.article_model import article_label
from diptych.gui.commands import perform, steps_since
from diptych.gui.import_dialogs import ImportFileDialogs
from diptych.gui.import_jobs import (
    ImportResult,
    NewerVersion,
    exchange_job,
    import_files_job,
    newer_version_job,
)
from diptych.gui.import_messages import (
    exchange_message,
    imported_message,
    not_imported_message,
    removed_meanwhile_message,
    update_message,
    update_refused_message,
    waiting_message,
    waiting_what,
)
from diptych.gui.session import ProjectSession
from diptych.gui.settings import Settings
from diptych.gui.workers import Job, Worker, Workers
from diptych.storage.errors import (
    InputError,
    MadeReadOnlyError,
    ReadOnlyProjectError,
    readable_text,
)
from diptych.storage.project_checks import refuse_if_made_read_only, why_read_only

if TYPE_CHECKING:
    from diptych.gui.import_progress import ImportProgress
    from diptych.storage.articles import ReplacementPlan
    from diptych.storage.changed_files import ChangedFileError
    from diptych.storage.exchange_undo import ExchangeChanges
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.refiqda_summary import ExchangeImportSummary


UNDO_IMPORT = "Edit > Undo (Ctrl+Z) takes the import back"
BACK_TO_BEFORE = "with it open, File > Restore from backup takes it back to before the import."


def kept_in(name: str) -> str:
    """What an import cut short left in the project ``name``, closed since it began."""
    return f"the files imported before that are in {name}: {BACK_TO_BEFORE}"


IMPORT_LINE = "import"  # the line of workers (see Workers.start) imports run in, in turn


def when_started(worker: Worker, begin: Callable[[], None]) -> None:
    """Call ``begin`` as ``worker``'s job is given to the pool: now, unless it waits in
    its line (then as its turn comes, never if it is cancelled first)."""
    if worker.waiting:
        worker.signals.started.connect(begin)
    else:
        begin()


class ImportController(QObject):
    """Runs imports for the window.

    Args:
        session: the open project.
        workers: where slow work runs.
        window: parent of dialogs.
        backups: the backups folder.
        settings: where the folder the file dialogs open in is kept (see
            :class:`~diptych.gui.import_dialogs.ImportFileDialogs`).

    Signals:
        imported(list): the new article ids.
        updating(int): an article's text is about to be replaced by a newer version read
            in the background: what is being typed is to be saved first, so that the update
            is the latest step, the one Ctrl+Z undoes (as the window then says).
        reimported(int): an article's text was replaced by a newer version.
    """

    imported = Signal(list)
    updating = Signal(int)
    reimported = Signal(int)

    def __init__(
        self,
        session: ProjectSession,
        workers: Workers,
        window: QWidget,
        *,
        backups: Path,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(window)
        self.session = session
        self.workers = workers
        self.window = window
        self.backups = backups
        self.settings = settings
        self.dialogs = ImportFileDialogs(window, settings)
        self._writers: list[Worker] = []  # the imports started, until each has ended
        self._boxes: ImportProgress | None = None  # made with the first import

    def choose_and_import(self) -> None:
        """Ask for files, then import them (a read-only project says so first)."""
        if self._refused_read_only("nothing can be imported into it"):
            return
        self.import_files(self.dialogs.article_files())

    def choose_folder_and_import(self) -> None:
        """Ask for a folder, then import its article files and its sub-folders'."""
        if self._refused_read_only("nothing can be imported into it"):
            return
        folder = self.dialogs.folder_to_import()
        if folder is not None:
            self.import_files([folder])

    def import_files(self, paths: Sequence[Path]) -> None:
        """Import article files in the background (REFI-QDA files are passed on)."""
        if self._refused_read_only("nothing can be imported into it"):
            return
        from diptych.storage.importing import EXCHANGE_SUFFIXES

        exchange = [p for p in paths if p.suffix.lower() in EXCHANGE_SUFFIXES]
        articles = [p for p in paths if p not in exchange]
        if exchange:
            self.import_exchange(exchange)
        if not articles:
            return
        worker = self._start(import_files_job(self.session.project.path, articles), articles)
        waited = list(articles)

        def begin() -> None:
            # What others wrote until now is shown first; what they write once the job has
            # its connection, it notes. (A commit in the moment between is seen at the next
            # change made elsewhere: waiting for the job's first report instead would take
            # its own commit, when it is quick, for another program's.)
            self.session.on_watch_timeout()
            self._under_way(worker, articles)
            waited.clear()  # its turn came: cancelled now, it is the one under way

        when_started(worker, begin)
        # First: the progress closes before what the import asks or says when it ends.
        self.progress.show(worker, articles, "Reading")
        worker.signals.finished.connect(self.on_worker_finished)
        worker.signals.failed.connect(lambda text: self.session.messages.error(text, "Import"))
        worker.signals.cancelled.connect(lambda: self.on_worker_cancelled(waited))

    @property
    def progress(self) -> ImportProgress:
        """The progress box of the import under way; what waits for it is named there and
        in the status bar, with its own Cancel, and has no box until its turn comes."""
        if self._boxes is None:
            from diptych.gui.import_progress import ImportProgress  # with the first import

            self._boxes = ImportProgress(self.window)
        return self._boxes

    def writing_here(self) -> str:
        """What of this window may be writing to the project now, as a busy project names
        it ("the import under way"), or "" (see :class:`~diptych.gui.messages.MessageBridge`)."""
        writing = any(not worker.waiting for worker in self._writers)
        return "the import under way" if writing else ""

    def _start(
        self,
        job: Job,
        paths: Sequence[Path],
        *,
        told_after_close: bool = False,
        doing: str = "imported",
    ) -> Worker:
        """Start an import's ``job``, after the imports and updates under way in this
        window (each writes to the project in turn, none gives up waiting for another's
        write); one that waits says so in the status bar (see :attr:`progress`)."""
        worker = self.workers.start(job, told_after_close=told_after_close, line=IMPORT_LINE)
        if doing == "imported":  # an update only reads in the background
            self._writers.append(worker)
            worker.delivery.ended.connect(lambda: self._writers.remove(worker))
            worker.delivery.bug.connect(lambda *_args: self._writers.remove(worker))
        if worker.waiting:
            self.session.messages.info(waiting_message(paths, doing))
        return worker

    def _under_way(self, worker: Worker, paths: Sequence[Path]) -> None:
        """Note the import of ``paths`` as under way until ``worker`` ends, one way or
        another: one that never ends (Diptych killed) is said as the project opens again
        (see :func:`~diptych.gui.launcher.Launcher.show_project`)."""
        settings, project = self.settings, self.session.project.path
        if settings is None:
            return
        newest = self.session.project.articles.newest_id()
        settings.set_import_under_way(project, [p.name for p in paths], newest=newest)

        def ended(*_args: object) -> None:
            settings.set_import_under_way(project, None)

        for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
            signal.connect(ended)

    def _refused_read_only(self, what: str) -> bool:
        """Say so if the project is open read-only, or its file was made so since it was
        opened (before a file is chosen in vain; the import's own connection would only
        find it read-only at its first write)."""
        try:
            refuse_if_made_read_only(self.session.project, what)
        except MadeReadOnlyError as exc:
            self.session.messages.known_error(exc, "Import")
            return True
        if not self.session.read_only:
            return False
        why, advice = why_read_only(self.session.project.path)
        error = ReadOnlyProjectError(
            f"is open read-only{why}, so {what}", path=self.session.project.path, advice=advice
        )
        self.session.messages.known_error(error, "Import")
        return True

    def on_worker_cancelled(self, waited: Sequence[Path] = ()) -> None:
        """The import was cancelled before anything was added; one cancelled while it
        waited for the import under way (``waited``: its files) is named, as that one
        goes on."""
        of = f" of {waiting_what(waited)}" if waited else ""
        self.session.messages.info(f"Import{of} cancelled; nothing was imported.")

    def on_worker_finished(self, result: ImportResult) -> None:
        """Record what was added as one undoable step; report what was refused."""
        self.dialogs.note_places(result.places)
        ids: list[int] = []
        read: list[tuple[str, str]] = []  # each file's name and the encoding it was read in
        if result.added:
            command = ImportArticles(self.session, added=result.added)
            if perform(self.session, command):
                ids = [a.id for a in command.added]
                read = [(a.source_name, a.encoding) for a in command.added]
            if result.others_wrote:  # their changes would be taken for the import's
                self.session.reload_all()
        asked, updating = self._changed_to_update(result)
        if asked:  # said by the question (and the updates), not again as left out
            result.duplicates = [e for e in result.duplicates if e not in asked]
        not_imported = not_imported_message(result)
        if not_imported:
            self.session.messages.warning(not_imported, "Import")
        if ids:
            self.session.messages.info(imported_message(len(ids), read, result.main_only))
            self.imported.emit(ids)
        for error in updating:
            if error.path is not None:
                self.reimport(error.article_id, error.path)
        if asked and not updating:  # Not now: how to later, once, in the status bar
            titles = ", ".join(f"“{e.title}”" for e in asked[:3])
            more = f" and {len(asked) - 3} more" if len(asked) > 3 else ""
            self.session.messages.info(
                f"Not updated now: {titles}{more}. To bring in the changes later, choose "
                "Update from newer file… on the article in the Library."
            )

    def _changed_to_update(
        self, result: ImportResult
    ) -> tuple[list[ChangedFileError], list[ChangedFileError]]:
        """The files left out of an import as changed since they were imported, which the
        user was asked about, and those whose articles they chose to update from them now
        (all of them, or none: Not now)."""
        from diptych.storage.changed_files import ChangedFileError  # loaded with the import

        changed = [e for e in result.duplicates if isinstance(e, ChangedFileError)]
        if changed and update_questions.update_changed(self.window, changed):
            return changed, changed
        return changed, []

    def import_exchange(self, paths: Sequence[Path]) -> None:
        """Import REFI-QDA projects or codebooks in the background (a backup is taken first).

        Each file is committed on its own: when the window closes or gives way to another
        project before the last, the files imported before it stay in this project, and how
        the import ended is still told, naming this project (see :meth:`_closed_since`).
        """
        recorded: list[ExchangeChanges] = []  # each file's changes, as it is committed
        job = exchange_job(self.session.project.path, list(paths), self.backups, recorded)
        worker = self._start(job, paths, told_after_close=True)
        self.progress.show(worker, paths, "Importing")
        waited = list(paths)
        when_started(worker, waited.clear)
        # The step goes on the stack before the message says how to undo it.
        step = partial(self._push_exchange_step, list(paths), recorded)
        worker.signals.finished.connect(lambda done: self.on_exchange_finished(done, step()))
        worker.signals.failed.connect(lambda text: self.on_exchange_failed(text, step()))
        worker.signals.cancelled.connect(
            lambda: self.on_exchange_cancelled(waited=waited, undoable=step())
        )

    def _push_exchange_step(self, paths: list[Path], recorded: list[ExchangeChanges]) -> bool:
        """Put the files imported (all, or those before one refused or Cancel) on the undo
        stack as one step, if they changed anything and the project is still open here;
        whether it did."""
        done = [changes for changes in recorded if changes]
        if not done or self._closed_since():
            return False
        from diptych.gui.exchange_commands import ImportExchange  # with the first import

        self.session.changed_by_worker()  # the views show it, before the step is made
        return perform(self.session, ImportExchange(self.session, paths[: len(recorded)], done))

    def on_exchange_failed(self, text: str, undoable: bool = False) -> None:
        """A file was refused: the files before it are imported (each is committed on its
        own), so the views show them (``undoable``: as a step on the undo stack); then say
        why the file was refused."""
        closed = self._closed_since()
        if closed:
            said = f"{text}\n\nThe import into {closed} stopped there; {kept_in(closed)}"
            self.session.messages.error(said, "Import")
            return
        if not undoable:  # else shown as the step was made
            self.session.changed_by_worker()
        if undoable:
            text += f"\n\nThe files imported before it are in the project; {UNDO_IMPORT}."
        self.session.messages.error(text, "Import")

    def on_exchange_cancelled(self, *, waited: Sequence[Path] = (), undoable: bool = False) -> None:
        """Cancel between two files: those imported before it stay, and are shown
        (``undoable``: as a step on the undo stack). An import cancelled while it waited
        for the one under way (``waited``: its files) did nothing, and is named, as that
        one goes on."""
        closed = self._closed_since()
        if waited:
            where = f" into {closed}" if closed else ""
            what = waiting_what(waited)
            self.session.messages.info(f"Import of {what}{where} cancelled; nothing was imported.")
            return
        if closed:
            self.session.messages.warning(
                f"The import into {closed} stopped as the project was closed; {kept_in(closed)}",
                "Import",
            )
            return
        if not undoable:  # else shown as the step was made
            self.session.changed_by_worker()
        back = UNDO_IMPORT if undoable else "File > Restore from backup takes the project back"
        self.session.messages.info(
            f"Import cancelled; the files imported before it were kept ({back})."
        )

    def on_exchange_finished(
        self, summaries: list[ExchangeImportSummary], undoable: bool = False
    ) -> None:
        """Show what was imported and what was skipped (``undoable``: the import is a step
        on the undo stack); refresh every view (once)."""
        closed = self._closed_since()
        if closed:
            self.session.messages.info(
                f"The import into {closed} ended as the project was closed: its files are in"
                f" {closed}; {BACK_TO_BEFORE}"
            )
            return
        if not undoable:  # else shown as the step was made
            self.session.changed_by_worker()
        text, skipped = exchange_message(summaries, undoable=undoable)
        if skipped:
            self.session.messages.warning(text, "Import")
        else:
            self.session.messages.info(text)
        ids = [i for summary in summaries for i in summary.article_ids]
        if ids:
            self.imported.emit(ids)

    def _closed_since(self) -> str:
        """The project's file name if it was closed since an import began (its window
        closed, or gave way to another project), else "": how the import ended is then
        said of it by name, never of the project open now, and its views (gone) are left
        alone."""
        project = self.session.project
        return readable_text(project.path.name) if project.closed else ""

    def choose_newer_version(self, article_id: int) -> None:
        """Replace an article's text with a newer file and find its passages again."""
        if self._refused_read_only("no article can be updated"):
            return
        summary = next(a for a in self.session.articles() if a.id == article_id)
        label = article_label(self.session, article_id)
        path = self.dialogs.newer_version(label, summary.source_name)
        if path is not None:
            self.reimport(article_id, path)

    def reimport(self, article_id: int, path: Path) -> None:
        """Replace an article's text from ``path`` (re-anchoring every passage; undoable).

        The file is read and parsed, and the passages found in it, in the background; the
        replacement itself is one short transaction on the GUI thread, through the undo
        stack (the passages are looked for again there only if another window changed the
        article meanwhile).
        """
        if self._refused_read_only("no article can be updated"):
            return
        job = newer_version_job(self.session.project.path, article_id, path)
        worker = self._start(job, [path], doing="read")
        title = article_label(self.session, article_id)
        what = f"the update of “{title}” from {readable_text(path.name)}"
        self.progress.show(worker, [path], "Reading", title="Update article", what=what)
        gone = removed_meanwhile_message(title, path.name)

        def read(newer: NewerVersion) -> None:
            if self._gone(article_id):
                self.session.messages.warning(gone, "Update article")
            else:
                self.on_reimport_read(article_id, newer)

        def refused(text: str) -> None:
            if self._gone(article_id):  # the newer file was not the trouble
                self.session.messages.warning(gone, "Update article")
            else:
                self.session.messages.error(update_refused_message(title, text), "Update article")

        worker.signals.finished.connect(read)
        worker.signals.failed.connect(refused)
        worker.signals.cancelled.connect(
            lambda: self.session.messages.info(
                "Update cancelled; the article was not changed.", "Update article"
            )
        )

    def _gone(self, article_id: int) -> bool:
        """True if the article ``article_id`` is no longer in the project (asked of the
        file: another window may have removed it since the window last looked)."""
        try:
            self.session.project.articles.summary(article_id=article_id)
        except InputError:
            return True
        return False

    def on_reimport_read(self, article_id: int, newer: NewerVersion) -> None:
        """Apply a newer version read and planned by the worker; one that shares almost
        nothing with the article (another article, chosen by mistake) is asked about first."""
        if newer.unrelated is not None:
            label = article_label(self.session, article_id)
            if not update_questions.update_anyway(self.window, newer.unrelated, label):
                self.session.messages.info(
                    "Update cancelled; the article was not changed.", "Update article"
                )
                return
        self.on_reimport_parsed(article_id, newer.parsed, newer.plan)

    def on_reimport_parsed(
        self, article_id: int, parsed: ParsedArticle, plan: ReplacementPlan | None = None
    ) -> None:
        """Apply a parsed newer version and say what happened to the passages."""
        self.updating.emit(article_id)
        command = ReplaceArticleText(self.session, article_id, parsed, plan)
        if not perform(self.session, command) or command.report is None:
            return
        report = command.report
        # Passages orphaned, or found on changed words, are worth a look: said in a box that
        # stays until read, not a line of the status bar the next message replaces
        worth_a_look = report.lost or report.fuzzy
        report_to = self.session.messages.warning if worth_a_look else self.session.messages.info
        read = [(parsed.source_name, parsed.encoding)]
        main_only = [parsed.source_name] if parsed.main_only else []
        title = article_label(self.session, article_id)  # the update ran in the background
        since = steps_since(self.session.undo_stack, command)
        report_to(update_message(report, read, title, since, main_only), "Update article")
        self.reimported.emit(article_id)
