"""What the window says once an import or an update from a newer file has run: what was
added, what was refused or left out and why, and where an updated article's passages went."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.gui.commands import quote_start
from diptych.gui.import_jobs import ImportResult
from diptych.gui.messages import as_shown
from diptych.storage.errors import ArticleFileError, readable_text
from diptych.storage.reading_notes import reading_notes
from diptych.storage.wording import (
    counted,
    found_again,
    orphans_before,
    sentence,
    title_changed,
    were,
)

if TYPE_CHECKING:
    from diptych.storage.model import ReanchorReport
    from diptych.storage.refiqda_summary import ExchangeImportSummary

# Advice worded for an import, as an update from a newer file says it.
_AS_UPDATE = (
    ("and import it again", "and choose it again in Update from newer file"),
    ("HTML and import that file", "HTML and choose that file in Update from newer file"),
    ("and import that.", "and choose that in Update from newer file."),
)
LISTED_IN_FULL = 5  # files refused whose message is shown in full; the others by name
NAMED_AT_MOST = 20  # names shown for one kind of problem
APPROXIMATE_NAMED = 10  # passages found approximately named in an update's box
TO_CHECK_WHERE = (
    "Until you have checked them, the Passages list marks them “≈” and shows them alone"
    " when “To check” is chosen in its filters; Ctrl+K marks those selected there as checked"
    " (or the one the caret is in, in the article)."
)


def update_refused_message(title: str, text: str) -> str:
    """What the window says when the newer version of the article ``title`` could not be
    read (``text``, the error as shown): the article, left as it was, named first, and
    the advice written for an import said of the update, which imports nothing."""
    for imported, updated in _AS_UPDATE:
        text = text.replace(imported, updated)
    return f"“{title}” was not updated; its text and passages are as they were.\n\n{text}"


def removed_meanwhile_message(title: str, file_name: str) -> str:
    """What the window says when the article ``title`` was removed while its newer file
    ``file_name`` was read: not "There is no article 2", a number the user never sees."""
    return (
        f"“{title}” was removed while {readable_text(file_name)} was read, perhaps in another"
        " window, so it was not updated."
    )


def not_imported_message(result: ImportResult) -> str:
    """The files that were refused or left out, and why ("" if there were none)."""
    said = []
    if result.refused:
        said.append(f"{counted(len(result.refused), 'file')} could not be imported:")
        said.extend(_listed(result.refused, lambda error: error.message))
    if result.duplicates:
        count = len(result.duplicates)
        said.append(f"{counted(count, 'file')} {were(count)} not imported, to make no second copy:")
        from diptych.storage.changed_files import ChangedFileError  # loaded with the import
        from diptych.storage.import_files import advice_once

        bare, advice = advice_once(result.duplicates)
        said.extend(
            _listed(
                bare,
                lambda error: (
                    "changed since it was imported: Update from newer file… brings the changes in"
                    if isinstance(error, ChangedFileError)
                    else "already imported"
                ),
            )
        )
        said.extend(advice)
    said.extend(result.left_out)
    return "\n\n".join(said)


def imported_message(
    count: int, read: Sequence[tuple[str, str]], main_only: Sequence[str] = ()
) -> str:
    """How many articles were added, naming the files that were not all UTF-8 (``read``:
    each added file's name and the encoding it was read in) and the pages read as their
    main article only (``main_only``)."""
    said = reading_notes(read, window=True, main_only=main_only)
    notes = "".join(f" {note}" for note in said)
    return f"Imported {counted(count, 'article')}.{notes}"


def exchange_message(
    summaries: Sequence[ExchangeImportSummary], *, undoable: bool = False
) -> tuple[str, bool]:
    """What REFI-QDA files brought in, and whether to warn (then one line for each thing
    said): something was skipped, or sources already in the project were not added again
    (as article files already imported are named in a warning), in the same or another
    version of their text; how to take the import back (``undoable``: it is a step on the
    undo stack, which it is unless it changed nothing)."""
    # True whether a copy was written now or the newest one already held the project as
    # it was (a copy the same as the last is not written twice: its name says "opened").
    backed_up = (
        "The project as it was before the import is kept among its backups "
        "(File > Restore from backup)."
    )
    if undoable:
        backed_up = f"Edit > Undo (Ctrl+Z) takes the import back. {backed_up}"
    if not any(
        s.skipped or s.known_sources or s.changed_sources or s.tags_kept or s.words_cut
        for s in summaries
    ):
        # One line in the status bar: each file's summary a sentence of its own.
        said = [f"{'; '.join(summary.describe())}." for summary in summaries]
        return " ".join([*said, backed_up]), False
    lines = []
    for summary in summaries:
        # The first line names the file ("study.qdpx from NVivo: 3 articles, ..."); the
        # others, indented under it, are about that file.
        first, *rest = summary.describe()
        lines.append(first)
        lines.extend(f"  {line}" for line in rest)
    return "\n".join([*lines, backed_up]), True


def update_message(
    report: ReanchorReport,
    read: Sequence[tuple[str, str]] = (),
    title: str = "",
    since: int | None = 0,
    main_only: Sequence[str] = (),
) -> str:
    """Where the passages of the article ``title``, updated, were found again, and how
    many are orphans; what its title was, if the update changed it; how to undo the
    update (``since``: the steps Ctrl+Z takes back before it, None if it cannot be
    undone); then whether the newer file (``read``: its name and encoding) was not all
    UTF-8, and whether it was read as its page's main article only (``main_only``: its
    name, if so)."""
    said = reading_notes(read, window=True, main_only=main_only)
    notes = "".join(f" {note}" for note in said)
    article = f"“{title}”" if title else "the article"
    retitled = title_changed(report.title_change)
    said_title = f" {sentence(retitled)}." if retitled else ""
    return _where_passages_went(report, article) + said_title + _how_to_undo(since) + notes


def _how_to_undo(since: int | None) -> str:
    """How Ctrl+Z undoes the update, counted as the message is shown: any step made after
    the update is taken back first."""
    if since is None:
        return ""
    if since == 0:
        return " Ctrl+Z undoes the update."
    steps = "the step" if since == 1 else f"the {since} steps"
    return f" Ctrl+Z undoes {steps} made since first, then the update."


def _where_passages_went(report: ReanchorReport, article: str) -> str:
    if not (report.kept or report.moved or report.fuzzy or report.orphaned):
        # A row of noughts would read as passages lost.
        return f"Updated {article}: it has no passages to find again."
    before = orphans_before(report.still_orphaned)
    listed = f"{before}; listed under Orphans" if before else "listed under Orphans"
    again = found_again(report.found_again)
    orphaned = f"{report.orphaned} orphaned" + (
        f" ({listed}, never deleted)" if report.orphaned else ""
    )
    return (
        f"Updated {article}: {counted(report.kept, 'passage')} in place, {report.moved} moved, "
        f"{report.fuzzy} found approximately{_to_check(report.approximate)}, {orphaned}."
        f"{f' {sentence(again)}.' if again else ''}"
        f"{f' {TO_CHECK_WHERE}' if report.approximate else ''}"
    )


def _to_check(quotes: Sequence[str]) -> str:
    """The passages found approximately, named by the start of their quotes as found:
    their words changed, and what they quote now is worth a look."""
    if not quotes:
        return ""
    named = ", ".join(f"“{quote_start(q)}”" for q in quotes[:APPROXIMATE_NAMED])
    extra = len(quotes) - APPROXIMATE_NAMED
    return f" (worth a look: {named}{f' and {extra} more' if extra > 0 else ''})"


def _listed(
    errors: Sequence[ArticleFileError], kind: Callable[[ArticleFileError], str]
) -> list[str]:
    """The first few errors in full, the others by file name under their ``kind`` of
    problem: a message box of hundreds of paragraphs would not fit on the screen."""
    said = [as_shown(error) for error in errors[:LISTED_IN_FULL]]
    rest = errors[LISTED_IN_FULL:]
    if not rest:
        return said
    folder = _common_folder([Path(e.path) for e in errors if e.path])
    groups: dict[str, list[str]] = {}
    for error in rest:
        groups.setdefault(kind(error), []).append(_named(error.path, folder))
    lines = [f"…and {len(rest)} more:"]
    for problem, names in groups.items():
        shown = ", ".join(names[:NAMED_AT_MOST])
        more = f" and {len(names) - NAMED_AT_MOST} more" if len(names) > NAMED_AT_MOST else ""
        lines.append(f"{problem.rstrip('.')} ({len(names)}): {shown}{more}.")
    said.append("\n".join(lines))
    return said


def _common_folder(paths: Sequence[Path]) -> Path | None:
    """The folder all of ``paths`` are in, at any depth (None if they share none)."""
    try:
        return Path(os.path.commonpath([str(path.parent) for path in paths])) if paths else None
    except ValueError:  # relative and absolute paths mixed
        return None


def _named(path: str | Path | None, folder: Path | None) -> str:
    """A file listed by its path from ``folder``, the one all the files listed are in:
    eight ``scan.txt`` of eight folders were named alike, by file name alone."""
    if not path:
        return ""
    path = Path(path)
    shown = path.relative_to(folder) if folder is not None and path.is_relative_to(folder) else path
    return readable_text(str(shown) if shown.parts else path.name)


def waiting_what(paths: Sequence[Path]) -> str:
    """What waits for the import under way, as the window names it ("the folder Week 2")."""
    if len(paths) > 1:
        return f"the {len(paths)} files chosen"
    kind = "folder" if paths[0].is_dir() else "file"
    return f"the {kind} {readable_text(paths[0].name)}"


def waiting_message(paths: Sequence[Path], doing: str) -> str:
    """What waits for the import under way, said in the status bar."""
    what = waiting_what(paths)
    return f"{what[0].upper()}{what[1:]} will be {doing} once the import under way ends."
