"""The command line's arguments: a parser for each sub-command, and their types.

Argument types refuse what no project could hold before any project is opened: an id
larger than SQLite's, text that is not UTF-8.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from diptych.storage.errors import readable_text

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
    parser = _Parser(
        prog="diptych",
        description="Read articles side by side, tag passages, export tagged notes.",
        epilog="Text arguments must be UTF-8 (set the terminal to UTF-8). A file name that"
        " is not UTF-8 is shown and stored with U+FFFD for each byte that is not. Output is"
        " written in the terminal's encoding: a character it cannot show is written as an"
        " escape such as \\u2019 (in --json, JSON's own escape: the same JSON).",
    )
    parser.add_argument(
        "-V", "--version", action=_Version, help="print the version of Diptych and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _SUBCOMMANDS.items():
        if command is None or command == name:
            add(sub, name)
    return parser


class _Parser(argparse.ArgumentParser):
    """A parser whose refusal is one line: what is wrong, and where the help is (the
    command's usage is for ``--help``; above the error it hid the line that matters).
    Each sub-command's parser is one of these too (argparse makes them of its class)."""

    def error(self, message: str) -> NoReturn:
        said = message if message.endswith((".", "!", "?")) else f"{message}."
        self.exit(2, f"{self.prog}: error: {said} See {self.prog} --help\n")


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("diptych")
        except PackageNotFoundError:  # run from a folder it was not installed from
            number = "(not installed)"
        parser._print_message(f"diptych {number}\n", sys.stdout)  # as argparse's own version
        parser.exit()


def command_named(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names, if it starts with one ("open" when it is empty)."""
    if not argv:
        return "open"
    return argv[0] if argv[0] in _SUBCOMMANDS else None


def _open_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="start the window (default: the last project; at first start, the built-in"
        " sample project)",
    )
    p.add_argument("project", nargs="?", type=Path, help="project file (.diptych) to open")


def _import_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="import articles (.txt, .md, .html) or a REFI-QDA project (.qdpx, .qdc)",
        description="Import article files, or the article files in folders, into PROJECT, "
        "creating it if missing (a new project's name must end with .diptych). Nothing is "
        "imported if any file is refused (an exchange file that brings in nothing because "
        "its sources cannot be read is refused too, and so is an import that brings in "
        "nothing at all, an empty folder say); a file whose "
        "article is already in the project is left out, and so is a file named as an "
        "article's file whose text is close to it (changed since: bring it in with "
        "reimport). Prints the new article ids, then "
        "what was left out and which files were not all UTF-8 (lines starting with #).",
    )
    p.add_argument("project", type=Path)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON: each new article's id with its file, each file left out with why",
    )


def _reimport_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="replace an article's text with a newer version and find its passages again",
        description="Replace an article's text with a newer version and find its passages "
        "again. A FILE named otherwise than the article's file whose text shares almost "
        "nothing with the article's, however short it is (another article, a note, chosen by"
        " mistake), or that holds none of the article's passages, is refused unless --force"
        " is given: every passage would be orphaned, and this cannot be undone. Prints where"
        " the passages went, and the title's change when the update changes it (a title"
        " taken from the headline follows the newer file's headline).",
    )
    p.add_argument("project", type=Path)
    p.add_argument("article", type=_POSITIVE, metavar="ARTICLE_ID")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--force",
        action="store_true",
        help="update the article even from a file that shares almost nothing with it, or"
        " holds none of its passages",
    )
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
    p.add_argument(
        "--key",
        choices=[*map(str, range(1, 10)), "none"],
        help="the key (1-9) that tags text with it in the window, taken from the tag that"
        " has it; none: no key",
    )


def _rename_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="give the project a name (its window's title, its exports' titles)",
        description="Give the project the name NAME, which the window's title and the"
        " exports' titles show (File > Project name… in the window). The file keeps its"
        " name. Prints the name as kept (on one line).",
    )
    p.add_argument("project", type=Path)
    p.add_argument("name", type=_text, metavar="NAME", help="the project's new name")
    _json_flag(p)


def _annotations_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="list passages with their tags and notes",
        description="List passages with their tags and notes. --tag and --article may each"
        " be given several times, as for export: the passages of any of the articles"
        " given, with any of the tags given.",
    )
    p.add_argument("project", type=Path)
    p.add_argument(
        "--tag",
        type=_text,
        action="append",
        metavar="NAME",
        help="only passages with this tag (or its sub-tags); repeatable",
    )
    p.add_argument(
        "--article",
        type=_POSITIVE,
        action="append",
        metavar="ID",
        help="only passages of this article; repeatable",
    )
    _json_flag(p)


def _search_parser(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name,
        help="full-text search over articles, passages, notes and memos",
        description="Print what matches the query, best first. Exit status 1 when nothing"
        " matches (as grep), with a line on stderr saying so; --json then prints []. A"
        " -word is part of the query wherever it stands, before, between or after the"
        " other words and the options.",
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
        "text. A quote's quotation marks and apostrophes may be straight or curly, whichever "
        "the article has (Xi's finds Xi’s). Unknown tags are created, a path's missing tags "
        "each inside the one before (Economy/Tariffs makes Tariffs under Economy). Prints the "
        "passage's uuid. Run again on the same range (by the same coder), it adds the tags "
        "the passage lacks to it rather than making another.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("article", type=_POSITIVE, metavar="ARTICLE_ID")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--quote",
        type=_text,
        help="the text of the passage, as the article writes it (but for the style of its"
        " quotes and apostrophes)",
    )
    where.add_argument("--start", type=_OFFSET, help="first character (code points, from 0)")
    p.add_argument("--end", type=_OFFSET, help="one past the last character (with --start)")
    p.add_argument(
        "--occurrence",
        type=_POSITIVE,
        default=None,
        metavar="N",
        help="which occurrence of --quote to tag (default: the first, with a note on stderr"
        " when the quote occurs more than once)",
    )
    p.add_argument(
        "--tag", type=_text, action="append", required=True, help="tag to apply (repeatable)"
    )
    p.add_argument("--note", type=_text, default="", help="note on the passage (Markdown)")
    p.add_argument(
        "--replace-note",
        action="store_true",
        help="where your passage on that range already has another note, put --note instead"
        " (without it, that is refused)",
    )
    p.add_argument(
        "--coder",
        type=_text,
        default=None,
        help="who coded it (default: the name given in the window's Edit > Coder name…, else"
        " your user name)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON: the passage's uuid, id, place, quote and tags, and whether it is new",
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
        help="file to write (default, or -: standard output; for qdpx, a zip, only when it"
        " is redirected to a file or a pipe, not a terminal)",
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
    p.add_argument(
        "--block-ids",
        action="store_true",
        help="Markdown: mark each quote with an Obsidian block id (^uuid), for links into"
        " the file; other readers show the ids as text",
    )
    p.add_argument(
        "--coder",
        type=_text,
        default=None,
        help="who is exporting: a qdpx names them as the project's maker when they coded in"
        " it, else the coder of most passages exported (default: as for annotate)",
    )
    # A default, or argparse calls it "required" when the project is missing too.
    p.add_argument("unnamed_output", nargs="*", default=[], help=argparse.SUPPRESS)


# Sub-commands in the order ``diptych --help`` lists them.
_SUBCOMMANDS: dict[str, Callable[[Any, str], None]] = {
    "open": _open_parser,
    "import": _import_parser,
    "reimport": _reimport_parser,
    "articles": _articles_parser,
    "tags": _tags_parser,
    "tag": _tag_parser,
    "rename": _rename_parser,
    "annotate": _annotate_parser,
    "annotations": _annotations_parser,
    "search": _search_parser,
    "export": _export_parser,
}


_LEFT_OUT = re.compile(r"-(?!-|h$)\S")
"""A search's ``-word`` (leave out what has it): search has no short option but -h."""


def parse_arguments(parser: argparse.ArgumentParser, arguments: list[str]) -> argparse.Namespace:
    """The arguments, where a search's ``-word`` is part of its query rather than an option
    nobody defined (``diptych search P steel -iron --json``), and its words need no quotes;
    and where a text starting with a dash is the value of the option before it
    (:func:`_dashed_values`). What no option of the command is, is refused under that
    command's usage, not the usage of every command."""
    sub = _command_parser(parser, arguments)
    arguments = _dashed_values(sub, arguments)
    if sub is not None and command_named(arguments) == "search":
        arguments = [arguments[0], *_query_last(sub, arguments[1:])]
    args, unknown = parser.parse_known_args(arguments)
    if unknown:
        (sub or parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _command_parser(
    parser: argparse.ArgumentParser, arguments: list[str]
) -> argparse.ArgumentParser | None:
    """The parser of the sub-command ``arguments`` name, if they name one."""
    command = next((a for a in parser._actions if a.dest == "command"), None)
    choices = command.choices if command is not None else None
    sub = choices.get(command_named(arguments) or "") if isinstance(choices, dict) else None
    return sub if isinstance(sub, argparse.ArgumentParser) else None


def _query_last(search: argparse.ArgumentParser, arguments: list[str]) -> list[str]:
    """A search's ``arguments`` with its options first, then ``--`` and the project and
    query words in the order typed: a ``-word`` is a query word wherever it stands, before,
    between or after the other words and options (argparse would take it for an option,
    or, behind a ``--`` of its own, for words after a query it had already read)."""
    end = arguments.index("--") if "--" in arguments else len(arguments)
    options: list[str] = []
    words: list[str] = []
    at = 0
    while at < end:
        argument = arguments[at]
        if _LEFT_OUT.match(argument) or not argument.startswith("-") or argument == "-":
            words.append(argument)
        else:  # an option of search, or one it lacks (refused under its usage)
            options.append(argument)
            if _takes_value(search, argument) and at + 1 < end:
                at += 1
                options.append(arguments[at])
        at += 1
    return [*options, "--", *words, *arguments[end + 1 :]]


def _takes_value(parser: argparse.ArgumentParser, option: str) -> bool:
    """Whether ``option`` (``--limit``, or ``--lim`` as argparse shortens it, not
    ``--limit=3``) is followed by its value."""
    if "=" in option:
        return False
    named = [a for name, a in parser._option_string_actions.items() if name.startswith(option)]
    exact = parser._option_string_actions.get(option)
    action = exact or (named[0] if len({id(a) for a in named}) == 1 else None)
    return action is not None and action.nargs != 0


def _dashed_values(sub: argparse.ArgumentParser | None, arguments: list[str]) -> list[str]:
    """``arguments`` with ``--tag -5%`` written ``--tag=-5%``: argparse takes a value
    starting with a dash for an option, and refused a tag named "-5%" or a note "-not a
    list" ("expected one argument"). Only a text option's value (of the command parsed by
    ``sub``), and only one with a single dash that is no option of the command: ``--tag
    -o`` and ``--tag --untagged`` still say that the tag is left out."""
    if sub is None:
        return arguments
    actions = [a for a in sub._actions if a.option_strings]
    options = {name for a in actions for name in a.option_strings}
    texts = {
        name for a in actions if a.type is _text and a.nargs is None for name in a.option_strings
    }
    end = arguments.index("--") if "--" in arguments else len(arguments)
    joined: list[str] = []
    at = 0
    while at < end:
        argument, value = arguments[at], arguments[at + 1] if at + 1 < end else ""
        if argument in texts and _LEFT_OUT.match(value) and value not in options:
            joined.append(f"{argument}={value}")
            at += 2
        else:
            joined.append(argument)
            at += 1
    return joined + arguments[end:]
