"""The ``diptych`` command line: a thin layer over the storage API.

Exit status: 0 on success, 1 when ``search`` finds nothing (as grep), 2 on bad input (with
a one-line message on stderr).

Text arguments (tags, notes, quotes, coders, queries) must be UTF-8: text typed in a
terminal set to another encoding is refused rather than stored garbled. Files whose
names are not UTF-8 are read as they are; the name shown and stored has U+FFFD for each
byte that is not UTF-8.
The window is started through the ``open_gui`` callable that the GUI entry point passes
in, so that this module never imports Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from diptych.storage.control_characters import JSON_TERMINAL_CONTROLS, TERMINAL_CONTROLS
from diptych.storage.errors import DiptychError, readable_text

if TYPE_CHECKING:
    from diptych.storage.cli_results import Result

OpenGui = Callable[[Path | None], int]

MAX_ID = 2**63 - 1
"""The largest id SQLite can hold; a larger one is refused before any project is opened."""


def _whole_number(low: int, high: int = MAX_ID) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else a message naming both."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            shown = readable_text(text if len(text) <= 30 else text[:29] + "…")
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {low} to {high}, not {shown!r}"
            )
        return value

    return parse


_POSITIVE = _whole_number(1)  # ids, --limit, --occurrence
_OFFSET = _whole_number(0)


def _text(text: str) -> str:
    """An argparse type: text that is valid UTF-8, refused otherwise (never stored garbled).

    Linux passes arguments typed in another encoding (Latin-1 ``résumé``) with their
    undecodable bytes as lone surrogates, which no project can hold.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            f"{readable_text(text)!r} is not UTF-8 text (the terminal may use another"
            " encoding); set the terminal to UTF-8 and type it again"
        ) from None
    return text


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every sub-command, or only ``command`` when it names one.

    A command line that names its command needs only that sub-command's parser (and the
    window's start is not kept waiting for the other ten); help and errors about the
    command name itself are given by the whole parser.
    """
    parser = argparse.ArgumentParser(
        prog="diptych",
        description="Read articles side by side, tag passages, export tagged notes.",
        epilog="Text arguments must be UTF-8 (set the terminal to UTF-8). A file name that"
        " is not UTF-8 is shown and stored with U+FFFD for each byte that is not.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _SUBCOMMANDS.items():
        if command is None or command == name:
            add(sub, name)
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names, if it starts with one ("open" when it is empty)."""
    if not argv:
        return "open"
    return argv[0] if argv[0] in _SUBCOMMANDS else None


def _open_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="start the window (default: the built-in sample project)")
    p.add_argument("project", nargs="?", type=Path, help="project file (.diptych) to open")


def _import_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="import articles (.txt, .md, .html) or a REFI-QDA project (.qdpx, .qdc)",
        description="Import article files, or the article files in folders, into PROJECT, "
        "creating it if missing (a new project's name must end with .diptych). Nothing is "
        "imported if any file is refused; a file whose "
        "article is already in the project is left out. Prints the new article ids, then "
        "what was left out (lines starting with #).",
    )
    p.add_argument("project", type=Path)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")


def _reimport_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name, help="replace an article's text with a newer version and find its passages again"
    )
    p.add_argument("project", type=Path)
    p.add_argument("article", type=_POSITIVE, metavar="ARTICLE_ID")
    p.add_argument("file", type=Path, metavar="FILE")
    _json_flag(p)


def _articles_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="list articles: id, title, characters, passages")
    p.add_argument("project", type=Path)
    _json_flag(p)


def _tags_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="list the codebook")
    p.add_argument("project", type=Path)
    _json_flag(p)


def _tag_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="create a tag, or change its colour, description or parent",
        description="Without --parent: change the tag NAME (wherever it is), or create it"
        " at the top level. With --parent: change the tag NAME under that parent, or create"
        " it there; a tag of that name elsewhere stays where it is, unless --move moves it"
        " (with its passages and sub-tags). Prints id, colour and path.",
    )
    p.add_argument("project", type=Path)
    p.add_argument(
        "name",
        type=_text,
        metavar="NAME",
        help="tag name (or path such as Economy/Trade for an existing tag)",
    )
    p.add_argument("--color", type=_text, help="colour as #RRGGBB")
    p.add_argument("--parent", type=_text, help="name or path of the parent tag")
    p.add_argument(
        "--move",
        action="store_true",
        help="move the existing tag NAME under --parent (without --parent: to the top level)",
    )
    p.add_argument("--description", type=_text, help="what the tag means")


def _annotations_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="list passages with their tags and notes")
    p.add_argument("project", type=Path)
    p.add_argument("--tag", type=_text, help="only passages with this tag")
    p.add_argument("--article", type=_POSITIVE, metavar="ID", help="only passages of this article")
    _json_flag(p)


def _search_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="full-text search over articles, passages, notes and memos",
        description="Print what matches the query, best first. Exit status 1 when nothing"
        " matches (as grep), with a line on stderr saying so; --json then prints [].",
    )
    p.add_argument("project", type=Path)
    p.add_argument(
        "query",
        type=_text,
        nargs="+",
        help="words to find (FTS5 syntax: phrases in quotes, OR, prefix*; -word leaves out)",
    )
    p.add_argument("--limit", type=_POSITIVE, default=20, help="at most this many of each kind")
    _json_flag(p)


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _annotate_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="tag a passage of an article",
        description="Tag a passage given by its quote or by code-point offsets of the display "
        "text. Unknown tags are created. Prints the passage's uuid.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("article", type=_POSITIVE, metavar="ARTICLE_ID")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", type=_text, help="the exact text of the passage")
    where.add_argument("--start", type=_OFFSET, help="first character (code points, from 0)")
    p.add_argument("--end", type=_OFFSET, help="one past the last character (with --start)")
    p.add_argument("--occurrence", type=_POSITIVE, default=1, help="which occurrence of --quote")
    p.add_argument(
        "--tag", type=_text, action="append", required=True, help="tag to apply (repeatable)"
    )
    p.add_argument("--note", type=_text, default="", help="note on the passage (Markdown)")
    p.add_argument(
        "--coder", type=_text, default=None, help="who coded it (default: your user name)"
    )


def _export_parser(sub: Any, name: str) -> None:
    from diptych.storage.exporting import FORMATS

    p = sub.add_parser(
        name,
        help="export tagged notes: " + ", ".join(FORMATS),
        description="Write the project's tagged notes in one of the export formats.",
    )
    p.add_argument("project", type=Path)
    p.add_argument(
        "--format",
        "-f",
        choices=sorted(FORMATS),
        help="the format (default: the one the output file's name ends with, e.g. notes.md)",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (default: standard output; for qdpx, a zip, only when it is"
        " redirected to a file or a pipe, not a terminal)",
    )
    p.add_argument(
        "--article", type=_POSITIVE, action="append", metavar="ID", help="only this article"
    )
    p.add_argument(
        "--tag", type=_text, action="append", metavar="NAME", help="only this tag (and sub-tags)"
    )
    p.add_argument(
        "--untagged",
        action=argparse.BooleanOptionalAction,
        help="passages without a tag too (default: only when no --tag is given)",
    )
    p.add_argument("--group-by", choices=("tag", "article"), default="tag")
    p.add_argument("unnamed_output", nargs="*", help=argparse.SUPPRESS)


def _output_without_option(args: argparse.Namespace) -> str | None:
    """Why ``diptych export PROJECT notes.md`` is refused: the file to write is given with
    ``-o``, and argparse would only say "unrecognized arguments" under the usage of all
    commands."""
    given = getattr(args, "unnamed_output", None)
    if args.command != "export" or not given:
        return None
    shown = readable_text(" ".join(given))
    return (
        f"diptych: export: nothing was written: {shown!r} follows the project, and the file"
        " to write is named with -o, e.g. diptych export"
        f" {readable_text(str(args.project))} -o {readable_text(given[0])}"
    )


# Sub-commands in the order ``diptych --help`` lists them.
_SUBCOMMANDS: dict[str, Callable[[Any, str], None]] = {
    "open": _open_parser,
    "import": _import_parser,
    "reimport": _reimport_parser,
    "articles": _articles_parser,
    "tags": _tags_parser,
    "tag": _tag_parser,
    "annotate": _annotate_parser,
    "annotations": _annotations_parser,
    "search": _search_parser,
    "export": _export_parser,
}


_LEFT_OUT = re.compile(r"-(?!-|h$)\S")
"""A search's ``-word`` (leave out what has it): search has no short option but -h."""


def _parse(parser: argparse.ArgumentParser, arguments: list[str]) -> argparse.Namespace:
    """The arguments, where a search's ``-word`` is part of its query rather than an option
    nobody defined (``diptych search P steel -iron``), and its words need no quotes."""
    if command_named(arguments) != "search" or not any(map(_LEFT_OUT.match, arguments)):
        return parser.parse_args(arguments)
    end = arguments.index("--") if "--" in arguments else len(arguments)
    before, after = arguments[:end], arguments[end + 1 :]
    left_out = [a for a in before if _LEFT_OUT.match(a)]
    kept = [a for a in before if not _LEFT_OUT.match(a)]
    return parser.parse_args([*kept, "--", *left_out, *after])


def main(
    argv: Sequence[str] | None = None,
    *,
    open_gui: OpenGui | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run one command; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_named(arguments))
    try:
        args = _parse(parser, arguments)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code or 0)
    unnamed = _output_without_option(args)
    if unnamed is not None:
        print(terminal_safe(unnamed), file=err)
        return 2
    if args.command in (None, "open"):
        if open_gui is None:
            print("diptych: the window is not available here", file=err)
            return 2
        return open_gui(getattr(args, "project", None))
    if args.command == "annotate" and args.coder is None:
        args.coder = _user_name()
    from diptych.storage import cli_commands  # what the commands do: not for the window

    try:
        result = cli_commands.run(args, to_terminal=_is_terminal(out))
    except DiptychError as exc:
        print(terminal_safe(readable_text(f"diptych: {exc}")), file=err)
        return 2
    except KeyboardInterrupt:
        print("diptych: interrupted", file=err)
        return 130
    try:
        _print(result, as_json=getattr(args, "json", False), out=out)
        for note in result.notes:
            print(terminal_safe(readable_text(f"diptych: note: {note}")), file=err)
        out.flush()  # a full disk shows here, not at exit
        status = getattr(result, "status", 0)
    except BrokenPipeError:  # the reader stopped reading (``| head``): nothing to say
        _discard_output(out)
        return 0
    except OSError as exc:
        print(
            f"diptych: the output cannot be written ({exc.strerror or exc})."
            " Free some disk space, or write to a file with -o where a command offers it.",
            file=err,
        )
        return 2
    return status


def _is_terminal(out: TextIO) -> bool:
    with contextlib.suppress(ValueError, AttributeError):  # closed, or no such method
        return bool(out.isatty())
    return False


def _discard_output(out: TextIO) -> None:
    """Send what is still buffered for ``out`` nowhere, so that exiting does not fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())


def _print(result: Result, *, as_json: bool, out: TextIO) -> None:
    from diptych.storage.cli_results import Content  # loaded with the command already

    if isinstance(result, Content):  # written as it is
        out.flush()
        target = getattr(out, "buffer", None)
        if target is not None:
            target.write(result.data)
            target.flush()
        else:
            out.write(result.data.decode("utf-8"))
        return
    if as_json:
        text = json.dumps(result.data, ensure_ascii=False, indent=2)
        out.write(json_safe(readable_text(text)) + "\n")
        return
    for line in result.lines:
        print(terminal_safe(readable_text(line)), file=out)


def terminal_safe(text: str) -> str:
    """``text`` with control characters (but tabs and line ends) written as ``\\xNN``: a
    title or note holding an escape sequence must not drive the terminal it is printed on."""
    return TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_safe(text: str) -> str:
    """JSON text with DEL and the C1 control characters written as ``\\u00NN``: still
    the same JSON, and nothing in it drives the terminal (``\\xNN`` is no JSON escape).
    They can only be inside strings, where the escape means the same character."""
    return JSON_TERMINAL_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _user_name() -> str:
    try:
        return readable_text(getpass.getuser())  # a login name that is not UTF-8, repaired
    except Exception:
        return ""
