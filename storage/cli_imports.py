"""The ``diptych import`` and ``diptych reimport`` commands: article files (and REFI-QDA
files) brought into a project, and an article's text replaced by a newer version."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diptych.storage.cli_results import Output, Result
from diptych.storage.errors import ArticleFileError, ExchangeFileError, InputError
from diptych.storage.project import Project
from diptych.storage.wording import counted, found_again, orphans_before, title_changed

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.model import ArticleSummary
    from diptych.storage.refiqda_summary import ExchangeImportSummary

REIMPORT_ADVICE = (
    "To bring in a changed version of an article, use: diptych reimport PROJECT ARTICLE_ID FILE"
)


def import_command(project: Project, args: argparse.Namespace) -> Result:
    from diptych.storage.import_files import (
        add_new_articles,
        advice_once,
        files_to_import,
        read_as_main_only,
    )
    from diptych.storage.importing import EXCHANGE_SUFFIXES, read_article_file
    from diptych.storage.reading_notes import reading_notes
    from diptych.storage.refiqda_import import import_exchange_file

    exchange = [f for f in args.files if f.suffix.lower() in EXCHANGE_SUFFIXES]
    found = files_to_import([f for f in args.files if f not in exchange])  # folders searched
    named = set(args.files)
    read = []  # all checked first: a file named that cannot be read stops the import
    unread: list[ArticleFileError] = []
    for path in found.files:
        try:
            read.append((path, read_article_file(path)))
        except ArticleFileError as error:
            if path in named:
                raise
            unread.append(error)  # found in a folder: left out, as the window does
    with project.transaction():  # all files or none
        # Duplicates are looked for inside the transaction: the same file imported at the
        # same moment elsewhere is added once.
        added, duplicates = add_new_articles(project, read, advice=REIMPORT_ADVICE)
        bare, advice = advice_once(duplicates)
        left_out = found.left_out + [str(error) for error in [*unread, *bare]]
        lines = [str(a.id) for a in added]
        notes = reading_notes(
            ((a.source_name, a.encoding) for a in added),
            window=False,
            main_only=read_as_main_only(read, duplicates),
        )
        data: dict[str, Any] = {
            "articles": _imported(added, read, duplicates),
            "left_out": [
                {"file": str(folder), "reason": line}
                for folder, line in zip(found.left_out_folders, found.left_out, strict=True)
            ]
            + [_left_out(error) for error in [*unread, *bare]],
        }
        for path in exchange:
            summary = import_exchange_file(project, path=path)
            _refuse_unread(summary, path)
            lines.extend(str(i) for i in summary.article_ids)
            lines.extend(f"# {line}" for line in summary.describe())
            data.setdefault("exchange", []).append(asdict(summary, dict_factory=_jsonable))
        if not added and not duplicates and not exchange:  # no success: status 2, no project
            raise InputError(f"nothing was imported: {_listed(left_out)}")
    lines.extend(f"# left out: {line}" for line in left_out)
    lines.extend(f"# {line}" for line in advice)
    lines.extend(f"# {note}" for note in notes)
    if notes:
        data["notes"] = notes
    if advice:
        data["advice"] = advice
    return Output(lines, data)


def _imported(
    added: list[ArticleSummary],
    read: list[tuple[Path, ParsedArticle]],
    duplicates: list[ArticleFileError],
) -> list[dict[str, Any]]:
    """Each new article's id, title and the file it came from (the files read but those
    left out, in the order they were added)."""
    left = {error.path for error in duplicates}
    files = [str(path) for path, _parsed in read if path not in left]
    if len(files) != len(added):  # cannot be told apart: the file's name, as the article has it
        files = [a.source_name for a in added]
    return [
        {"id": a.id, "title": a.title, "file": file} for a, file in zip(added, files, strict=True)
    ]


def _left_out(error: ArticleFileError) -> dict[str, Any]:
    """A file left out, why, and the article it is (a version of) if it is one."""
    said: dict[str, Any] = {"file": str(error.path), "reason": str(error)}
    article_id = getattr(error, "article_id", None)
    if article_id is not None:
        said["article"] = article_id
    return said


def _listed(left_out: list[str]) -> str:
    """Why each file was left out, the first few of them, on one line."""
    if not left_out:
        return "no article file was found"
    shown = [line.rstrip(".") for line in left_out[:3]]
    more = len(left_out) - len(shown)
    return "; ".join(shown) + (f"; and {counted(more, 'more file')} left out" if more else "")


def _refuse_unread(summary: ExchangeImportSummary, path: Path) -> None:
    """Refuse an exchange file that brings in nothing because its sources could not be
    read (a .qdpx without its text files): an import that did nothing is no success."""
    why = summary.unread_sources()
    if why is not None:
        raise ExchangeFileError(
            f"brings in nothing: {why}",
            path=path,
            advice="Nothing was imported. Export the project again, with its sources, from"
            " the program that made it.",
        )


def _refuse_exchange_file(path: Path, article_id: int) -> None:
    """Refuse a REFI-QDA file given to ``reimport``, which takes one article's new version:
    such a file is brought in with ``import`` (said once it is known to exist)."""
    from diptych.storage.importing import EXCHANGE_SUFFIXES, refuse_unless_file

    refuse_unless_file(path)
    if path.suffix.lower() in EXCHANGE_SUFFIXES:
        raise InputError(
            f"is a REFI-QDA file, not a new version of article {article_id}: reimport takes"
            " one article file (.txt, .md, .html…)",
            path=path,
            advice=f"To bring in what it holds, use: diptych import PROJECT {path.name}",
        )


def _jsonable(items: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: str(value) if isinstance(value, Path) else value for key, value in items}


def reimport_command(project: Project, args: argparse.Namespace) -> Result:
    from diptych.storage.changed_files import unrelated_file
    from diptych.storage.importing import read_article_file
    from diptych.storage.reading_notes import reading_notes

    article = project.articles.summary(article_id=args.article)
    _refuse_exchange_file(args.file, args.article)
    parsed = read_article_file(args.file)
    plan = project.articles.plan_replacement(article_id=args.article, parsed=parsed)
    unrelated = unrelated_file(article, parsed, plan)
    if unrelated is not None and not args.force:
        raise unrelated.refusal()
    report = project.articles.replace_text(article_id=args.article, parsed=parsed, plan=plan)
    notes = reading_notes(
        [(parsed.source_name, parsed.encoding)],
        window=False,
        main_only=[parsed.source_name] if parsed.main_only else [],
    )
    figures = ("article_id", "kept", "moved", "fuzzy", "orphaned", "still_orphaned", "found_again")
    data: dict[str, object] = {name: getattr(report, name) for name in figures}  # not for undo
    data["approximate"] = list(report.approximate)  # the quotes as found: worth a look
    data["title"] = report.title
    data["previous_title"] = article.title
    before = orphans_before(report.still_orphaned)
    again = found_again(report.found_again)
    retitled = title_changed(report.title_change)
    line = (
        f"article {report.article_id}: {counted(report.kept, 'passage')} in place, "
        f"{report.moved} moved, "
        f"{report.fuzzy} found approximately, {report.orphaned} orphaned"
        f"{f' ({before})' if before else ''}{f'; {again}' if again else ''}"
        f"{f'; {retitled}' if retitled else ''}"
    )
    looks = [
        f"# found approximately, worth a look: “{' '.join(q.split())}”" for q in report.approximate
    ]
    if looks:
        looks.append(
            "# each marked to check (`diptych annotations` says so) until marked as checked,"
            " fitted or re-attached in the window"
        )
    return Output([line, *looks, *(f"# {note}" for note in notes)], data)  # data: the figures
