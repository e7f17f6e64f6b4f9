"""The ``diptych`` command line: a thin layer over the storage API.

Exit status: 0 on success, 1 when ``search`` finds nothing (as grep), 2 on bad input (with
a one-line message on stderr).

Text arguments (tags, notes, quotes, coders, queries) must be UTF-8: text typed in a
terminal set to another encoding is refused rather than stored garbled. Files whose
names are not UTF-8 are read as they are; the name shown and stored has U+FFFD for each
byte that is not UTF-8. Output is written in the terminal's encoding, whatever it is: a
character it cannot hold is written as an escape (``\\u2019``; in ``--json``, JSON's own
escape, so that the JSON stays the same), never a traceback.
The window is started through the ``open_gui`` callable that the GUI entry point passes
in, so that this module never imports Qt.
"""

from __future__ import annotations

import argparse
import getpass
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from diptych.storage.cli_output import (
    discard_output,
    forgiving,
    is_new_file,
    is_terminal,
    print_result,
    terminal_safe,
)
from diptych.storage.cli_parser import build_parser, command_named, parse_arguments
from diptych.storage.cli_results import Content
from diptych.storage.errors import DiptychError, readable_text

OpenGui = Callable[[Path | None], int]
BackupsOf = Callable[[Path], int]  # how many backups Diptych keeps of a project file
CoderName = Callable[[], str]  # the name given in the window (Edit > Coder name…), or ""


def main(
    argv: Sequence[str] | None = None,
    *,
    open_gui: OpenGui | None = None,
    backups_of: BackupsOf | None = None,
    coder_name: CoderName | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    started: Callable[[], object] | None = None,
) -> int:
    """Run one command; returns the exit status. ``backups_of`` counts the backups the
    window keeps of a file (in its per-user folders, which only the window knows): a
    damaged file is told to be restored from them only when there are some. ``coder_name``
    is the name given in the window, which ``annotate`` signs a passage with by default
    (else the login name), so that one analyst is one coder in the project, and which
    ``export`` names as the maker of a REFI-QDA project. ``started`` is called as the
    command begins its work (opens the project, or the window), from when a ^C is the
    command's to handle: before, the caller stops at once.

    A standard output or error that is closed (``>&-``) takes what would be written there
    and shows it nowhere; an export to a closed standard output is refused."""
    closed = stdout is None and sys.stdout is None  # Python's sys.stdout for a closed one
    out = stdout or sys.stdout or io.StringIO()
    err = stderr or sys.stderr or io.StringIO()
    for stream in {id(s): s for s in (out, err, sys.stdout, sys.stderr)}.values():
        forgiving(stream)  # argparse writes its help and errors to sys.stdout and sys.stderr
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_named(arguments))
    try:
        args = parse_arguments(parser, arguments)
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
        if started is not None:
            started()
        return open_gui(getattr(args, "project", None))
    if _names_the_coder(args):
        _choose_coder(args, coder_name, err)
    elif getattr(args, "coder", None):  # not used (an export other than REFI-QDA): as given
        args.coder = args.coder.strip()
    from diptych.storage import cli_commands  # what the commands do: not for the window

    try:
        if started is not None:
            started()
        result = cli_commands.run(args, to_terminal=is_terminal(out), to_new_file=is_new_file(out))
    except DiptychError as exc:
        said = advice_on_backups(exc, backups_of)
        print(terminal_safe(readable_text(f"diptych: {said}")), file=err)
        return 2
    except KeyboardInterrupt:
        print("diptych: interrupted", file=err)
        return 130
    if closed and isinstance(result, Content):  # written nowhere: not done
        print(
            "diptych: the output cannot be written (standard output is closed); nothing was"
            " exported. Write it to a file with -o.",
            file=err,
        )
        return 2
    try:
        print_result(result, as_json=getattr(args, "json", False), out=out)
        for note in result.notes:
            print(terminal_safe(readable_text(f"diptych: note: {note}")), file=err)
        out.flush()  # a full disk shows here, not at exit
        status = getattr(result, "status", 0)
    except BrokenPipeError:  # the reader stopped reading (``| head``): nothing to say
        discard_output(out)
        return 0
    except OSError as exc:
        print(
            f"diptych: the output cannot be written ({exc.strerror or exc})."
            " Free some disk space, or write to a file with -o where a command offers it.",
            file=err,
        )
        return 2
    return status


def advice_on_backups(exc: DiptychError, backups_of: BackupsOf | None) -> DiptychError:
    """``exc``, its advice to restore the file from a backup kept only if Diptych has one:
    else what to do without one (or, where the backups cannot be counted, both)."""
    from diptych.storage.sqlite_errors import (
        MAYBE_BACKUP_ADVICE,
        NO_BACKUP_ADVICE,
        RESTORE_ADVICE,
    )

    if exc.advice != RESTORE_ADVICE or exc.path is None:
        return exc
    try:
        found = None if backups_of is None else backups_of(exc.path)
    except OSError:  # the backups' folder cannot be read: they cannot be told of
        found = None
    if found:
        return exc
    advice = MAYBE_BACKUP_ADVICE if found is None else NO_BACKUP_ADVICE
    return type(exc)(exc.message, path=exc.path, advice=advice)


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


def _names_the_coder(args: argparse.Namespace) -> bool:
    """Whether the command needs the coder's name (which the window's settings hold, read
    through Qt): ``annotate`` signs passages with it, a qdpx export names its maker."""
    if args.command != "export":
        return args.command == "annotate"
    from diptych.storage.exporting import format_of

    output = args.output
    return (args.format or (format_of(output) if output is not None else None)) == "qdpx"


def _choose_coder(args: argparse.Namespace, coder_name: CoderName | None, err: TextIO) -> None:
    """The coder ``--coder`` names, as the window keeps a name given in Edit > Coder name…
    (without spaces at its ends); without it, or blank (a script's variable left unset),
    the default coder: the name given in the window, else the login name."""
    from diptych.storage.passage_coders import coder_as_given

    given = None if args.coder is None else coder_as_given(args.coder)
    if given:
        args.coder = given
        return
    args.coder = (coder_name() if coder_name is not None else "") or _user_name()
    if given is not None:
        print(
            terminal_safe(
                f"diptych: note: --coder is blank; the default coder {args.coder!r}"
                " is named instead"
            ),
            file=err,
        )


def _user_name() -> str:
    try:
        return readable_text(getpass.getuser())  # a login name that is not UTF-8, repaired
    except Exception:
        return ""
