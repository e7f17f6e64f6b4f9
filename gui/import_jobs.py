"""What an import does in its worker thread: find and read the files, leave out those
already in the project, and add the others; read a newer version of one article; bring in
REFI-QDA files.

Each job opens its own connection to the project (SQLite connections must not cross
threads); nothing here touches a widget.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.gui.workers import Progress
from diptych.storage.backup import backup_project
from diptych.storage.errors import ArticleFileError, Cancelled, DiskFullError
from diptych.storage.model import ArticleSummary
from diptych.storage.project import Project
from diptych.storage.wording import counted

if TYPE_CHECKING:
    from diptych.storage.articles import ReplacementPlan
    from diptych.storage.changed_files import UnrelatedFile
    from diptych.storage.exchange_undo import ExchangeChanges
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.refiqda_summary import ExchangeImportSummary

UPDATE_ADVICE = (
    "To bring in a changed version of an article, use Update from newer file… in the "
    "Library's menu."
)


@dataclass
class ImportResult:
    """What importing a batch of files gave."""

    added: list[ArticleSummary] = field(default_factory=list)
    refused: list[ArticleFileError] = field(default_factory=list)  # one per file
    duplicates: list[ArticleFileError] = field(default_factory=list)  # one per file not added
    left_out: list[str] = field(default_factory=list)  # what folders held that is not imported
    others_wrote: bool = False  # another connection committed while the job ran
    main_only: list[str] = field(default_factory=list)  # pages added, read as main article
    places: dict[str, Path] = field(default_factory=dict)  # each file read: its folder


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
        from diptych.storage.import_files import (
            add_new_articles,
            files_to_import,
            read_as_main_only,
        )

        found = files_to_import(paths, keep_going=lambda: progress(0, 0))
        result, files = ImportResult(left_out=found.left_out), found.files
        read: list[tuple[Path, ParsedArticle]] = []
        with Project.open(project_path, verify=False) as project, refused_whole(paths, files):
            before = project.data_version()  # changes with commits of other connections
            for number, path in enumerate(files):
                if not progress(number, len(files)):
                    raise Cancelled
                try:
                    read.append((path, read_article(path)))
                except ArticleFileError as exc:
                    result.refused.append(exc)
            # Duplicates are looked for inside the write transaction, so that the same file
            # imported at the same moment elsewhere is added once. Cancel pressed while the
            # last file was read: nothing is added. Once added, the import is done (and one
            # undo takes it back).
            result.added, result.duplicates = add_new_articles(
                project,
                read,
                advice=UPDATE_ADVICE,
                keep_going=lambda: progress(len(files), len(files)),
            )
            result.main_only = read_as_main_only(read, result.duplicates)
            result.places = {parsed.source_name: path.parent for path, parsed in read}
            result.others_wrote = project.data_version() != before
        return result

    return job


@contextlib.contextmanager
def refused_whole(paths: Sequence[Path], files: Sequence[Path]) -> Iterator[None]:
    """A full disk refusing the import of ``paths`` (``files`` found in them) said as
    that import, named, refused whole: not as a change of the user's not saved."""
    try:
        yield
    except DiskFullError as exc:
        raise DiskFullError(
            f"the import of {import_named(paths, len(files))} was not saved: the disk"
            " holding this project is full",
            path=exc.path,
            advice="Nothing of it was added; free some space on that disk and import it again.",
        ) from exc


def import_named(paths: Sequence[Path], count: int) -> str:
    """How a message names the import of ``paths`` that found ``count`` files: "the folder
    big2 (1,500 files)", "harbour.html", "3 files"."""
    files = counted(count, "file").replace(f"{count} ", f"{count:,} ", 1)
    if len(paths) == 1 and paths[0].is_dir():
        return f"the folder {paths[0].name} ({files})"
    if len(paths) == 1:
        return paths[0].name
    return files


@dataclass(frozen=True)
class NewerVersion:
    """A newer version of an article, read, with where its passages are in it, and what
    to ask first if it is not that article at all (None: nothing)."""

    parsed: ParsedArticle
    plan: ReplacementPlan
    unrelated: UnrelatedFile | None = None


# Cancel is looked at once in this many passages while they are found again.
PASSAGES_PER_CHECK = 20


def newer_version_job(
    project_path: Path, article_id: int, path: Path
) -> Callable[[Progress], NewerVersion]:
    """The worker's job: read and parse a newer version of an article, then find its
    passages in it (the slow part of an update, seconds on a long article with many
    passages), on the worker's own connection; nothing is written. Cancel pressed while
    the file is read or the passages are looked for leaves the article as it is.
    """

    def job(progress: Progress) -> NewerVersion:
        parsed = read_article(path)
        if not progress(1, 1):
            raise Cancelled
        asked = 0

        def keep_going() -> bool:
            nonlocal asked
            asked += 1
            return asked % PASSAGES_PER_CHECK != 0 or progress(1, 1)

        # Read-only: closing a writable connection folds the log into the file, which the
        # window's watch would take for another program's change and read everything again.
        with Project.open(project_path, verify=False, read_only=True) as project:
            plan = project.articles.plan_replacement(
                article_id=article_id, parsed=parsed, keep_going=keep_going
            )
            article = project.articles.summary(article_id=article_id)
        if not progress(1, 1):
            raise Cancelled
        from diptych.storage.changed_files import unrelated_file

        return NewerVersion(parsed, plan, unrelated_file(article, parsed, plan))

    return job


def exchange_job(
    project_path: Path,
    paths: list[Path],
    backups: Path,
    recorded: list[ExchangeChanges] | None = None,
) -> Callable[[Progress], list[ExchangeImportSummary]]:
    """The worker's job: back up, then import each exchange file on its own connection.
    What each file changed is added to ``recorded`` as it is committed, for the undo step:
    the files imported before one refused, or before Cancel, are in it too."""

    def job(progress: Progress) -> list[ExchangeImportSummary]:
        from diptych.storage.exchange_undo import import_recorded  # XML: loaded on use

        summaries = []
        with Project.open(project_path) as project:
            backup_project(project, root=backups, reason="before import")
            for number, path in enumerate(paths):
                if not progress(number, len(paths)):
                    raise Cancelled
                keep_going = partial(progress, number + 1, len(paths))  # asked before it commits
                summary, changes = import_recorded(project, path=path, keep_going=keep_going)
                summaries.append(summary)
                if recorded is not None:
                    recorded.append(changes)
        return summaries

    return job
