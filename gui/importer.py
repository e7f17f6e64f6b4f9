"""Importing articles from files: chosen, dropped, or a newer version of one article.

Files are read and parsed in a worker thread; the articles are then added in one
undoable transaction on the GUI thread. Files that cannot be imported are listed with
the reason, and the others are imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from diptych.gui.article_commands import ImportArticles, ReplaceArticleText
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.gui.workers import Progress, Worker, Workers
from diptych.storage.backup import backup_project
from diptych.storage.errors import (
    ArticleFileError,
    Cancelled,
    ReadOnlyProjectError,
    readable_text,
)
from diptych.storage.model import ArticleSummary
from diptych.storage.project import Project

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.refiqda_import import ExchangeImportSummary

UPDATE_ADVICE = (
    "To bring in a changed version of an article, use Update from newer file… in the "
    "Library's menu."
)

# storage.importing.FORMATS and EXCHANGE_SUFFIXES, written out: that module is not
# loaded until an import starts (tests/test_importer_filters.py keeps them in step).
ARTICLE_PATTERNS = "*.txt *.text *.md *.markdown *.html *.htm *.xhtml"
EXCHANGE_PATTERNS = "*.qdpx *.qdc"
FILE_FILTER = f"Articles and REFI-QDA files ({ARTICLE_PATTERNS} {EXCHANGE_PATTERNS});;All files (*)"
ARTICLE_FILTER = (  # a newer version of an article is an article, never a REFI-QDA file
    f"Articles ({ARTICLE_PATTERNS});;All files (*)"
)
LISTED_IN_FULL = 5  # files refused whose message is shown in full; the others by name
NAMED_AT_MOST = 20  # names shown for one kind of problem


@dataclass
class ImportResult:
    """What importing a batch of files gave."""

    added: list[ArticleSummary] = field(default_factory=list)
    refused: list[ArticleFileError] = field(default_factory=list)  # one per file
    duplicates: list[ArticleFileError] = field(default_factory=list)  # one per file not added
    left_out: list[str] = field(default_factory=list)  # what folders held that is not imported
    others_wrote: bool = False  # another connection committed while the job ran


def read_article(path: Path) -> ParsedArticle:
    """Read and parse one article file; the readers are loaded when first needed (start-up)."""
    from diptych.storage.importing import read_article_file

    return read_article_file(path)


def import_files_job(
    project_path: Path, paths: Sequence[Path]
) -> Callable[[Progress], ImportResult]:
    """The worker's job: find the files (folders are searched), read and parse them, then
    add them in one transaction.

    The insert runs here too, on the worker's own connection: a long article's text and its
    full-text index take a noticeable moment to write. The window takes that commit for its
    own; whether another connection committed meanwhile is noted in the result (the
    window's own saves during the import count too: it then reads everything again).
    """

    def job(progress: Progress) -> ImportResult:
        from diptych.storage.import_files import files_to_import, leave_out_duplicates

        found = files_to_import(paths, keep_going=lambda: progress(0, 0))
        result, files = ImportResult(left_out=found.left_out), found.files
        read: list[tuple[Path, ParsedArticle]] = []
        with Project.open(project_path, verify=False) as project:
            before = project.data_version()  # changes with commits of other connections
            for number, path in enumerate(files):
                if not progress(number, len(files)):
                    raise Cancelled
                try:
                    read.append((path, read_article(path)))
                except ArticleFileError as exc:
                    result.refused.append(exc)
            parsed, result.duplicates = leave_out_duplicates(project, read, advice=UPDATE_ADVICE)
            # Cancel pressed while the last file was read: nothing is added. Once added,
            # the import is done (and one undo takes it back).
            if not progress(len(files), len(files)):
                raise Cancelled
            if parsed:
                result.added = project.articles.add_many(parsed=parsed)
            result.others_wrote = project.data_version() != before
        return result

    return job


def newer_version_job(path: Path) -> Callable[[Progress], ParsedArticle]:
    """The worker's job: read and parse a newer version of an article; Cancel pressed
    while it was read leaves the article as it is."""

    def job(progress: Progress) -> ParsedArticle:
        parsed = read_article(path)
        if not progress(1, 1):
            raise Cancelled
        return parsed

    return job


def exchange_job(
    project_path: Path, paths: list[Path], backups: Path
) -> Callable[[Progress], list[ExchangeImportSummary]]:
    """The worker's job: back up, then import each exchange file on its own connection."""

    def job(progress: Progress) -> list[ExchangeImportSummary]:
        from diptych.storage.refiqda_import import import_exchange_file  # XML: loaded on use

        summaries = []
        with Project.open(project_path) as project:
            backup_project(project, root=backups, reason="before import")
            for number, path in enumerate(paths):
                if not progress(number, len(paths)):
                    raise Cancelled
                summaries.append(import_exchange_file(project, path=path))
        return summaries

    return job


class ImportController(QObject):
    """Runs imports for the window.

    Args:
        session: the open project.
        workers: where slow work runs.
        window: parent of dialogs.

    Signals:
        imported(list): the new article ids.
        reimported(int): an article's text was replaced by a newer version.
    """

    imported = Signal(list)
    reimported = Signal(int)

    def __init__(
        self, session: ProjectSession, workers: Workers, window: QWidget, *, backups: Path
    ) -> None:
        super().__init__(window)
        self.session = session
        self.workers = workers
        self.window = window
        self.backups = backups
        self.folder = ""  # where the last file was chosen: the next dialog opens there

    def choose_and_import(self) -> None:
        """Ask for files, then import them (a read-only project says so first)."""
        if self._refused_read_only("nothing can be imported into it"):
            return
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import articles", self.folder, FILE_FILTER
        )
        if names:
            self.folder = str(Path(names[0]).parent)
        self.import_files([Path(n) for n in names])

    def choose_folder_and_import(self) -> None:
        """Ask for a folder, then import its article files and its sub-folders'."""
        if self._refused_read_only("nothing can be imported into it"):
            return
        name = QFileDialog.getExistingDirectory(self.window, "Import a folder", self.folder)
        if name:
            self.folder = name
            self.import_files([Path(name)])

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
        # What others wrote until now is shown first; what they write once the job has its
        # connection, it notes. (A commit in the moment between is seen at the next change
        # made elsewhere: waiting for the job's first report instead would take its own
        # commit, when it is quick, for another program's.)
        self.session.on_watch_timeout()
        worker = self.workers.start(import_files_job(self.session.project.path, articles))
        worker.signals.finished.connect(self.on_worker_finished)
        worker.signals.failed.connect(lambda text: self.session.messages.error(text, "Import"))
        worker.signals.cancelled.connect(self.on_worker_cancelled)
        self._show_progress(worker, articles, "Reading")

    def _refused_read_only(self, what: str) -> bool:
        """Say so if the project is open read-only (before a file is chosen in vain)."""
        if not self.session.read_only:
            return False
        error = ReadOnlyProjectError(
            f"is open read-only, so {what}",
            path=self.session.project.path,
            advice="Make the file writable and open it again, or save a copy.",
        )
        self.session.messages.error(str(error), "Import")
        return True

    def on_worker_cancelled(self) -> None:
        """The import was cancelled before anything was added."""
        self.session.messages.info("Import cancelled; nothing was imported.")

    def _show_progress(self, worker: Worker, files: Sequence[Path], verb: str) -> None:
        """A progress dialog for one import, shown only if it takes more than a moment (one
        long web page can take a while), closed when the import ends however it ends (a
        bug included: the workers report that)."""
        label = f"{verb} {len(files)} files…" if len(files) > 1 else f"{verb} {files[0].name}…"
        progress = QProgressDialog(label, "Cancel", 0, len(files), self.window)
        progress.setWindowTitle("Import")
        if len(files) == 1 or any(path.is_dir() for path in files):
            progress.setRange(0, 0)  # a busy bar: one file has no steps, a folder no count yet

        def advance(done: int, total: int) -> None:
            if total > 1:  # the files are counted (a folder's once it has been searched)
                progress.setRange(0, total)
                progress.setValue(done)

        worker.signals.progressed.connect(advance)
        progress.setValue(0)  # at its minimum, the dialog times its appearance from now...
        progress.setMinimumDuration(500)  # ...and shows after half a second, not four
        progress.canceled.connect(worker.cancel)

        def close(*_args: object) -> None:
            progress.reset()
            progress.deleteLater()

        signals = worker.signals
        for signal in (signals.finished, signals.failed, signals.cancelled, signals.crashed):
            signal.connect(close)

    def on_worker_finished(self, result: ImportResult) -> None:
        """Record what was added as one undoable step; report what was refused."""
        ids: list[int] = []
        legacy: list[str] = []  # files read as Windows-1252: not UTF-8
        if result.added:
            command = ImportArticles(self.session, added=result.added)
            if perform(self.session, command):
                ids = [a.id for a in command.added]
                legacy = [a.source_name for a in command.added if a.encoding == "cp1252"]
            if result.others_wrote:  # their changes would be taken for the import's
                self.session.reload_all()
        said = []
        if result.refused:
            said.append(f"{len(result.refused)} file(s) could not be imported:")
            said.extend(_listed(result.refused, lambda error: error.message))
        if result.duplicates:
            said.append(
                f"{len(result.duplicates)} file(s) were not imported, to make no second copy:"
            )
            said.extend(_listed(result.duplicates, lambda _error: "already imported"))
        said.extend(result.left_out)
        if said:
            self.session.messages.warning("\n\n".join(said), "Import")
        if ids:
            self.session.messages.info(f"Imported {len(ids)} article(s).{_read_as(legacy)}")
            self.imported.emit(ids)

    def import_exchange(self, paths: Sequence[Path]) -> None:
        """Import REFI-QDA projects or codebooks in the background (a backup is taken first)."""
        job = exchange_job(self.session.project.path, list(paths), self.backups)
        worker = self.workers.start(job)
        self._show_progress(worker, paths, "Importing")
        worker.signals.finished.connect(self.on_exchange_finished)
        worker.signals.failed.connect(self.on_exchange_failed)
        worker.signals.cancelled.connect(self.on_exchange_cancelled)

    def on_exchange_failed(self, text: str) -> None:
        """A file was refused: the files before it are imported (each is committed on its
        own), so the views show them; then say why the file was refused."""
        self.session.changed_by_worker()
        self.session.messages.error(text, "Import")

    def on_exchange_cancelled(self) -> None:
        """Cancel between two files: those imported before it stay, and are shown."""
        self.session.changed_by_worker()
        self.session.messages.info(
            "Import cancelled; the files imported before it were kept"
            " (File > Restore from backup takes the project back to before the import)."
        )

    def on_exchange_finished(self, summaries: list[ExchangeImportSummary]) -> None:
        """Show what was imported and what was skipped; refresh every view (once)."""
        self.session.changed_by_worker()
        lines = []
        for summary in summaries:
            lines.append(f"{Path(summary.path).name}:")
            lines.extend(f"  {line}" for line in summary.describe())
        lines.append("A backup was taken before the import (File > Restore from backup).")
        if any(summary.skipped for summary in summaries):
            self.session.messages.warning("\n".join(lines), "Import")
        else:
            self.session.messages.info(" ".join(lines))
        ids = [i for summary in summaries for i in summary.article_ids]
        if ids:
            self.imported.emit(ids)

    def choose_newer_version(self, article_id: int) -> None:
        """Replace an article's text with a newer file and find its passages again."""
        if self._refused_read_only("no article can be updated"):
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Newer version of the article", self.folder, ARTICLE_FILTER
        )
        if name:
            self.folder = str(Path(name).parent)
            self.reimport(article_id, Path(name))

    def reimport(self, article_id: int, path: Path) -> None:
        """Replace an article's text from ``path`` (re-anchoring every passage; undoable).

        The file is read and parsed in the background; the replacement itself is one
        transaction on the GUI thread, through the undo stack.
        """
        if self._refused_read_only("no article can be updated"):
            return
        worker = self.workers.start(newer_version_job(path))
        self._show_progress(worker, [path], "Reading")
        worker.signals.finished.connect(lambda parsed: self.on_reimport_parsed(article_id, parsed))
        worker.signals.failed.connect(
            lambda text: self.session.messages.error(text, "Update article")
        )
        worker.signals.cancelled.connect(
            lambda: self.session.messages.info(
                "Update cancelled; the article was not changed.", "Update article"
            )
        )

    def on_reimport_parsed(self, article_id: int, parsed: ParsedArticle) -> None:
        """Apply a parsed newer version and say what happened to the passages."""
        command = ReplaceArticleText(self.session, article_id, parsed)
        if not perform(self.session, command) or command.report is None:
            return
        report = command.report
        text = (
            f"Updated the article: {report.kept} passage(s) in place, {report.moved} moved, "
            f"{report.fuzzy} found approximately, {report.orphaned} orphaned (listed under "
            "Orphans, never deleted). Ctrl+Z undoes the update."
        )
        report_to = self.session.messages.warning if report.orphaned else self.session.messages.info
        report_to(text, "Update article")
        self.reimported.emit(article_id)


def _listed(
    errors: Sequence[ArticleFileError], kind: Callable[[ArticleFileError], str]
) -> list[str]:
    """The first few errors in full, the others by file name under their ``kind`` of
    problem: a message box of hundreds of paragraphs would not fit on the screen."""
    said = [str(error) for error in errors[:LISTED_IN_FULL]]
    rest = errors[LISTED_IN_FULL:]
    if not rest:
        return said
    groups: dict[str, list[str]] = {}
    for error in rest:
        groups.setdefault(kind(error), []).append(
            readable_text(error.path.name if error.path else "")
        )
    lines = [f"…and {len(rest)} more:"]
    for problem, names in groups.items():
        shown = ", ".join(names[:NAMED_AT_MOST])
        more = f" and {len(names) - NAMED_AT_MOST} more" if len(names) > NAMED_AT_MOST else ""
        lines.append(f"{problem.rstrip('.')} ({len(names)}): {shown}{more}.")
    said.append("\n".join(lines))
    return said


def _read_as(legacy: Sequence[str]) -> str:
    """What to say of files that were not UTF-8 ("" if none): they were read as
    Windows-1252, which garbles a file in another old encoding (Russian, Japanese...)."""
    if not legacy:
        return ""
    names = ", ".join(legacy)
    was = "was" if len(legacy) == 1 else "were"
    return (
        f" {names} {was} not UTF-8 and {was} read as Windows-1252 (Western European); if "
        "its letters look wrong, save it as UTF-8 and use Update from newer file."
    )
