"""What each ``diptych`` command does, returning lines or JSON data to print."""

from __future__ import annotations

import argparse
import codecs
import dataclasses
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.cli_annotate import annotate_command
from diptych.storage.cli_imports import import_command, reimport_command
from diptych.storage.cli_new_project import create_whole, folder_turn, remove_files, remove_unused
from diptych.storage.cli_results import Content, Output, Result
from diptych.storage.cli_tags import list_tags, require_tag, tag_command
from diptych.storage.codebook import Codebook
from diptych.storage.errors import InputError
from diptych.storage.file_names import set_aside_name
from diptych.storage.files import write_atomically
from diptych.storage.passage_checks import check_said
from diptych.storage.project import PROJECT_SUFFIX, Project
from diptych.storage.project_aside import stale_log_notice
from diptych.storage.project_checks import file_exists

if TYPE_CHECKING:
    from diptych.storage.search import SearchHit


def run(
    args: argparse.Namespace, *, to_terminal: bool = False, to_new_file: bool = False
) -> Result:
    """Run the command named in ``args``; ``to_terminal``: standard output is a terminal
    (where a binary export is refused rather than shown as garbage); ``to_new_file``: it
    is an empty file (``> passages.csv``), which a CSV export starts with a byte-order
    mark for spreadsheets, as a file written with ``-o`` does."""
    args.to_terminal = to_terminal
    args.to_new_file = to_new_file
    handler = _HANDLERS[args.command]
    create = args.command in ("import", "tag")
    # Commands that only read skip the integrity pass on open (a quick command should be
    # quick); damage still shows as a known error when a damaged page is read.
    verify = args.command not in _READ_ONLY_COMMANDS
    path = Path(args.project).expanduser()
    new = create and not file_exists(path)
    if new:
        _refuse_unlisted_name(path)
    kept: list[Path] = []
    with folder_turn(path, exclusive=new):  # a project made by another command is whole
        made = create_whole(path) if new else None
        try:
            project = Project.open(
                path, create=create, verify=verify,
                before_upgrade=lambda p: kept.append(_keep_older(p)),
            )  # fmt: skip
        except BaseException:
            if made is not None:  # nobody could open it: it is this command's own
                remove_files(path)
            raise
    try:
        result = handler(project, args)
    except BaseException:
        if made is not None:  # a refused command leaves no empty project behind
            remove_unused(project, made)
        raise
    finally:
        if not project.closed:
            project.close()
    set_aside = project.log_set_aside or (made.log_set_aside if made else None)
    search_kept = project.search_kept
    notes = [
        f"{path} was updated to this version's format, which an older Diptych cannot open;"
        f" the file as it was is kept as {copy}"
        for copy in kept
    ]
    if set_aside is not None:
        notes.append(stale_log_notice(path, set_aside))
    if search_kept is not None:
        from diptych.storage.search_repair import search_rebuilt_notice

        notes.append(search_rebuilt_notice(path, search_kept))
    return dataclasses.replace(result, notes=[*notes, *result.notes]) if notes else result


def _refuse_unlisted_name(path: Path) -> None:
    """Refuse to create a project whose name File > Open would not list: it lists only
    names ending with .diptych."""
    if path.suffix.lower() != PROJECT_SUFFIX:
        raise InputError(
            f"a new project's name must end with {PROJECT_SUFFIX}, or File > Open will not"
            " list it; no project was created",
            path=path,
            advice=f"To create it, give {path.name}{PROJECT_SUFFIX} instead.",
        )


def _keep_older(project: Project) -> Path:
    """Keep a copy of a project from an older Diptych beside it, before it is updated."""
    from diptych.storage.project_copies import copy_open_project
    from diptych.storage.schema import SCHEMA_VERSION

    path = project.path
    what = f"before the update to format {SCHEMA_VERSION}"
    copy = set_aside_name(path, what)
    if file_exists(copy):  # kept at an earlier update: never replaced
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = set_aside_name(path, f"{what}, {stamp}")
    copy_open_project(project, copy)
    return copy


def _articles(project: Project, args: argparse.Namespace) -> Result:
    rows = project.articles.all()
    data = [
        {
            "id": a.id,
            "title": a.title,
            "file": a.source_name,
            "characters": a.characters,
            "annotations": a.annotation_count,
        }
        for a in rows
    ]
    lines = [f"{a.id:>4}  {a.characters:>10}  {a.annotation_count:>8}  {a.title}" for a in rows]
    return Output(["  id  characters  passages  title", *lines] if rows else [], data)


def _rename(project: Project, args: argparse.Namespace) -> Result:
    """Give the project a name; the name as kept."""
    name = project.rename(name=args.name)
    return Output([name], {"name": name})


def _annotations(project: Project, args: argparse.Namespace) -> Result:
    """The passages of any of the articles given (--article, repeatable) with any of the
    tags given (--tag, repeatable), as ``export`` takes them."""
    chosen = [require_tag(project, name) for name in args.tag or ()]
    for article_id in args.article or ():
        project.articles.summary(article_id=article_id)  # "there is no article N"
    articles = set(args.article or ())
    only = next(iter(articles)) if len(articles) == 1 else None  # read only that one's
    passages = project.annotations.query(article_id=only)
    if articles:
        passages = [p for p in passages if p.article_id in articles]
    codebook = project.tags.codebook()
    if chosen:  # with their sub-tags', as the window's filter and export --tag
        wanted = {t.id for tag in chosen for t in (tag, *codebook.descendants(tag.id))}
        passages = [p for p in passages if wanted.intersection(p.tag_ids)]
    data, lines = [], []
    for p in passages:
        tags = [codebook.path(t) for t in p.tag_ids if t in codebook]
        said = check_said(p.check)
        data.append(
            {
                # An orphan's offsets are where its text was: it has none now, as the CSV
                # and the W3C JSON say.
                "id": p.id, "uuid": p.uuid, "article": p.article_id,
                "start": None if p.is_orphan else p.start,
                "end": None if p.is_orphan else p.end,
                "quote": p.exact, "tags": tags, "note": p.note, "coder": p.coder,
                "status": p.status.value, "created": p.created_at, "updated": p.updated_at,
                # Found approximately by an update, and not checked since: why, since when
                "to_check": said or None,
            }
        )  # fmt: skip
        quote = " ".join(p.exact.split())
        quote = quote if len(quote) <= 70 else quote[:69] + "…"
        flag = " [orphan]" if p.is_orphan else (f" [to check: {said}]" if said else "")
        place = "orphan".center(15) if p.is_orphan else f"{p.start:>7}-{p.end:<7}"  # none now
        lines.append(f"{p.article_id:>4}  {place} {', '.join(tags)}{flag}")
        lines.append(f"      “{quote}”" + (f"  — {_one_line(p.note)}" if p.note else ""))
    return Output(lines, data)


def _one_line(text: str) -> str:
    """``text`` on one line of the table (its line breaks as spaces); --json keeps them."""
    return " ".join(text.split())


_NOT_SAID = ("shown", "matches")  # a hit's snippet as the window shows it: --json has it in [ ]


def _search(project: Project, args: argparse.Namespace) -> Result:
    from diptych.storage.search import search

    query = " ".join(args.query)  # its words, typed with or without quotes
    hits = search(project, query=query, limit=args.limit)
    # Field by field: dataclasses.asdict copies each mark of each snippet deeply.
    data = [
        {f.name: getattr(h, f.name) for f in dataclasses.fields(h) if f.name not in _NOT_SAID}
        for h in hits
    ]
    for row, hit in zip(data, hits, strict=True):  # the passage as annotations --json has it
        if hit.kind == "passage" and hit.annotation_id is not None:
            row["uuid"] = project.annotations.get(annotation_id=hit.annotation_id).uuid
    lines = [f"{_reference(h)}  {_place(h)}: {_one_line(h.snippet)}" for h in hits]
    if not hits:
        return Output([], [], [_why_nothing(query)], status=1)
    return Output(lines, data)


def _why_nothing(query: str) -> str:
    """What to say when ``query`` finds nothing, and why when it could not find anything,
    as the window's Search panel says it."""
    from diptych.storage.search import why_nothing_found

    reason = why_nothing_found(query)
    return f"nothing matches {query!r}" if reason is None else f"nothing matches: {reason}"


def _reference(hit: SearchHit) -> str:
    """What a hit is, with the ids the other commands take: ``article 2``, ``passage 7 of
    article 2`` (a bare number after "passage" read as the passage's own id), ``memo of
    article 2``, ``memo``."""
    if hit.kind == "passage" and hit.annotation_id is not None:
        return f"passage {hit.annotation_id} of article {hit.article_id}"
    if hit.kind == "article":
        return f"article {hit.article_id}"
    return "memo" if hit.article_id is None else f"memo of article {hit.article_id}"


def _place(hit: SearchHit) -> str:
    """Where a hit is: its article's title; for a memo on a tag or the project, that."""
    if hit.memo_on == "tag":
        return f"tag “{hit.title}”"
    if hit.memo_on == "project":
        return "the project"
    return hit.title


def _export(project: Project, args: argparse.Namespace) -> Result:
    from diptych.storage.exporting import (
        FORMATS,
        ExportOptions,
        export_notes,
        export_project,
        format_of,
    )

    if args.output == Path("-"):  # standard output, as the shell's tools read a "-"
        args.output = None
    fmt = args.format or (format_of(args.output) if args.output is not None else None)
    if fmt is None:
        suffixes = ", ".join(f.suffix for f in FORMATS.values())
        raise InputError(
            "which format? Give --format, or an output file (-o) whose name ends with one of "
            + suffixes,
            advice="For example: diptych export PROJECT -o notes.md",
        )
    if args.output is None and args.to_terminal and not _is_text(FORMATS[fmt].mime):
        raise InputError(
            f"a {FORMATS[fmt].label} ({fmt}) is a binary file, not text to show in the terminal",
            advice="Write it to a file with -o, for example: diptych export PROJECT"
            f" --format {fmt} -o {Path(args.project).stem}{FORMATS[fmt].suffix}",
        )
    if args.output is not None:
        _refuse_an_article_file(project, args.output)
    tag_ids = tuple(require_tag(project, n).id for n in args.tag) if args.tag else None
    options = ExportOptions(
        article_ids=tuple(args.article) if args.article else None,
        tag_ids=tag_ids,
        group_by=args.group_by,
        include_untagged=args.untagged,
        block_ids=args.block_ids,
        coder=args.coder or "",
    )
    written: list[str] = []  # what the writer noticed: cells cut short, an empty scope
    data = export_project(project, fmt=fmt, options=options, notes=written)
    notes = export_notes(Codebook(project.tags.all()), fmt, options) + written
    if args.output is None:
        if args.to_terminal and fmt == "json":  # as the other commands' --json print it
            from diptych.storage.cli_output import json_safe

            data = json_safe(data.decode("utf-8")).encode("utf-8")
        elif fmt == "csv" and not args.to_new_file:
            # Read by cut, head or csvkit, the mark would be part of the first column's name.
            data = data.removeprefix(codecs.BOM_UTF8)
        return Content(data, notes)
    write_atomically(args.output, data)
    return Output([str(args.output)], {"path": str(args.output), "bytes": len(data)}, notes)


def _refuse_an_article_file(project: Project, output: Path) -> None:
    """Refuse to write an export over a file of the name one of the project's articles was
    imported from: that is most likely the user's own text (``notes.md`` imported, then
    ``export -o notes.md``), which nothing could bring back."""
    try:
        if not output.is_file():
            return
    except OSError:  # cannot be looked at: writing it says what is wrong
        return
    for article in project.articles.all():
        if article.source_name and Path(article.source_name).name == output.name:
            raise InputError(
                f"{output}: is the file article {article.id} ({_short(article.title)}) was"
                " imported from, so it was not replaced",
                advice="Choose another file name for the export.",
            )


def _short(title: str, room: int = 60) -> str:
    return title if len(title) <= room else title[: room - 1].rstrip() + "…"


def _is_text(mime: str) -> bool:
    """Whether a format of media type ``mime`` is text (a zip is not)."""
    return mime.startswith("text/") or mime.split(";")[0].endswith(("xml", "json"))


_READ_ONLY_COMMANDS = frozenset({"articles", "tags", "annotations", "search", "export"})

_HANDLERS: dict[str, Callable[[Project, argparse.Namespace], Result]] = {
    "import": import_command,
    "reimport": reimport_command,
    "articles": _articles,
    "tags": list_tags,
    "tag": tag_command,
    "rename": _rename,
    "annotate": annotate_command,
    "annotations": _annotations,
    "search": _search,
    "export": _export,
}
